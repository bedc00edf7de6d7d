/**
 * The 31 provincial-level divisions of mainland China: GB/T 2260 code, Chinese and English names,
 * and the National Bureau of Statistics' four economic regions (east, central, west, northeast).
 * `pop2023` is the approximate year-end resident population in 10,000 persons (国家统计局 yearbook
 * order of magnitude, rounded), used only to make the illustrative per-capita indicator plausible.
 */
export interface Province {
  code: string;
  zh: string;
  en: string;
  region: 'east' | 'central' | 'west' | 'northeast';
  pop2023: number;
}

export const provinces: Province[] = [
  { code: '110000', zh: '北京', en: 'Beijing', region: 'east', pop2023: 2186 },
  { code: '120000', zh: '天津', en: 'Tianjin', region: 'east', pop2023: 1364 },
  { code: '130000', zh: '河北', en: 'Hebei', region: 'east', pop2023: 7393 },
  { code: '140000', zh: '山西', en: 'Shanxi', region: 'central', pop2023: 3466 },
  { code: '150000', zh: '内蒙古', en: 'Inner Mongolia', region: 'west', pop2023: 2396 },
  { code: '210000', zh: '辽宁', en: 'Liaoning', region: 'northeast', pop2023: 4182 },
  { code: '220000', zh: '吉林', en: 'Jilin', region: 'northeast', pop2023: 2339 },
  { code: '230000', zh: '黑龙江', en: 'Heilongjiang', region: 'northeast', pop2023: 3062 },
  { code: '310000', zh: '上海', en: 'Shanghai', region: 'east', pop2023: 2487 },
  { code: '320000', zh: '江苏', en: 'Jiangsu', region: 'east', pop2023: 8526 },
  { code: '330000', zh: '浙江', en: 'Zhejiang', region: 'east', pop2023: 6627 },
  { code: '340000', zh: '安徽', en: 'Anhui', region: 'central', pop2023: 6121 },
  { code: '350000', zh: '福建', en: 'Fujian', region: 'east', pop2023: 4183 },
  { code: '360000', zh: '江西', en: 'Jiangxi', region: 'central', pop2023: 4515 },
  { code: '370000', zh: '山东', en: 'Shandong', region: 'east', pop2023: 10123 },
  { code: '410000', zh: '河南', en: 'Henan', region: 'central', pop2023: 9815 },
  { code: '420000', zh: '湖北', en: 'Hubei', region: 'central', pop2023: 5838 },
  { code: '430000', zh: '湖南', en: 'Hunan', region: 'central', pop2023: 6568 },
  { code: '440000', zh: '广东', en: 'Guangdong', region: 'east', pop2023: 12706 },
  { code: '450000', zh: '广西', en: 'Guangxi', region: 'west', pop2023: 5027 },
  { code: '460000', zh: '海南', en: 'Hainan', region: 'east', pop2023: 1043 },
  { code: '500000', zh: '重庆', en: 'Chongqing', region: 'west', pop2023: 3191 },
  { code: '510000', zh: '四川', en: 'Sichuan', region: 'west', pop2023: 8368 },
  { code: '520000', zh: '贵州', en: 'Guizhou', region: 'west', pop2023: 3865 },
  { code: '530000', zh: '云南', en: 'Yunnan', region: 'west', pop2023: 4673 },
  { code: '540000', zh: '西藏', en: 'Xizang', region: 'west', pop2023: 365 },
  { code: '610000', zh: '陕西', en: 'Shaanxi', region: 'west', pop2023: 3952 },
  { code: '620000', zh: '甘肃', en: 'Gansu', region: 'west', pop2023: 2465 },
  { code: '630000', zh: '青海', en: 'Qinghai', region: 'west', pop2023: 594 },
  { code: '640000', zh: '宁夏', en: 'Ningxia', region: 'west', pop2023: 729 },
  { code: '650000', zh: '新疆', en: 'Xinjiang', region: 'west', pop2023: 2598 },
];

/** Province by its short Chinese name (浙江, 内蒙古...). */
export const provinceByZh = new Map(provinces.map((p) => [p.zh, p]));
