/** A dataset from columns of one frame, units `u1`, `u2`, … (NaN = missing): for tests of the engine. */
import type { Dataset } from '../src/index';

export function columnsData(cols: Record<string, number[]>): Dataset {
  const n = Object.values(cols)[0]!.length;
  return {
    units: Array.from({ length: n }, (_, i) => ({ id: `u${i + 1}`, groups: {} })),
    years: [],
    variables: Object.keys(cols),
    values: new Map(Object.entries(cols).map(([k, v]) => [k, Float64Array.from(v)])),
  };
}
