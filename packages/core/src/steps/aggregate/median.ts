import type { AggregateMethod } from '../types';
import { ParamReader } from './shared';

export type MedianParams = Record<string, never>;

/**
 * Weighted median, the lower weighted median: with the present children sorted by value x₍₁₎ ≤ … ≤ x₍ₖ₎
 * and their weights w₍ᵢ₎, y = the first x₍ᵢ₎ whose cumulative weight reaches half of the total,
 * Σ_{l ≤ i} w₍ₗ₎ ≥ ½ Σ w (a relative tolerance of 1e-12 absorbs rounding in the weights). With equal
 * weights and an even count this is the lower of the two middle values, not their mean. Missing children
 * are skipped (weights renormalised); no child present gives NaN. COINr 1.x has no weighted median (its
 * pre-1.0 `aggregate(agtype = "median")` used matrixStats::weightedMedian, which interpolates).
 * @example children [1, 2, 3, 10], equal weights: 2; weights [0.1, 0.1, 0.1, 0.7]: 10
 */
export const median: AggregateMethod<MedianParams> = {
  key: 'median',
  description: 'weighted median (the lower one when the weight splits exactly in half)',
  resolve(params) {
    const r = new ParamReader(params, []);
    return { params: {}, problems: r.problems };
  },
  run(cols, weights, out) {
    const m = cols.length;
    // one scratch pair per run, reused for every unit
    const vs = new Float64Array(m);
    const ws = new Float64Array(m);
    for (let i = 0; i < out.length; i++) {
      let k = 0;
      let total = 0;
      for (let j = 0; j < m; j++) {
        const v = (cols[j] as Float64Array)[i] as number;
        const w = weights[j] as number;
        if (Number.isNaN(v) || !(w > 0)) continue;
        // insertion sort by value
        let at = k;
        while (at > 0 && (vs[at - 1] as number) > v) {
          vs[at] = vs[at - 1] as number;
          ws[at] = ws[at - 1] as number;
          at--;
        }
        vs[at] = v;
        ws[at] = w;
        k++;
        total += w;
      }
      if (k === 0) {
        out[i] = Number.NaN;
        continue;
      }
      const half = total * 0.5 * (1 - 1e-12);
      let cum = 0;
      let y = vs[k - 1] as number;
      for (let l = 0; l < k; l++) {
        cum += ws[l] as number;
        if (cum >= half) {
          y = vs[l] as number;
          break;
        }
      }
      out[i] = y;
    }
  },
};
