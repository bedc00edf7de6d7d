/**
 * A small seeded pseudo-random number generator for the analysis functions (Monte Carlo, Saltelli
 * design, bootstrap). The core never calls `Math.random`: the same seed gives the same numbers on
 * every platform, so that an analysis can be repeated byte for byte.
 */

/**
 * splitmix32 step (Vigna): mixes a 32-bit state into a well-spread 32-bit output. Used to expand a
 * seed into xoshiro's state and to derive independent streams.
 * @internal
 */
export function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * xoshiro128** (Blackman & Vigna, 2018): 128 bits of state, period 2¹²⁸ − 1, passes BigCrush.
 * `next()` returns a uniform double in [0, 1) with 32 random bits.
 *
 * @example
 * const rng = new Prng(42);
 * rng.next(); // same number on every run with seed 42
 * rng.int(6); // an integer 0–5
 */
export class Prng {
  private readonly s = new Uint32Array(4);

  /**
   * @param seed an integer 0 … 2³² − 1 (other numbers are reduced to 32 bits).
   * @param stream an integer naming an independent stream from the same seed (default 0).
   */
  constructor(seed: number, stream = 0) {
    this.reset(seed, stream);
  }

  /** Starts again as `new Prng(seed, stream)` would. */
  reset(seed: number, stream = 0): void {
    let x = (seed >>> 0) ^ Math.imul(stream >>> 0, 0x632be5ab);
    for (let i = 0; i < 4; i++) {
      x = splitmix32(x + i);
      this.s[i] = x;
    }
    if ((this.s[0]! | this.s[1]! | this.s[2]! | this.s[3]!) === 0) this.s[0] = 1;
  }

  /** A generator with the given raw state (tests against the reference implementation). @internal */
  static fromState(a: number, b: number, c: number, d: number): Prng {
    const r = new Prng(0);
    r.s[0] = a;
    r.s[1] = b;
    r.s[2] = c;
    r.s[3] = d;
    return r;
  }

  /** Next 32-bit unsigned integer. */
  u32(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const s2 = s[2]!;
    const s3 = s[3]!;
    const m = Math.imul(s1, 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    s[1] = s1 ^ n2;
    s[0] = s0 ^ n3;
    s[2] = n2 ^ t;
    s[3] = (n3 << 11) | (n3 >>> 21);
    return r;
  }

  /** Uniform double in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in 0 … k − 1 (k ≥ 1). */
  int(k: number): number {
    return Math.min(k - 1, Math.floor(this.next() * k));
  }
}
