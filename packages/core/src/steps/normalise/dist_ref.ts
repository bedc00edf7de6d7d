import { fail, problem } from '../../errors';
import type { NormaliseMethod } from '../types';
import { acc, fillPresent, ParamReader, scan } from './shared';

export type DistRefParams = {
  /** Id of the reference unit. */
  unit: string;
  /** Score values better than the reference's as 1 (default false, as COINr). */
  cap: boolean;
};

/**
 * Distance to a reference unit, COINr `n_dist2ref(iref, cap_max)` after multiplying by the direction:
 * direction 1: y = 1 − (x_ref − x)/(x_ref − min) = (x − min)/(x_ref − min);
 * direction −1: y = (max − x)/(max − x_ref). The reference scores 1, the worst unit 0; units better than
 * the reference score above 1, or 1 when `cap`.
 * Degenerate: when the reference is the worst unit (x_ref = min) every unit is at least as good, so every
 * unit with data gets 1 and a W309 warning is recorded.
 * @throws GovscoreError E305 when the reference unit is not among the assessed units or has no value.
 * @example dist_ref of [2, 4, 10] with {unit: 'b'} (x_ref = 4): [0, 1, 4]; with cap: [0, 1, 1]
 */
export const dist_ref: NormaliseMethod<DistRefParams> = {
  key: 'dist_ref',
  description: 'distance to a reference unit: the reference scores 1 and the worst unit 0',
  resolve(params) {
    const r = new ParamReader(params, ['unit', 'cap']);
    const unit = r.str('unit');
    if (unit === undefined && r.raw('unit') === undefined)
      r.problem(`needs 'unit': the id of the reference unit`);
    return { params: { unit: unit ?? '', cap: r.bool('cap', false) }, problems: r.problems };
  },
  run(x, out, p, info, ctx) {
    const at = ctx.units.indexOf(p.unit);
    if (at < 0) {
      fail(
        'E305',
        `'${ctx.node}' is normalised as distance to unit '${p.unit}', which is not among the assessed units`,
        { node: ctx.node, unit: p.unit },
        'give the id of an assessed unit, or check that screening did not drop it',
      );
    }
    const ref = x[at] as number;
    if (Number.isNaN(ref)) {
      fail(
        'E305',
        `'${ctx.node}' is normalised as distance to unit '${p.unit}', which has no value`,
        { node: ctx.node, unit: p.unit },
        'add the reference unit’s value or choose another reference unit',
      );
    }
    scan(x);
    const worst = info.direction === 1 ? (acc[1] as number) : (acc[2] as number);
    const den = info.direction === 1 ? ref - worst : worst - ref;
    if (!(den > 0)) {
      fillPresent(x, out, 1);
      ctx.warn(
        problem(
          'W309',
          `'${ctx.node}': reference unit '${p.unit}' has the worst value (${ref}), so every unit scores 1`,
          { node: ctx.node, unit: p.unit },
          'choose a reference unit that is not the worst',
        ),
      );
      return;
    }
    const d = info.direction;
    for (let i = 0; i < x.length; i++) {
      const y = (d * ((x[i] as number) - worst)) / den;
      out[i] = p.cap && y > 1 ? 1 : y;
    }
  },
};
