import { describe, expect, it } from 'vitest';
import { assess, type Dataset, GovscoreError, type IndicatorSet, resultToJson } from '../src/index';

const N = Number.NaN;

/** A dataset from columns (one frame). */
function data(units: string[], cols: Record<string, number[]>, groups?: string[]): Dataset {
  return {
    units: units.map((id, i): Dataset['units'][number] => ({
      id,
      groups: groups ? { region: groups[i]! } : {},
    })),
    years: [],
    variables: Object.keys(cols),
    values: new Map(Object.entries(cols).map(([k, v]) => [k, Float64Array.from(v)])),
  };
}

const twoLevel: IndicatorSet = {
  id: 't',
  title: { zh: '测试', en: 'Test' },
  methodology: {
    normalise: { method: 'minmax', params: { min: 0, max: 100 } },
    aggregate: 'arithmetic',
    strengths: 1,
    tiers: {
      by: 'thresholds',
      levels: [{ id: 'very_high', min: 90, exclusive: true }, { id: 'high', min: 50 }, { id: 'low' }],
    },
  },
  tree: {
    id: 'index',
    children: [
      {
        id: 'A',
        weight: 1,
        children: [
          { id: 'i1', weight: 1 },
          { id: 'i2', weight: 1, direction: 'lower' },
        ],
      },
      { id: 'B', weight: 3, children: [{ id: 'i3' }] },
    ],
  },
};
const twoLevelData = data(['u1', 'u2', 'u3', 'u4'], {
  i1: [0, 5, 10, N],
  i2: [1, 3, 5, 2],
  i3: [10, 20, 30, 40],
});

describe('assess on a hand-computed two-level set', () => {
  const r = assess(twoLevel, twoLevelData);
  const v = r.values;

  it('normalises by min-max with direction applied first', () => {
    expect(v.i1!.score).toEqual([0, 50, 100, null]);
    expect(v.i2!.score).toEqual([100, 50, 0, 75]);
    expect(v.i3!.score.map((x) => x && +x.toFixed(10))).toEqual([0, 33.3333333333, 66.6666666667, 100]);
    expect(v.i1!.raw).toEqual([0, 5, 10, null]);
  });

  it('aggregates with weights renormalised over the children present', () => {
    // A: u4 has only i2 (75)
    expect(v.A!.score).toEqual([50, 50, 50, 75]);
    // index = (1·A + 3·B) / 4
    expect(v.index!.score.map((x) => x && +x.toFixed(10))).toEqual([12.5, 37.5, 62.5, 93.75]);
  });

  it('ranks with competition ties by default', () => {
    expect(v.index!.rank).toEqual([4, 3, 2, 1]);
    expect(v.A!.rank).toEqual([2, 2, 2, 1]);
    expect(v.i1!.rank).toEqual([3, 2, 1, null]);
  });

  it('computes local and effective weights', () => {
    const w = Object.fromEntries(r.set.nodes.map((n) => [n.id, [n.local_weight, n.effective_weight]]));
    expect(w).toEqual({
      index: [1, 1],
      A: [0.25, 0.25],
      i1: [0.5, 0.125],
      i2: [0.5, 0.125],
      B: [0.75, 0.75],
      i3: [1, 0.75],
    });
    expect(r.set.nodes.map((n) => n.kind)).toEqual([
      'index',
      'aggregate',
      'indicator',
      'indicator',
      'aggregate',
      'indicator',
    ]);
  });

  it('tiers by thresholds (exclusive > 90)', () => {
    expect(r.tiers).toEqual({ node: 'index', tier: ['low', 'low', 'high', 'very_high'] });
  });

  it('lists strengths and weaknesses by indicator rank', () => {
    // u1 ranks: i1 3, i2 1, i3 4
    expect(r.strengths[0]).toEqual(['i2']);
    expect(r.weaknesses[0]).toEqual(['i3']);
  });

  it('is byte-identical across runs and does not mutate inputs', () => {
    const before = JSON.stringify(twoLevel);
    const a = resultToJson(assess(twoLevel, twoLevelData));
    const b = resultToJson(assess(twoLevel, twoLevelData));
    expect(a).toBe(b);
    expect(JSON.stringify(twoLevel)).toBe(before);
    expect(Array.from(twoLevelData.values.get('i1')!)).toEqual([0, 5, 10, N]);
    expect(r.provenance.set_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.provenance.created).toBeUndefined();
  });
});

