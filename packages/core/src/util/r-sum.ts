/**
 * R's `sum()` of doubles, bit for bit: R accumulates in the x87 80-bit long double (a 64-bit
 * significand, rounded to nearest even at every addition) and rounds the total to a double once.
 * Used only under `methodology.compat: coinr`, where COINr's results are wanted to the last bit
 * (govscore's own sums are exact: `ExactSum`). Exact integer arithmetic (BigInt), so slow: a few
 * microseconds an addition.
 * @internal
 */

const view = new DataView(new ArrayBuffer(8));

/** x = m·2^e exactly (m an integer of at most 53 bits). */
function parts(x: number): { m: bigint; e: number } {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const exp = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (exp === 0) return { m: sign * frac, e: -1074 };
  return { m: sign * (frac | (1n << 52n)), e: exp - 1075 };
}

/** m·2^e rounded to `bits` significant bits, to nearest, ties to even. */
function roundTo(m: bigint, e: number, bits: number): { m: bigint; e: number } {
  const neg = m < 0n;
  const a = neg ? -m : m;
  const len = a.toString(2).length;
  if (len <= bits) return { m, e };
  const sh = BigInt(len - bits);
  let q = a >> sh;
  const r = a - (q << sh);
  const half = 1n << (sh - 1n);
  if (r > half || (r === half && (q & 1n) === 1n)) q += 1n;
  return { m: neg ? -q : q, e: e + Number(sh) };
}

/**
 * The sum of finite doubles as R's `sum()` computes it (long double accumulation, one rounding to
 * double at the end). A non-finite value makes the sum that value's IEEE sum (NaN, ±Infinity).
 * @example rSum([0.1, 0.2, 0.3]) // 0.6 (plain doubles: 0.6000000000000001)
 */
export function rSum(xs: ArrayLike<number>): number {
  let m = 0n;
  let e = 0;
  let special = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    if (x - x !== 0) {
      special += x;
      continue;
    }
    if (x === 0) continue;
    const p = parts(x);
    if (m === 0n) {
      m = p.m;
      e = p.e;
      continue;
    }
    const lo = Math.min(e, p.e);
    ({ m, e } = roundTo((m << BigInt(e - lo)) + (p.m << BigInt(p.e - lo)), lo, 64));
  }
  if (special !== 0 || Number.isNaN(special)) return special;
  if (m === 0n) return 0;
  const d = roundTo(m, e, 53);
  return Number(d.m) * 2 ** d.e;
}
