import { problem } from '../../errors';
import type { NormaliseMethod } from '../types';
import { acc, fillPresent, ParamReader, scan } from './shared';

export type DistTargetParams = {
  /** Target in raw units (default: the indicator's `target`). */
  target: number;
  /** Score values beyond the target as 1 (default true; false under `compat: coinr`, as COINr's `cap_max`). */
  cap: boolean;
  /** COINr 1.1.14's behaviour (`methodology.compat: coinr`, set by the plan, not in YAML): a target at or behind the worst value is used as it is (negative scores). */
  coinr?: boolean;
};

/**
 * Distance to a target in raw units, COINr `n_dist2targ(targ, direction, cap_max)`:
 * direction 1: y = (x − min)/(target − min); direction −1: y = (max − x)/(max − target).
 * The worst unit scores 0 and a unit at the target 1; beyond the target > 1, or 1 when `cap` (default).
 * Degenerate: when the target is at or behind the worst value (direction 1: target ≤ min; −1: target ≥ max)
 * every unit meets it, so every unit with data gets 1 and a W309 warning is recorded (COINr returns
 * negative scores with a warning).
 * @example dist_target of [2, 4, 10] with {target: 6}: [0, 0.5, 1] (uncapped: [0, 0.5, 2])
 */
export const dist_target: NormaliseMethod<DistTargetParams> = {
  key: 'dist_target',
  description: 'distance to a target in raw units: the worst unit scores 0, the target 1 (capped by default)',
  resolve(params, info) {
    const r = new ParamReader(params, ['target', 'cap']);
    const target = r.num('target') ?? info.target;
    if (target === undefined) r.problem(`needs a target: give 'target' here or the indicator's 'target'`);
    return { params: { target: target ?? Number.NaN, cap: r.bool('cap', true) }, problems: r.problems };
  },
  run(x, out, p, info, ctx) {
    scan(x);
    if (acc[0] === 0) {
      out.fill(Number.NaN);
      return;
    }
    const d = info.direction;
    const worst = d === 1 ? (acc[1] as number) : (acc[2] as number);
    const den = d * (p.target - worst);
    if (!(den > 0) && !p.coinr) {
      fillPresent(x, out, 1);
      ctx.warn(
        problem(
          'W309',
          `'${ctx.node}': every unit meets the target ${p.target} (worst value ${worst}), so every unit scores 1`,
          { node: ctx.node },
          'check the target and the direction of the indicator',
        ),
      );
      return;
    }
    for (let i = 0; i < x.length; i++) {
      const y = (d * ((x[i] as number) - worst)) / den;
      out[i] = p.cap && y > 1 ? 1 : y;
    }
  },
};
