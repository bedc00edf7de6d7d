import type { NormaliseMethod } from '../types';
import { acc, fillPresent, ParamReader, scan, warnConstant } from './shared';

export type DistMaxParams = {
  /** COINr 1.1.14's behaviour (`methodology.compat: coinr`, set by the plan, not in YAML): a constant column gives NaN. */
  coinr?: boolean;
};

/**
 * Distance to the best value, COINr `n_dist2max` after multiplying by the direction:
 * direction 1: y = 1 − (max − x)/(max − min); direction −1: y = 1 − (x − min)/(max − min). Range [0, 1].
 * Degenerate: a constant column is at its maximum everywhere, so every unit with data gets 1 and a
 * W301 warning is recorded (COINr returns NaN).
 * @example dist_max of [2, 4, 10]: [0, 0.25, 1]
 */
export const dist_max: NormaliseMethod<DistMaxParams> = {
  key: 'dist_max',
  description: 'distance to the best value: 1 − (best − x)/(best − worst), in [0, 1]',
  resolve(params) {
    const r = new ParamReader(params, []);
    return { params: {}, problems: r.problems };
  },
  run(x, out, p, info, ctx) {
    scan(x);
    if (acc[0] === 0) {
      out.fill(Number.NaN);
      return;
    }
    const lo = acc[1] as number;
    const hi = acc[2] as number;
    if (lo === hi && p.coinr) {
      out.fill(Number.NaN); // COINr: 1 − (max − x)/0
      return;
    }
    if (lo === hi) {
      fillPresent(x, out, 1);
      warnConstant(ctx, 'dist_max', 1, `every value is ${lo}`);
      return;
    }
    const span = hi - lo;
    if (info.direction === 1) for (let i = 0; i < x.length; i++) out[i] = 1 - (hi - (x[i] as number)) / span;
    else for (let i = 0; i < x.length; i++) out[i] = 1 - ((x[i] as number) - lo) / span;
  },
};
