/**
 * Contracts of the step kernels. A kernel works on columns (Float64Array, NaN = missing), writes into
 * an output array the caller owns, allocates nothing in `run`, and never throws for data it can
 * handle: degenerate data give a warning through `ctx.warn`, impossible data a GovscoreError.
 * `resolve` runs once per plan (validates parameters, fills defaults); `run` may run thousands of times.
 */
import type { Problem } from '../errors';

/** What a kernel knows about where it runs, for messages. */
export interface KernelContext {
  /** Node id (indicator or aggregate). */
  node: string;
  /** Unit ids, aligned with the columns. */
  units: readonly string[];
  /** Records a warning in the Result. */
  warn(p: Problem): void;
}

/** Extra facts a normalisation may use, from the indicator's definition (raw units). */
export interface NormaliseInfo {
  /** 1 when higher is better, -1 when lower is better. Methods apply it themselves. */
  direction: 1 | -1;
  goalposts?: { low: number; high: number };
  target?: number;
}

export interface NormaliseMethod<P = Record<string, unknown>> {
  key: string;
  /** One line for docs and error messages. */
  description: string;
  /**
   * Validates parameters and fills defaults. Returns problems (code E108) instead of throwing.
   * `info` is the indicator's definition, so that e.g. `goalposts` can require goalposts.
   */
  resolve(params: Record<string, unknown>, info: NormaliseInfo): { params: P; problems: string[] };
  /** Writes the normalised column into `out` (same length as `x`); NaN stays NaN. */
  run(x: Float64Array, out: Float64Array, params: P, info: NormaliseInfo, ctx: KernelContext): void;
}

export interface AggregateMethod<P = Record<string, unknown>> {
  key: string;
  description: string;
  resolve(params: Record<string, unknown>): { params: P; problems: string[] };
  /**
   * Aggregates children columns into `out`. `cols[j][i]` is child j of unit i; `weights[j]` are the
   * children's local weights (sum 1). A missing child (NaN) is skipped and the remaining weights are
   * renormalised; a unit with no child present gets NaN. Coverage thresholds are the caller's job.
   */
  run(
    cols: readonly Float64Array[],
    weights: Float64Array,
    out: Float64Array,
    params: P,
    ctx: KernelContext,
  ): void;
}
