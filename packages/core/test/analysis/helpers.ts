/** Small sets and datasets for the analysis tests. */

import type { Model } from '../../src/analysis/model';
import type { Dataset, IndicatorSet, TreeNode, Unit } from '../../src/index';
import { compile, runPlan } from '../../src/index';

export const N = Number.NaN;

/** A dataset from columns (one frame, or several years when `years` is given: columns frame-major). */
export function data(
  units: string[],
  cols: Record<string, number[]>,
  groups?: string[],
  years: number[] = [],
): Dataset {
  return {
    units: units.map((id, i): Unit => ({ id, groups: groups ? { g: groups[i]! } : {} })),
    years,
    variables: Object.keys(cols),
    values: new Map(Object.entries(cols).map(([k, v]) => [k, Float64Array.from(v)])),
  };
}

/** index → A (i1, i2), B (i3); min-max 0–100, arithmetic means, weights 1. */
export function tinySet(methodology: IndicatorSet['methodology'] = {}, tree?: TreeNode): IndicatorSet {
  return {
    id: 'tiny',
    title: 'Tiny',
    methodology: {
      normalise: { method: 'minmax', params: { min: 0, max: 100 } },
      aggregate: 'arithmetic',
      ...methodology,
    },
    tree: tree ?? {
      id: 'index',
      children: [
        { id: 'A', children: [{ id: 'i1' }, { id: 'i2' }] },
        { id: 'B', children: [{ id: 'i3' }] },
      ],
    },
  };
}

/** i1 [1, 2, 3] → [0, 50, 100]; i2 [1, 3, 2] → [0, 100, 50]; i3 [3, 2, 1] → [100, 50, 0]. */
export const tinyData = () => data(['a', 'b', 'c'], { i1: [1, 2, 3], i2: [1, 3, 2], i3: [3, 2, 1] });

export function model(set: IndicatorSet, ds: Dataset): Model {
  const plan = compile(set, ds);
  return { plan, run: runPlan(plan) };
}
