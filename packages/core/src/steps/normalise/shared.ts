/**
 * Helpers shared by the normalisation (and aggregation) kernels: parameter reading for `resolve`, and
 * small column scans for `run`. Nothing here allocates inside a per-unit loop.
 * @internal
 */
import { problem } from '../../errors';
import type { KernelContext } from '../types';

/**
 * Reads parameters against a list of known keys and collects problems (plain messages; the caller
 * wraps them in E108). Unknown keys are problems, so that a typo is never silently ignored.
 * @internal
 */
export class ParamReader {
  readonly problems: string[] = [];
  constructor(
    private readonly params: Record<string, unknown>,
    known: readonly string[],
  ) {
    for (const k of Object.keys(params)) {
      if (!known.includes(k)) {
        this.problems.push(
          `unknown parameter '${k}'${known.length ? ` (known: ${known.join(', ')})` : ' (this method takes none)'}`,
        );
      }
    }
  }

  /** A finite number, or `dflt` when absent (undefined when absent and no default). */
  num(key: string, dflt: number): number;
  num(key: string): number | undefined;
  num(key: string, dflt?: number): number | undefined {
    const v = this.params[key];
    if (v === undefined || v === null) return dflt;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.problems.push(`parameter '${key}' must be a finite number, got ${JSON.stringify(v)}`);
      return dflt;
    }
    return v;
  }

  bool(key: string, dflt: boolean): boolean {
    const v = this.params[key];
    if (v === undefined || v === null) return dflt;
    if (typeof v !== 'boolean') {
      this.problems.push(`parameter '${key}' must be true or false, got ${JSON.stringify(v)}`);
      return dflt;
    }
    return v;
  }

  str(key: string): string | undefined {
    const v = this.params[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || v === '') {
      this.problems.push(`parameter '${key}' must be a non-empty string, got ${JSON.stringify(v)}`);
      return undefined;
    }
    return v;
  }

  raw(key: string): unknown {
    return this.params[key];
  }

  problem(message: string): void {
    this.problems.push(message);
  }
}

/**
 * @internal Scratch for `scan`: [count, min, max] of the last scanned column. Read it right after the
 * call (kernels are synchronous), so that `run` allocates nothing.
 */
export const acc = new Float64Array(3);

/** @internal Number of non-missing values, smallest and largest, written into `acc`. */
export function scan(x: Float64Array): void {
  let n = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) continue;
    n++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  acc[0] = n;
  acc[1] = n ? lo : Number.NaN;
  acc[2] = n ? hi : Number.NaN;
}

/** @internal Writes `value` to every non-missing position, NaN elsewhere. */
export function fillPresent(x: Float64Array, out: Float64Array, value: number): void {
  for (let i = 0; i < x.length; i++) out[i] = Number.isNaN(x[i] as number) ? Number.NaN : value;
}

/** @internal Warns W301 (constant indicator) with the value every unit gets. */
export function warnConstant(
  ctx: KernelContext,
  method: string,
  value: number,
  what = 'every value is the same',
): void {
  ctx.warn(
    problem(
      'W301',
      `'${ctx.node}' cannot be spread out by ${method}: ${what}; every unit with data gets ${value}`,
      { node: ctx.node },
      'check the data, or drop the indicator or normalise it with goalposts',
    ),
  );
}

/**
 * @internal Ascending ranks of d·x with ties given the lowest rank of their group (R
 * `rank(ties.method = "min", na.last = "keep")`), written into `out` (which must not be `x`); NaN stays
 * NaN. Returns the number of ranked values. Allocates one index array (O(n log n) sort).
 */
export function minRanks(x: Float64Array, d: 1 | -1, out: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i] as number)) m++;
  const idx = new Int32Array(m);
  let k = 0;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isNaN(x[i] as number)) idx[k++] = i;
    else out[i] = Number.NaN;
  }
  idx.sort((a, b) => {
    const va = x[a] as number;
    const vb = x[b] as number;
    return va < vb ? -d : va > vb ? d : a - b;
  });
  let rank = 1;
  let prev = Number.NaN;
  for (let p = 0; p < m; p++) {
    const i = idx[p] as number;
    const v = x[i] as number;
    if (p > 0 && v !== prev) rank = p + 1;
    prev = v;
    out[i] = rank;
  }
  return m;
}
