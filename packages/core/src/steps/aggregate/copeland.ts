import { rSum } from '../../util/r-sum';
import type { AggregateMethod } from '../types';
import { ParamReader } from './shared';

export type CopelandParams = {
  /**
   * COINr 1.1.14's `a_copeland` (`methodology.compat: coinr`, set by the plan): the outranking entry of
   * a pair (a before b) is Σ w[a > b] + ½ Σ w[a = b] over the children both have, b's entry is 1 minus
   * a's, so a comparison with a missing value counts against the first unit of the pair; every unit
   * takes part, one without data too.
   */
  coinr?: boolean;
};

/**
 * Copeland outranking, COINr `a_copeland`: every pair of units (a, b) is compared child by child; a wins
 * the pair when the weight of the children where a is higher exceeds the weight where b is higher (COINr:
 * outranking-matrix entry Σ w[a > b] + ½ Σ w[a = b] above ½). Score = pairs won − pairs lost (ties 0), so
 * it ranges from −(n − 1) to n − 1 and is a relative score, unlike the means.
 * Missing values: a pair is compared over the children both units have, weights renormalised; a pair with
 * no child in common is a tie; a unit with no child present gets NaN and is left out of every pair.
 * (COINr counts a missing comparison as a loss for the first unit of the pair and a win for the other.)
 * Time O(n²·m) per node; one n·m scratch array per run.
 * @example units A [3, 1], B [2, 2], C [1, 3], equal weights: A–B tie, A–C tie, B–C tie → [0, 0, 0];
 * with weights [0.6, 0.4]: A beats B and C, B beats C → [2, 0, −2]
 */
export const copeland: AggregateMethod<CopelandParams> = {
  key: 'copeland',
  description: 'Copeland outranking: pairwise weighted majority, score = wins − losses',
  resolve(params) {
    const r = new ParamReader(params, []);
    return { params: {}, problems: r.problems };
  },
  run(cols, weights, out, params) {
    if (params.coinr) return coinrCopeland(cols, weights, out);
    const n = out.length;
    // children with a weight, copied row-major once per run so that the O(n²·k) loop reads contiguously
    let k = 0;
    for (let j = 0; j < cols.length; j++) if ((weights[j] as number) > 0) k++;
    const w = new Float64Array(k);
    const rows = new Float64Array(n * k);
    for (let j = 0, c = 0; j < cols.length; j++) {
      if (!((weights[j] as number) > 0)) continue;
      w[c] = weights[j] as number;
      const col = cols[j] as Float64Array;
      for (let i = 0; i < n; i++) rows[i * k + c] = col[i] as number;
      c++;
    }
    for (let i = 0; i < n; i++) {
      let any = false;
      for (let c = 0; c < k && !any; c++) any = !Number.isNaN(rows[i * k + c] as number);
      out[i] = any ? 0 : Number.NaN;
    }
    for (let a = 0; a < n; a++) {
      if (Number.isNaN(out[a] as number)) continue;
      const ra = a * k;
      for (let b = a + 1; b < n; b++) {
        if (Number.isNaN(out[b] as number)) continue;
        const rb = b * k;
        let win = 0;
        let loss = 0;
        for (let c = 0; c < k; c++) {
          const va = rows[ra + c] as number;
          const vb = rows[rb + c] as number;
          const wc = w[c] as number;
          // branch-free: comparisons with NaN are false, so a missing value counts for neither
          win += +(va > vb) * wc;
          loss += +(va < vb) * wc;
        }
        const tol = 1e-12 * (win + loss);
        if (win - loss > tol) {
          out[a] = (out[a] as number) + 1;
          out[b] = (out[b] as number) - 1;
        } else if (loss - win > tol) {
          out[a] = (out[a] as number) - 1;
          out[b] = (out[b] as number) + 1;
        }
      }
    }
  },
};

/**
 * @internal COINr's outranking matrix and Copeland score: w ← w/sum(w); for a < b, e = sum(w[x_a > x_b]) +
 * sum(w[x_a = x_b])/2 (R's extended-precision sums), e_ba = 1 − e; each entry above ½ is a win (+1),
 * below a loss (−1); the score is the row sum.
 */
function coinrCopeland(cols: readonly Float64Array[], weights: Float64Array, out: Float64Array): void {
  const n = out.length;
  const total = rSum(weights);
  const wn = Array.from(weights, (w) => w / total);
  const gt: number[] = [];
  const eq: number[] = [];
  out.fill(0);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      gt.length = 0;
      eq.length = 0;
      for (let c = 0; c < cols.length; c++) {
        const col = cols[c] as Float64Array;
        const va = col[a] as number;
        const vb = col[b] as number;
        const w = wn[c] as number;
        if (va > vb) gt.push(w);
        else if (va === vb) eq.push(w);
      }
      const e = rSum([rSum(gt), rSum(eq) / 2]);
      const f = 1 - e;
      out[a] = (out[a] as number) + (e > 0.5 ? 1 : e < 0.5 ? -1 : 0);
      out[b] = (out[b] as number) + (f > 0.5 ? 1 : f < 0.5 ? -1 : 0);
    }
  }
}
