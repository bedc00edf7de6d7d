import { rSum } from '../../util/r-sum';
import { ExactSum } from '../../util/stats';
import type { AggregateMethod } from '../types';
import { arithmetic } from './arithmetic';
import { geometric } from './geometric';
import { failValue, ParamReader } from './shared';

export type GeneralisedParams = {
  /** Exponent (default 1): 1 arithmetic, 0 geometric (the limit), −1 harmonic, 2 quadratic. */
  p: number;
  /**
   * COINr 1.1.14's `a_genmean` (`methodology.compat: coinr`, set by the plan): a missing child makes the
   * unit's score NaN, negative values are taken as they are (p > 0), p = 0 is refused by the plan.
   */
  coinr?: boolean;
};

/**
 * Weighted generalised (power) mean, COINr `a_genmean`: y = (Σ wⱼxⱼᵖ / Σ wⱼ)^(1/p) over the children
 * present. Differences from COINr: a missing child is skipped and the weights renormalised (COINr returns
 * NA when any child is missing); p = 0 gives the geometric mean, its limit (COINr stops).
 * @throws GovscoreError E302 for a value ≤ 0 when p ≤ 0, or < 0 when p > 0 and p ≠ 1, naming the unit.
 * @example children [1, 2, 3], equal weights, p = 2: √(14/3) ≈ 2.1602
 */
export const generalised: AggregateMethod<GeneralisedParams> = {
  key: 'generalised',
  description: 'weighted generalised (power) mean with exponent p (1 arithmetic, 0 geometric, −1 harmonic)',
  resolve(params) {
    const r = new ParamReader(params, ['p']);
    return { params: { p: r.num('p', 1) }, problems: r.problems };
  },
  run(cols, weights, out, params, ctx) {
    const p = params.p;
    if (params.coinr) return coinrGenmean(cols, weights, out, p, ctx);
    if (p === 1) return arithmetic.run(cols, weights, out, {}, ctx);
    if (p === 0) return geometric.run(cols, weights, out, {}, ctx);
    const m = cols.length;
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
        if (p < 0 ? v <= 0 : v < 0) {
          failValue(ctx, `generalised mean with p = ${p}`, i, j, v, p < 0 ? 'above 0' : '≥ 0');
        }
        s.addProduct(w, v ** p);
        ws.add(w);
        any = true;
      }
      out[i] = any ? (s.value() / ws.value()) ** (1 / p) : Number.NaN;
    }
  },
};

/**
 * @internal COINr's a_genmean: (sum(w·xᵖ)/sum(w))^(1/p) with R's extended-precision sums, NaN when any
 * child with a weight is missing.
 */
function coinrGenmean(
  cols: readonly Float64Array[],
  weights: Float64Array,
  out: Float64Array,
  p: number,
  ctx: Parameters<typeof failValue>[0],
): void {
  const s: number[] = [];
  const ws: number[] = [];
  for (let i = 0; i < out.length; i++) {
    s.length = 0;
    ws.length = 0;
    let missing = false;
    for (let j = 0; j < cols.length; j++) {
      const v = (cols[j] as Float64Array)[i] as number;
      const w = weights[j] as number;
      if (!(w > 0)) continue;
      if (Number.isNaN(v)) missing = true;
      else if (p < 0 && v <= 0) failValue(ctx, `generalised mean with p = ${p}`, i, j, v, 'above 0');
      s.push(w * v ** p);
      ws.push(w);
    }
    out[i] = missing ? Number.NaN : (rSum(s) / rSum(ws)) ** (1 / p);
  }
}
