import { describe, expect, it } from 'vitest';
import {
  count,
  kurtosis,
  mean,
  median,
  quantile,
  roundHalfAway,
  sd,
  skew,
  variance,
} from '../src/util/stats';

const N = Number.NaN;

/** Equal to `digits` decimals, NaN only equal to NaN. */
function close(actual: number, want: number, digits = 12) {
  if (Number.isNaN(want)) expect(actual).toBeNaN();
  else expect(actual).toBeCloseTo(want, digits);
}

describe('count, mean, variance, sd', () => {
  it.each([
    // x, count, mean, variance
    [[1, 2, N, 6], 3, 3, 7],
    [[1, 2, 3, 4], 4, 2.5, 5 / 3],
    [[5], 1, 5, N],
    [[], 0, N, N],
    [[N, N], 0, N, N],
    [[-2, 2], 2, 0, 8],
  ])('%j: count %d, mean %d, variance %d', (x, n, m, v) => {
    expect(count(x)).toBe(n);
    close(mean(x), m);
    close(variance(x), v);
  });

  it('sd is the sample sd (n − 1): [2, 4, 4, 4, 5, 5, 7, 9] → √(32/7)', () => {
    // mean 5, squared deviations 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sd([3])).toBeNaN();
  });

  it('mean of a typed array with NaN', () => {
    expect(mean(Float64Array.of(N, 10, 20))).toBe(15);
  });
});

describe('skew (Excel SKEW) and kurtosis (Excel KURT)', () => {
  // [0, 0, 0, 1]: mean 0.25, sd 0.5, z = −0.5, −0.5, −0.5, 1.5
  // SKEW = 4/(3·2) · (3·(−0.125) + 3.375) = 2
  // KURT = 4·5/(3·2·1) · (3·0.0625 + 5.0625) − 3·3²/(2·1) = 17.5 − 13.5 = 4
  it('[0, 0, 0, 1]: skew 2, kurtosis 4', () => {
    expect(skew([0, 0, 0, 1])).toBeCloseTo(2, 12);
    expect(kurtosis([0, 0, 0, 1])).toBeCloseTo(4, 12);
  });

  // [1, 2, 3, 10]: mean 4, deviations −3, −2, −1, 6, Σd² = 50, s² = 50/3, Σd³ = 180, Σd⁴ = 1394
  // SKEW = (4/6)·180/s³ = 1.76363…; KURT = (20/6)·1394·9/2500 − 13.5 = 3.228
  it('[1, 2, 3, 10]: skew 1.7636, kurtosis 3.228', () => {
    expect(skew([1, 2, 3, 10])).toBeCloseTo((4 / 6) * (180 / (50 / 3) ** 1.5), 12);
    expect(skew([1, 2, 3, 10])).toBeCloseTo(1.76363, 5);
    expect(kurtosis([1, 2, 3, 10])).toBeCloseTo(3.228, 12);
  });

  it('ignores NaN and is symmetric in sign', () => {
    expect(skew([0, N, 0, 0, 1])).toBeCloseTo(2, 12);
    expect(skew([0, 0, 0, -1])).toBeCloseTo(-2, 12);
    expect(kurtosis([0, 0, 0, -1, N])).toBeCloseTo(4, 12);
  });

  it.each([
    ['too few for skew', [1, 2], 'skew'],
    ['too few for kurtosis', [1, 2, 3], 'kurt'],
    ['constant', [4, 4, 4, 4], 'skew'],
    ['constant', [4, 4, 4, 4], 'kurt'],
    ['constant 0.1 (mean not exact)', [0.1, 0.1, 0.1, 0.1, 0.1], 'skew'],
    ['empty', [], 'kurt'],
  ])('%s → NaN', (_name, x, which) => {
    expect(which === 'skew' ? skew(x as number[]) : kurtosis(x as number[])).toBeNaN();
  });

  it('a symmetric sample has skew 0', () => {
    expect(skew([1, 2, 3])).toBeCloseTo(0, 12);
  });
});

describe('quantile (R type 7) and median', () => {
  it.each([
    // h = (n − 1)p; value x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])
    [[1, 2, 3, 4], 0.25, 1.75],
    [[4, 3, 2, 1], 0.75, 3.25],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 1, 4],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[10, N, 20, 30], 0.5, 20],
    [[7], 0.3, 7],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.75, 7.75],
    [[], 0.5, N],
    [[1, 2], 1.5, N],
    [[1, 2], -0.1, N],
  ])('quantile(%j, %d) = %d', (x, p, q) => {
    close(quantile(x, p), q);
  });

  it('median of an even count is the mean of the middle two', () => {
    expect(median([3, 1, N, 2, 10])).toBe(2.5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([N])).toBeNaN();
  });

  it('does not reorder its input', () => {
    const x = Float64Array.of(3, 1, 2);
    median(x);
    expect(Array.from(x)).toEqual([3, 1, 2]);
  });
});

describe('roundHalfAway: half away from zero on the decimal representation', () => {
  it.each([
    [96.705, 2, 96.71], // the double is 96.70499999999999829…; Math.round and toFixed give 96.7
    [2.675, 2, 2.68], // 2.67499999999999982…
    [1.005, 2, 1.01],
    [0.045, 2, 0.05],
    [8.345, 2, 8.35],
    [-96.705, 2, -96.71],
    [-0.125, 2, -0.13],
    [0.5, 0, 1],
    [1.5, 0, 2],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [96.704, 2, 96.7],
    [96.7049999, 2, 96.7],
    [96.7051, 2, 96.71],
    [123.456, 0, 123],
    [123.456, 1, 123.5],
    [5e-7, 6, 0.000001],
    [4e-7, 6, 0],
    [0.004, 2, 0],
    [0.005, 2, 0.01],
    [1e21, 2, 1e21],
    [12, 3, 12],
    [5.1000000000000005, 2, 5.1],
    [5.1000000000000005, 15, 5.1000000000000005],
  ])('roundHalfAway(%d, %d) = %d', (x, d, want) => {
    expect(roundHalfAway(x, d)).toBe(want);
  });

  it('leaves NaN and infinities alone and rejects bad digits', () => {
    expect(roundHalfAway(N, 2)).toBeNaN();
    expect(roundHalfAway(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(() => roundHalfAway(1, 16)).toThrow(RangeError);
    expect(() => roundHalfAway(1, 1.5)).toThrow(RangeError);
  });

  it('rounds every x.xx5 of 0.005 … 99.995 up, as the printed digits say', () => {
    for (let k = 0; k < 10000; k++) {
      const x = Number(`${Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')}5`);
      const want = Number(`${(k + 1) / 100}`);
      expect(roundHalfAway(x, 2)).toBe(want);
    }
  });
});
