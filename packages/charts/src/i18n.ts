/**
 * Chinese and English words of the charts: axis titles, legend entries and the sentences of each
 * chart's description. One table, every key in both languages (TypeScript checks it).
 */
import type { Lang } from './types';

const words = {
  score: { zh: '得分', en: 'Score' },
  rank: { zh: '排名', en: 'Rank' },
  tier: { zh: '等级', en: 'Tier' },
  unit: { zh: '地区', en: 'Unit' },
  average: { zh: '平均', en: 'Average' },
  peers: { zh: '同组平均', en: 'Peer group average' },
  range: { zh: '最低至最高', en: 'Lowest to highest' },
  year: { zh: '年份', en: 'Year' },
  noData: { zh: '无数据', en: 'No data' },
  threshold: { zh: '门槛', en: 'Threshold' },
  nominal: { zh: '名义排名', en: 'Nominal rank' },
  median: { zh: '中位排名', en: 'Median rank' },
  interval: { zh: '5%–95%区间', en: '5th–95th percentile' },
  rankInterval: { zh: '排名（线段：5%–95%区间）', en: 'Rank (line: 5th–95th percentile)' },
  firstOrder: { zh: '一阶指数', en: 'First-order index' },
  total: { zh: '总效应指数', en: 'Total index' },
  sensitivityIndex: { zh: '敏感性指数', en: 'Sensitivity index' },
  assumption: { zh: '假设', en: 'Assumption' },
  correlation: { zh: '相关系数', en: 'Correlation' },
  up: { zh: '上升', en: 'Up' },
  down: { zh: '下降', en: 'Down' },
  same: { zh: '不变', en: 'Unchanged' },
  change: { zh: '变化', en: 'Change' },
  weight: { zh: '权重', en: 'Weight' },
  level: { zh: '层级', en: 'Level' },
  others: { zh: '其他地区', en: 'Other units' },
  list: { zh: '、', en: ', ' },
  colon: { zh: '：', en: ': ' },
  stop: { zh: '。', en: '. ' },
} as const satisfies Record<string, Record<Lang, string>>;

export type WordKey = keyof typeof words;

/** The word for `key` in `lang`. @example t('score', 'zh') // '得分' */
export function t(key: WordKey, lang: Lang): string {
  return words[key][lang];
}

/** Joins items as a list: `A、B、C` in Chinese, `A, B, C` in English. */
export function list(items: readonly string[], lang: Lang): string {
  return items.join(t('list', lang));
}

/** `name (value)` with the language's brackets: `北京（92.1）`, `Beijing (92.1)`. */
export function paren(name: string, value: string, lang: Lang): string {
  return lang === 'zh' ? `${name}（${value}）` : `${name} (${value})`;
}

/** Sentences joined with the language's full stop; empty parts dropped; ends with a full stop. */
export function sentences(parts: readonly (string | false | undefined | null)[], lang: Lang): string {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p.length > 0);
  if (lang === 'zh') return kept.map((p) => (p.endsWith('。') ? p : `${p}。`)).join('');
  return kept.map((p) => (p.endsWith('.') ? p : `${p}.`)).join(' ');
}

const kinds: Record<string, Record<Lang, string>> = {
  province: { zh: '省份', en: 'provinces' },
  city: { zh: '城市', en: 'cities' },
  county: { zh: '区县', en: 'counties' },
  country: { zh: '国家', en: 'countries' },
  region: { zh: '地区', en: 'regions' },
};

/** Plural word for the kind of unit (`Result.set.unit`): 省份 / provinces; 地区 / units when unknown. */
export function unitKind(kind: string | undefined, lang: Lang): string {
  const k = kind ? kinds[kind.toLowerCase()] : undefined;
  return k ? k[lang] : lang === 'zh' ? '地区' : 'units';
}

/** Font stacks: a CJK font first for Chinese; English keeps a CJK fallback for Chinese names. */
export const fonts: Record<Lang, string> = {
  zh: '"Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  en: '"Noto Sans", "Helvetica Neue", Arial, "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
};

/** Sentence: "Full names: X = Long Name; ..." for labels that were shortened. */
export function fullNames(
  items: readonly { label: string; name: string; cut: boolean }[],
  lang: Lang,
): string {
  const cut = items.filter((i) => i.cut);
  if (cut.length === 0) return '';
  const head = lang === 'zh' ? '完整名称' : 'Full names';
  const sep = lang === 'zh' ? '；' : '; ';
  return `${head}${t('colon', lang)}${cut.map((c) => `${c.label} = ${c.name}`).join(sep)}`;
}
