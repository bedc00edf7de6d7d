/**
 * Shared machinery of the property tests: a fixed seed, bounded runs (raised by `FUZZ_RUNS` for
 * `pnpm fuzz`), a count of the cases run, and the checks every outcome must pass.
 *
 * - `FUZZ_RUNS=<factor>` multiplies every property's number of runs (default 1; `pnpm fuzz` uses 20).
 * - `FUZZ_SEED=<integer>` replaces the fixed seed (default 20261122), to explore other cases.
 */
import { codes, GovscoreError, type Problem } from '@govscore/core';
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';

const factor = Number(process.env.FUZZ_RUNS ?? '1');
/** Multiplier of every property's number of runs. */
export const FACTOR = Number.isFinite(factor) && factor > 0 ? factor : 1;
const seed = Number(process.env.FUZZ_SEED ?? '20261122');
/** The seed of every property (fixed unless FUZZ_SEED is set). */
export const SEED = Number.isInteger(seed) ? seed : 20261122;

/** Cases run per test file (printed after each file). */
const counts = new Map<string, { properties: number; cases: number }>();
/** The slowest single outcome of this file, in ms (printed as a figure, never asserted). */
let slowest = 0;

/** Runs of a property: `base × FUZZ_RUNS`. */
export function runs(base: number): number {
  return Math.max(1, Math.round(base * FACTOR));
}

/**
 * Checks a property with the fixed seed and `runs(base)` cases; counts the cases under `file`.
 * Failing cases are reported with fast-check's counterexample and seed, shrunk.
 */
export async function check<T>(
  file: string,
  property: fc.IProperty<T> | fc.IAsyncProperty<T>,
  base: number,
): Promise<number> {
  const details = await fc.check(property as fc.IAsyncProperty<T>, {
    seed: SEED,
    numRuns: runs(base),
    endOnFailure: false,
  });
  const c = counts.get(file) ?? { properties: 0, cases: 0 };
  c.properties++;
  c.cases += details.numRuns;
  counts.set(file, c);
  if (details.failed) {
    const cause = details.errorInstance;
    const why = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
    throw new Error(`${fc.defaultReportMessage(details) ?? 'property failed'}\nCause: ${why}`);
  }
  return details.numRuns;
}

/**
 * Asserts that at least `share` of a property's `ran` cases reached its checks (`reached`, counted by
 * the property), the others having stopped early on an expected error: a property whose generators
 * drift into the early exit would otherwise pass having checked nothing. The shares are about half
 * the rate measured with the fixed seed, so another seed (`FUZZ_SEED`) passes too.
 */
export function expectReached(reached: number, ran: number, share: number, what: string): void {
  const least = Math.ceil(share * ran);
  expect(
    reached,
    `${what}: ${reached} of ${ran} cases reached the checks; at least ${least} (${share * 100}%) must`,
  ).toBeGreaterThanOrEqual(least);
}

/** Prints `[properties] <file>: N cases in P properties (seed S, factor F)` after the file's tests. */
export function reportCases(file: string): void {
  afterAll(() => {
    const c = counts.get(file);
    if (c)
      console.log(
        `[properties] ${file}: ${c.cases} cases in ${c.properties} properties (seed ${SEED}, FUZZ_RUNS ${FACTOR}); slowest case ${slowest.toFixed(0)} ms`,
      );
  });
}

/**
 * Asserts that every number in a value (a Result, a Dataset's JSON form) is finite: a missing number
 * must be `null`, never NaN or ±Infinity. Also refuses `undefined` inside arrays and typed arrays
 * (a Result is plain JSON data). Returns how many numbers were seen.
 */
export function assertFiniteDeep(value: unknown, path = '$'): number {
  let seen = 0;
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length > 0) {
    const [v, p] = stack.pop()!;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`${p} is ${v}: a Result must hold null, not NaN/Infinity`);
      seen++;
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => {
        if (x === undefined) throw new Error(`${p}[${i}] is undefined`);
        stack.push([x, `${p}[${i}]`]);
      });
    } else if (ArrayBuffer.isView(v)) {
      throw new Error(`${p} is a typed array; a Result holds plain arrays`);
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) stack.push([(v as Record<string, unknown>)[k], `${p}.${k}`]);
    }
  }
  return seen;
}

/** Asserts a problem is well formed: a catalogued code, matching severity, a message. */
export function assertProblem(p: Problem): void {
  expect(Object.hasOwn(codes, p.code), `unknown code ${p.code}`).toBe(true);
  expect(p.severity).toBe(p.code.startsWith('W') ? 'warning' : 'error');
  expect(typeof p.message).toBe('string');
  expect(p.message.length).toBeGreaterThan(0);
}

/** True when the problem says where it is (file position, path, node, unit, cell). */
export function hasLocation(p: Problem): boolean {
  return (
    p.line !== undefined ||
    p.path !== undefined ||
    p.node !== undefined ||
    p.unit !== undefined ||
    p.row !== undefined ||
    p.column !== undefined
  );
}

/**
 * A guard against a hang in one case, not a speed target (those are in `pnpm bench`): the slowest
 * case measured is 1.6 s (the first, which compiles the schema validator) on a loaded 2-core machine,
 * the others under 0.25 s. Each file prints its slowest case.
 */
export const HANG_MS = 30_000;

/**
 * Runs `fn`; returns its value, or the GovscoreError it threw (checked: problems, codes). Any other
 * exception fails the property, and so does a run longer than `ms` (a hang guard).
 */
export function outcome<T>(fn: () => T, ms = HANG_MS): T | GovscoreError {
  const t0 = performance.now();
  let r: T | GovscoreError;
  try {
    r = fn();
  } catch (e) {
    if (!(e instanceof GovscoreError)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
    for (const p of e.problems) assertProblem(p);
    expect(e.problems.some((p) => p.severity === 'error')).toBe(true);
    r = e;
  }
  const dt = performance.now() - t0;
  if (dt > slowest) slowest = dt;
  if (dt > ms) throw new Error(`took ${dt.toFixed(0)} ms (limit ${ms} ms)`);
  return r;
}

/** Async `outcome`. */
export async function outcomeAsync<T>(fn: () => Promise<T>, ms = HANG_MS): Promise<T | GovscoreError> {
  const t0 = performance.now();
  let r: T | GovscoreError;
  try {
    r = await fn();
  } catch (e) {
    if (!(e instanceof GovscoreError)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
    for (const p of e.problems) assertProblem(p);
    r = e;
  }
  const dt = performance.now() - t0;
  if (dt > slowest) slowest = dt;
  if (dt > ms) throw new Error(`took ${dt.toFixed(0)} ms (limit ${ms} ms)`);
  return r;
}

/** Own property names of Object.prototype and friends, to detect prototype pollution. */
export function prototypeSnapshot(): string {
  const names = (o: object) => Reflect.ownKeys(o).map(String).sort().join(',');
  return [
    names(Object.prototype),
    names(Array.prototype),
    names(Function.prototype),
    names(String.prototype),
  ].join('|');
}

/** Asserts nothing polluted the shared prototypes. */
export function assertNoPollution(before: string): void {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.prototype.toString.call({})).toBe('[object Object]');
  expect(prototypeSnapshot()).toBe(before);
}