describe('ranking and tier options', () => {
  it('dense ties and rounding before ranking', () => {
    const set: IndicatorSet = {
      id: 'r',
      title: 'R',
      methodology: { normalise: 'none', rank: { ties: 'dense', round: 1 } },
      tree: { id: 'index', children: [{ id: 'x' }] },
    };
    const r = assess(set, data(['a', 'b', 'c', 'd'], { x: [90.04, 90.01, 80, 70] }));
    expect(r.values.index!.rank).toEqual([1, 1, 2, 3]);
  });

  it.each([
    ['competition', [1, 1, 3], [3, 1, 1, 4, null]],
    ['dense', [1, 1, 2], [2, 1, 1, 3, null]],
  ] as const)('two equal scores: %s ranks', (ties, three, five) => {
    const set: IndicatorSet = {
      id: 'ties',
      title: 'Ties',
      methodology: { normalise: 'none', aggregate: 'arithmetic', rank: { ties } },
      tree: { id: 'index', children: [{ id: 'x' }] },
    };
    const a = assess(set, data(['a', 'b', 'c'], { x: [7, 7, 3] }));
    expect(a.values.index!.rank).toEqual(three);
    expect(a.values.x!.rank).toEqual(three);
    // in another order, with a unit below and one missing
    const b = assess(set, data(['a', 'b', 'c', 'd', 'e'], { x: [3, 7, 7, 1, N] }));
    expect(b.values.index!.rank).toEqual(five);
    expect(b.set.rank.ties).toBe(ties);
  });

  it('ties among 201 units (the long, radix-sorted path): competition and dense', () => {
    // unit i has floor(i / 2): every value 0..99 twice, and u200 missing
    const n = 201;
    const x = Array.from({ length: n }, (_, i) => (i < 200 ? Math.floor(i / 2) : N));
    const ids = x.map((_, i) => `u${i}`);
    for (const ties of ['competition', 'dense'] as const) {
      const set: IndicatorSet = {
        id: 'long',
        title: 'Long',
        methodology: { normalise: 'none', rank: { ties } },
        tree: { id: 'index', children: [{ id: 'x' }] },
      };
      const r = assess(set, data(ids, { x }));
      // competition: 1 + the 2·(99 − v) units above; dense: 1 + the 99 − v distinct values above
      const want = x.map((v) =>
        Number.isNaN(v) ? null : ties === 'competition' ? 1 + 2 * (99 - v) : 1 + (99 - v),
      );
      expect(r.values.index!.rank, ties).toEqual(want);
    }
  });

  it('ranks within groups', () => {
    const set: IndicatorSet = {
      id: 'g',
      title: 'G',
      methodology: { normalise: 'none', rank: { within: 'region' } },
      tree: { id: 'index', children: [{ id: 'x' }] },
    };
    const r = assess(set, data(['a', 'b', 'c', 'd'], { x: [4, 3, 2, 1] }, ['e', 'w', 'e', 'w']));
    expect(r.values.index!.rank).toEqual([1, 2, 3, 4]);
    expect(r.values.index!.group_rank).toEqual([1, 1, 2, 2]);
  });
});

