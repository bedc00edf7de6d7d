import { describe, expect, it } from 'vitest';
import { GovscoreError, type Problem } from '../../src/errors';
import { type NormaliseKey, normalisers } from '../../src/steps/normalise';
import type { NormaliseInfo, NormaliseMethod } from '../../src/steps/types';

const N = Number.NaN;
const up: NormaliseInfo = { direction: 1 };
const down: NormaliseInfo = { direction: -1 };

/** Resolves `params` (expecting no problems) and runs the method on `x`. */
function norm(
  key: NormaliseKey,
  x: number[],
  params: Record<string, unknown> = {},
  info: NormaliseInfo = up,
) {
  const m = normalisers[key] as NormaliseMethod<unknown>;
  const r = m.resolve(params, info);
  expect(r.problems).toEqual([]);
  const out = new Float64Array(x.length).fill(-999);
  const warnings: Problem[] = [];
  const input = Float64Array.from(x);
  m.run(input, out, r.params, info, {
    node: 'ind',
    units: x.map((_, i) => `u${i}`),
    warn: (p) => warnings.push(p),
  });
  expect(Array.from(input)).toEqual(x); // input untouched
  return { out: Array.from(out), warnings: warnings.map((w) => w.code), problems: warnings };
}

/** Problems from resolve only. */
function problems(key: NormaliseKey, params: Record<string, unknown>, info: NormaliseInfo = up) {
  return (normalisers[key] as NormaliseMethod<unknown>).resolve(params, info).problems;
}

