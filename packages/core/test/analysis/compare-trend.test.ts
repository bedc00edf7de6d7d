import { describe, expect, it } from 'vitest';
import { compare } from '../../src/analysis/compare';
import { cagr, trends } from '../../src/analysis/trend';
import { assess } from '../../src/index';
import { data, tinyData, tinySet } from './helpers';

const set = tinySet({ tiers: { by: 'thresholds', levels: [{ id: 'high', min: 50 }, { id: 'low' }] } });
// year 1: index [50, 62.5, 37.5] → ranks 2, 1, 3; tiers high, high, low
const r1 = assess(set, tinyData());
// year 2: every indicator [1, 2, 3] → index [0, 50, 100] → ranks 3, 2, 1; tiers low, high, high
const r2 = assess(set, data(['a', 'b', 'c'], { i1: [1, 2, 3], i2: [1, 2, 3], i3: [1, 2, 3] }));

describe('compare', () => {
  it('score and rank shifts, Spearman, tier changes (by hand)', () => {
    const c = compare(r1, r2);
    expect(c.units).toEqual(['a', 'b', 'c']);
    expect(c.nodes).toEqual(['index', 'A', 'i1', 'i2', 'B', 'i3']);
    const s = c.shifts['index']!;
    expect(s.score_change).toEqual([-50, -12.5, 62.5]);
    expect(s.rank_a).toEqual([2, 1, 3]);
    expect(s.rank_b).toEqual([3, 2, 1]);
    expect(s.rank_change).toEqual([-1, -1, 2]);
    // ρ = 1 − 6 Σd² / (n(n² − 1)) = 1 − 36/24
    expect(c.rank_correlation['index']).toBeCloseTo(-0.5, 12);
    expect(c.rank_correlation['i1']).toBeCloseTo(1, 12);
    expect(c.ranked_in_both['index']).toBe(3);
    expect(c.tiers).toEqual({
      node_a: 'index',
      node_b: 'index',
      changes: [
        { unit: 'a', from: 'high', to: 'low', direction: 'down' },
        { unit: 'c', from: 'low', to: 'high', direction: 'up' },
      ],
    });
  });

  it('matches units by id; lists the ones in one Result only', () => {
    const r3 = assess(tinySet(), data(['c', 'x', 'a'], { i1: [3, 2, 1], i2: [2, 3, 1], i3: [1, 2, 3] }));
    const c = compare(r1, r3);
    expect(c.units).toEqual(['a', 'c']);
    expect(c.only_a).toEqual(['b']);
    expect(c.only_b).toEqual(['x']);
    // same values for a and c as in year 1, but the ranks are among c, x, a
    expect(c.shifts['i1']!.score_change).toEqual([0, 0]);
    expect(c.tiers).toBeUndefined();
  });

  it('nothing in common is E401', () => {
    const other = assess(tinySet(), data(['p', 'q'], { i1: [1, 2], i2: [1, 2], i3: [1, 2] }));
    expect(() => compare(r1, other)).toThrow(/E401 the Results share no unit/);
  });
});

describe('trends', () => {
  it('cagr by hand', () => {
    expect(cagr(100, 121, 2)).toBeCloseTo(0.1, 14);
    expect(cagr(0, 5, 1)).toBeNaN();
    expect(cagr(5, 5, 0)).toBeNaN();
  });

  it('change and growth from the first to the last year, whatever the input order', () => {
    const t = trends([
      { ...r2, year: 2022 },
      { ...r1, year: 2020 },
    ]);
    expect(t.years).toEqual([2020, 2022]);
    const x = t.trends['index']!;
    expect(x.score[1]).toEqual([62.5, 50]);
    expect(x.change).toEqual([-50, -12.5, 62.5]);
    expect(x.rank_change).toEqual([-1, -1, 2]);
    expect(x.cagr[0]).toBeCloseTo(-1, 14); // 50 → 0
    expect(x.cagr[1]).toBeCloseTo(Math.sqrt(0.8) - 1, 14);
    expect(x.cagr[2]).toBeCloseTo(Math.sqrt(100 / 37.5) - 1, 14);
    expect([x.first_year[0], x.last_year[0]]).toEqual([2020, 2022]);
  });

  it('needs years, distinct, at least two Results (E401)', () => {
    expect(() => trends([r1, r2])).toThrow(/E401 a Result of 'tiny' has no year/);
    expect(() =>
      trends([
        { ...r1, year: 1 },
        { ...r2, year: 1 },
      ]),
    ).toThrow(/two Results are of year 1/);
    expect(() => trends([{ ...r1, year: 1 }])).toThrow(/at least two/);
  });
});
