import { describe, expect, it } from 'vitest';
import {
  finishUncertainty,
  RankStore,
  runUncertaintyJob,
  uncertainty,
  uncertaintyJob,
} from '../../src/analysis/uncertainty';
import { assess, compile, type IndicatorSet, resultToJson } from '../../src/index';
import type { Assumption } from '../../src/schema/analysis';
import { data, N, tinySet } from './helpers';

const ds = data(
  ['a', 'b', 'c', 'd', 'e'],
  {
    i1: [1, 2, 3, 4, 50],
    i2: [4, N, 3, 2, 1],
    i3: [3, 4, 1, 2, 5],
  },
  ['x', 'x', 'y', 'y', 'y'],
);

/** The ranks of every node that `assess` gives for a set. */
function assessedRanks(set: IndicatorSet) {
  const r = assess(set, ds);
  return Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v.rank]));
}

describe('uncertainty', () => {
  it('with every assumption fixed, the intervals collapse to the nominal rank', () => {
    const set = tinySet({ treat: { method: 'winsorise' } });
    const fixed: Assumption[] = [
      { type: 'weights', factor: 0 },
      { type: 'normalise', choices: [{ method: 'minmax', params: { min: 0, max: 100 } }] },
      { type: 'aggregate', choices: ['arithmetic'] },
      { type: 'treat', max_points: [5] },
      { type: 'impute', choices: [{ method: 'none' }] },
    ];
    const ua = uncertainty(compile(set, ds), fixed, { replications: 50, seed: 9 });
    const want = assessedRanks(set);
    expect(ua.nodes).toEqual(['index', 'A', 'B']);
    for (const node of ua.nodes) {
      const s = ua.ranks[node]!;
      expect(s.nominal).toEqual(want[node]);
      for (const k of ['mean', 'median', 'q05', 'q95'] as const)
        expect(s[k], `${node} ${k}`).toEqual(s.nominal);
    }
    expect(ua.failed).toEqual([]);
  });

  it.each([
    [
      'normalise',
      { type: 'normalise', choices: [{ method: 'zscore', params: { mean: 10, sd: 2 } }] },
      { normalise: { method: 'zscore', params: { mean: 10, sd: 2 } } },
    ],
    ['aggregate', { type: 'aggregate', choices: ['median'] }, { aggregate: 'median' }],
    ['treat', { type: 'treat', max_points: [1] }, { treat: { method: 'winsorise', max_points: 1 } }],
    [
      'impute',
      { type: 'impute', choices: [{ method: 'group_mean', group: 'g' }] },
      { impute: { method: 'group_mean', group: 'g' } },
    ],
  ] as [string, Assumption, IndicatorSet['methodology']][])(
    'a fixed %s choice ranks as assess does with that choice written in the set',
    (_name, assumption, methodology) => {
      const base = tinySet({ treat: { method: 'winsorise' } });
      const alt = tinySet({ treat: { method: 'winsorise' }, ...methodology });
      const ua = uncertainty(compile(base, ds), [assumption], { replications: 3, seed: 1 });
      const want = assessedRanks(alt);
      for (const node of ua.nodes) expect(ua.ranks[node]!.median, node).toEqual(want[node]);
    },
  );

  it('leaving one of two indicators out: ranks follow the one kept, choices recorded', () => {
    const set = tinySet({}, { id: 'index', children: [{ id: 'i1' }, { id: 'i3' }] });
    // i1 ranks e, d, c, b, a; i3 ranks e, b, a, d, c
    const ua = uncertainty(compile(set, ds), [{ type: 'exclude', nodes: ['i1', 'i3'], keep_all: false }], {
      replications: 200,
      seed: 5,
    });
    const ex = ua.assumptions[0]!;
    expect(ex.labels).toEqual(['i1', 'i3']);
    const dropI1 = ex.choice!.filter((c) => c === 0).length;
    expect(dropI1).toBeGreaterThan(60);
    expect(dropI1).toBeLessThan(140);
    const s = ua.ranks['index']!;
    // unit a: rank 5 under i1, 3 under i3
    expect(s.mean[0]).toBeCloseTo((3 * dropI1 + 5 * (200 - dropI1)) / 200, 12);
    expect([s.q05[0], s.q95[0]]).toEqual([3, 5]);
    expect([s.q05[4], s.q95[4]]).toEqual([1, 1]); // e is first either way
  });

  it('weights: multipliers within 1 ± factor, recorded per replication and node', () => {
    const ua = uncertainty(compile(tinySet(), ds), [{ type: 'weights', factor: 0.25, levels: [2] }], {
      replications: 100,
      seed: 3,
    });
    const w = ua.assumptions[0]!;
    expect(w.nodes).toEqual(['A', 'B']);
    expect(w.multipliers).toHaveLength(100);
    for (const m of w.multipliers!) {
      expect(m).toHaveLength(2);
      for (const x of m) expect(Math.abs(x - 1)).toBeLessThanOrEqual(0.25);
    }
  });

  it('is seeded: the same seed gives byte-identical output, another seed another sample', () => {
    const a: Assumption[] = [
      { type: 'weights', factor: 0.5 },
      { type: 'normalise', choices: ['minmax', 'zscore', 'rank'] },
    ];
    const plan = compile(tinySet(), ds);
    const x = resultToJson(uncertainty(plan, a, { replications: 300, seed: 77 }));
    expect(resultToJson(uncertainty(compile(tinySet(), ds), a, { replications: 300, seed: 77 }))).toBe(x);
    expect(resultToJson(uncertainty(plan, a, { replications: 300, seed: 78 }))).not.toBe(x);
  });

  it('replications the kernels refuse are left out and reported (W310); all refused throws', () => {
    // min-max 0–100 puts a zero in every indicator: a geometric mean refuses it
    const plan = compile(tinySet(), ds);
    const ua = uncertainty(plan, [{ type: 'aggregate', choices: ['arithmetic', 'geometric'] }], {
      replications: 100,
      seed: 2,
    });
    const geo = ua.assumptions[0]!.choice!.filter((c) => c === 1).length;
    expect(ua.failed).toHaveLength(geo);
    expect(ua.warnings[0]).toMatchObject({ code: 'W310' });
    expect(ua.warnings[0]!.message).toMatch(new RegExp(`^${geo} of 100 replications failed`));
    expect(() =>
      uncertainty(plan, [{ type: 'aggregate', choices: ['geometric'] }], { replications: 5 }),
    ).toThrow(/E302/);
  });

  it('options and assumptions are checked (E400)', () => {
    const plan = compile(tinySet(), ds);
    expect(() => uncertainty(plan, [], { replications: 0 })).toThrow(/E400 replications must be an integer/);
    expect(() => uncertainty(plan, [], { seed: -1 })).toThrow(/E400 seed/);
    expect(() => uncertainty(plan, [], { nodes: ['Q'] })).toThrow(/E400 unknown node 'Q'/);
  });
});

