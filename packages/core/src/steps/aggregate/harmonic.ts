import { rSum } from '../../util/r-sum';
import { ExactSum } from '../../util/stats';
import type { AggregateMethod } from '../types';
import { failValue, ParamReader, presentChildren } from './shared';

export type HarmonicParams = {
  /**
   * COINr 1.1.14's `a_hmean` (`methodology.compat: coinr`, set by the plan): only zeros are refused, and
   * sum(w)/sum(w/x) is summed as R's extended-precision `sum`.
   */
  coinr?: boolean;
};

/**
 * Weighted harmonic mean, COINr `a_hmean`: y = Σ wⱼ / Σ (wⱼ/xⱼ) over the children present (missing
 * children skipped, weights renormalised). A unit with no child present gets NaN. Sums exact before
 * rounding (independent of the children's order), as `arithmetic`.
 * @throws GovscoreError E302 when a present child is ≤ 0, naming the unit and the node (COINr refuses
 * only zeros; a negative value makes the harmonic mean meaningless, so we refuse it too).
 * @example children [1, 2, 4], equal weights: 3 / (1 + 1/2 + 1/4) = 12/7
 */
export const harmonic: AggregateMethod<HarmonicParams> = {
  key: 'harmonic',
  description: 'weighted harmonic mean; values must be above 0',
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
          if (v === 0) failValue(ctx, 'harmonic mean', i, j, v, 'other than 0');
        });
        out[i] = w.length ? rSum(w) / rSum(x.map((v, k) => (w[k] as number) / v)) : Number.NaN;
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
        if (v <= 0) failValue(ctx, 'harmonic mean', i, j, v, 'above 0');
        s.add(w / v);
        ws.add(w);
        any = true;
      }
      out[i] = any ? ws.value() / s.value() : Number.NaN;
    }
  },
};
