import { rSum } from '../../util/r-sum';
import { ExactSum } from '../../util/stats';
import type { AggregateMethod } from '../types';
import { ParamReader, presentChildren } from './shared';

export type ArithmeticParams = {
  /**
   * COINr 1.1.14's `a_amean` (`methodology.compat: coinr`, set by the plan): the same formula, its sums as
   * R's extended-precision `sum` gives them (so that COINr's last bits, and the ties it splits, are
   * kept): w ← w/sum(w) over the children present, then sum(w·x).
   */
  coinr?: boolean;
};

/**
 * Weighted arithmetic mean, COINr `a_amean`: y = Σ wⱼxⱼ / Σ wⱼ over the children present (not NaN, weight
 * above 0), i.e. missing children are skipped and the weights renormalised over the others.
 * A unit with no child present gets NaN. Both sums are exact before one rounding each (`ExactSum`: every
 * product wⱼxⱼ with its rounding error), so the score does not depend on the order of the children and
 * children whose values sum to the same real number give the same double (COINr sums in floating
 * point: equal means can differ in the 16th digit and split a tie; see docs/methods.md).
 * @example children [1, 2, 3], weights [0.25, 0.25, 0.5]: 2.25; [1, NaN, 3] with the same weights: 7/3
 */
export const arithmetic: AggregateMethod<ArithmeticParams> = {
  key: 'arithmetic',
  description: 'weighted arithmetic mean; missing children skipped, weights renormalised',
  resolve(params) {
    const r = new ParamReader(params, []);
    return { params: {}, problems: r.problems };
  },
  run(cols, weights, out, params) {
    const m = cols.length;
    if (params.coinr) {
      const w: number[] = [];
      const x: number[] = [];
      for (let i = 0; i < out.length; i++) {
        presentChildren(cols, weights, i, w, x);
        const ws = rSum(w);
        out[i] = x.length ? rSum(x.map((v, k) => ((w[k] as number) / ws) * v)) : Number.NaN;
      }
      return;
    }
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
      out[i] = any ? s.value() / ws.value() : Number.NaN;
    }
  },
};
