/**
 * `methodology: {compat: coinr}` against COINr 1.1.14's own output. Every case of
 * test/compat/coinr-reference.json was computed by COINr (`Rscript test/compat/coinr-reference.R`, R
 * 4.2.2; see the file's provenance) on inputs built to trigger one documented departure of govscore from
 * COINr (docs/methods.md). Here govscore runs the same inputs twice: with `compat: coinr` it must give
 * COINr's numbers, and without it its own, which differ (so the case does trigger the departure).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AggregateSpec,
  assess,
  type Dataset,
  type IndicatorSet,
  loadIndicatorSet,
  type Methodology,
  type NormaliseSpec,
  parseDatasetCsv,
  type Result,
  type TreatSpec,
} from '@govscore/core';
import { describe, expect, it } from 'vitest';

interface Case {
  id: string;
  departure: string;
  x?: (number | null)[];
  groups?: (string | null)[];
  direction?: 1 | -1;
  method?: string;
  params?: Record<string, number>;
  cols?: (number | null)[][];
  weights?: number[];
  p?: number;
  out: (number | null)[];
}
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'coinr-reference.json'), 'utf8')) as {
  provenance: { coinr: string; r: string; command: string };
  cases: Case[];
};
const byId = new Map(reference.cases.map((c) => [c.id, c]));
const get = (id: string): Case => {
  const c = byId.get(id);
  if (!c) throw new Error(`no case ${id} in coinr-reference.json`);
  return c;
};

const num = (v: number | null) => (v === null ? Number.NaN : v);
/** A dataset of one row per unit u1…un, the given columns, and a group column `g` where given. */
function dataset(cols: Record<string, (number | null)[]>, groups?: (string | null)[]): Dataset {
  const n = Object.values(cols)[0]!.length;
  return {
    units: Array.from({ length: n }, (_, i) => {
      const g = groups?.[i];
      const gs: Record<string, string> = {};
      if (g !== null && g !== undefined) gs['g'] = g;
      return { id: `u${i + 1}`, groups: gs };
    }),
    years: [],
    variables: Object.keys(cols),
    values: new Map(Object.entries(cols).map(([k, v]) => [k, Float64Array.from(v, num)])),
  };
}
/** One indicator `x` under the root; the methodology given, normalise `none` unless said. */
function oneIndicator(m: Methodology, direction: 1 | -1 = 1): IndicatorSet {
  return {
    id: 'compat',
    title: 'compat',
    methodology: { normalise: 'none', treat: { method: 'none' }, ...m },
    tree: { id: 'index', children: [{ id: 'x', direction: direction === 1 ? 'higher' : 'lower' }] },
  };
}
/** Scores of a node, with −0 as 0 (COINr writes −0 where 0 − 0 is negated). */
const scores = (r: Result, node: string) => r.values[node]!.score.map((v) => (Object.is(v, -0) ? 0 : v));
const clean = (xs: (number | null)[]) => xs.map((v) => (Object.is(v, -0) ? 0 : v));
/** Equal to 1e-12 relative (COINr's R arithmetic and ours may round differently in the last digit). */
function expectClose(got: (number | null)[], want: (number | null)[]) {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    const w = want[i] ?? null;
    if (w === null) expect(g, `unit ${i + 1}`).toBeNull();
    else
      expect(Math.abs((g as number) - w), `unit ${i + 1}: ${g} vs ${w}`).toBeLessThanOrEqual(
        1e-12 * Math.max(1, Math.abs(w)),
      );
  });
}
const run = (set: IndicatorSet, data: Dataset, compat: boolean, node = 'x') =>
  scores(
    assess(
      { ...set, methodology: { ...set.methodology, ...(compat ? { compat: 'coinr' as const } : {}) } },
      data,
    ),
    node,
  );

describe('the COINr reference outputs', () => {
  it('were made by COINr 1.1.14 with the committed script', () => {
    expect(reference.provenance).toEqual({
      coinr: '1.1.14',
      r: '4.2.2',
      command: 'Rscript test/compat/coinr-reference.R > test/compat/coinr-reference.json',
    });
    expect(reference.cases.length).toBe(17);
  });
});

