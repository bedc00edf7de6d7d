/**
 * Recomputing the index with other dimension weights, in the browser (the what-if island) and in
 * tests: `compile` once, then `runPlan` and `rankScores` per change. Uses only the core's pure engine.
 */
import { compile, type Plan, rankScores, runPlan } from '@govscore/core';
import { type WhatIfModel, whatIfDataset } from './whatif';

export interface WhatIf {
  plan: Plan;
  /** Node index of each dimension in the plan. */
  dimIndex: number[];
  rootIndex: number;
}

/** Compiles the what-if model once. */
export function prepareWhatIf(model: WhatIfModel): WhatIf {
  const plan = compile(model.set, whatIfDataset(model));
  const dimIndex = model.dims.map((d) => plan.tree.byId.get(d.id)!);
  const rootIndex = plan.tree.byId.get(model.set.tree.id)!;
  return { plan, dimIndex, rootIndex };
}

/**
 * Index scores and ranks with the given dimension weights (any non-negative numbers; the engine
 * renormalises them among the dimensions a unit has data for). Missing → NaN.
 * @example recompute(w, [1, 1, 1, 1, 1]) // equal weights
 */
export function recompute(
  w: WhatIf,
  weights: readonly number[],
): { score: Float64Array; rank: Float64Array } {
  const settings = { ...w.plan.settings, weight: Float64Array.from(w.plan.settings.weight) };
  w.dimIndex.forEach((idx, k) => {
    settings.weight[idx] = Math.max(0, weights[k] ?? 0);
  });
  const out = runPlan(w.plan, settings, { quiet: true });
  const score = out.score[w.rootIndex]!;
  const rank = new Float64Array(score.length);
  const ties = w.plan.set.methodology?.rank?.ties ?? 'competition';
  rankScores(score, rank, ties, w.plan.set.methodology?.rank?.round);
  return { score, rank };
}