describe('uncertainty in steps (threads)', () => {
  const a: Assumption[] = [
    { type: 'weights', factor: 0.5 },
    { type: 'aggregate', choices: ['arithmetic', 'geometric'] }, // geometric fails: zeros after min-max
  ];

  it('chunks run in any order, on shared memory, give the same result as one run', () => {
    const plan = compile(tinySet(), ds);
    const whole = uncertainty(plan, a, { replications: 100, seed: 12 });
    const job = uncertaintyJob(plan, a, { replications: 100, seed: 12 }, (b) => new SharedArrayBuffer(b));
    expect(job.chunk).toBe(16);
    const chunks = Array.from(job.done, (_, c) => c);
    // two "threads" with their own plan: one takes the odd chunks backwards, the other the even ones
    const f1 = runUncertaintyJob(compile(tinySet(), ds), a, job, chunks.filter((c) => c % 2).reverse());
    const f2 = runUncertaintyJob(
      plan,
      a,
      job,
      chunks.filter((c) => c % 2 === 0),
    );
    expect(resultToJson(finishUncertainty(plan, a, job, [f1, f2]))).toBe(resultToJson(whole));
  });

  it('an unfinished job is E400', () => {
    const plan = compile(tinySet(), ds);
    const job = uncertaintyJob(plan, a, { replications: 40 });
    runUncertaintyJob(plan, a, job, [0]);
    expect(() => finishUncertainty(plan, a, job)).toThrow(/E400 the uncertainty analysis is not complete/);
  });
});

describe('RankStore summaries', () => {
  it('type-7 quantiles from the counts of ranks', () => {
    // ranks of one unit over 5 replications: 1, 3, 2, 5, 4 → median 3, q05 1.2, q95 4.8, mean 3
    const store = new RankStore(1, 50, 5);
    [1, 3, 2, 5, 4].forEach((v, r) => {
      const col = new Float64Array(50).fill(N);
      col[0] = v;
      store.put(0, r, col);
    });
    const skip = new Uint8Array(5);
    const hist = new Int32Array(51);
    expect(store.summary(0, 0, skip, hist).map((x) => Number(x.toFixed(12)))).toEqual([3, 3, 1.2, 4.8]);
    skip[3] = 1; // leave out the 5: 1, 2, 3, 4 → q05 = 1 + 0.15, q95 = 3 + 0.85
    expect(store.summary(0, 0, skip, hist).map((x) => Number(x.toFixed(12)))).toEqual([2.5, 2.5, 1.15, 3.85]);
    expect(store.summary(0, 1, skip, hist)).toEqual([N, N, N, N]);
    // every slot at once: the same numbers
    const [mean, med, q05, q95] = store.summaries(skip);
    expect([mean[0], med[0], q05[0], q95[0]].map((x) => Number(x!.toFixed(12)))).toEqual([
      2.5, 2.5, 1.15, 3.85,
    ]);
    expect(mean[1]).toBeNaN();
  });
});
