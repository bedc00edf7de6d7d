import { describe, expect, it } from 'vitest';
import { type TreatParams, treat, treatDefaults } from '../../src/steps/treat';
import { kurtosis, skew } from '../../src/util/stats';

const N = Number.NaN;
const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const oneToTwenty = Array.from({ length: 20 }, (_, i) => i + 1);
/** 40 zeros and 1, 2, 4, …, 64: far outside the limits; winsorising 1 or 2 points is not enough. */
const heavy = [...new Array(40).fill(0), 1, 2, 4, 8, 16, 32, 64];

function run(x: number[], p: Partial<TreatParams> = {}) {
  const input = Float64Array.from(x);
  const r = treat(input, { ...treatDefaults, ...p });
  expect(Array.from(input)).toEqual(x); // never mutated
  return { ...r, values: Array.from(r.values) };
}

describe('treat: COINr default rule', () => {
  it('defaults are COINr’s', () => {
    expect(treatDefaults).toEqual({
      method: 'winsorise',
      skew: 2,
      kurtosis: 3.5,
      max_points: 5,
      fallback: 'log',
    });
  });

  it('winsorising c(1..10, 100) sets 100 to 10', () => {
    const r = run([...oneToTen, 100]);
    expect(r.applied).toBe('winsorise');
    expect(r.values).toEqual([...oneToTen, 10]);
    expect(r.changed).toEqual([10]);
    expect(Math.abs(r.skewBefore)).toBeGreaterThanOrEqual(2);
    expect(r.kurtBefore).toBeGreaterThanOrEqual(3.5);
    expect(r.skewBefore).toBe(skew([...oneToTen, 100]));
    expect(r.kurtBefore).toBe(kurtosis([...oneToTen, 100]));
    expect(r.skewAfter).toBe(skew([...oneToTen, 10]));
    expect(r.kurtAfter).toBe(kurtosis([...oneToTen, 10]));
  });

  it('keeps missing values missing and reports indices in the input', () => {
    const r = run([N, ...oneToTen, 100]);
    expect(r.values).toEqual([N, ...oneToTen, 10]);
    expect(r.changed).toEqual([11]);
  });

  it('points tied at the maximum move together', () => {
    const r = run([...oneToTwenty, 100, 100]);
    expect(r.values).toEqual([...oneToTwenty, 20, 20]);
    expect(r.changed).toEqual([20, 21]);
  });

  it('winsorises the low end when the skew is negative', () => {
    const r = run([-100, ...oneToTen]);
    expect(r.applied).toBe('winsorise');
    expect(r.values).toEqual([1, ...oneToTen]);
    expect(r.changed).toEqual([0]);
  });

  it('winsorises step by step: 1000 → 100 → 20', () => {
    // after the first step [1..20, 100, 100] is still outside the limits
    expect(Math.abs(skew([...oneToTwenty, 100, 100]))).toBeGreaterThanOrEqual(2);
    expect(kurtosis([...oneToTwenty, 100, 100])).toBeGreaterThanOrEqual(3.5);
    const r = run([...oneToTwenty, 1000, 100]);
    expect(r.values).toEqual([...oneToTwenty, 20, 20]);
    expect(r.changed).toEqual([20, 21]);
  });

  it.each([
    ['within the limits', [1, 2, 3, 4, 5]],
    ['fewer than 4 values (kurtosis undefined)', [1, 2, 1000]],
    ['constant', [3, 3, 3, 3, 3]],
    ['all missing', [N, N, N, N]],
    ['empty', []],
  ])('%s: nothing applied', (_name, x) => {
    const r = run(x);
    expect(r.applied).toBe('none');
    expect(r.values).toEqual(x);
    expect(r.changed).toEqual([]);
    expect(Object.is(r.skewAfter, r.skewBefore)).toBe(true);
  });

  it('|skew| over the limit but kurtosis under it passes (COINr: pass = |skew| < s OR kurt < k)', () => {
    const x = [0, 0, 0, 1]; // skew 2, kurtosis 4
    expect(run(x, { kurtosis: 4.5 }).applied).toBe('none');
    expect(run(x, { skew: 2.5 }).applied).toBe('none');
    expect(run(x).applied).toBe('winsorise'); // 2 ≥ 2 and 4 ≥ 3.5: fails, limits are inclusive
  });

  it('falls back to log(x − min + a), a = 0.01·(max − min), on the original values', () => {
    const r = run(heavy, { max_points: 2 });
    expect(r.applied).toBe('log');
    const a = 0.01 * 64;
    r.values.forEach((v, i) => {
      expect(v).toBeCloseTo(Math.log((heavy[i] as number) + a), 12);
    });
    expect(r.changed).toEqual(heavy.map((_, i) => i));
    expect(r.skewAfter).toBe(skew(r.values));
  });

  it('negative skew falls back to −log(max + a − x), keeping the order', () => {
    const x = heavy.map((v) => -v);
    const r = run(x, { max_points: 1 });
    expect(r.applied).toBe('log');
    r.values.forEach((v, i) => {
      expect(v).toBeCloseTo(-Math.log(0 + 0.64 - (x[i] as number)), 12);
    });
    expect(r.values[40]! > r.values[46]!).toBe(true);
  });

  it('log keeps missing values missing', () => {
    const r = run([N, ...heavy], { max_points: 1 });
    expect(r.values[0]).toBeNaN();
    expect(r.changed).toEqual(heavy.map((_, i) => i + 1));
  });

  it('fallback none keeps the winsorised values', () => {
    const r = run(heavy, { max_points: 2, fallback: 'none' });
    expect(r.applied).toBe('winsorise');
    expect(r.values).toEqual([...heavy.slice(0, 45), 16, 16]);
    expect(r.changed).toEqual([45, 46]);
  });

  it('max_points 0 goes straight to the fallback', () => {
    expect(run([...oneToTen, 100], { max_points: 0 }).applied).toBe('log');
    expect(run([...oneToTen, 100], { max_points: 0, fallback: 'none' }).applied).toBe('none');
  });

  it('method log applies the log only to a column outside the limits', () => {
    const r = run([...oneToTen, 100], { method: 'log' });
    expect(r.applied).toBe('log');
    expect(r.values[0]).toBeCloseTo(Math.log(0.99), 12);
    expect(r.values[10]).toBeCloseTo(Math.log(99.99), 12);
    expect(run([1, 2, 3, 4, 5], { method: 'log' }).applied).toBe('none');
  });

  it('method none does nothing, even to outliers', () => {
    const r = run([...oneToTen, 100], { method: 'none' });
    expect(r.applied).toBe('none');
    expect(r.values).toEqual([...oneToTen, 100]);
  });
});

describe('treat: forced winsorising', () => {
  it('winsorises exactly `force` points on the skewed side', () => {
    const r = run([...oneToTen, 50, 100], { force: 2 });
    expect(r.applied).toBe('winsorise');
    expect(r.values).toEqual([...oneToTen, 10, 10]);
    expect(r.changed).toEqual([10, 11]);
  });

  it('forces even a column within the limits, and never falls back', () => {
    const r = run([1, 2, 3, 4, 5], { force: 1 });
    expect(r.values).toEqual([1, 2, 3, 4, 4]);
    expect(r.changed).toEqual([4]);
    expect(run(heavy, { force: 1 }).applied).toBe('winsorise');
  });

  it('low side for negative skew; 0 means nothing', () => {
    expect(run([-50, 1, 2, 3], { force: 1 }).values).toEqual([1, 1, 2, 3]);
    expect(run([...oneToTen, 100], { force: 0 }).applied).toBe('none');
  });

  it('stops when nothing is left to winsorise', () => {
    const r = run([1, 2], { force: 5 });
    expect(r.values).toEqual([1, 1]);
    expect(r.changed).toEqual([1]);
  });
});
