/**
 * Descriptive statistics over columns. Every function takes `ArrayLike<number>`, ignores NaN (missing)
 * values, and returns NaN when the statistic is undefined for the values left (too few, or no spread).
 * Definitions follow Excel and R so that published numbers can be reproduced:
 * `sd`/`variance` are the sample versions (n − 1), `skew` is Excel's SKEW, `kurtosis` Excel's KURT,
 * `quantile` R's default (type 7).
 */

/**
 * Number of non-missing values.
 * @example count([1, NaN, 3]) // 2
 */
export function count(x: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i] as number)) n++;
  return n;
}

/** @internal Veltkamp's splitting constant 2^27 + 1 (a double into two 26-bit halves). */
const SPLIT = 134217729;
/** @internal u² for u = 2^-53, the unit roundoff. */
const U2 = 2 ** -106;

/**
 * @internal Exactly rounded sum: the result is the exact sum of the values added, rounded once — and
 * therefore the same whatever the order of the values, so that reordering units or children cannot
 * change a score in its last digit (and with it a rank). Used for every statistic across units and
 * every weighted sum of an aggregation.
 *
 * Fast path: the values are summed in double-double arithmetic (Knuth's TwoSum for each addition, the
 * errors kept in a second sum), whose distance from the exact sum is below 3n²u²·Σ|x|; when that
 * cannot move the rounded result across a rounding boundary — almost always — it is the correctly
 * rounded exact sum. Otherwise (cancellation, a sum within ~1e-30 of a half-way point) the stored
 * values are summed again exactly by Shewchuk's algorithm, as Python's `math.fsum`.
 */
export class ExactSum {
  private terms = new Float64Array(64);
  private m = 0;
  private s = 0;
  private c = 0;
  private abs = 0;
  private readonly p = new Float64Array(64);
  /** Sum of the non-finite values added (NaN, ±Infinity), which the exact part cannot hold. */
  private special = 0;

  /** Starts again from zero. */
  reset(): this {
    this.m = 0;
    this.s = 0;
    this.c = 0;
    this.abs = 0;
    this.special = 0;
    return this;
  }

  /** Adds one value. */
  add(x: number): void {
    if (x - x !== 0) {
      this.special += x;
      return;
    }
    if (this.m === this.terms.length) {
      const t = new Float64Array(this.m * 2);
      t.set(this.terms);
      this.terms = t;
    }
    this.terms[this.m++] = x;
    const s = this.s;
    const t = s + x;
    const bp = t - s;
    this.c += s - (t - bp) + (x - bp);
    this.s = t;
    this.abs += Math.abs(x);
  }

  /**
   * Adds the exact product a·b: the rounded product and its rounding error (Dekker's TwoProduct with
   * Veltkamp's split), so that a weighted sum Σ wⱼxⱼ is exact before its one rounding. Exact for
   * |a|, |b| below about 1e290 whose product neither overflows nor underflows.
   */
  addProduct(a: number, b: number): void {
    const p = a * b;
    if (p - p !== 0) {
      this.special += p;
      return;
    }
    let k = SPLIT * a;
    const ah = k - (k - a);
    const al = a - ah;
    k = SPLIT * b;
    const bh = k - (k - b);
    const bl = b - bh;
    const e = ah * bh - p + ah * bl + al * bh + al * bl;
    if (this.m + 2 > this.terms.length) {
      const t = new Float64Array(this.terms.length * 2);
      t.set(this.terms);
      this.terms = t;
    }
    this.terms[this.m++] = p;
    this.terms[this.m++] = e;
    // p by TwoSum; its rounding error e (|e| ≤ u|p|) straight into the error sum
    const s = this.s;
    const t = s + p;
    const bp = t - s;
    this.c += s - (t - bp) + (p - bp) + e;
    this.s = t;
    this.abs += Math.abs(p);
  }

  /** The exact sum, rounded to the nearest double (ties to even). */
  value(): number {
    if (this.special !== 0 || Number.isNaN(this.special)) return this.special;
    const s = this.s;
    const c = this.c;
    const r = s + c;
    const bp = r - s;
    const e = s - (r - bp) + (c - bp);
    // the exact sum is r + e + δ with |δ| ≤ b (n terms, each addition's error ≤ u·Σ|x|, and the error
    // sum's own rounding ≤ n·u times that; 3n²u²Σ|x| with room); rounding is monotone, so when r + (e ± b) both round
    // to r, so does every value between, the exact sum included
    const n = this.m;
    const b = 3 * n * n * U2 * this.abs;
    if (r - r === 0 && r + (e + b) === r && r + (e - b) === r) return r;
    return this.exactValue();
  }

