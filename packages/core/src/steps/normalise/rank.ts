import type { NormaliseMethod } from '../types';
import { minRanks, ParamReader, warnConstant } from './shared';

export type RankParams = Record<string, never>;

/**
 * Ranks as scores, COINr `n_rank`: y = rank of d·x in ascending order with ties given the lowest rank
 * (R `rank(ties.method = "min")`), so the best unit scores n (the number of units with data) and the
 * worst 1. Missing values stay missing.
 * Degenerate: a constant column gives 1 to every unit with data and a W301 warning.
 * @example rank of [10, 30, 20, 30]: [1, 3, 2, 3]; direction −1: [4, 1, 3, 1]
 */
export const rank: NormaliseMethod<RankParams> = {
  key: 'rank',
  description: 'rank as score: the worst unit scores 1, the best n (ties share the lower rank)',
  resolve(params) {
    const r = new ParamReader(params, []);
    return { params: {}, problems: r.problems };
  },
  run(x, out, _p, info, ctx) {
    const m = minRanks(x, info.direction, out);
    if (m > 0 && !hasSpread(x, out)) warnConstant(ctx, 'rank', 1);
  },
};

/** @internal True when some ranked value got a rank above 1. */
export function hasSpread(x: Float64Array, ranks: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if ((ranks[i] as number) > 1) return true;
  return false;
}
