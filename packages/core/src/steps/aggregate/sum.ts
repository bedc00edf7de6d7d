import { ExactSum } from '../../util/stats';
import type { AggregateMethod } from '../types';
import { ParamReader } from './shared';

export type SumParams = Record<string, never>;

/**
 * Sum of the children, for scores that add up (e.g. dimension points to a total): y = k · Σ wⱼxⱼ / Σ wⱼ,
 * the weighted mean of the present children times k, the number of children with a weight above 0.
 * With equal weights and every child present this is the plain sum Σ xⱼ; unequal weights change the
 * children's shares but keep the scale. A missing child is in effect replaced by the weighted mean of the
 * others (renormalisation), never by 0. No child present gives NaN. Sums exact before rounding, as `arithmetic`. COINr has no sum aggregator.
 * @example children [10, 20, 30], equal weights: 60; [10, NaN, 30]: 60 (3 × 20)
 */
export const sum: AggregateMethod<SumParams> = {
  key: 'sum',
  description: 'sum of the children (number of children × weighted mean; missing children renormalised)',
  resolve(params) {
    const r = new ParamReader(params, []);
    return { params: {}, problems: r.problems };
  },
  run(cols, weights, out) {
    const m = cols.length;
    let k = 0;
    for (let j = 0; j < m; j++) if ((weights[j] as number) > 0) k++;
    const s = new ExactSum();
    const ws = new ExactSum();
    for (let i = 0; i < out.length; i++) {
      s.reset();
      ws.reset();
      let any = false;
      for (let j = 0; j < m; j++) {
        const v = (cols[j] as Float64Array)[i] as number;
        const w = weights[j] as number;
        if (Number.isNaN(v) || !(w > 0)) continue;
        s.addProduct(w, v);
        ws.add(w);
        any = true;
      }
      out[i] = any ? (k * s.value()) / ws.value() : Number.NaN;
    }
  },
};