  /**
   * @internal The stored values summed exactly by Shewchuk's partials, rounded once: what `value` falls
   * back to, and what it must always equal (tests compare the two).
   */
  exactValue(): number {
    if (this.special !== 0 || Number.isNaN(this.special)) return this.special;
    const p = this.p;
    let n = 0;
    let special = 0;
    for (let k = 0; k < this.m; k++) {
      let x = this.terms[k] as number;
      let i = 0;
      for (let j = 0; j < n; j++) {
        let y = p[j] as number;
        if (Math.abs(x) < Math.abs(y)) {
          const t = x;
          x = y;
          y = t;
        }
        const hi = x + y;
        if (hi - hi !== 0) {
          // overflow: the sum is beyond ±1.8e308
          special += hi;
          i = 0;
          x = 0;
          break;
        }
        const lo = y - (hi - x);
        if (lo !== 0) p[i++] = lo;
        x = hi;
      }
      p[i] = x;
      n = i + 1;
    }
    if (special !== 0) return special;
    if (n === 0) return 0;
    let hi = p[--n] as number;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n] as number;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // half-way case: round as if the remaining partials were summed exactly
    if (n > 0 && ((lo < 0 && (p[n - 1] as number) < 0) || (lo > 0 && (p[n - 1] as number) > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }
}

/**
 * Arithmetic mean of the non-missing values: Σx / n (the sum exactly rounded, so that the order of
 * the values does not matter).
 * @returns NaN when no value is present.
 * @example mean([1, 2, NaN, 6]) // 3
 */
export function mean(x: ArrayLike<number>): number {
  const acc = new ExactSum();
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) continue;
    acc.add(v);
    n++;
  }
  return n === 0 ? Number.NaN : acc.value() / n;
}

/**
 * Sample variance: Σ(x − m)² / (n − 1), two-pass for accuracy (R `var`, Excel VAR.S).
 * @returns NaN with fewer than two values.
 * @example variance([1, 2, 3, 4]) // 1.6666…
 */
export function variance(x: ArrayLike<number>): number {
  const m = mean(x);
  const n = count(x);
  if (n < 2) return Number.NaN;
  const acc = new ExactSum();
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) continue;
    const d = v - m;
    acc.add(d * d);
  }
  return acc.value() / (n - 1);
}

/**
 * Sample standard deviation: √variance (R `sd`, Excel STDEV.S).
 * @returns NaN with fewer than two values.
 * @example sd([2, 4, 4, 4, 5, 5, 7, 9]) // 2.138…
 */
export function sd(x: ArrayLike<number>): number {
  return Math.sqrt(variance(x));
}

/** @internal Smallest and largest non-missing value ([NaN, NaN] when none). */
export function range(x: ArrayLike<number>): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let any = false;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) continue;
    any = true;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return any ? [lo, hi] : [Number.NaN, Number.NaN];
}

/**
 * Skewness as Excel's SKEW (= e1071 `skewness(type = 2)`, COINr `skew`):
 * n / ((n − 1)(n − 2)) · Σ((x − m)/s)³, with s the sample sd.
 * @returns NaN with fewer than three values or when all values are equal.
 * @example skew([1, 2, 3, 10]) // 1.7636…
 */
export function skew(x: ArrayLike<number>): number {
  return moments(x).skew;
}

/**
 * Excess kurtosis as Excel's KURT (= e1071 `kurtosis(type = 2)`, COINr `kurt`):
 * n(n + 1) / ((n − 1)(n − 2)(n − 3)) · Σ((x − m)/s)⁴ − 3(n − 1)² / ((n − 2)(n − 3)).
 * @returns NaN with fewer than four values or when all values are equal.
 * @example kurtosis([1, 2, 3, 10]) // 3.228
 */
export function kurtosis(x: ArrayLike<number>): number {
  return moments(x).kurtosis;
}

/** Count, mean, sample sd, skew (Excel SKEW) and excess kurtosis (Excel KURT) of the non-missing values. */
export interface Moments {
  n: number;
  mean: number;
  sd: number;
  skew: number;
  kurtosis: number;
}

/**
 * Skew and kurtosis together, sharing their passes over the data (the outlier treatment needs both,
 * every step): skew = n/((n − 1)(n − 2)) · Σz³, kurtosis = n(n + 1)/((n − 1)(n − 2)(n − 3)) · Σz⁴ −
 * 3(n − 1)²/((n − 2)(n − 3)), z = (x − mean)/sd; sums exactly rounded. Skew is NaN below 3 values,
 * kurtosis below 4, both when all values are equal.
 * @example moments([1, 2, 3, 10]) // { n: 4, mean: 4, skew: 1.7636…, kurtosis: 3.228… }
 */
