/**
 * Ranking in the inner loop of a Monte Carlo analysis: the same ranks as the kernel `rankScores`
 * (higher score = rank 1, NaN → NaN, competition or dense ties, optional rounding half away from zero),
 * computed without a comparator and without allocating: the scores are negated into a reusable typed
 * array, sorted natively, and each unit's rank is found by binary search. `test/analysis/ranks.test.ts`
 * checks that it equals `rankScores` on random data with ties, missing values and rounding.
 */
import type { Ties } from '../steps/rank';
import { roundHalfAway } from '../util/stats';

/** Reusable ranking memory for columns of `n` units. */
export class RankScratch {
  private readonly keys: Float64Array;
  private readonly dense: Int32Array;

  constructor(readonly n: number) {
    this.keys = new Float64Array(n);
    this.dense = new Int32Array(n);
  }

  /**
   * Writes the ranks of `scores` into `out` (both of length n; `out` may not be `scores`), as
   * `rankScores(scores, out, ties, round)` does.
   * @example new RankScratch(5).rank(Float64Array.of(90, 80, 90, NaN, 70), out, 'competition') // [1, 3, 1, NaN, 4]
   */
  rank(scores: Float64Array, out: Float64Array, ties: Ties, round?: number): void {
    const { keys, dense, n } = this;
    let m = 0;
    for (let i = 0; i < n; i++) {
      let v = scores[i] as number;
      if (Number.isNaN(v)) continue;
      if (round !== undefined) v = roundHalfAway(v, round);
      keys[m++] = 0 - v; // 0 − v also turns −0 into 0
    }
    const sorted = keys.subarray(0, m).sort();
    if (ties === 'dense') {
      let d = 0;
      for (let p = 0; p < m; p++) {
        if (p === 0 || sorted[p] !== sorted[p - 1]) d++;
        dense[p] = d;
      }
    }
    for (let i = 0; i < n; i++) {
      let v = scores[i] as number;
      if (Number.isNaN(v)) {
        out[i] = Number.NaN;
        continue;
      }
      if (round !== undefined) v = roundHalfAway(v, round);
      const x = 0 - v;
      // first position whose key is ≥ x: the number of strictly higher scores
      let lo = 0;
      let hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((sorted[mid] as number) < x) lo = mid + 1;
        else hi = mid;
      }
      out[i] = ties === 'dense' ? (dense[lo] as number) : lo + 1;
    }
  }
}
