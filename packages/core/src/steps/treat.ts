/**
 * Outlier treatment of one indicator column: COINr's default rule (`Treat()` with `winsorise`,
 * `check_SkewKurt` and `log_CT`), with skew and kurtosis as Excel's SKEW and KURT.
 */
import { moments } from '../util/stats';

export interface TreatParams {
  /** none: leave as is; winsorise: COINr's rule; log: the log transform when the column fails the test. */
  method: 'none' | 'winsorise' | 'log';
  /** Absolute skewness limit. */
  skew: number;
  /** Excess kurtosis limit. */
  kurtosis: number;
  /** Most points winsorised before giving up. */
  max_points: number;
  /** What to do when winsorising max_points does not bring the column within the limits. */
  fallback: 'log' | 'none';
  /** Winsorise exactly this many points on the skewed side, whatever the skew and kurtosis. */
  force?: number;
  /**
   * COINr 1.1.14's `Treat()` where govscore departs from it (`methodology.compat: coinr`): the log
   * fallback is `log_CT` whatever the sign of the skew, and `force` is COINr's `force_win` with
   * `winmax = force` (only on a column outside the limits; the side chosen again at every step; then
   * the log fallback if the column still fails).
   */
  coinr?: boolean;
}

/** COINr's defaults: winsorise up to 5 points while |skew| ≥ 2 and kurtosis ≥ 3.5, else log. */
export const treatDefaults: TreatParams = {
  method: 'winsorise',
  skew: 2,
  kurtosis: 3.5,
  max_points: 5,
  fallback: 'log',
};

export interface TreatResult {
  /** The treated column (a new array; the input is not changed). */
  values: Float64Array;
  applied: 'none' | 'winsorise' | 'log';
  /** Indices whose value changed. */
  changed: number[];
  skewBefore: number;
  kurtBefore: number;
  skewAfter: number;
  kurtAfter: number;
}

/** @internal True when the column is outside the limits: |skew| ≥ limit AND kurtosis ≥ limit (NaN: false). */
function outside(sk: number, ku: number, p: TreatParams): boolean {
  return Math.abs(sk) >= p.skew && ku >= p.kurtosis;
}

/**
 * @internal One winsorising step: every value equal to the largest (high) or smallest (low) present value
 * is replaced by the next distinct value inwards; marks them in `mask`. False when there is nothing to do.
 */
function winsoriseStep(v: Float64Array, high: boolean, mask: Uint8Array): boolean {
  let ext = high ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  let any = false;
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as number;
    if (Number.isNaN(x)) continue;
    any = true;
    if (high ? x > ext : x < ext) ext = x;
  }
  if (!any) return false;
  let next = high ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  let found = false;
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as number;
    if (Number.isNaN(x) || x === ext) continue;
    if (high ? x > next : x < next) next = x;
    found = true;
  }
  if (!found) return false;
  for (let i = 0; i < v.length; i++) {
    if (v[i] === ext) {
      v[i] = next;
      mask[i] = 1;
    }
  }
  return true;
}

/**
 * @internal COINr's log transform: a = 0.01·(max − min); positive skew: log(x − min + a) (`log_CT`);
 * negative skew: −log(max + a − x) (`log_CT_plus`), which mirrors it so that the order is kept.
 */
function logTransform(x: Float64Array, positive: boolean): Float64Array {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const a = 0.01 * (hi - lo);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    out[i] = positive ? Math.log(v - lo + a) : -Math.log(hi + a - v);
  }
  return out;
}

/** @internal Indices where `mask` is set. */
function indices(mask: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i]) out.push(i);
  return out;
}

/**
 * Treats one indicator column for outliers by COINr's default rule.
 *
 * The column fails when |skew| ≥ `skew` AND kurtosis ≥ `kurtosis` (COINr `check_SkewKurt`: it passes when
 * |skew| < limit OR kurtosis < limit); with fewer than 4 values or no spread it never fails.
 * - `winsorise` (COINr `winsorise`): while the column fails and fewer than `max_points` points have been
 *   changed, replace the largest value (when skew ≥ 0) or the smallest (skew < 0) — all points tied at it —
 *   by the next value inwards; the side is chosen again at every step. If the column still fails, the
 *   winsorising is reverted and, with `fallback: 'log'`, the log transform is applied to the original
 *   values (COINr `Treat(combine_treat = FALSE)` with `f2 = "log_CT"`); with `fallback: 'none'` the
 *   winsorised values are kept.
 * - `log`: the log transform when the column fails, else nothing.
 * - `force` (with `winsorise`): exactly `force` points are winsorised on the side of the original skew
 *   (high when skew ≥ 0 or undefined), whatever the limits; points tied at the extreme move together, so
 *   ties can take the count past `force`. No fallback.
 * Log transform: a = 0.01·(max − min); skew ≥ 0: log(x − min + a) (COINr `log_CT`); skew < 0:
 * −log(max + a − x) (COINr `log_CT_plus`), which keeps the order.
 *
 * @param x the column (NaN = missing); not changed.
 * @returns the treated values, what was applied, the indices changed, skew and kurtosis before and after.
 * @example treat(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100), treatDefaults) // 100 becomes 10
 */