export function moments(x: ArrayLike<number>): Moments {
  const n = count(x);
  const m = mean(x);
  const s = sd(x);
  const out: Moments = { n, mean: m, sd: s, skew: Number.NaN, kurtosis: Number.NaN };
  if (n < 3) return out;
  const [lo, hi] = range(x);
  if (lo === hi) return out;
  const s3 = new ExactSum();
  const s4 = new ExactSum();
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) continue;
    const z = (v - m) / s;
    const z2 = z * z;
    s3.add(z2 * z);
    s4.add(z2 * z2);
  }
  out.skew = (n / ((n - 1) * (n - 2))) * s3.value();
  if (n >= 4) {
    out.kurtosis =
      ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * s4.value() - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
  }
  return out;
}

/** @internal The non-missing values, sorted ascending (a new array). */
export function sortedPresent(x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(count(x));
  let k = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) out[k++] = v;
  }
  return out.sort();
}

/** @internal R type-7 quantile of an ascending array without NaN. */
export function quantileSorted(s: ArrayLike<number>, p: number): number {
  const n = s.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = s[lo] as number;
  if (lo >= n - 1) return s[n - 1] as number;
  const b = s[lo + 1] as number;
  return a + (h - lo) * (b - a);
}

/**
 * Quantile, R's default `quantile(x, p, type = 7)` (Excel PERCENTILE.INC):
 * with the n sorted values x₍₁₎…x₍ₙ₎ and h = (n − 1)p, x₍⌊h⌋+1₎ + (h − ⌊h⌋)(x₍⌊h⌋+2₎ − x₍⌊h⌋+1₎).
 * @param p probability in [0, 1].
 * @returns NaN when no value is present or p is outside [0, 1].
 * @example quantile([1, 2, 3, 4], 0.25) // 1.75
 */
export function quantile(x: ArrayLike<number>, p: number): number {
  return quantileSorted(sortedPresent(x), p);
}

/**
 * Median: the 0.5 quantile (mean of the two middle values when n is even).
 * @returns NaN when no value is present.
 * @example median([3, 1, NaN, 2, 10]) // 2.5
 */
export function median(x: ArrayLike<number>): number {
  return quantile(x, 0.5);
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Rounds to `digits` decimals, half away from zero, on the number's shortest decimal representation
 * (the digits `String(x)` prints), so that what a reader sees is what is rounded: 96.705 → 96.71 and
 * 2.675 → 2.68, although both doubles lie just below the half (Math.round and toFixed give 96.7, 2.67).
 * Values far from a half take a fast arithmetic path; only near-halves go through the string.
 * @param digits 0 to 15.
 * @returns x unchanged when it is not finite or has no more than `digits` decimals.
 * @example roundHalfAway(96.705, 2) // 96.71
 * @example roundHalfAway(-0.125, 2) // -0.13
 */
export function roundHalfAway(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const p = POW10[digits];
  if (p === undefined) throw new RangeError(`roundHalfAway: digits must be an integer 0–15, got ${digits}`);
  const a = Math.abs(x);
  const y = a * p;
  if (y >= 2 ** 52) return x;
  const fl = Math.floor(y);
  const f = y - fl;
  let k: number;
  if (Math.abs(f - 0.5) > 1e-6) k = f > 0.5 ? fl + 1 : fl;
  else k = roundDigits(a, digits);
  const r = k / p;
  return x < 0 ? -r : r;
}

/** @internal `a` (≥ 0) × 10^digits rounded half up on the digits of `String(a)`. */
function roundDigits(a: number, digits: number): number {
  const s = String(a);
  const e = s.indexOf('e');
  const mant = e < 0 ? s : s.slice(0, e);
  const exp = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mant.indexOf('.');
  const d = dot < 0 ? mant : mant.slice(0, dot) + mant.slice(dot + 1);
  // the decimal point sits after `point` digits of `d`
  const point = (dot < 0 ? mant.length : dot) + exp;
  const keep = point + digits;
  if (keep < 0) return 0;
  if (keep >= d.length) return Math.round(a * (POW10[digits] as number));
  let k = keep === 0 ? 0 : Number(d.slice(0, keep));
  if (d.charCodeAt(keep) >= 53 /* '5' */) k += 1;
  return k;
}
