/**
 * Helpers shared by the aggregation kernels.
 * @internal
 */
import { fail } from '../../errors';
import type { KernelContext } from '../types';

export { ParamReader } from '../normalise/shared';

/** @internal Hint given with every E302 from an aggregation. */
export const POSITIVE_HINT = 'normalise to a range without zero, e.g. minmax with min 1 and max 100';

/**
 * @internal Throws E302 for a child value the mean cannot take, naming the unit and the node.
 * `child` is the 0-based position of the child among the node's children.
 */
export function failValue(
  ctx: KernelContext,
  method: string,
  i: number,
  child: number,
  v: number,
  need: string,
): never {
  const unit = ctx.units[i] ?? `#${i + 1}`;
  fail(
    'E302',
    `'${ctx.node}' is aggregated by the ${method}, which needs values ${need}, but unit '${unit}' has ${v} in child ${child + 1}`,
    { node: ctx.node, unit },
    POSITIVE_HINT,
  );
}

/**
 * @internal The children of unit `i` that count (a value, a weight above 0): their weights into `w` and
 * values into `x` (both emptied first), `check(v, j)` called on each value. For the kernels' COINr modes,
 * which sum lists as R does.
 */
export function presentChildren(
  cols: readonly Float64Array[],
  weights: Float64Array,
  i: number,
  w: number[],
  x: number[],
  check?: (v: number, j: number) => void,
): void {
  w.length = 0;
  x.length = 0;
  for (let j = 0; j < cols.length; j++) {
    const v = (cols[j] as Float64Array)[i] as number;
    const wj = weights[j] as number;
    if (Number.isNaN(v) || !(wj > 0)) continue;
    check?.(v, j);
    w.push(wj);
    x.push(v);
  }
}
