/**
 * Tiers (rating groups) of a score, by thresholds or by quantiles, and equal-count sub-classes within a
 * tier (the UN E-Government Survey's rating classes VH, V3, V2, V1 within the Very High EGDI group).
 */
import type { TierSpec } from '../schema/indicator-set';
import { quantileSorted, roundHalfAway } from '../util/stats';

export interface TierAssignment {
  /** Tier id per unit; null for a missing score. */
  tier: (string | null)[];
  /** Sub-class label per unit, when any tier has `subclasses`; null outside those tiers. */
  subclass?: (string | null)[];
}

/**
 * Assigns a tier to every unit.
 * - `by: thresholds`: levels are listed best first; a unit gets the first level whose `min` its score
 *   reaches (score ≥ min, or > min with `exclusive`); the last level catches every other unit (its `min`,
 *   if any, is not used). E.g. 非常高 min 90 exclusive, 高 min 80, 中: 90.5 → 非常高, 90 → 高, 79 → 中.
 * - `by: quantiles`: the same with the threshold of each level = the R type-7 quantile `min_quantile` of
 *   the non-missing scores.
 * - `round`: scores are rounded (half away from zero, `roundHalfAway`) before comparing and before the
 *   quantiles, so that a published score of 0.75 counts as 0.75.
 * - sub-classes: within a tier with `subclasses` (q labels, best first), its units are sorted by score
 *   (highest first; equal scores by unit order) and class c (0-based) gets positions
 *   [⌊c·m/q⌋, ⌊(c+1)·m/q⌋) of the m units, so classes differ in size by at most one and the larger ones
 *   are the lower classes (m = 73, q = 4: 18, 18, 18, 19). Units with equal scores are kept in one
 *   class: a unit tied with the one before it takes that unit's class, even past a boundary. The UN's
 *   rating classes are quartiles of the group by count (2022 Very High: 60 countries, 15 per class).
 * Missing scores (NaN) get null.
 * @example assignTiers([95, 85, 50, NaN], {by: 'thresholds', levels: [{id: 'A', min: 90}, {id: 'B', min: 80}, {id: 'C'}]})
 * // { tier: ['A', 'B', 'C', null] }
 */
export function assignTiers(scores: Float64Array, spec: TierSpec): TierAssignment {
  const n = scores.length;
  const levels = spec.levels;
  const L = levels.length;
  const s = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = scores[i] as number;
    s[i] = spec.round === undefined || Number.isNaN(v) ? v : roundHalfAway(v, spec.round);
    if (!Number.isNaN(v)) m++;
  }
  const thr = new Float64Array(L).fill(Number.NaN);
  if (spec.by === 'quantiles') {
    const sorted = new Float64Array(m);
    let k = 0;
    for (let i = 0; i < n; i++) if (!Number.isNaN(s[i] as number)) sorted[k++] = s[i] as number;
    sorted.sort();
    for (let l = 0; l < L - 1; l++) {
      const q = levels[l]?.min_quantile;
      if (q !== undefined) thr[l] = quantileSorted(sorted, q);
    }
  } else {
    for (let l = 0; l < L - 1; l++) {
      const t = levels[l]?.min;
      if (t !== undefined) thr[l] = t;
    }
  }

  const level = new Int32Array(n).fill(-1);
  const tier: (string | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const v = s[i] as number;
    if (Number.isNaN(v)) continue;
    let l = 0;
    for (; l < L - 1; l++) {
      const t = thr[l] as number;
      if (Number.isNaN(t)) continue;
      if (levels[l]?.exclusive ? v > t : v >= t) break;
    }
    level[i] = l;
    tier[i] = (levels[l] as (typeof levels)[number]).id;
  }

  if (!levels.some((lv) => lv.subclasses && lv.subclasses.length > 0)) return { tier };
  const subclass: (string | null)[] = new Array(n).fill(null);
  for (let l = 0; l < L; l++) {
    const labels = levels[l]?.subclasses;
    if (!labels || labels.length === 0) continue;
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (level[i] === l) members.push(i);
    members.sort((a, b) => (s[b] as number) - (s[a] as number) || a - b);
    const q = labels.length;
    const size = members.length;
    let c = 0;
    let prevClass = 0;
    for (let p = 0; p < size; p++) {
      while (c + 1 < q && p >= Math.floor(((c + 1) * size) / q)) c++;
      const i = members[p] as number;
      const tied = p > 0 && s[i] === s[members[p - 1] as number];
      const cls = tied ? prevClass : c;
      subclass[i] = labels[cls] as string;
      prevClass = cls;
    }
  }
  return { tier, subclass };
}

/**
 * Checks a tier spec for order and completeness; returns one message per problem (the loader reports
 * them as E107). Levels must be listed best first: each `min` (thresholds) or `min_quantile` (quantiles)
 * strictly below the one before; every level but the last needs one; level ids must be unique.
 * @example validateTiers({by: 'thresholds', levels: [{id: 'B', min: 80}, {id: 'A', min: 90}, {id: 'C'}]})
 * // ["level 'A': min 90 must be below the previous level's min 80 (list levels best first)"]
 */
export function validateTiers(spec: TierSpec): string[] {
  const out: string[] = [];
  const levels = spec.levels ?? [];
  const key = spec.by === 'quantiles' ? 'min_quantile' : 'min';
  const other = spec.by === 'quantiles' ? 'min' : 'min_quantile';
  const seen = new Set<string>();
  let prev: number | undefined;
  let prevId = '';
  levels.forEach((lv, l) => {
    if (seen.has(lv.id)) out.push(`level id '${lv.id}' is used twice`);
    seen.add(lv.id);
    if (lv[other] !== undefined) {
      out.push(`level '${lv.id}': '${other}' does not apply to tiers by ${spec.by}; use '${key}'`);
    }
    const t = lv[key];
    const last = l === levels.length - 1;
    if (t === undefined) {
      if (!last) out.push(`level '${lv.id}' needs '${key}' (only the last level may go without)`);
      return;
    }
    if (prev !== undefined && !(t < prev)) {
      out.push(
        `level '${lv.id}': ${key} ${t} must be below the previous level '${prevId}' ${key} ${prev} (list levels best first)`,
      );
    }
    prev = t;
    prevId = lv.id;
  });
  return out;
}
