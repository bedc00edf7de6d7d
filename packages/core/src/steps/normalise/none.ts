import type { NormaliseMethod } from '../types';
import { ParamReader } from './shared';

/** `none` takes no parameters. */
export type NoneParams = Record<string, never>;

/**
 * Values as given, multiplied by the direction: y = d·x (COINr `Normalise(f_n = "none")`, which also
 * multiplies by the direction first). With direction −1 the values become negative, which a geometric
 * or harmonic mean then refuses.
 * @example none.run([1, 2], out, {}, { direction: -1 }, ctx) // out = [-1, -2]
 */
export const none: NormaliseMethod<NoneParams> = {
  key: 'none',
  description: 'values as given (multiplied by the direction, so lower-is-better values become negative)',
  resolve(params) {
    const r = new ParamReader(params, []);
    return { params: {}, problems: r.problems };
  },
  run(x, out, _p, info) {
    const d = info.direction;
    for (let i = 0; i < x.length; i++) out[i] = (x[i] as number) * d;
  },
};
