/**
 * rSum: R's `sum()` bit for bit (80-bit long double accumulation, one rounding to double), used under
 * `methodology.compat: coinr`. Expected values printed by R 4.2.2 on x86-64:
 * `Rscript -e 'cat(sprintf("%.17g", sum(c(...))))'`.
 */
import { describe, expect, it } from 'vitest';
import { rSum } from '../src/util/r-sum';

describe('rSum', () => {
  it.each([
    [[0.1, 0.2, 0.3], 0.59999999999999998, 0.6000000000000001],
    [[1 / 3, 1 / 3, 1 / 3], 1, 1],
    [[1e16, 1, -1e16], 1, 0],
    [[2 ** 53, 1, 1], 9007199254740994, 9007199254740992],
    [[0.52 / 3, 0.82 / 3, 0.78 / 3], 0.70666666666666667, 0.7066666666666667],
    [[-0.1, 0.3, 1e-20], 0.19999999999999998, 0.19999999999999998],
    [[], 0, 0],
    [[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], 4.5, 4.5],
  ])('sum(%j) is %s in R (plain doubles left to right: %s)', (xs, r, plain) => {
    expect(rSum(xs)).toBe(r);
    expect(xs.reduce((a, b) => a + b, 0)).toBe(plain);
  });

  it('carries non-finite values as IEEE sums do', () => {
    expect(rSum([1, Number.POSITIVE_INFINITY])).toBe(Number.POSITIVE_INFINITY);
    expect(rSum([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])).toBeNaN();
    expect(rSum([1, Number.NaN])).toBeNaN();
  });
});
