import { describe, expect, it } from 'vitest';
import { columnStats, flagsOf, indicatorStats } from '../../src/analysis/stats';
import { data, model, N, tinySet } from './helpers';

describe('columnStats', () => {
  it('x = [0, 1, 2, 3, 10, NaN]: every statistic by hand', () => {
    const s = columnStats([0, 1, 2, 3, 10, N]);
    // n 5; deviations from the mean 3.2: −3.2 −2.2 −1.2 −0.2 6.8
    // Σd² = 62.8 → var 15.7; Σd³ = 269.28; Σd⁴ = 2268.496
    expect(s.n).toBe(5);
    expect(s.missing_share).toBeCloseTo(1 / 6, 14);
    expect([s.min, s.max, s.median]).toEqual([0, 10, 2]);
    expect(s.mean).toBeCloseTo(3.2, 14);
    expect(s.sd).toBeCloseTo(Math.sqrt(15.7), 12);
    // Excel SKEW = n/((n−1)(n−2)) Σ(d/s)³
    expect(s.skew).toBeCloseTo((5 / 12) * (269.28 / 15.7 ** 1.5), 12);
    // Excel KURT = n(n+1)/((n−1)(n−2)(n−3)) Σ(d/s)⁴ − 3(n−1)²/((n−2)(n−3))
    expect(s.kurtosis).toBeCloseTo((30 / 24) * (2268.496 / 15.7 ** 2) - 8, 12);
    expect([s.zeros, s.zero_share, s.unique, s.unique_share]).toEqual([1, 0.2, 5, 1]);
  });

  it('undefined statistics are null, counts are 0', () => {
    const s = columnStats([N, N]);
    expect(s).toMatchObject({
      n: 0,
      missing_share: 1,
      min: null,
      mean: null,
      sd: null,
      skew: null,
      zero_share: null,
    });
    const c = columnStats([4, 4, 4, 4]);
    expect([c.sd, c.skew, c.kurtosis, c.unique, c.unique_share]).toEqual([0, null, null, 1, 0.25]);
  });
});

describe('flags', () => {
  it('outlier needs |skew| above AND kurtosis above the thresholds (COINr Flag.SkewKurt)', () => {
    const s = columnStats([0, 1, 2, 3, 10]); // skew 1.80, kurtosis 3.50
    expect(flagsOf(s).outlier).toBe(false); // skew 1.80 ≤ 2
    expect(
      flagsOf(s, { coverage: 0.65, skew: 1.5, kurtosis: 3, zeros: 0.5, unique: 0.5, collinear: 0.9 }).outlier,
    ).toBe(true);
    expect(
      flagsOf(s, { coverage: 0.65, skew: 1.5, kurtosis: 3.6, zeros: 0.5, unique: 0.5, collinear: 0.9 })
        .outlier,
    ).toBe(false);
  });

  it('coverage, zeros, unique', () => {
    expect(flagsOf(columnStats([1, N, N, 2])).low_coverage).toBe(true); // 0.5 < 0.65
    expect(flagsOf(columnStats([1, N, 3, 2])).low_coverage).toBe(false); // 0.75
    expect(flagsOf(columnStats([0, 0, 0, 1])).many_zeros).toBe(true); // 0.75 > 0.5
    expect(flagsOf(columnStats([0, 0, 1, 1])).many_zeros).toBe(false); // 0.5
    expect(flagsOf(columnStats([1, 1, 1, 2])).few_unique).toBe(false); // 2/4 = 0.5 is not below 0.5
    expect(flagsOf(columnStats([1, 1, 1, 1, 2])).few_unique).toBe(true); // 2/5 = 0.4
  });
});

describe('indicatorStats', () => {
  it('flags siblings with |r| ≥ 0.9 as collinear, at the chosen stage', () => {
    const set = tinySet(
      {},
      {
        id: 'index',
        children: [
          { id: 'A', children: [{ id: 'i1' }, { id: 'i2' }, { id: 'i3' }] },
          { id: 'B', children: [{ id: 'i4' }] },
        ],
      },
    );
    const ds = data(['a', 'b', 'c', 'd'], {
      i1: [1, 2, 3, 4],
      i2: [2, 4, 6, 8.1], // r with i1 ≈ 0.99995
      i3: [4, 1, 3, 2], // r with i1 = −0.4
      i4: [1, 2, 3, 4], // same as i1, but not a sibling
    });
    const st = indicatorStats(model(set, ds));
    expect(st.map((s) => [s.id, s.flags.collinear])).toEqual([
      ['i1', ['i2']],
      ['i2', ['i1']],
      ['i3', []],
      ['i4', []],
    ]);
    expect(st[0]!.mean).toBe(2.5);
    // normalised stage: i1 becomes 0, 33.3, 66.7, 100
    const sc = indicatorStats(model(set, ds), 'score');
    expect(sc[0]!.mean).toBeCloseTo(50, 12);
  });
});
