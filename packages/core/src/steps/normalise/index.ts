/**
 * The normalisation methods, by the key an indicator set names them with. Each method applies the
 * indicator's direction itself; see each file and `docs/methods.md` for formulas and degenerate cases.
 */
import type { NormaliseMethod } from '../types';
import { borda } from './borda';
import { categorical } from './categorical';
import { dist_max } from './dist_max';
import { dist_ref } from './dist_ref';
import { dist_target } from './dist_target';
import { frac_max } from './frac_max';
import { goalposts } from './goalposts';
import { minmax } from './minmax';
import { none } from './none';
import { prank } from './prank';
import { rank } from './rank';
import { scaled } from './scaled';
import { zscore } from './zscore';

export const normalisers = {
  none,
  minmax,
  zscore,
  scaled,
  dist_max,
  dist_ref,
  dist_target,
  frac_max,
  rank,
  borda,
  prank,
  goalposts,
  categorical,
  // biome-ignore lint/suspicious/noExplicitAny: each method has its own parameter type
} satisfies Record<string, NormaliseMethod<any>>;

export type NormaliseKey = keyof typeof normalisers;