describe('coverage, denominators, screening', () => {
  it('leaves a node uncomputed below its coverage, with a warning naming the unit', () => {
    const set: IndicatorSet = {
      ...twoLevel,
      tree: {
        id: 'index',
        children: [
          { id: 'A', coverage: 0.6, children: [{ id: 'i1' }, { id: 'i2', direction: 'lower' }] },
          { id: 'B', weight: 3, children: [{ id: 'i3' }] },
        ],
      },
    };
    const r = assess(set, twoLevelData);
    expect(r.values.A!.score[3]).toBeNull();
    expect(r.values.index!.score[3]).toBe(100);
    const w = r.warnings.find((p) => p.code === 'W300');
    expect(w?.node).toBe('A');
    expect(w?.message).toContain('u4');
  });

  it('denominates: value / (denominator / scale)', () => {
    const set: IndicatorSet = {
      id: 'd',
      title: 'D',
      methodology: { normalise: 'none' },
      tree: { id: 'index', children: [{ id: 'datasets', denominator: { by: 'population', scale: 1e6 } }] },
    };
    const r = assess(set, data(['a', 'b'], { datasets: [500, 30], population: [50e6, 2e6] }));
    expect(r.values.datasets!.treated).toEqual([10, 15]);
    expect(r.values.datasets!.raw).toEqual([500, 30]);
  });

  it('screens units below the data coverage and reports them', () => {
    const set: IndicatorSet = {
      id: 's',
      title: 'S',
      methodology: { normalise: 'none', screen: { min_coverage: 0.6 } },
      tree: { id: 'index', children: [{ id: 'x' }, { id: 'y' }] },
    };
    const r = assess(set, data(['a', 'b', 'c'], { x: [1, 2, N], y: [1, N, N] }));
    expect(r.units.map((u) => u.id)).toEqual(['a']);
    expect(r.screened_out.map((s) => s.unit)).toEqual(['b', 'c']);
    expect(r.warnings.some((p) => p.code === 'W304')).toBe(true);
  });

  it('fails with E300 when screening leaves nobody', () => {
    const set: IndicatorSet = {
      id: 's',
      title: 'S',
      methodology: { screen: { min_coverage: 1 } },
      tree: { id: 'index', children: [{ id: 'x' }] },
    };
    expect(() => assess(set, data(['a'], { x: [N] }))).toThrow(GovscoreError);
  });
});

describe('checklists and vetoes', () => {
  const set: IndicatorSet = {
    id: 'c',
    title: 'C',
    methodology: {
      normalise: 'none',
      tiers: { by: 'thresholds', levels: [{ id: 'pass', min: 3 }, { id: 'fail' }], veto: { id: 'vetoed' } },
    },
    tree: {
      id: 'index',
      children: [
        {
          id: 'site',
          type: 'checklist',
          items: [
            { id: 'a', points: 2 },
            { id: 'b', points: 3 },
            { id: 'v', kind: 'veto' },
            { id: 'x', points: 1, kind: 'bonus' },
          ],
          scoring: { mode: 'sum', max: 5, bonus_above: 4 },
        },
      ],
    },
  };
  const d = data(['u1', 'u2', 'u3'], {
    'site.a': [1, 1, 1],
    'site.b': [1, 0, 0.5],
    'site.v': [1, 0, 1],
    'site.x': [1, 1, 1],
  });
  const r = assess(set, d);
  it('sums points, adds bonus points only above the threshold', () => {
    // u1: 2+3 = 5 ≥ 4 → +1 = 6; u2: 2 (no bonus); u3: 2 + 1.5 = 3.5 (no bonus)
    expect(r.values.site!.raw).toEqual([6, 2, 3.5]);
  });
  it('fails a unit with a failed veto item whatever its score', () => {
    expect(r.vetoes).toEqual([{ unit: 'u2', items: ['site.v'] }]);
    expect(r.tiers?.tier).toEqual(['pass', 'vetoed', 'pass']);
  });
  it('deducts per failed item, floored at zero', () => {
    const ded: IndicatorSet = {
      ...set,
      tree: {
        id: 'index',
        children: [
          {
            id: 'site',
            items: [
              { id: 'a', points: 4 },
              { id: 'b', points: 4 },
            ],
            scoring: { mode: 'deduct', max: 6 },
          },
        ],
      },
    };
    const r2 = assess(ded, data(['u1', 'u2', 'u3'], { 'site.a': [1, 0, 0], 'site.b': [1, 1, 0] }));
    expect(r2.values.site!.raw).toEqual([6, 2, 0]);
  });
});

