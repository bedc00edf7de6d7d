import { fail } from '../../errors';
import type { NormaliseMethod } from '../types';
import { acc, fillPresent, ParamReader, scan, warnConstant } from './shared';

export type FracMaxParams = {
  /** COINr 1.1.14's behaviour (`methodology.compat: coinr`, set by the plan, not in YAML): (d·x)/max(d·x), so x/min for lower is better, any sign. */
  coinr?: boolean;
};

/**
 * Fraction of the best value. Direction 1: y = x / max (COINr `n_fracmax`), values must be ≥ 0.
 * Direction −1: y = min / x, values must be > 0 — the best (lowest) unit scores 1 and the others less.
 * COINr instead divides −x by −min, i.e. x/min, which scores the worst unit highest; we do not copy that.
 * Degenerate: a constant column (or all zeros) gives 1 for every unit with data and a W301 warning.
 * @throws GovscoreError E302 for a negative value (or zero under direction −1), naming the unit.
 * @example frac_max of [2, 4, 10]: [0.2, 0.4, 1]; direction −1: [1, 0.5, 0.2]
 */
export const frac_max: NormaliseMethod<FracMaxParams> = {
  key: 'frac_max',
  description: 'fraction of the best value: x / max (lower is better: min / x)',
  resolve(params) {
    const r = new ParamReader(params, []);
    return { params: {}, problems: r.problems };
  },
  run(x, out, p, info, ctx) {
    const d = info.direction;
    if (p.coinr) {
      // COINr n_fracmax(d·x): x/max, or (−x)/max(−x) = x/min for lower is better
      scan(x);
      const best = d === 1 ? (acc[2] as number) : (acc[1] as number);
      for (let i = 0; i < x.length; i++) out[i] = (x[i] as number) / best;
      return;
    }
    for (let i = 0; i < x.length; i++) {
      const v = x[i] as number;
      if (v < 0 || (d === -1 && v === 0)) {
        const unit = ctx.units[i] ?? `#${i + 1}`;
        fail(
          'E302',
          `'${ctx.node}' has value ${v} for unit '${unit}': frac_max needs values ${d === 1 ? '≥ 0' : '> 0'}`,
          { node: ctx.node, unit },
          'use minmax, or goalposts, for indicators that can be negative',
        );
      }
    }
    scan(x);
    if (acc[0] === 0) {
      out.fill(Number.NaN);
      return;
    }
    const lo = acc[1] as number;
    const hi = acc[2] as number;
    if (lo === hi) {
      fillPresent(x, out, 1);
      warnConstant(ctx, 'frac_max', 1, `every value is ${lo}`);
      return;
    }
    if (d === 1) for (let i = 0; i < x.length; i++) out[i] = (x[i] as number) / hi;
    else for (let i = 0; i < x.length; i++) out[i] = lo / (x[i] as number);
  },
};
