/**
 * Ranking of scores: higher score = rank 1. Rounding before comparing, competition or dense ties,
 * ranks within groups. O(n log n); the only allocation is one or two arrays per call.
 */
import type { Unit } from '../load/dataset-types';
import type { RankSpec } from '../schema/indicator-set';
import { roundHalfAway } from '../util/stats';

/** competition: 1, 2, 2, 4 (R `rank(ties = "min")` on −score, as COINr); dense: 1, 2, 2, 3. */
export type Ties = 'competition' | 'dense';

/** @internal Writes the (rounded) scores into `out`; returns how many are present. */
function prepare(
  scores: Float64Array,
  out: Float64Array,
  round: number | undefined,
  keep?: Int32Array,
): number {
  let m = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (Number.isNaN(s) || (keep && (keep[i] as number) < 0)) {
      out[i] = Number.NaN;
      continue;
    }
    out[i] = round === undefined ? s : roundHalfAway(s, round);
    m++;
  }
  return m;
}

/** @internal Indices of the present values of `out`. */
function presentIndex(out: Float64Array, m: number): Int32Array {
  const idx = new Int32Array(m);
  let k = 0;
  for (let i = 0; i < out.length; i++) if (!Number.isNaN(out[i] as number)) idx[k++] = i;
  return idx;
}

/**
 * @internal Walks `idx` (sorted by group, then value descending) and overwrites `out[i]` (the value) with
 * the rank. Each value is read before its slot is written.
 */
function assign(idx: Int32Array, out: Float64Array, ties: Ties, group?: Int32Array): void {
  let pos = 0;
  let rank = 0;
  let prev = Number.NaN;
  let prevGroup = -2;
  for (let p = 0; p < idx.length; p++) {
    const i = idx[p] as number;
    const v = out[i] as number;
    const g = group ? (group[i] as number) : 0;
    if (g !== prevGroup) {
      pos = 0;
      rank = 0;
      prev = Number.NaN;
      prevGroup = g;
    }
    pos++;
    if (v !== prev) rank = ties === 'competition' ? pos : rank + 1;
    prev = v;
    out[i] = rank;
  }
}

/**
 * Ranks scores, the highest first: rank 1 is the best. Missing scores (NaN) get NaN ranks and are not
 * counted. Ties: `competition` gives tied units the same rank and skips the next ones (1, 2, 2, 4; the
 * UN's and COINr's ranks), `dense` does not skip (1, 2, 2, 3). With `round`, scores are first rounded to
 * that many decimals, half away from zero on the decimal representation (`roundHalfAway`: 96.705 → 96.71),
 * so that units whose published scores are equal share a rank, and doubles that differ in the 16th digit
 * (COINr's 5.1000000000000005 vs 5.0999999999999996) can be made equal on purpose.
 * @param scores scores (NaN = missing); not changed.
 * @param out ranks, same length (may be `scores` itself only if the scores are no longer needed).
 * @param ties 'competition' or 'dense'.
 * @param round decimals to round to before comparing (0–15); none by default.
 * @example rankScores([90, 80, 90, NaN, 70], out, 'competition') // out = [1, 3, 1, NaN, 4]
 */
export function rankScores(scores: Float64Array, out: Float64Array, ties: Ties, round?: number): void {
  const m = prepare(scores, out, round);
  // Sort a copy of the present values natively (no comparator: much faster than sorting indices),
  // then find each unit's rank by binary search: competition = 1 + number of larger values,
  // dense = 1 + number of distinct larger values.
  const sorted = new Float64Array(m);
  let k = 0;
  for (let i = 0; i < out.length; i++) {
    const v = out[i] as number;
    if (!Number.isNaN(v)) sorted[k++] = v;
  }
  sorted.sort();
  let distinct = sorted;
  let nd = m;
  if (ties === 'dense') {
    distinct = new Float64Array(m);
    nd = 0;
    for (let p = 0; p < m; p++) {
      const v = sorted[p] as number;
      if (nd === 0 || v !== distinct[nd - 1]) distinct[nd++] = v;
    }
  }
  for (let i = 0; i < out.length; i++) {
    const v = out[i] as number;
    if (Number.isNaN(v)) continue;
    // first position in distinct[0, nd) whose value is > v
    let lo = 0;
    let hi = nd;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((distinct[mid] as number) > v) hi = mid;
      else lo = mid + 1;
    }
    out[i] = nd - lo + 1;
  }
}

/**
 * Ranks scores within groups, as `rankScores` but restarting at 1 in every group.
 * @param groupIndex group number of each unit (0, 1, …); a negative number means no group, rank NaN.
 * @example rankWithin([90, 80, 70, 60], Int32Array.of(0, 1, 0, 1), out, 'competition') // [1, 1, 2, 2]
 */
export function rankWithin(
  scores: Float64Array,
  groupIndex: Int32Array,
  out: Float64Array,
  ties: Ties,
  round?: number,
): void {
  const m = prepare(scores, out, round, groupIndex);
  const idx = presentIndex(out, m);
  idx.sort((a, b) => {
    const ga = groupIndex[a] as number;
    const gb = groupIndex[b] as number;
    if (ga !== gb) return ga - gb;
    const va = out[a] as number;
    const vb = out[b] as number;
    return va > vb ? -1 : va < vb ? 1 : a - b;
  });
  assign(idx, out, ties, groupIndex);
}

/**
 * The units `rank.among` ranks: 1 for a unit that is ranked, 0 for one that is scored but not ranked;
 * undefined when every unit is ranked.
 * @param among the set's `methodology.rank.among`: unit ids, or `{group, values}`
 * @param units the assessed units
 * @example rankedUnits(['A'], [{ id: 'A', groups: {} }, { id: 'B', groups: {} }]) // Uint8Array [1, 0]
 */
export function rankedUnits(among: RankSpec['among'], units: readonly Unit[]): Uint8Array | undefined {
  if (among === undefined) return undefined;
  const mask = new Uint8Array(units.length);
  if (Array.isArray(among)) {
    const ids = new Set(among);
    units.forEach((u, i) => {
      mask[i] = ids.has(u.id) ? 1 : 0;
    });
  } else {
    const values = new Set(among.values);
    units.forEach((u, i) => {
      const g = u.groups[among.group];
      mask[i] = g !== undefined && values.has(g) ? 1 : 0;
    });
  }
  return mask;
}

/**
 * Scores of the ranked units only: `scores` itself without a mask, else `buf` filled with the scores
 * of the ranked units and NaN for the others (so that they get no rank).
 */
export function rankable(
  scores: Float64Array,
  mask: Uint8Array | undefined,
  buf: Float64Array,
): Float64Array {
  if (mask === undefined) return scores;
  for (let i = 0; i < scores.length; i++) buf[i] = mask[i] ? (scores[i] as number) : Number.NaN;
  return buf;
}
