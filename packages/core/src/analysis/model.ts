/**
 * A compiled plan with one run of it: what the descriptive analyses (statistics, correlations,
 * Cronbach's alpha, PCA) read their columns from.
 */
import { fail } from '../errors';
import type { Plan } from '../plan/compile';
import type { RunOutput } from '../plan/run';

/** A plan and one run of it (`runPlan(plan)`). */
export interface Model {
  plan: Plan;
  run: RunOutput;
}

/**
 * Which values of an indicator to analyse:
 * - `raw`: as in the data (checklists scored), before denominating;
 * - `prepared`: denominated, imputed and transformed;
 * - `treated`: after outlier treatment;
 * - `score`: normalised (for aggregates, always the aggregate score).
 */
export type Stage = 'raw' | 'prepared' | 'treated' | 'score';

/** @internal The column of a node at a stage (aggregates: their score whatever the stage). */
export function columnOf(model: Model, idx: number, stage: Stage): Float64Array {
  const { plan, run } = model;
  if (plan.tree.nodes[idx]!.kind !== 'indicator' || stage === 'score') return run.score[idx]!;
  if (stage === 'raw') return plan.raw[idx]!;
  if (stage === 'prepared') return plan.prepared[idx]!;
  return run.treated[idx]!;
}

/**
 * @internal Node index of an id.
 * @throws GovscoreError E400 naming the id and listing known ones.
 */
export function nodeIndex(plan: Plan, id: string, what = 'node'): number {
  const idx = plan.tree.byId.get(id);
  if (idx === undefined) {
    const known = [...plan.tree.byId.keys()];
    fail(
      'E400',
      `unknown ${what} '${id}'`,
      {},
      `use one of: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}`,
    );
  }
  return idx;
}