export function treat(x: Float64Array, p: TreatParams): TreatResult {
  const before = moments(x);
  const skewBefore = before.skew;
  const kurtBefore = before.kurtosis;
  const done = (values: Float64Array, applied: TreatResult['applied'], changed: number[]): TreatResult => {
    const after = applied === 'none' ? before : moments(values);
    return {
      values,
      applied,
      changed,
      skewBefore,
      kurtBefore,
      skewAfter: after.skew,
      kurtAfter: after.kurtosis,
    };
  };
  const copy = () => Float64Array.from(x);

  if (p.method === 'none') return done(copy(), 'none', []);
  if (p.coinr) return treatCoinr(x, p, before, done);

  if (p.method === 'winsorise' && p.force !== undefined) {
    const values = copy();
    const mask = new Uint8Array(x.length);
    const high = !(skewBefore < 0);
    let nwin = 0;
    while (nwin < p.force && winsoriseStep(values, high, mask)) nwin = indices(mask).length;
    return nwin > 0 ? done(values, 'winsorise', indices(mask)) : done(values, 'none', []);
  }

  if (!outside(skewBefore, kurtBefore, p)) return done(copy(), 'none', []);

  const logged = (): TreatResult => {
    const values = logTransform(x, skewBefore >= 0);
    const changed: number[] = [];
    for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i] as number)) changed.push(i);
    return done(values, 'log', changed);
  };
  if (p.method === 'log') return logged();

  const values = copy();
  const mask = new Uint8Array(x.length);
  let nwin = 0;
  let now = before;
  while (nwin < p.max_points) {
    if (!winsoriseStep(values, !(now.skew < 0), mask)) break;
    nwin = indices(mask).length;
    now = moments(values);
    if (!outside(now.skew, now.kurtosis, p)) return done(values, 'winsorise', indices(mask));
  }
  if (p.fallback === 'log') return logged();
  return nwin > 0 ? done(values, 'winsorise', indices(mask)) : done(values, 'none', []);
}

/**
 * @internal COINr 1.1.14's `Treat()` (`winsorise`, `check_SkewKurt`, `log_CT`, `combine_treat = FALSE`):
 * nothing unless the column is outside the limits; then winsorise, the side chosen by the current skew at
 * every step, until it is within the limits (not with `force`: COINr's `force_win`) or `force ??
 * max_points` points have moved; if it is still outside, `log_CT` of the original values, log(x − min +
 * 0.01·(max − min)), whatever the sign of the skew (with `fallback: log`).
 */
function treatCoinr(
  x: Float64Array,
  p: TreatParams,
  before: ReturnType<typeof moments>,
  done: (values: Float64Array, applied: TreatResult['applied'], changed: number[]) => TreatResult,
): TreatResult {
  if (!outside(before.skew, before.kurtosis, p)) return done(Float64Array.from(x), 'none', []);
  const logged = (): TreatResult => {
    const values = logTransform(x, true);
    const changed: number[] = [];
    for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i] as number)) changed.push(i);
    return done(values, 'log', changed);
  };
  if (p.method === 'log') return logged();
  const limit = p.force ?? p.max_points;
  const values = Float64Array.from(x);
  const mask = new Uint8Array(x.length);
  let nwin = 0;
  let now = before;
  while (nwin < limit) {
    if (!winsoriseStep(values, !(now.skew < 0), mask)) break;
    nwin = indices(mask).length;
    now = moments(values);
    if (p.force === undefined && !outside(now.skew, now.kurtosis, p)) break;
  }
  if (!outside(now.skew, now.kurtosis, p)) return done(values, 'winsorise', indices(mask));
  if (p.fallback === 'log') return logged();
  return nwin > 0 ? done(values, 'winsorise', indices(mask)) : done(values, 'none', []);
}
