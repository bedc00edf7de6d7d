import { rSum } from '../../util/r-sum';
import { ExactSum } from '../../util/stats';
import type { AggregateMethod } from '../types';
import { failValue, ParamReader, presentChildren } from './shared';

export type GeometricParams = {
  /**
   * COINr 1.1.14's `a_gmean` (`methodology.compat: coinr`, set by the plan): the same formula, its sums as
   * R's extended-precision `sum` gives them (so that COINr's last bits, and the ties it splits, are
   * kept): exp(sum(w·log x)/sum(w)).
   */
  coinr?: boolean;
};

/**
 * Weighted geometric mean, COINr `a_gmean`: y = exp(Σ wⱼ ln xⱼ / Σ wⱼ) = Π xⱼ^(wⱼ/Σw) over the children
 * present (missing children skipped, weights renormalised). A unit with no child present gets NaN. Sums
 * exact before rounding (independent of the children's order), as `arithmetic`.
 * @throws GovscoreError E302 when a present child is ≤ 0, naming the unit and the node (COINr stops with
 * a bare error; min-max to 0–100 always produces a 0, so normalise to e.g. 1–100 first).
 * @example children [1, 2, 3], weights [0.25, 0.25, 0.5]: (1·2·3²)^(1/4) = 18^0.25 ≈ 2.0598
 */
export const geometric: AggregateMethod<GeometricParams> = {
  key: 'geometric',
  description: 'weighted geometric mean; values must be above 0',
  resolve(params) {
    const r = new ParamReader(params, []);
    return { params: {}, problems: r.problems };
  },
  run(cols, weights, out, params, ctx) {
    const m = cols.length;
    if (params.coinr) {
      const w: number[] = [];
      const x: number[] = [];
      for (let i = 0; i < out.length; i++) {
        presentChildren(cols, weights, i, w, x, (v, j) => {
          if (v <= 0) failValue(ctx, 'geometric mean', i, j, v, 'above 0');
        });
        out[i] = w.length
          ? Math.exp(rSum(x.map((v, k) => (w[k] as number) * Math.log(v))) / rSum(w))
          : Number.NaN;
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
        if (v <= 0) failValue(ctx, 'geometric mean', i, j, v, 'above 0');
        s.addProduct(w, Math.log(v));
        ws.add(w);
        any = true;
      }
      out[i] = any ? Math.exp(s.value() / ws.value()) : Number.NaN;
    }
  },
};