describe('imputation: group mean and median (COINr i_mean_grp, i_median_grp)', () => {
  it.each([
    ['impute_group_mean', 'group_mean'],
    ['impute_group_median', 'group_median'],
  ] as const)('%s', (id, method) => {
    const c = get(id);
    const set = oneIndicator({ impute: { method, group: 'g' } });
    const data = dataset({ x: c.x! }, c.groups!);
    expectClose(run(set, data, true), c.out);
    // govscore fills the unit without a group and the group without data with the overall centre
    expect(run(set, data, false).filter((v) => v === null)).toEqual([]);
  });
});

describe('outlier treatment (COINr Treat: winsorise, check_SkewKurt, log_CT)', () => {
  const cases: [string, TreatSpec, boolean][] = [
    ['treat_log_negative_skew', { method: 'winsorise', max_points: 1 }, true],
    ['treat_log_positive_skew', { method: 'winsorise', max_points: 1 }, false],
    ['treat_force_win', { method: 'winsorise', force: 4 }, true],
    ['treat_force_passing', { method: 'winsorise', force: 2 }, true],
  ];
  it.each(cases)('%s', (id, treat, departs) => {
    const c = get(id);
    const set = oneIndicator({ treat });
    const data = dataset({ x: c.x! });
    expectClose(run(set, data, true), c.out);
    const own = run(set, data, false);
    if (departs) expect(own).not.toEqual(clean(c.out));
    else expectClose(own, c.out); // the control: no departure, the same numbers either way
  });

  it('records what COINr applied: log_CT (sign ignored) of every value, and a winsorised count', () => {
    const neg = get('treat_log_negative_skew');
    const r = assess(
      {
        ...oneIndicator({ treat: { method: 'winsorise', max_points: 1 } }),
        methodology: { normalise: 'none', treat: { method: 'winsorise', max_points: 1 }, compat: 'coinr' },
      },
      dataset({ x: neg.x! }),
    );
    expect(r.treatments.map((t) => [t.indicator, t.applied, t.changed.length])).toEqual([['x', 'log', 20]]);
    expect(r.set.nodes.find((n) => n.id === 'x')!.treat!.params['coinr']).toBe(true);
  });
});

describe('normalisation (COINr Normalise, n_*)', () => {
  const spec = (c: Case): NormaliseSpec => {
    const key = {
      n_minmax: 'minmax',
      n_zscore: 'zscore',
      n_dist2max: 'dist_max',
      n_scaled: 'scaled',
      n_fracmax: 'frac_max',
      n_prank: 'prank',
      n_dist2targ: 'dist_target',
    }[c.method!]!;
    return { method: key, params: c.params ?? {} };
  };
  it.each([
    'minmax_constant',
    'zscore_constant',
    'dist_max_constant',
    'scaled_lower_is_better',
    'frac_max_lower_is_better',
    'prank_single_unit',
    'dist_target_behind_worst',
    'dist_target_uncapped',
  ])('%s', (id) => {
    const c = get(id);
    const set = oneIndicator({ normalise: spec(c) }, c.direction);
    const data = dataset({ x: c.x! });
    expectClose(run(set, data, true), clean(c.out));
    expect(run(set, data, false)).not.toEqual(clean(c.out));
  });

  it('a NaN COINr gives is no score, and said (W320), never a silent null', () => {
    const c = get('minmax_constant');
    const r = assess(
      { ...oneIndicator({ normalise: spec(c) }), methodology: { normalise: spec(c), compat: 'coinr' } },
      dataset({ x: c.x! }),
    );
    expect(r.warnings.filter((w) => w.code === 'W320').map((w) => w.message)).toEqual([
      "'x' has no score for 3 unit(s) with data (u1, u2, u4): COINr's minmax gives NaN there (compat: coinr)",
    ]);
    // the root then has nothing to aggregate for them
    expect(r.values['index']!.score).toEqual([null, null, null, null]);
  });
});