describe('degenerate cases are never silent', () => {
  it('a zero under a geometric mean is an error naming the unit', () => {
    const set: IndicatorSet = {
      id: 'g',
      title: 'G',
      methodology: { aggregate: 'geometric' },
      tree: { id: 'index', children: [{ id: 'x' }, { id: 'y' }] },
    };
    try {
      assess(set, data(['a', 'b'], { x: [1, 2], y: [3, 4] }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GovscoreError);
      const p = (e as GovscoreError).problems[0]!;
      expect(p.code).toBe('E302');
      expect(p.message).toContain("'a'");
      expect(p.hint).toMatch(/1/);
    }
  });

  it('a log transform of a value ≤ 0 is an error naming the unit', () => {
    const set: IndicatorSet = {
      id: 'l',
      title: 'L',
      tree: { id: 'index', children: [{ id: 'x', transform: 'log' }] },
    };
    expect(() => assess(set, data(['a', 'b'], { x: [1, 0] }))).toThrow(/unit 'b'|'b'/);
  });

  it('a constant indicator under min-max gives a warning, not NaN', () => {
    const set: IndicatorSet = {
      id: 'k',
      title: 'K',
      tree: { id: 'index', children: [{ id: 'x' }, { id: 'y' }] },
    };
    const r = assess(set, data(['a', 'b'], { x: [5, 5], y: [1, 2] }));
    expect(r.warnings.some((p) => p.code === 'W301' && p.node === 'x')).toBe(true);
    expect(r.values.x!.score.every((s) => typeof s === 'number')).toBe(true);
  });
});

describe('group-mean imputation over years', () => {
  // east: a b c, west: d e f; g has no region but a value, h has no region and no value
  const set: IndicatorSet = {
    id: 'gm',
    title: 'GM',
    methodology: { normalise: 'none', impute: { method: 'group_mean', group: 'region' } },
    tree: { id: 'index', children: [{ id: 'x' }] },
  };
  const units = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const region = ['east', 'east', 'east', 'west', 'west', 'west', undefined, undefined];
  const d: Dataset = {
    units: units.map((id, i): Dataset['units'][number] => {
      const g = region[i];
      return { id, groups: g === undefined ? {} : { region: g } };
    }),
    years: [2023, 2024],
    variables: ['x'],
    // frame-major: 2023 then 2024; 2023 is far from 2024 so that a mean from the wrong year shows
    values: new Map([
      ['x', Float64Array.from([100, 100, 100, 200, 200, 200, 900, 900, 1, N, 5, 20, N, 40, 1000, N])],
    ]),
  };

  it('fills 2024 from 2024’s group means; the unit without a region enters no group’s mean', () => {
    const r = assess(set, d);
    expect(r.year).toBe(2024);
    // east = mean(1, 5) = 3, west = mean(20, 40) = 30; h: overall mean (1 + 5 + 20 + 40 + 1000) / 5
    expect(r.values.x!.treated).toEqual([1, 3, 5, 20, 30, 40, 1000, 213.2]);
    expect(r.values.x!.imputed).toEqual([false, true, false, false, true, false, false, true]);
    expect(r.values.index!.score).toEqual([1, 3, 5, 20, 30, 40, 1000, 213.2]);
  });

  it('assessing 2023 imputes nothing (no value is missing there)', () => {
    const r = assess(set, d, { year: 2023 });
    expect(r.values.x!.treated).toEqual([100, 100, 100, 200, 200, 200, 900, 900]);
    expect(r.values.x!.imputed).toEqual(Array(8).fill(false));
  });
});

describe('years', () => {
  const set: IndicatorSet = {
    id: 'y',
    title: 'Y',
    methodology: { normalise: 'none', impute: { method: 'latest' } },
    tree: { id: 'index', children: [{ id: 'x' }] },
  };
  const d: Dataset = {
    units: [
      { id: 'a', groups: {} },
      { id: 'b', groups: {} },
    ],
    years: [2023, 2024],
    variables: ['x'],
    values: new Map([['x', Float64Array.from([1, 2, 3, N])]]),
  };
  it('assesses the latest year by default, imputing from the latest earlier year', () => {
    const r = assess(set, d);
    expect(r.year).toBe(2024);
    expect(r.values.x!.treated).toEqual([3, 2]);
    expect(r.values.x!.imputed).toEqual([false, true]);
  });
  it('assesses a chosen year, and rejects a year not in the data', () => {
    expect(assess(set, d, { year: 2023 }).values.x!.score).toEqual([1, 2]);
    expect(() => assess(set, d, { year: 2020 })).toThrow(/E210|2020/);
  });
});
