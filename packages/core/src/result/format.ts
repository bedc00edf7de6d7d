/**
 * Numbers as readers see them, by one rule: a score is written and shown at the precision its rank was
 * decided at. The CSV and XLSX writers, the report site, the charts and the CLI all format numbers here.
 *
 * - The set's declared output precision is `methodology.rank.round` (P decimals): ranks compare scores
 *   rounded to P (half away from zero, `roundHalfAway`); exports write each score as the shortest text
 *   that reads back as the score rounded to P (`98.50000000000001` → `98.5`); the site shows P decimals.
 * - Without a declared precision ranks compare the doubles themselves: exports write every score's
 *   shortest round-trip text, and the site shows, per node, the fewest decimals at which units with
 *   different ranks show different numbers (and tied units the same).
 * Pure.
 */
import { roundHalfAway } from '../util/stats';
import type { Result } from './types';

/**
 * A number as the shortest text that reads back as the same double (JavaScript's `String`), after
 * rounding to `decimals` when given (half away from zero, as ranks round); negative zero is `0`, a
 * number that is not finite is '' (missing). The one formatter of every writer (CSV, XLSX).
 * @example formatNumber(98.50000000000001, 2) // '98.5'; formatNumber(0.1 + 0.2) // '0.30000000000000004'
 */
export function formatNumber(x: number, decimals?: number): string {
  if (!Number.isFinite(x)) return '';
  const y = decimals === undefined ? x : roundHalfAway(x, decimals);
  return y === 0 ? '0' : String(y);
}

/**
 * A number with exactly `decimals` decimals, rounded half away from zero as ranks are (so 88.545 shows
 * 88.55 where `toFixed` gives 88.54); no negative zero. For display; '' when not finite.
 * @example formatFixed(94.15, 1) // '94.2'; formatFixed(-0.001, 2) // '0.00'
 */
export function formatFixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return '';
  const s = roundHalfAway(x, decimals).toFixed(decimals);
  return /^-0(?:\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** The set's declared output precision (`methodology.rank.round`), or undefined when it declares none. */
export function declaredDecimals(result: Pick<Result, 'set'>): number | undefined {
  return result.set.rank.round;
}

/**
 * Decimals to show a node's scores with: the declared precision (`rank.round`) when there is one;
 * otherwise the fewest decimals, from the scale's (3 for scores within ±1, 2 within ±10, else 1) up
 * to 15, at which every two different scores of the node show different numbers — so that a reader
 * never sees two equal numbers with different ranks.
 * @example shownDecimals(result, 'index') // 2 for the provincial set (rank.round: 2)
 */
export function shownDecimals(result: Pick<Result, 'set' | 'values'>, node: string): number {
  const declared = declaredDecimals(result);
  if (declared !== undefined) return declared;
  const scores = result.values[node]?.score ?? [];
  const xs: number[] = [];
  let max = 0;
  for (const s of scores)
    if (s !== null && Number.isFinite(s)) {
      xs.push(s);
      max = Math.max(max, Math.abs(s));
    }
  let d = max <= 1 ? 3 : max < 10 ? 2 : 1;
  xs.sort((a, b) => a - b);
  for (let k = 1; k < xs.length; k++) {
    const a = xs[k - 1] as number;
    const b = xs[k] as number;
    if (a === b) continue;
    while (d < 15 && roundHalfAway(a, d) === roundHalfAway(b, d)) d++;
  }
  return d;
}

/** A score as exports write it: rounded to the declared precision (or as it is), null when missing. */
export function exportScore(x: number | null | undefined, decimals: number | undefined): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const y = decimals === undefined ? x : roundHalfAway(x, decimals);
  return y === 0 ? 0 : y;
}
