import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TierSpec } from '../../src/schema/indicator-set';
import { assignTiers, validateTiers } from '../../src/steps/tier';

const N = Number.NaN;
const abc: TierSpec = { by: 'thresholds', levels: [{ id: 'A', min: 90 }, { id: 'B', min: 80 }, { id: 'C' }] };

describe('assignTiers by thresholds', () => {
  it('≥ min, best first, the last level catches the rest, NaN → null', () => {
    const t = assignTiers(Float64Array.of(95, 90, 85, 80, 79.99, -5, N), abc);
    expect(t).toEqual({ tier: ['A', 'A', 'B', 'B', 'C', 'C', null] });
  });

  it('exclusive: 非常高 > 90, 高 80–90, 中 below', () => {
    const spec: TierSpec = {
      by: 'thresholds',
      levels: [{ id: '非常高', min: 90, exclusive: true }, { id: '高', min: 80 }, { id: '中' }],
    };
    expect(assignTiers(Float64Array.of(90.5, 90, 80, 79.9), spec).tier).toEqual(['非常高', '高', '高', '中']);
  });

  it('rounds before comparing', () => {
    const spec: TierSpec = { by: 'thresholds', round: 2, levels: [{ id: 'VH', min: 0.75 }, { id: 'H' }] };
    // 0.7449999 → 0.74; 0.745 → 0.75 (half away on the printed digits); 0.749999999 → 0.75
    expect(assignTiers(Float64Array.of(0.7449999, 0.745, 0.749999999), spec).tier).toEqual(['H', 'VH', 'VH']);
    expect(assignTiers(Float64Array.of(0.749999999), { ...spec, round: undefined }).tier).toEqual(['H']);
  });

  it('the last level’s min is not a lower bound', () => {
    const spec: TierSpec = {
      by: 'thresholds',
      levels: [
        { id: 'A', min: 50 },
        { id: 'B', min: 0 },
      ],
    };
    expect(assignTiers(Float64Array.of(-1), spec).tier).toEqual(['B']);
  });

  it('one level takes everyone', () => {
    expect(assignTiers(Float64Array.of(1, N), { by: 'thresholds', levels: [{ id: 'all' }] }).tier).toEqual([
      'all',
      null,
    ]);
  });
});

describe('assignTiers by quantiles', () => {
  it('thresholds are R type-7 quantiles of the present scores', () => {
    // 1..10: q(0.75) = 7.75, q(0.25) = 3.25
    const spec: TierSpec = {
      by: 'quantiles',
      levels: [{ id: 'top', min_quantile: 0.75 }, { id: 'mid', min_quantile: 0.25 }, { id: 'low' }],
    };
    const t = assignTiers(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, N), spec);
    expect(t.tier).toEqual(['low', 'low', 'low', 'mid', 'mid', 'mid', 'mid', 'top', 'top', 'top', null]);
  });

  it('exclusive quantile: > the median', () => {
    const spec: TierSpec = {
      by: 'quantiles',
      levels: [{ id: 'upper', min_quantile: 0.5, exclusive: true }, { id: 'lower' }],
    };
    // median of 1, 2, 3 is 2
    expect(assignTiers(Float64Array.of(1, 2, 3), spec).tier).toEqual(['lower', 'lower', 'upper']);
  });
});

describe('sub-classes: equal-count classes within a tier', () => {
  const un: TierSpec = {
    by: 'thresholds',
    levels: [
      { id: 'very_high', min: 0.75, subclasses: ['VH', 'V3', 'V2', 'V1'] },
      { id: 'high', min: 0.5, subclasses: ['HV', 'H3', 'H2', 'H1'] },
      { id: 'middle', min: 0.25 },
      { id: 'low' },
    ],
  };

  function counts(labels: (string | null)[]) {
    const c: Record<string, number> = {};
    for (const l of labels) if (l !== null) c[l] = (c[l] ?? 0) + 1;
    return c;
  }

  it('60 units in Very High → 15 per class, best first; 73 in High → 18, 18, 18, 19', () => {
    const vh = Array.from({ length: 60 }, (_, i) => 0.99 - i * 0.003); // 0.99 … 0.813, distinct
    const h = Array.from({ length: 73 }, (_, i) => 0.74 - i * 0.003); // 0.74 … 0.524
    const scores = Float64Array.from([...h, ...vh, 0.3, 0.1]); // order of units does not matter
    const t = assignTiers(scores, un);
    expect(counts(t.tier)).toEqual({ very_high: 60, high: 73, middle: 1, low: 1 });
    expect(counts(t.subclass ?? [])).toEqual({
      VH: 15,
      V3: 15,
      V2: 15,
      V1: 15,
      HV: 18,
      H3: 18,
      H2: 18,
      H1: 19,
    });
    // the best 15 are VH
    expect(t.subclass?.[73]).toBe('VH'); // 0.99
    expect(t.subclass?.[73 + 14]).toBe('VH');
    expect(t.subclass?.[73 + 15]).toBe('V3');
    expect(t.subclass?.[73 + 59]).toBe('V1');
    expect(t.subclass?.[0]).toBe('HV');
    expect(t.subclass?.[72]).toBe('H1');
    expect(t.subclass?.[133]).toBeNull(); // middle has no sub-classes
  });

  it('5 units in 4 classes: positions [⌊c·5/4⌋, ⌊(c+1)·5/4⌋) → 1, 1, 1, 2', () => {
    const spec: TierSpec = { by: 'thresholds', levels: [{ id: 'all', subclasses: ['a', 'b', 'c', 'd'] }] };
    expect(assignTiers(Float64Array.of(5, 4, 3, 2, 1), spec).subclass).toEqual(['a', 'b', 'c', 'd', 'd']);
    expect(assignTiers(Float64Array.of(1, 2, 3, 4, 5), spec).subclass).toEqual(['d', 'd', 'c', 'b', 'a']);
  });

  it('units with equal scores stay in one class', () => {
    const spec: TierSpec = { by: 'thresholds', levels: [{ id: 'all', subclasses: ['top', 'bottom'] }] };
    expect(assignTiers(Float64Array.of(4, 3, 3, 1), spec).subclass).toEqual(['top', 'top', 'top', 'bottom']);
  });

  it('missing scores get null sub-classes; fewer units than classes fill the best first', () => {
    const spec: TierSpec = { by: 'thresholds', levels: [{ id: 'all', subclasses: ['a', 'b', 'c', 'd'] }] };
    expect(assignTiers(Float64Array.of(N, 2, 1), spec).subclass).toEqual([null, 'b', 'd']);
  });

  it('no subclass key when no level has sub-classes', () => {
    expect('subclass' in assignTiers(Float64Array.of(1), abc)).toBe(false);
  });
});

