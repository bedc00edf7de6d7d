import type { NormaliseMethod } from '../types';
import { hasSpread } from './rank';
import { minRanks, ParamReader, warnConstant } from './shared';

export type BordaParams = Record<string, never>;

/**
 * Borda score, COINr `n_borda`: y = rank − 1 with ranks as in `rank` (ascending in d·x, ties given the
 * lowest rank): the number of units with data that the unit beats. Missing values stay missing.
 * Degenerate: a constant column gives 0 to every unit with data and a W301 warning.
 * @example borda of [10, 30, 20, 30]: [0, 2, 1, 2]
 */
export const borda: NormaliseMethod<BordaParams> = {
  key: 'borda',
  description: 'Borda score: rank − 1, the number of units beaten',
  resolve(params) {
    const r = new ParamReader(params, []);
    return { params: {}, problems: r.problems };
  },
  run(x, out, _p, info, ctx) {
    const m = minRanks(x, info.direction, out);
    const spread = hasSpread(x, out);
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) - 1;
    if (m > 0 && !spread) warnConstant(ctx, 'borda', 0);
  },
};
