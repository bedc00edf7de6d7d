import { describe, expect, it } from 'vitest';
import { GovscoreError, type Problem } from '../../src/errors';
import { type AggregateKey, aggregators } from '../../src/steps/aggregate';
import type { AggregateMethod } from '../../src/steps/types';

const N = Number.NaN;

/**
 * Runs an aggregator on rows: `rows[i][j]` is child j of unit i (easier to read than columns).
 * Weights are given raw and normalised to sum 1 as the caller does.
 */
function agg(key: AggregateKey, rows: number[][], weights: number[], params: Record<string, unknown> = {}) {
  const m = aggregators[key] as AggregateMethod<unknown>;
  const r = m.resolve(params);
  expect(r.problems).toEqual([]);
  const cols = weights.map((_, j) => Float64Array.from(rows.map((row) => row[j] as number)));
  const before = cols.map((c) => Array.from(c));
  const total = weights.reduce((s, w) => s + w, 0);
  const w = Float64Array.from(weights.map((x) => (total > 0 ? x / total : 0)));
  const out = new Float64Array(rows.length).fill(-999);
  const warnings: Problem[] = [];
  m.run(cols, w, out, r.params, {
    node: 'pillar',
    units: rows.map((_, i) => `u${i}`),
    warn: (p) => warnings.push(p),
  });
  expect(cols.map((c) => Array.from(c))).toEqual(before);
  expect(warnings).toEqual([]);
  return Array.from(out);
}

function expectClose(actual: number[], want: number[]) {
  expect(actual.length).toBe(want.length);
  actual.forEach((a, i) => {
    const w = want[i] as number;
    if (Number.isNaN(w)) expect(a, `unit ${i}`).toBeNaN();
    else expect(a, `unit ${i}`).toBeCloseTo(w, 10);
  });
}

function thrown(f: () => unknown): GovscoreError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(GovscoreError);
    return e as GovscoreError;
  }
  throw new Error('expected a GovscoreError');
}

type Case = [string, AggregateKey, number[][], number[], Record<string, unknown>, number[]];

const cases: Case[] = [
  // arithmetic: Σwx/Σw over present children
  ['arithmetic', 'arithmetic', [[1, 2, 3]], [1, 1, 2], {}, [2.25]],
  ['arithmetic renormalises over present children', 'arithmetic', [[1, N, 3]], [1, 1, 2], {}, [7 / 3]],
  ['arithmetic: no child present → NaN', 'arithmetic', [[N, N, N]], [1, 1, 2], {}, [N]],
  ['arithmetic allows negatives', 'arithmetic', [[-1, 3]], [1, 1], {}, [1]],
  ['arithmetic ignores a zero-weight child', 'arithmetic', [[1, 100]], [1, 0], {}, [1]],

  // geometric: (1·2·3²)^(1/4) with weights 1, 1, 2
  ['geometric 1, 2, 3 weights 1, 1, 2', 'geometric', [[1, 2, 3]], [1, 1, 2], {}, [18 ** 0.25]],
  ['geometric renormalises: 3^(0.5/0.75)', 'geometric', [[1, N, 3]], [1, 1, 2], {}, [3 ** (2 / 3)]],
  ['geometric equal weights', 'geometric', [[2, 8]], [1, 1], {}, [4]],
  ['geometric: no child present', 'geometric', [[N, N]], [1, 1], {}, [N]],
  [
    'geometric: a value ≤ 0 in a missing or zero-weight child is not used',
    'geometric',
    [[4, 0]],
    [1, 0],
    {},
    [4],
  ],

  // harmonic: Σw / Σ(w/x)
  ['harmonic', 'harmonic', [[1, 2, 4]], [1, 1, 1], {}, [12 / 7]],
  ['harmonic renormalises', 'harmonic', [[1, N, 4]], [1, 1, 1], {}, [1.6]],
  ['harmonic weighted', 'harmonic', [[1, 4]], [3, 1], {}, [1 / (0.75 + 0.0625)]],

  // generalised: (Σwxᵖ/Σw)^(1/p)
  ['generalised p = 2', 'generalised', [[1, 2, 3]], [1, 1, 1], { p: 2 }, [Math.sqrt(14 / 3)]],
  ['generalised default p = 1 is arithmetic', 'generalised', [[1, 2, 3]], [1, 1, 1], {}, [2]],
  ['generalised p = 0 is geometric', 'generalised', [[1, 2, 3]], [1, 1, 1], { p: 0 }, [6 ** (1 / 3)]],
  ['generalised p = −1 is harmonic', 'generalised', [[1, 2, 3]], [1, 1, 1], { p: -1 }, [18 / 11]],
  [
    'generalised skips a missing child (COINr: NA)',
    'generalised',
    [[1, N, 3]],
    [1, 1, 1],
    { p: 2 },
    [Math.sqrt(5)],
  ],
  ['generalised p = 2 allows 0', 'generalised', [[0, 2]], [1, 1], { p: 2 }, [Math.sqrt(2)]],
  ['generalised p = 1 allows negatives', 'generalised', [[-1, 3]], [1, 1], { p: 1 }, [1]],

  // weighted median: first value whose cumulative weight reaches half
  ['median, even count, equal weights → lower middle', 'median', [[1, 2, 3, 10]], [1, 1, 1, 1], {}, [2]],
  ['median, unsorted odd count', 'median', [[5, 1, 3]], [1, 1, 1], {}, [3]],
  ['median, heavy last child', 'median', [[1, 2, 3, 10]], [1, 1, 1, 7], {}, [10]],
  ['median, cumulative weight exactly half', 'median', [[1, 2, 3, 10]], [4, 1, 1, 4], {}, [2]],
  ['median with a missing child', 'median', [[N, 2, 8]], [1, 1, 1], {}, [2]],
  ['median, no child present', 'median', [[N, N]], [1, 1], {}, [N]],
  [
    'median, several units',
    'median',
    [
      [1, 9, 5],
      [7, 7, 1],
      [N, 4, N],
    ],
    [1, 1, 1],
    {},
    [5, 7, 4],
  ],

  // Copeland: wins − losses over pairs of units
  [
    'copeland, equal weights: all pairs tied',
    'copeland',
    [
      [3, 1],
      [2, 2],
      [1, 3],
    ],
    [1, 1],
    {},
    [0, 0, 0],
  ],
  [
    'copeland, weights 0.6/0.4',
    'copeland',
    [
      [3, 1],
      [2, 2],
      [1, 3],
    ],
    [0.6, 0.4],
    {},
    [2, 0, -2],
  ],
  [
    'copeland, a unit without data is left out',
    'copeland',
    [
      [3, 1],
      [N, N],
      [2, 2],
      [1, 3],
    ],
    [0.6, 0.4],
    {},
    [2, N, 0, -2],
  ],
  [
    'copeland, a pair is compared over shared children',
    'copeland',
    [
      [3, N],
      [2, 2],
      [1, 3],
    ],
    [1, 1],
    {},
    [2, -1, -1],
  ],
  [
    'copeland, no shared child → tie',
    'copeland',
    [
      [3, N],
      [N, 2],
    ],
    [1, 1],
    {},
    [0, 0],
  ],
  [
    'copeland, dominance',
    'copeland',
    [
      [5, 5, 5],
      [4, 4, 4],
      [3, 3, 3],
      [2, 2, 2],
    ],
    [1, 2, 3],
    {},
    [3, 1, -1, -3],
  ],
  [
    'copeland, equal units tie',
    'copeland',
    [
      [1, 1],
      [1, 1],
    ],
    [1, 1],
    {},
    [0, 0],
  ],

  // sum: k × weighted mean
  ['sum', 'sum', [[10, 20, 30]], [1, 1, 1], {}, [60]],
  ['sum with a missing child: 3 × mean of the others', 'sum', [[10, N, 30]], [1, 1, 1], {}, [60]],
  ['sum with unequal weights', 'sum', [[10, 20, 30]], [2, 1, 1], {}, [52.5]],
  ['sum counts only children with weight', 'sum', [[10, N, 20]], [1, 0, 1], {}, [30]],
  ['sum, no child present', 'sum', [[N, N]], [1, 1], {}, [N]],
];

