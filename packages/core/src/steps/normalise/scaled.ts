import type { NormaliseMethod } from '../types';
import { ParamReader } from './shared';

export type ScaledParams = {
  /** Raw value scored 0 (default 0). */
  low: number;
  /** Raw value scored 100 (default 100). */
  high: number;
  /** COINr 1.1.14's behaviour (`methodology.compat: coinr`, set by the plan, not in YAML): the bounds apply to direction × x, as in `n_scaled`. */
  coinr?: boolean;
};

/**
 * Linear scaling by fixed bounds, COINr `n_scaled(npara = c(low, high))`: y = (x − low)/(high − low)·100.
 * Not min-max: the bounds are fixed, and values outside them go below 0 or above 100 (not truncated).
 * `low` and `high` are raw units, so the direction swaps them: direction −1 gives
 * y = (high − x)/(high − low)·100 (COINr would need the bounds negated by hand).
 * @example scaled of [1, 5.5, 10] with {low: 1, high: 10}: [0, 50, 100]
 */
export const scaled: NormaliseMethod<ScaledParams> = {
  key: 'scaled',
  description: 'linear scaling to 0–100 by fixed bounds low and high (not truncated)',
  resolve(params) {
    const r = new ParamReader(params, ['low', 'high']);
    const p: ScaledParams = { low: r.num('low', 0), high: r.num('high', 100) };
    if (!(p.low < p.high)) r.problem(`'low' (${p.low}) must be below 'high' (${p.high})`);
    return { params: p, problems: r.problems };
  },
  run(x, out, p, info) {
    const k = 100 / (p.high - p.low);
    if (p.coinr) {
      // COINr n_scaled(d·x, npara = c(low, high))
      const d = info.direction;
      for (let i = 0; i < x.length; i++) out[i] = (d * (x[i] as number) - p.low) * k;
      return;
    }
    if (info.direction === 1) for (let i = 0; i < x.length; i++) out[i] = ((x[i] as number) - p.low) * k;
    else for (let i = 0; i < x.length; i++) out[i] = (p.high - (x[i] as number)) * k;
  },
};
