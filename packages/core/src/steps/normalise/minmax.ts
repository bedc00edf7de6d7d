import type { NormaliseMethod } from '../types';
import { acc, fillPresent, ParamReader, scan, warnConstant } from './shared';

export type MinmaxParams = {
  /** Lower end of the output range (default 0). */
  min: number;
  /** Upper end of the output range (default 100). */
  max: number;
  /** Fixed lower end of the input range in raw units (e.g. last year's minimum); default: the data's. */
  ref_min?: number;
  /** Fixed upper end of the input range in raw units; default: the data's. */
  ref_max?: number;
  /** COINr 1.1.14's behaviour (`methodology.compat: coinr`, set by the plan, not in YAML): an empty input range gives NaN, and the formula is computed in COINr's order of operations. */
  coinr?: boolean;
};

/**
 * Min-max scaling onto [min, max], COINr `n_minmax(l_u = c(min, max))` after multiplying by the direction.
 * With a = ref_min ?? min(x) and b = ref_max ?? max(x) (raw units):
 * direction 1: y = (x − a)/(b − a)·(max − min) + min; direction −1: y = (b − x)/(b − a)·(max − min) + min.
 * With fixed `ref_min`/`ref_max` the data's own range is ignored and values outside the reference range
 * fall outside [min, max] (not truncated).
 * Degenerate: when b ≤ a (a constant column, or a reference range the data make empty) every unit with
 * data gets the midpoint (min + max)/2 and a W301 warning is recorded (COINr returns NaN).
 * @example minmax of [1, 2, 3] with {min: 0, max: 100}: [0, 50, 100]; direction −1: [100, 50, 0]
 */
export const minmax: NormaliseMethod<MinmaxParams> = {
  key: 'minmax',
  description: 'min-max scaling onto [min, max] (default 0–100), optionally against a fixed reference range',
  resolve(params) {
    const r = new ParamReader(params, ['min', 'max', 'ref_min', 'ref_max']);
    const p: MinmaxParams = { min: r.num('min', 0), max: r.num('max', 100) };
    const refMin = r.num('ref_min');
    const refMax = r.num('ref_max');
    if (refMin !== undefined) p.ref_min = refMin;
    if (refMax !== undefined) p.ref_max = refMax;
    if (!(p.min < p.max)) r.problem(`'min' (${p.min}) must be below 'max' (${p.max})`);
    if (refMin !== undefined && refMax !== undefined && !(refMin < refMax)) {
      r.problem(`'ref_min' (${refMin}) must be below 'ref_max' (${refMax})`);
    }
    return { params: p, problems: r.problems };
  },
  run(x, out, p, info, ctx) {
    scan(x);
    if (acc[0] === 0) {
      out.fill(Number.NaN);
      return;
    }
    const a = p.ref_min ?? (acc[1] as number);
    const b = p.ref_max ?? (acc[2] as number);
    if (!(b > a) && p.coinr) {
      out.fill(Number.NaN); // COINr: (x − min)/0
      return;
    }
    if (!(b > a)) {
      const mid = (p.min + p.max) / 2;
      fillPresent(x, out, mid);
      warnConstant(
        ctx,
        'minmax',
        mid,
        a === b ? `every value is ${a}` : `the input range ${a} to ${b} is empty`,
      );
      return;
    }
    const span = b - a;
    if (p.coinr) {
      // COINr n_minmax's order of operations: (x − min)/(max − min)·(u − l) + l, on d·x
      const w = p.max - p.min;
      if (info.direction === 1)
        for (let i = 0; i < x.length; i++) out[i] = (((x[i] as number) - a) / span) * w + p.min;
      else for (let i = 0; i < x.length; i++) out[i] = ((b - (x[i] as number)) / span) * w + p.min;
      return;
    }
    const k = (p.max - p.min) / span;
    if (!Number.isFinite(k)) {
      // a range so small (subnormal) that its reciprocal overflows: divide each value instead
      const w = p.max - p.min;
      for (let i = 0; i < x.length; i++) {
        const d = info.direction === 1 ? (x[i] as number) - a : b - (x[i] as number);
        out[i] = (d / span) * w + p.min;
      }
      return;
    }
    if (info.direction === 1) for (let i = 0; i < x.length; i++) out[i] = ((x[i] as number) - a) * k + p.min;
    else for (let i = 0; i < x.length; i++) out[i] = (b - (x[i] as number)) * k + p.min;
  },
};
