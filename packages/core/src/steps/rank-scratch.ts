/**
 * Ranking in the inner loop of a Monte Carlo analysis: the same ranks as the kernel `rankScores`
 * (higher score = rank 1, NaN → NaN, competition or dense ties, optional rounding half away from zero),
 * computed without a comparator function and without allocating. Short columns: an insertion sort of
 * unit indices by score, then one walk assigning ranks. Long columns: an LSD radix sort (11-bit digits)
 * of the negated scores' IEEE 754 bits, turned into unsigned integers that sort in the same order, with
 * the unit indices alongside; then the same walk. `test/analysis/ranks.test.ts` checks
 * that both equal `rankScores` on random data with ties, missing values and rounding.
 */

import { roundHalfAway } from '../util/stats';
import type { Ties } from './rank';

/** Columns up to this length use the insertion sort. */
const SHORT = 128;

/** Reusable ranking memory for columns of `n` units. */
export class RankScratch {
  private readonly keys: Float64Array;
  private readonly idx: Int32Array;
  private radix: Radix | undefined;

  constructor(readonly n: number) {
    this.keys = new Float64Array(n);
    this.idx = new Int32Array(n);
  }

  /**
   * Writes the ranks of `scores` into `out` (both of length n; `out` may not be `scores`), as
   * `rankScores(scores, out, ties, round)` does.
   * @example new RankScratch(5).rank(Float64Array.of(90, 80, 90, NaN, 70), out, 'competition') // [1, 3, 1, NaN, 4]
   */
  rank(scores: Float64Array, out: Float64Array, ties: Ties, round?: number): void {
    if (this.n <= SHORT) this.rankShort(scores, out, ties, round);
    else this.rankLong(scores, out, ties, round);
  }

  private rankShort(scores: Float64Array, out: Float64Array, ties: Ties, round?: number): void {
    const { keys, idx, n } = this;
    let m = 0;
    for (let i = 0; i < n; i++) {
      let v = scores[i] as number;
      if (Number.isNaN(v)) {
        out[i] = Number.NaN;
        continue;
      }
      if (round !== undefined) v = roundHalfAway(v, round);
      // insert (v, i) among the m sorted so far, highest score first; keys and idx move together
      let q = m - 1;
      while (q >= 0 && (keys[q] as number) < v) {
        keys[q + 1] = keys[q] as number;
        idx[q + 1] = idx[q] as number;
        q--;
      }
      keys[q + 1] = v;
      idx[q + 1] = i;
      m++;
    }
    let rank = 0;
    for (let p = 0; p < m; p++) {
      if (p === 0 || keys[p] !== keys[p - 1]) rank = ties === 'dense' ? rank + 1 : p + 1;
      out[idx[p] as number] = rank;
    }
  }

  private rankLong(scores: Float64Array, out: Float64Array, ties: Ties, round?: number): void {
    const r = (this.radix ??= new Radix(this.n));
    const { f, u, kh, kl, id, th, tl, ti, count } = r;
    const n = this.n;
    let m = 0;
    for (let i = 0; i < n; i++) {
      let v = scores[i] as number;
      if (Number.isNaN(v)) {
        out[i] = Number.NaN;
        continue;
      }
      if (round !== undefined) v = roundHalfAway(v, round);
      f[0] = 0 - v; // ascending −score = descending score; 0 − v also turns −0 into 0
      let hi = u[1] as number;
      let lo = u[0] as number;
      // IEEE 754 → unsigned order: negative numbers flip every bit, others only the sign bit
      if (hi >>> 31) {
        hi = ~hi >>> 0;
        lo = ~lo >>> 0;
      } else hi = (hi | 0x80000000) >>> 0;
      kh[m] = hi;
      kl[m] = lo;
      id[m] = i;
      m++;
    }
    // LSD radix sort on (kh, kl): six 11-bit digits, histograms of all six in one scan; a pass whose
    // digit is the same for every key is skipped
    count.fill(0);
    for (let p = 0; p < m; p++) {
      const l = kl[p] as number;
      const h = kh[p] as number;
      count[l & 0x7ff]!++;
      count[2048 + ((l >>> 11) & 0x7ff)]!++;
      count[4096 + (l >>> 22)]!++;
      count[6144 + (h & 0x7ff)]!++;
      count[8192 + ((h >>> 11) & 0x7ff)]!++;
      count[10240 + (h >>> 22)]!++;
    }
    let srcH = kh;
    let srcL = kl;
    let srcI = id;
    let dstH = th;
    let dstL = tl;
    let dstI = ti;
    for (let pass = 0; pass < 6; pass++) {
      const base = pass * 2048;
      const shift = (pass % 3) * 11;
      const low = pass < 3;
      const first = ((low ? srcL[0] : srcH[0]) as number) >>> shift;
      if (count[base + (first & 0x7ff)] === m) continue;
      let sum = 0;
      for (let b = base; b < base + 2048; b++) {
        const c = count[b] as number;
        count[b] = sum;
        sum += c;
      }
      for (let p = 0; p < m; p++) {
        const hp = srcH[p] as number;
        const lp = srcL[p] as number;
        const at = count[base + (((low ? lp : hp) >>> shift) & 0x7ff)]!++;
        dstH[at] = hp;
        dstL[at] = lp;
        dstI[at] = srcI[p] as number;
      }
      const h = srcH;
      srcH = dstH;
      dstH = h;
      const l = srcL;
      srcL = dstL;
      dstL = l;
      const x = srcI;
      srcI = dstI;
      dstI = x;
    }
    let rank = 0;
    for (let p = 0; p < m; p++) {
      if (p === 0 || srcH[p] !== srcH[p - 1] || srcL[p] !== srcL[p - 1])
        rank = ties === 'dense' ? rank + 1 : p + 1;
      out[srcI[p] as number] = rank;
    }
  }
}

/** @internal Scratch of the radix sort of long columns. */
class Radix {
  readonly f = new Float64Array(1);
  readonly u = new Uint32Array(this.f.buffer);
  readonly kh: Uint32Array;
  readonly kl: Uint32Array;
  readonly id: Int32Array;
  readonly th: Uint32Array;
  readonly tl: Uint32Array;
  readonly ti: Int32Array;
  readonly count = new Int32Array(6 * 2048);
  constructor(n: number) {
    this.kh = new Uint32Array(n);
    this.kl = new Uint32Array(n);
    this.id = new Int32Array(n);
    this.th = new Uint32Array(n);
    this.tl = new Uint32Array(n);
    this.ti = new Int32Array(n);
  }
}