describe('validateTiers', () => {
  it('accepts well-ordered specs', () => {
    expect(validateTiers(abc)).toEqual([]);
    expect(
      validateTiers({
        by: 'quantiles',
        levels: [{ id: 'a', min_quantile: 0.9 }, { id: 'b', min_quantile: 0.5 }, { id: 'c' }],
      }),
    ).toEqual([]);
  });

  it.each([
    [
      'out of order',
      { by: 'thresholds', levels: [{ id: 'B', min: 80 }, { id: 'A', min: 90 }, { id: 'C' }] },
      ["level 'A': min 90 must be below the previous level 'B' min 80 (list levels best first)"],
    ],
    [
      'equal mins',
      { by: 'thresholds', levels: [{ id: 'A', min: 80 }, { id: 'B', min: 80 }, { id: 'C' }] },
      ["level 'B': min 80 must be below the previous level 'A' min 80 (list levels best first)"],
    ],
    [
      'missing min',
      { by: 'thresholds', levels: [{ id: 'A', min: 80 }, { id: 'B' }, { id: 'C' }] },
      ["level 'B' needs 'min' (only the last level may go without)"],
    ],
    [
      'quantiles out of order',
      {
        by: 'quantiles',
        levels: [{ id: 'a', min_quantile: 0.5 }, { id: 'b', min_quantile: 0.9 }, { id: 'c' }],
      },
      [
        "level 'b': min_quantile 0.9 must be below the previous level 'a' min_quantile 0.5 (list levels best first)",
      ],
    ],
    [
      'min under quantiles',
      { by: 'quantiles', levels: [{ id: 'a', min: 5, min_quantile: 0.5 }, { id: 'c' }] },
      ["level 'a': 'min' does not apply to tiers by quantiles; use 'min_quantile'"],
    ],
    [
      'duplicate id',
      { by: 'thresholds', levels: [{ id: 'a', min: 5 }, { id: 'a' }] },
      ["level id 'a' is used twice"],
    ],
  ] as [string, TierSpec, string[]][])('%s', (_name, spec, messages) => {
    expect(validateTiers(spec)).toEqual(messages);
  });
});

/** The published EGDI of one survey year, from the repo's sample (samples/un-egdi/published.csv). */
function scores(year: number): Float64Array {
  const file = new URL('../../../../samples/un-egdi/published.csv', import.meta.url);
  const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  // year,id,name_en,egdi,rank; names may be quoted and hold commas
  const cells = rows.map((l) => l.replace(/"[^"]*"/g, '').split(','));
  return Float64Array.from(cells.filter((c) => Number(c[0]) === year).map((c) => Number(c[3])));
}

describe('published UN EGDI groups', () => {
  const groups: TierSpec = {
    by: 'thresholds',
    levels: [
      { id: 'very_high', min: 0.75 },
      { id: 'high', min: 0.5 },
      { id: 'middle', min: 0.25 },
      { id: 'low' },
    ],
  };

  it.each([
    [2022, { very_high: 60, high: 73, middle: 53, low: 7 }],
    [2024, { very_high: 76, high: 62, middle: 44, low: 11 }],
  ])('%d group counts', (year, want) => {
    const c: Record<string, number> = {};
    for (const t of assignTiers(scores(year), groups).tier) if (t) c[t] = (c[t] ?? 0) + 1;
    expect(c).toEqual(want);
  });
});
