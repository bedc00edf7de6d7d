import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/analysis/prng';
import { saltelliDesign, sensitivity, sobol, sobolIndices } from '../../src/analysis/sensitivity';
import { compile } from '../../src/index';
import { data, tinySet } from './helpers';

/** Ishigami with a = 7, b = 0.1 on [−π, π]³ (u on [0, 1)³). */
const ishigami = (u: Float64Array) => {
  const x = (k: number) => Math.PI * (2 * (u[k] as number) - 1);
  return Math.sin(x(0)) + 7 * Math.sin(x(1)) ** 2 + 0.1 * x(2) ** 4 * Math.sin(x(0));
};

describe('Saltelli design', () => {
  it('A, B, then A with the columns of one group from B', () => {
    const n = 3;
    const x = saltelliDesign(n, [1, 2], new Prng(5));
    const D = 3;
    expect(x.length).toBe(n * (2 + 2) * D);
    const row = (r: number) => Array.from(x.subarray(r * D, r * D + D));
    for (let j = 0; j < n; j++) {
      const a = row(j);
      const b = row(n + j);
      expect(row(2 * n + j)).toEqual([b[0], a[1], a[2]]); // group 0 = column 0
      expect(row(3 * n + j)).toEqual([a[0], b[1], b[2]]); // group 1 = columns 1, 2
    }
  });
});

describe('Sobol indices', () => {
  it('Ishigami: analytic S1 = 0.3139, 0.4424, 0 and ST = 0.5576, 0.4424, 0.2437; a dummy input gets 0', () => {
    const r = sobol((u) => ishigami(u), 4, 20000, { seed: 11, bootstrap: 300 });
    // V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2 = 13.8446
    expect(r.variance!).toBeGreaterThan(13.8446 * 0.95);
    expect(r.variance!).toBeLessThan(13.8446 * 1.05);
    const want = [
      [0.3139, 0.5576],
      [0.4424, 0.4424],
      [0, 0.2437],
      [0, 0],
    ];
    r.indices.forEach((ix, i) => {
      expect(Math.abs(ix.s1! - want[i]![0]!), `S1 of x${i + 1}`).toBeLessThan(0.03);
      expect(Math.abs(ix.st! - want[i]![1]!), `ST of x${i + 1}`).toBeLessThan(0.03);
      expect(ix.s1_low!).toBeLessThanOrEqual(ix.s1!);
      expect(ix.s1_high!).toBeGreaterThanOrEqual(ix.s1!);
    });
    // x4 does not enter the function: f(A_B⁽⁴⁾) = f(A) exactly, so both indices are exactly 0
    expect(r.indices[3]).toEqual({ s1: 0, s1_low: 0, s1_high: 0, st: 0, st_low: 0, st_high: 0 });
    // the intervals hold the analytic values
    expect(r.indices[0]!.st_low!).toBeLessThan(0.5576);
    expect(r.indices[0]!.st_high!).toBeGreaterThan(0.5576);
  });

  it('linear model y = x1 + 2 x2 (+ a group of two dummies): S1 = ST = 1/5, 4/5, 0', () => {
    const r = sobol((u) => (u[0] as number) + 2 * (u[1] as number), [1, 1, 2], 20000, {
      seed: 2,
      bootstrap: 0,
    });
    expect(r.indices[0]!.s1!).toBeCloseTo(0.2, 1);
    expect(r.indices[1]!.s1!).toBeCloseTo(0.8, 1);
    expect(r.indices[0]!.st!).toBeCloseTo(0.2, 1);
    expect(r.indices[1]!.st!).toBeCloseTo(0.8, 1);
    expect(r.indices[2]!.s1).toBe(0);
    expect(r.indices[0]!.s1_low).toBeNull(); // no bootstrap
  });

  it('constant output: no indices', () => {
    const y = new Float64Array(4 * 10).fill(3);
    expect(sobolIndices(y, 10, 2).indices[0]!.s1).toBeNull();
  });

  it('is seeded', () => {
    const a = sobol((u) => ishigami(u), 3, 500, { seed: 4, bootstrap: 50 });
    const b = sobol((u) => ishigami(u), 3, 500, { seed: 4, bootstrap: 50 });
    expect(b).toEqual(a);
  });
});

describe('sensitivity of a plan', () => {
  const set = tinySet();
  const ds = data(['a', 'b', 'c', 'd'], {
    i1: [1, 2, 3, 4],
    i2: [4, 1, 3, 2],
    i3: [3, 4, 1, 2],
  });

  it('weights matter; a dummy assumption (one aggregation choice) gets S1 = ST = 0', () => {
    const plan = compile(set, ds);
    const sa = sensitivity(
      plan,
      [
        { id: 'w', type: 'weights', factor: 0.9, nodes: ['A', 'B'] },
        { id: 'dummy', type: 'aggregate', choices: ['arithmetic'] },
      ],
      { n: 400, seed: 3, bootstrap: 100 },
    );
    expect(sa.runs).toBe(400 * 4);
    expect(sa.output).toEqual({ node: 'index', statistic: 'mean_abs_rank_shift' });
    expect(sa.variance!).toBeGreaterThan(0);
    const [w, dummy] = sa.indices;
    expect(w!.assumption).toBe('w');
    expect(w!.st!).toBeGreaterThan(0.9);
    expect(dummy).toMatchObject({ assumption: 'dummy', s1: 0, st: 0 });
  });

  it('output rank of one unit; an unknown unit is E400', () => {
    const plan = compile(set, ds);
    const a = [
      { type: 'weights' as const, factor: 0.9, nodes: ['A'] },
      { type: 'weights' as const, factor: 0.9, nodes: ['B'] },
    ];
    const sa = sensitivity(plan, a, { n: 100, output: { statistic: 'rank', unit: 'b' }, bootstrap: 0 });
    expect(sa.indices.map((x) => x.assumption)).toEqual(['weights', 'weights_2']);
    expect(() => sensitivity(plan, a, { n: 10, output: { statistic: 'rank', unit: 'zz' } })).toThrow(
      /E400 unit 'zz'/,
    );
    expect(() => sensitivity(plan, a, { n: 10, output: { statistic: 'score' } })).toThrow(/needs a unit/);
  });

  it('a refused setting stops the analysis, naming the run', () => {
    const plan = compile(set, ds); // min-max 0–100 gives zeros
    expect(() =>
      sensitivity(
        plan,
        [
          { type: 'aggregate', choices: ['geometric'] },
          { type: 'weights', factor: 0.1 },
        ],
        { n: 10 },
      ),
    ).toThrow(/E302 sensitivity analysis: run 0 of 40 failed/);
  });
});