describe('aggregation (COINr a_genmean, a_hmean, a_copeland)', () => {
  const tree = (c: Case, aggregate: AggregateSpec): IndicatorSet => ({
    id: 'compat',
    title: 'compat',
    methodology: { normalise: 'none', aggregate },
    tree: {
      id: 'index',
      children: c.cols!.map((_, j) => ({ id: `c${j + 1}`, weight: c.weights![j]! })),
    },
  });
  const data = (c: Case) => dataset(Object.fromEntries(c.cols!.map((col, j) => [`c${j + 1}`, col])));
  it.each([
    ['generalised_missing_child', { method: 'generalised', params: { p: 2 } }],
    ['harmonic_negative', 'harmonic'],
    ['copeland_missing', 'copeland'],
  ] as [string, AggregateSpec][])('%s', (id, aggregate) => {
    const c = get(id);
    const set = tree(c, aggregate);
    expectClose(run(set, data(c), true, 'index'), c.out);
    if (id === 'harmonic_negative') {
      // govscore refuses a value ≤ 0 under a harmonic mean (E302), naming the unit
      expect(() => run(set, data(c), false, 'index')).toThrow(/E302.*unit 'u1'/);
    } else expect(run(set, data(c), false, 'index')).not.toEqual(c.out);
  });

  it('p = 0 of the generalised mean, where COINr stops, is refused under compat (E108)', () => {
    const c = get('generalised_missing_child');
    expect(() => run(tree(c, { method: 'generalised', params: { p: 0 } }), data(c), true, 'index')).toThrow(
      /E108.*p = 0/,
    );
  });
});

describe("COINr's ASEM example, against COINr's own scores (coinr-asem.R)", () => {
  const root = join(import.meta.dirname, '..', '..');
  const data = readFileSync(join(root, 'samples/coinr-asem/asem.csv'), 'utf8');
  const pipeline = readFileSync(join(root, 'indicators/coinr-asem-pipeline.yaml'), 'utf8');
  /** COINr's aggregate scores: node → unit → score. */
  const coinr = (file: string) => {
    const [head, ...rows] = readFileSync(join(import.meta.dirname, file), 'utf8')
      .trim()
      .split('\n');
    const cols = head!.split(',');
    const out = new Map<string, Map<string, number>>();
    for (const c of cols.slice(1)) out.set(c, new Map());
    for (const r of rows) {
      const cells = r.split(',');
      cols.slice(1).forEach((c, k) => {
        out.get(c)!.set(cells[0]!, Number(cells[k + 1]));
      });
    }
    return out;
  };
  const compare = (yaml: string, file: string, compat: boolean) => {
    const text = compat ? yaml.replace('methodology:\n', 'methodology:\n  compat: coinr\n') : yaml;
    const set = loadIndicatorSet(text, 'coinr-asem.yaml');
    const r = assess(set, parseDatasetCsv(data, { set }).dataset);
    const want = coinr(file);
    let exact = 0;
    let n = 0;
    let worst = 0;
    const rankMismatches: string[] = [];
    for (const [node, byUnit] of want) {
      const all = [...byUnit.values()];
      for (const [unit, v] of byUnit) {
        const i = r.units.findIndex((u) => u.id === unit);
        const ours = r.values[node]!.score[i] as number;
        n++;
        if (ours === v) exact++;
        worst = Math.max(worst, Math.abs(ours - v));
        // COINr's ranks: rank(-score, ties = "min")
        if (r.values[node]!.rank[i] !== 1 + all.filter((x) => x > v).length)
          rankMismatches.push(`${node} ${unit}`);
      }
    }
    return { units: r.units.length, n, exact, worst, rankMismatches };
  };
  const prank = pipeline.replace(
    'normalise: { method: minmax, params: { min: 0, max: 100 } }',
    'normalise: { method: prank }',
  );

  it('the pipeline (min-max 0–100): every aggregate of every unit as COINr, to 1e-13, 0 rank mismatches', () => {
    const own = compare(pipeline, 'coinr-asem-minmax.csv', false);
    expect(own).toMatchObject({ units: 51, n: 561, rankMismatches: [] });
    expect(own.worst).toBeLessThan(1e-13);
    // with compat: COINr's sums, to the last bit
    expect(compare(pipeline, 'coinr-asem-minmax.csv', true)).toEqual({
      units: 51,
      n: 561,
      exact: 561,
      worst: 0,
      rankMismatches: [],
    });
  });

  it('percentile ranks: govscore ties the real ties COINr splits (12 ranks); compat: coinr splits them as COINr', () => {
    expect(prank).toContain('normalise: { method: prank }');
    const own = compare(prank, 'coinr-asem-prank.csv', false);
    expect(own.rankMismatches).toContain('Political RUS'); // ROU and RUS: both 84/150, tied by govscore
    expect(own.rankMismatches).toHaveLength(12);
    expect(own.worst).toBeLessThan(1e-15);
    expect(compare(prank, 'coinr-asem-prank.csv', true)).toEqual({
      units: 51,
      n: 561,
      exact: 561,
      worst: 0,
      rankMismatches: [],
    });
  });
});