function expectClose(actual: number[], want: number[]) {
  expect(actual.length).toBe(want.length);
  actual.forEach((a, i) => {
    const w = want[i] as number;
    if (Number.isNaN(w)) expect(a, `index ${i}`).toBeNaN();
    else expect(a, `index ${i}`).toBeCloseTo(w, 10);
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

type Case = [string, NormaliseKey, number[], Record<string, unknown>, NormaliseInfo, number[], string[]];

// name, method, input, params, info, hand-computed output, warning codes
const cases: Case[] = [
  ['none', 'none', [1, 2, N], {}, up, [1, 2, N], []],
  ['none, direction −1 negates', 'none', [1, 2, N], {}, down, [-1, -2, N], []],

  ['minmax 0–100', 'minmax', [1, 2, 3], {}, up, [0, 50, 100], []],
  ['minmax direction −1', 'minmax', [1, 2, 3], {}, down, [100, 50, 0], []],
  ['minmax 1–10 with NaN', 'minmax', [2, N, 4, 3], { min: 1, max: 10 }, up, [1, N, 10, 5.5], []],
  ['minmax fixed range', 'minmax', [5, 15], { ref_min: 0, ref_max: 10 }, up, [50, 150], []],
  ['minmax fixed range, direction −1', 'minmax', [5, 15], { ref_min: 0, ref_max: 10 }, down, [50, -50], []],
  ['minmax fixed ref_min only', 'minmax', [5, 10], { ref_min: 0 }, up, [50, 100], []],
  ['minmax fixed ref_max only', 'minmax', [5, 10], { ref_max: 15 }, up, [0, 50], []],
  ['minmax constant → midpoint', 'minmax', [7, 7, N], {}, up, [50, 50, N], ['W301']],
  ['minmax constant 1–100 → 50.5', 'minmax', [7, 7], { min: 1, max: 100 }, up, [50.5, 50.5], ['W301']],
  ['minmax single value', 'minmax', [3], {}, up, [50], ['W301']],
  ['minmax all missing', 'minmax', [N, N], {}, up, [N, N], []],
  ['minmax ref range emptied by the data', 'minmax', [3, 4], { ref_min: 5 }, up, [50, 50], ['W301']],

  ['zscore', 'zscore', [1, 2, 3], {}, up, [-1, 0, 1], []],
  ['zscore mean 100 sd 10', 'zscore', [1, 2, 3], { mean: 100, sd: 10 }, up, [90, 100, 110], []],
  ['zscore direction −1', 'zscore', [1, 2, 3], {}, down, [1, 0, -1], []],
  [
    'zscore sample sd',
    'zscore',
    [2, 4, N, 4, 4, 5, 5, 7, 9],
    {},
    up,
    [-3, -1, N, -1, -1, 0, 0, 2, 4].map((d) => d / Math.sqrt(32 / 7)),
    [],
  ],
  ['zscore fixed mean and sd', 'zscore', [5, 20], { ref_mean: 10, ref_sd: 5 }, up, [-1, 2], []],
  ['zscore fixed, direction −1', 'zscore', [5, 20], { ref_mean: 10, ref_sd: 5 }, down, [1, -2], []],
  ['zscore constant → mean', 'zscore', [4, 4], { mean: 50 }, up, [50, 50], ['W301']],
  ['zscore single value', 'zscore', [4, N], {}, up, [0, N], ['W301']],
  ['zscore all missing', 'zscore', [N], { ref_mean: 1, ref_sd: 1 }, up, [N], []],

  ['scaled', 'scaled', [1, 5.5, 10, 12], { low: 1, high: 10 }, up, [0, 50, 100, 1100 / 9], []],
  ['scaled direction −1', 'scaled', [1, 5.5, 10], { low: 1, high: 10 }, down, [100, 50, 0], []],
  ['scaled defaults 0–100', 'scaled', [25, N], {}, up, [25, N], []],
  ['scaled constant is fine', 'scaled', [5, 5], { low: 0, high: 10 }, up, [50, 50], []],

  ['dist_max', 'dist_max', [2, 4, 10], {}, up, [0, 0.25, 1], []],
  ['dist_max direction −1', 'dist_max', [2, 4, 10, N], {}, down, [1, 0.75, 0, N], []],
  ['dist_max constant → 1', 'dist_max', [3, 3], {}, up, [1, 1], ['W301']],

  ['dist_ref', 'dist_ref', [2, 4, 10], { unit: 'u1' }, up, [0, 1, 4], []],
  ['dist_ref capped', 'dist_ref', [2, 4, 10], { unit: 'u1', cap: true }, up, [0, 1, 1], []],
  ['dist_ref direction −1', 'dist_ref', [2, 4, 10], { unit: 'u1' }, down, [8 / 6, 1, 0], []],
  ['dist_ref direction −1 capped', 'dist_ref', [2, 4, 10], { unit: 'u1', cap: true }, down, [1, 1, 0], []],
  ['dist_ref reference is the worst', 'dist_ref', [2, 4, N], { unit: 'u0' }, up, [1, 1, N], ['W309']],

  ['dist_target (capped by default)', 'dist_target', [2, 4, 10], { target: 6 }, up, [0, 0.5, 1], []],
  ['dist_target uncapped', 'dist_target', [2, 4, 10], { target: 6, cap: false }, up, [0, 0.5, 2], []],
  ['dist_target direction −1', 'dist_target', [2, 4, 10], { target: 4 }, down, [1, 1, 0], []],
  [
    'dist_target direction −1 uncapped',
    'dist_target',
    [2, 4, 10],
    { target: 4, cap: false },
    down,
    [4 / 3, 1, 0],
    [],
  ],
  [
    'dist_target from the indicator',
    'dist_target',
    [2, 4, 10],
    {},
    { direction: 1, target: 6 },
    [0, 0.5, 1],
    [],
  ],
  [
    'dist_target param beats the indicator',
    'dist_target',
    [2, 4, 10],
    { target: 10 },
    { direction: 1, target: 6 },
    [0, 0.25, 1],
    [],
  ],
  ['dist_target met by everyone', 'dist_target', [2, 4], { target: 1 }, up, [1, 1], ['W309']],
  ['dist_target met by everyone, direction −1', 'dist_target', [2, 4], { target: 4 }, down, [1, 1], ['W309']],

  ['frac_max', 'frac_max', [2, 4, 10], {}, up, [0.2, 0.4, 1], []],
  ['frac_max direction −1: min / x', 'frac_max', [2, 4, 10], {}, down, [1, 0.5, 0.2], []],
  ['frac_max zero allowed', 'frac_max', [0, 5, N], {}, up, [0, 1, N], []],
  ['frac_max all zero → 1', 'frac_max', [0, 0], {}, up, [1, 1], ['W301']],

  ['rank', 'rank', [10, 30, 20, 30, N], {}, up, [1, 3, 2, 3, N], []],
  ['rank direction −1', 'rank', [10, 30, 20, 30, N], {}, down, [4, 1, 3, 1, N], []],
  ['rank constant', 'rank', [5, 5], {}, up, [1, 1], ['W301']],
  ['borda', 'borda', [10, 30, 20, 30], {}, up, [0, 2, 1, 2], []],
  ['borda direction −1', 'borda', [10, 30, 20], {}, down, [2, 0, 1], []],
  ['borda constant', 'borda', [5, N, 5], {}, up, [0, N, 0], ['W301']],
  ['prank', 'prank', [10, 30, 20, 40], {}, up, [0, 2 / 3, 1 / 3, 1], []],
  ['prank ties take the lower rank', 'prank', [10, 30, 30, 40], {}, up, [0, 1 / 3, 1 / 3, 1], []],
  ['prank direction −1', 'prank', [10, 30, 20], {}, down, [1, 0, 0.5], []],
  ['prank single value → 0', 'prank', [5, N], {}, up, [0, N], ['W301']],
  ['prank constant → 0', 'prank', [3, 3, 3], {}, up, [0, 0, 0], ['W301']],
  ['prank all missing', 'prank', [N, N], {}, up, [N, N], []],

  [
    'goalposts (0, 10): 1 → 0.1, 11 → 1',
    'goalposts',
    [1, 11, -2, N],
    { low: 0, high: 10 },
    up,
    [0.1, 1, 0, N],
    ['W307'],
  ],
  [
    'goalposts untruncated',
    'goalposts',
    [1, 11, -2],
    { low: 0, high: 10, truncate: false },
    up,
    [0.1, 1.1, -0.2],
    [],
  ],
  [
    'goalposts direction −1 swaps the posts',
    'goalposts',
    [1, 10, 0],
    { low: 0, high: 10 },
    down,
    [0.9, 0, 1],
    [],
  ],
  ['goalposts scale 100', 'goalposts', [5, 7.5], { low: 0, high: 10, scale: 100 }, up, [50, 75], []],
  [
    'goalposts from the indicator',
    'goalposts',
    [30],
    {},
    { direction: 1, goalposts: { low: 20, high: 70 } },
    [0.2],
    [],
  ],
  ['goalposts constant is fine', 'goalposts', [5, 5], { low: 0, high: 10 }, up, [0.5, 0.5], []],

  ['categorical', 'categorical', [0, 2, 1, N], { map: { 0: 0, 1: 60, 2: 100 } }, up, [0, 100, 60, N], []],
  ['categorical ignores direction', 'categorical', [0, 2], { map: { 0: 0, 2: 100 } }, down, [0, 100], []],
  ['categorical non-integer codes', 'categorical', [0.5, -1], { map: { '0.5': 1, '-1': 2 } }, up, [1, 2], []],
];

describe('normalisers: hand-computed values', () => {
  it.each(cases)('%s', (_name, key, x, params, info, want, warns) => {
    const r = norm(key, x, params, info);
    expectClose(r.out, want);
    expect(r.warnings).toEqual(warns);
  });
});

describe('normalisers: degenerate data and errors', () => {
  it('warnings name the node', () => {
    const r = norm('minmax', [7, 7]);
    expect(r.problems[0]).toMatchObject({ code: 'W301', severity: 'warning', node: 'ind' });
    expect(r.problems[0]?.message).toContain('50');
  });

  it('goalposts truncation warning counts the clamped values and names the first unit', () => {
    const r = norm('goalposts', [1, 11, -2], { low: 0, high: 10 });
    expect(r.problems[0]?.message).toContain('2 value(s)');
    expect(r.problems[0]?.message).toContain("'u1'");
  });

  it('dist_ref: unknown unit → E305', () => {
    const e = thrown(() => norm('dist_ref', [1, 2], { unit: 'nowhere' }));
    expect(e.code).toBe('E305');
    expect(e.message).toContain('nowhere');
    expect(e.problems[0]?.hint).toBeTruthy();
  });

  it('dist_ref: reference without a value → E305', () => {
    const e = thrown(() => norm('dist_ref', [N, 2, 3], { unit: 'u0' }));
    expect(e.code).toBe('E305');
    expect(e.problems[0]?.unit).toBe('u0');
  });

  it.each([
    ['negative value', [2, -1], up, 'u1'],
    ['zero under direction −1', [2, 0], down, 'u1'],
  ])('frac_max: %s → E302 naming the unit', (_n, x, info, unit) => {
    const e = thrown(() => norm('frac_max', x, {}, info));
    expect(e.code).toBe('E302');
    expect(e.problems[0]?.unit).toBe(unit);
  });

  it('categorical: a value not in the map → E208 naming the unit and value', () => {
    const e = thrown(() => norm('categorical', [0, 3], { map: { 0: 0, 1: 100 } }));
    expect(e.code).toBe('E208');
    expect(e.problems[0]?.unit).toBe('u1');
    expect(e.message).toContain('3');
  });

  it('every method keeps a missing value missing', () => {
    const params: Partial<Record<NormaliseKey, Record<string, unknown>>> = {
      dist_ref: { unit: 'u1' },
      dist_target: { target: 5 },
      goalposts: { low: 0, high: 10 },
      categorical: { map: { 1: 1, 2: 2, 3: 3 } },
    };
    for (const key of Object.keys(normalisers) as NormaliseKey[]) {
      for (const info of [up, down]) {
        const r = norm(key, [N, 1, 2, 3], params[key] ?? {}, info);
        expect(r.out[0], key).toBeNaN();
        expect(r.out.slice(1).every(Number.isFinite), key).toBe(true);
      }
    }
  });

  it('fixed reference parameters ignore the data’s own range', () => {
    const a = norm('minmax', [5, 6], { ref_min: 0, ref_max: 10 }).out;
    const b = norm('minmax', [5, 6, 100, -100], { ref_min: 0, ref_max: 10 }).out;
    expect(b.slice(0, 2)).toEqual(a);
    const z1 = norm('zscore', [5, 6], { ref_mean: 4, ref_sd: 2 }).out;
    const z2 = norm('zscore', [5, 6, 1000], { ref_mean: 4, ref_sd: 2 }).out;
    expect(z2.slice(0, 2)).toEqual(z1);
    expect(z1).toEqual([0.5, 1]);
  });
});

describe('normalisers: resolve', () => {
  it('fills defaults', () => {
    expect(normalisers.minmax.resolve({}, up).params).toEqual({ min: 0, max: 100 });
    expect(normalisers.zscore.resolve({}, up).params).toEqual({ mean: 0, sd: 1 });
    expect(normalisers.scaled.resolve({}, up).params).toEqual({ low: 0, high: 100 });
    expect(
      normalisers.goalposts.resolve({}, { direction: 1, goalposts: { low: 1, high: 2 } }).params,
    ).toEqual({
      low: 1,
      high: 2,
      truncate: true,
      scale: 1,
    });
    expect(normalisers.dist_target.resolve({}, { direction: 1, target: 3 }).params).toEqual({
      target: 3,
      cap: true,
    });
    expect(normalisers.dist_ref.resolve({ unit: 'a' }, up).params).toEqual({ unit: 'a', cap: false });
  });

  it.each([
    ['minmax', { mn: 0 }, "unknown parameter 'mn'"],
    ['minmax', { min: 'a' }, "'min' must be a finite number"],
    ['minmax', { min: 10, max: 10 }, "'min' (10) must be below 'max' (10)"],
    ['minmax', { ref_min: 5, ref_max: 1 }, "'ref_min' (5) must be below 'ref_max' (1)"],
    ['zscore', { sd: 0 }, "'sd' must be above 0"],
    ['zscore', { ref_sd: -1 }, "'ref_sd' must be above 0"],
    ['scaled', { low: 5, high: 1 }, "'low' (5) must be below 'high' (1)"],
    ['dist_ref', {}, "needs 'unit'"],
    ['dist_ref', { unit: 3 }, "'unit' must be a non-empty string"],
    ['dist_ref', { unit: 'a', cap: 'yes' }, "'cap' must be true or false"],
    ['dist_target', {}, 'needs a target'],
    ['goalposts', {}, 'needs goalposts'],
    ['goalposts', { low: 10, high: 0 }, 'must be below the high one'],
    ['goalposts', { low: 0, high: 1, scale: 0 }, "'scale' must be above 0"],
    ['categorical', {}, "needs 'map'"],
    ['categorical', { map: { yes: 1 } }, "map key 'yes' is not a number"],
    ['categorical', { map: { 1: 'high' } }, "map value for '1' must be a finite number"],
    ['rank', { ties: 'dense' }, 'this method takes none'],
    ['none', { x: 1 }, "unknown parameter 'x'"],
  ] as [NormaliseKey, Record<string, unknown>, string][])('%s %j → problem', (key, params, message) => {
    const p = problems(key, params);
    expect(p.length).toBeGreaterThan(0);
    expect(p.join('\n')).toContain(message);
  });

  it('registry keys match each method’s key', () => {
    for (const [k, m] of Object.entries(normalisers)) expect(m.key).toBe(k);
  });
});
