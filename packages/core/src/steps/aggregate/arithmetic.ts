import type { AggregateMethod } from '../types';
import { ParamReader } from './shared';

export type ArithmeticParams = Record<string, never>;

/**
 * Weighted arithmetic mean, COINr `a_amean`: y = Σ wⱼxⱼ / Σ wⱼ over the children present (not NaN, weight
 * above 0), i.e. missing children are skipped and the weights renormalised over the others.
 * A unit with no child present gets NaN.
 * @example children [1, 2, 3], weights [0.25, 0.25, 0.5]: 2.25; [1, NaN, 3] with the same weights: 7/3
 */
export const arithmetic: AggregateMethod<ArithmeticParams> = {
  key: 'arithmetic',
  description: 'weighted arithmetic mean; missing children skipped, weights renormalised',
  resolve(params) {
    const r = new ParamReader(params, []);
    return { params: {}, problems: r.problems };
  },
  run(cols, weights, out) {
    const m = cols.length;
    for (let i = 0; i < out.length; i++) {
      let s = 0;
      let ws = 0;
      for (let j = 0; j < m; j++) {
        const v = (cols[j] as Float64Array)[i] as number;
        const w = weights[j] as number;
        if (Number.isNaN(v) || !(w > 0)) continue;
        s += w * v;
        ws += w;
      }
      out[i] = ws > 0 ? s / ws : Number.NaN;
    }
  },
};