describe('aggregators: hand-computed values', () => {
  it.each(cases)('%s', (_name, key, rows, weights, params, want) => {
    expectClose(agg(key, rows, weights, params), want);
  });

  it('every method gives NaN to a unit with no child present', () => {
    for (const key of Object.keys(aggregators) as AggregateKey[]) {
      const out = agg(
        key,
        [
          [N, N],
          [1, 2],
        ],
        [1, 1],
      );
      expect(out[0], key).toBeNaN();
      expect(Number.isFinite(out[1]), key).toBe(true);
    }
  });
});

describe('aggregators: values the method cannot take', () => {
  it.each([
    [
      'geometric',
      [
        [1, 2],
        [3, 0],
      ],
      {},
      'u1',
    ],
    ['geometric', [[-1, 2]], {}, 'u0'],
    [
      'harmonic',
      [
        [1, 2],
        [0, 4],
      ],
      {},
      'u1',
    ],
    ['harmonic', [[1, -2]], {}, 'u0'],
    ['generalised', [[0, 2]], { p: -1 }, 'u0'],
    ['generalised', [[-1, 2]], { p: 2 }, 'u0'],
    ['generalised', [[0, 2]], { p: 0 }, 'u0'],
  ] as [AggregateKey, number[][], Record<string, unknown>, string][])(
    '%s of %j (%j) → E302 naming unit and node',
    (key, rows, params, unit) => {
      const e = thrown(() => agg(key, rows, [1, 1], params));
      expect(e.code).toBe('E302');
      expect(e.problems[0]).toMatchObject({ code: 'E302', unit, node: 'pillar' });
      expect(e.message).toContain(unit);
      expect(e.message).toContain('pillar');
      expect(e.problems[0]?.hint).toBe(
        'normalise to a range without zero, e.g. minmax with min 1 and max 100',
      );
    },
  );
});

describe('aggregators: resolve', () => {
  it.each([
    ['arithmetic', { p: 2 }, "unknown parameter 'p'"],
    ['generalised', { p: 'two' }, "'p' must be a finite number"],
    ['generalised', { q: 1 }, "unknown parameter 'q'"],
    ['copeland', { ties: 1 }, 'this method takes none'],
  ] as [AggregateKey, Record<string, unknown>, string][])('%s %j → problem', (key, params, message) => {
    const p = (aggregators[key] as AggregateMethod<unknown>).resolve(params).problems;
    expect(p.join('\n')).toContain(message);
  });

  it('generalised defaults p to 1', () => {
    expect(aggregators.generalised.resolve({}).params).toEqual({ p: 1 });
  });

  it('registry keys match each method’s key', () => {
    for (const [k, m] of Object.entries(aggregators)) expect(m.key).toBe(k);
  });
});
