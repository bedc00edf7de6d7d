import type { NormaliseMethod } from '../types';
import { hasSpread } from './rank';
import { minRanks, ParamReader, warnConstant } from './shared';

export type PrankParams = {
  /** COINr 1.1.14's behaviour (`methodology.compat: coinr`, set by the plan, not in YAML): one unit with data gets NaN (0/0). */
  coinr?: boolean;
};

/**
 * Percentile rank, COINr `n_prank`: y = (rank − 1)/(m − 1), ranks as in `rank` (ascending in d·x, ties
 * given the lowest rank), m the number of units with data. The worst unit scores 0, the best 1.
 * Degenerate: a constant column gives 0 to every unit with data (ties take the lowest rank), and so does
 * a single unit with data (COINr: 0/0 = NaN); both record a W301 warning.
 * @example prank of [10, 30, 20, 40]: [0, 2/3, 1/3, 1]
 */
export const prank: NormaliseMethod<PrankParams> = {
  key: 'prank',
  description: 'percentile rank: (rank − 1)/(n − 1), from 0 (worst) to 1 (best)',
  resolve(params) {
    const r = new ParamReader(params, []);
    return { params: {}, problems: r.problems };
  },
  run(x, out, p, info, ctx) {
    const m = minRanks(x, info.direction, out);
    if (m === 0) return;
    if (m === 1 && p.coinr) {
      out.fill(Number.NaN); // COINr: (1 − 1)/(1 − 1)
      return;
    }
    if (m === 1 || !hasSpread(x, out)) {
      for (let i = 0; i < out.length; i++) if (!Number.isNaN(out[i] as number)) out[i] = 0;
      warnConstant(ctx, 'prank', 0, m === 1 ? 'only one unit has data' : 'every value is the same');
      return;
    }
    // a division, not a product with 1/(m − 1): each score is the double nearest to the fraction, so
    // equal fractions (41/50 and 82/100) give equal doubles
    const d = m - 1;
    for (let i = 0; i < out.length; i++) out[i] = ((out[i] as number) - 1) / d;
  },
};
