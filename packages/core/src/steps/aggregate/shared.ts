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
