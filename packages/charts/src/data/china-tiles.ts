/**
 * Tile-grid positions of China's provincial-level divisions (GB/T 2260 codes), for the cartogram that
 * is the default map of Chinese reports: one equal square per division, placed to keep neighbours near,
 * and no boundaries (so no map-approval number is needed; see DESIGN.md "Maps of China").
 * `col` runs west → east, `row` north → south. The 31 divisions of the mainland are always drawn;
 * Hong Kong, Macao and Taiwan (`optional: true`) are drawn when the Result has them or when asked.
 */
export interface ChinaTile {
  code: string;
  zh: string;
  en: string;
  /** Two-letter abbreviation used on tiles in English. */
  abbr: string;
  col: number;
  row: number;
  optional?: boolean;
}

export const chinaTiles: readonly ChinaTile[] = [
  { code: '230000', zh: '黑龙江', en: 'Heilongjiang', abbr: 'HL', col: 7, row: 0 },
  { code: '150000', zh: '内蒙古', en: 'Inner Mongolia', abbr: 'NM', col: 4, row: 1 },
  { code: '110000', zh: '北京', en: 'Beijing', abbr: 'BJ', col: 5, row: 1 },
  { code: '210000', zh: '辽宁', en: 'Liaoning', abbr: 'LN', col: 6, row: 1 },
  { code: '220000', zh: '吉林', en: 'Jilin', abbr: 'JL', col: 7, row: 1 },
  { code: '650000', zh: '新疆', en: 'Xinjiang', abbr: 'XJ', col: 1, row: 2 },
  { code: '620000', zh: '甘肃', en: 'Gansu', abbr: 'GS', col: 2, row: 2 },
  { code: '640000', zh: '宁夏', en: 'Ningxia', abbr: 'NX', col: 3, row: 2 },
  { code: '140000', zh: '山西', en: 'Shanxi', abbr: 'SX', col: 4, row: 2 },
  { code: '130000', zh: '河北', en: 'Hebei', abbr: 'HE', col: 5, row: 2 },
  { code: '120000', zh: '天津', en: 'Tianjin', abbr: 'TJ', col: 6, row: 2 },
  { code: '630000', zh: '青海', en: 'Qinghai', abbr: 'QH', col: 2, row: 3 },
  { code: '610000', zh: '陕西', en: 'Shaanxi', abbr: 'SN', col: 3, row: 3 },
  { code: '410000', zh: '河南', en: 'Henan', abbr: 'HA', col: 4, row: 3 },
  { code: '370000', zh: '山东', en: 'Shandong', abbr: 'SD', col: 5, row: 3 },
  { code: '540000', zh: '西藏', en: 'Xizang', abbr: 'XZ', col: 1, row: 4 },
  { code: '510000', zh: '四川', en: 'Sichuan', abbr: 'SC', col: 2, row: 4 },
  { code: '500000', zh: '重庆', en: 'Chongqing', abbr: 'CQ', col: 3, row: 4 },
  { code: '420000', zh: '湖北', en: 'Hubei', abbr: 'HB', col: 4, row: 4 },
  { code: '340000', zh: '安徽', en: 'Anhui', abbr: 'AH', col: 5, row: 4 },
  { code: '320000', zh: '江苏', en: 'Jiangsu', abbr: 'JS', col: 6, row: 4 },
  { code: '530000', zh: '云南', en: 'Yunnan', abbr: 'YN', col: 2, row: 5 },
  { code: '520000', zh: '贵州', en: 'Guizhou', abbr: 'GZ', col: 3, row: 5 },
  { code: '430000', zh: '湖南', en: 'Hunan', abbr: 'HN', col: 4, row: 5 },
  { code: '360000', zh: '江西', en: 'Jiangxi', abbr: 'JX', col: 5, row: 5 },
  { code: '330000', zh: '浙江', en: 'Zhejiang', abbr: 'ZJ', col: 6, row: 5 },
  { code: '310000', zh: '上海', en: 'Shanghai', abbr: 'SH', col: 7, row: 5 },
  { code: '450000', zh: '广西', en: 'Guangxi', abbr: 'GX', col: 3, row: 6 },
  { code: '440000', zh: '广东', en: 'Guangdong', abbr: 'GD', col: 4, row: 6 },
  { code: '350000', zh: '福建', en: 'Fujian', abbr: 'FJ', col: 5, row: 6 },
  { code: '710000', zh: '台湾', en: 'Taiwan', abbr: 'TW', col: 6, row: 6, optional: true },
  { code: '460000', zh: '海南', en: 'Hainan', abbr: 'HI', col: 3, row: 7 },
  { code: '820000', zh: '澳门', en: 'Macao', abbr: 'MO', col: 4, row: 7, optional: true },
  { code: '810000', zh: '香港', en: 'Hong Kong', abbr: 'HK', col: 5, row: 7, optional: true },
];
