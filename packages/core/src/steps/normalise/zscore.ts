import { count, mean as meanOf, sd as sdOf } from '../../util/stats';
import type { NormaliseMethod } from '../types';
import { fillPresent, ParamReader, warnConstant } from './shared';

export type ZscoreParams = {
  /** Mean of the output (default 0). */
  mean: number;
  /** Standard deviation of the output (default 1). */
  sd: number;
  /** Fixed input mean in raw units (e.g. a reference year's); default: the data's. */
  ref_mean?: number;
  /** Fixed input sd in raw units; default: the data's sample sd. */
  ref_sd?: number;
  /** COINr 1.1.14's behaviour (`methodology.compat: coinr`, set by the plan, not in YAML): no spread gives NaN. */
  coinr?: boolean;
};

/**
 * Z-score, COINr `n_zscore(m_sd = c(mean, sd))` after multiplying by the direction:
 * y = d·(x − m)/s·sd + mean, with m = ref_mean ?? mean(x), s = ref_sd ?? sd(x) (sample sd, n − 1).
 * Degenerate: when s is 0 or undefined (constant column, single value) every unit with data gets `mean`
 * and a W301 warning is recorded (COINr returns NaN).
 * @example zscore of [1, 2, 3]: [-1, 0, 1]; {mean: 100, sd: 10}: [90, 100, 110]
 */
export const zscore: NormaliseMethod<ZscoreParams> = {
  key: 'zscore',
  description:
    'z-score with a chosen mean and sd (sample sd), optionally against a fixed reference mean and sd',
  resolve(params) {
    const r = new ParamReader(params, ['mean', 'sd', 'ref_mean', 'ref_sd']);
    const p: ZscoreParams = { mean: r.num('mean', 0), sd: r.num('sd', 1) };
    const refMean = r.num('ref_mean');
    const refSd = r.num('ref_sd');
    if (refMean !== undefined) p.ref_mean = refMean;
    if (refSd !== undefined) p.ref_sd = refSd;
    if (!(p.sd > 0)) r.problem(`'sd' must be above 0, got ${p.sd}`);
    if (refSd !== undefined && !(refSd > 0)) r.problem(`'ref_sd' must be above 0, got ${refSd}`);
    return { params: p, problems: r.problems };
  },
  run(x, out, p, info, ctx) {
    if (count(x) === 0) {
      out.fill(Number.NaN);
      return;
    }
    const m = p.ref_mean ?? meanOf(x);
    const s = p.ref_sd ?? sdOf(x);
    if (!(s > 0) && p.coinr) {
      out.fill(Number.NaN); // COINr: (x − mean)/0, or sd NA for one unit
      return;
    }
    if (!(s > 0)) {
      fillPresent(x, out, p.mean);
      warnConstant(ctx, 'zscore', p.mean, s === 0 ? 'every value is the same' : 'only one unit has data');
      return;
    }
    const k = (info.direction * p.sd) / s;
    for (let i = 0; i < x.length; i++) out[i] = ((x[i] as number) - m) * k + p.mean;
  },
};
