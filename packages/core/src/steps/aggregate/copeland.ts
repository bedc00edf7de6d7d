import type { AggregateMethod } from '../types';
import { ParamReader } from './shared';

export type CopelandParams = Record<string, never>;

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
  run(cols, weights, out) {
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
