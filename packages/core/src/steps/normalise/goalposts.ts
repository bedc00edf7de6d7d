import { problem } from '../../errors';
import type { NormaliseMethod } from '../types';
import { ParamReader } from './shared';

export type GoalpostsParams = {
  /** Lower goalpost in raw units (default: the indicator's `goalposts.low`). */
  low: number;
  /** Upper goalpost in raw units (default: the indicator's `goalposts.high`). */
  high: number;
  /** Clamp scores to [0, 1] before scaling (default true). */
  truncate: boolean;
  /** Multiplier of the result (default 1; 100 gives 0–100). */
  scale: number;
};

/**
 * Goalposts in raw units, COINr `n_goalposts(gposts = c(low, high, scale), trunc2posts = truncate)`:
 * direction 1: y = (x − low)/(high − low); direction −1 swaps the posts: y = (high − x)/(high − low)
 * (what COINr computes from iMeta goalposts for a negative indicator). With `truncate`, y is clamped to
 * [0, 1], and a W307 warning lists how many values were clamped. Then y·scale.
 * The data's own range is never used, so a constant column is not degenerate here.
 * @example goalposts (0, 10): 1 → 0.1, 11 → 1 (truncated) or 1.1 (not); direction −1: 1 → 0.9
 */
export const goalposts: NormaliseMethod<GoalpostsParams> = {
  key: 'goalposts',
  description:
    'distance from the low to the high goalpost (raw units), truncated to [0, 1] by default, times scale',
  resolve(params, info) {
    const r = new ParamReader(params, ['low', 'high', 'truncate', 'scale']);
    const low = r.num('low') ?? info.goalposts?.low;
    const high = r.num('high') ?? info.goalposts?.high;
    if (low === undefined || high === undefined) {
      r.problem(`needs goalposts: give 'low' and 'high' here or the indicator's 'goalposts'`);
    } else if (!(low < high)) {
      r.problem(
        `the low goalpost (${low}) must be below the high one (${high}); the direction says which end is best`,
      );
    }
    const p: GoalpostsParams = {
      low: low ?? Number.NaN,
      high: high ?? Number.NaN,
      truncate: r.bool('truncate', true),
      scale: r.num('scale', 1),
    };
    if (!(p.scale > 0)) r.problem(`'scale' must be above 0, got ${p.scale}`);
    return { params: p, problems: r.problems };
  },
  run(x, out, p, info, ctx) {
    const span = p.high - p.low;
    const d = info.direction;
    let clamped = 0;
    let first = -1;
    for (let i = 0; i < x.length; i++) {
      const v = x[i] as number;
      let y = d === 1 ? (v - p.low) / span : (p.high - v) / span;
      if (p.truncate) {
        if (y > 1) {
          y = 1;
          if (clamped++ === 0) first = i;
        } else if (y < 0) {
          y = 0;
          if (clamped++ === 0) first = i;
        }
      }
      out[i] = y * p.scale;
    }
    if (clamped > 0) {
      const unit = ctx.units[first] ?? `#${first + 1}`;
      ctx.warn(
        problem(
          'W307',
          `'${ctx.node}': ${clamped} value(s) outside the goalposts ${p.low}–${p.high} truncated (first: unit '${unit}', ${x[first]})`,
          { node: ctx.node },
          'widen the goalposts if these values are plausible',
        ),
      );
    }
  },
};
