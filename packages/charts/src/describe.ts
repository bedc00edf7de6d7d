/**
 * Sentences that describe a chart in words for its `<desc>`: the top three, the lowest, the spread.
 */
import { list, paren, t } from './i18n';
import { medianOf } from './result-access';
import { fmt } from './text';
import type { Lang } from './types';

export interface Scored {
  name: string;
  score: number | null;
}

/** "Top three: A (1.0), B (0.9), C (0.8)" — items must be in rank order; missing scores skipped. */
export function topSentence(items: readonly Scored[], digits: number, lang: Lang, n = 3): string {
  const got = items.filter((i) => i.score !== null).slice(0, n);
  if (got.length === 0) return '';
  const head = lang === 'zh' ? (n === 3 ? '前三名' : `前${n}名`) : n === 3 ? 'Top three' : `Top ${n}`;
  return `${head}${t('colon', lang)}${list(
    got.map((g) => paren(g.name, fmt(g.score, digits), lang)),
    lang,
  )}`;
}

/** "Lowest: X (0.1)" — items in rank order. */
export function lowestSentence(items: readonly Scored[], digits: number, lang: Lang): string {
  const got = items.filter((i) => i.score !== null);
  const last = got[got.length - 1];
  if (!last || got.length < 4) return '';
  return `${lang === 'zh' ? '最低' : 'Lowest'}${t('colon', lang)}${paren(last.name, fmt(last.score, digits), lang)}`;
}

/** "Scores range from a to b (median m)". */
export function spreadSentence(values: readonly (number | null)[], digits: number, lang: Lang): string {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return '';
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const med = medianOf(xs);
  return lang === 'zh'
    ? `得分范围${fmt(lo, digits)}至${fmt(hi, digits)}，中位数${fmt(med, digits)}`
    : `Scores range from ${fmt(lo, digits)} to ${fmt(hi, digits)} (median ${fmt(med, digits)})`;
}

/** "No data: A, B" for units without a value. */
export function missingSentence(names: readonly string[], lang: Lang): string {
  if (names.length === 0) return '';
  return `${t('noData', lang)}${t('colon', lang)}${list(names, lang)}`;
}
