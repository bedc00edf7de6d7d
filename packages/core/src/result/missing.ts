/**
 * Nothing vanishes silently: a warning for every indicator value that is missing after imputation
 * (W313) and every aggregate left without a score (W314), naming the unit, the node and what happened to
 * its parent — computed from the other children with their weights renormalised, or left without a
 * score by its coverage threshold, or without a score because no child has one.
 * @internal
 */
import { type Problem, problem } from '../errors';
import type { Plan } from '../plan/compile';
import type { RunOutput } from '../plan/run';
import { type FlatNode, indicatorOf } from '../plan/tree';

/** @internal A share as a percentage for messages: 0.5 → `50%`, 2/3 → `66.7%`. */
export function percent(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

/** @internal What happened to the parent of a node that has no value for unit `i`. */
function parentEffect(plan: Plan, run: RunOutput, node: FlatNode, i: number): string | null {
  const unit = plan.unitIds[i]!;
  if (node.parent < 0) return `unit '${unit}' gets no score and no rank on '${node.id}'`;
  const parent = plan.tree.nodes[node.parent]!;
  const cov = run.coverage[parent.index];
  if (!cov) return null;
  const k = cov.present[i] as number;
  const n = parent.children.length;
  if (!Number.isNaN(run.score[parent.index]![i] as number))
    return `'${parent.id}' is computed from ${k} of its ${n} children (${percent(cov.weight[i] as number)} of its weight), the weights renormalised over them`;
  return `'${parent.id}' has no score: ${whyNoScore(plan, parent, k)}`;
}

/** @internal Why an aggregate has no score for a unit with `k` children present. */
function whyNoScore(plan: Plan, node: FlatNode, k: number): string {
  const n = node.children.length;
  if (k === 0) return n === 1 ? 'its only child has no value' : `none of its ${n} children has a value`;
  const threshold = plan.settings.coverage[node.index] as number;
  return `only ${k} of its ${n} children ${k === 1 ? 'has' : 'have'} a value, below its coverage threshold of ${percent(threshold)}`;
}

/**
 * @internal The W313 and W314 warnings of a run (empty for a quiet run, which has no coverage): nodes in
 * tree order, units in Result order.
 */
export function missingWarnings(plan: Plan, run: RunOutput): Problem[] {
  const out: Problem[] = [];
  const m = plan.set.methodology ?? {};
  const n = plan.unitIds.length;
  for (const node of plan.tree.nodes) {
    const score = run.score[node.index]!;
    if (node.kind === 'indicator') {
      const ind = indicatorOf(node);
      const raw = plan.raw[node.index]!;
      const impute = (ind.impute ?? m.impute ?? { method: 'none' }).method;
      for (let i = 0; i < n; i++) {
        if (!Number.isNaN(score[i] as number)) continue;
        const effect = parentEffect(plan, run, node, i);
        if (effect === null) continue;
        let why: string;
        if (!Number.isNaN(raw[i] as number))
          why = `its denominator '${ind.denominator?.by ?? '?'}' is missing or zero`;
        else why = ind.items ? 'not every applicable checklist item is answered' : 'missing in the data';
        if (impute !== 'none') why += `, and imputation '${impute}' found no value to fill it`;
        out.push(
          problem(
            'W313',
            `'${node.id}' has no value for unit '${plan.unitIds[i]}' (${why}); ${effect}`,
            { node: node.id, unit: plan.unitIds[i]! },
            'fill in the value or choose an imputation (methodology.impute); a coverage threshold on the parent leaves it without a score instead',
          ),
        );
      }
      continue;
    }
    const cov = run.coverage[node.index];
    if (!cov) continue;
    for (let i = 0; i < n; i++) {
      if (!Number.isNaN(score[i] as number)) continue;
      const effect = parentEffect(plan, run, node, i);
      if (effect === null) continue;
      out.push(
        problem(
          'W314',
          `'${node.id}' has no score for unit '${plan.unitIds[i]}' (${whyNoScore(plan, node, cov.present[i] as number)}); ${effect}`,
          { node: node.id, unit: plan.unitIds[i]! },
          'add data for its children, or lower its coverage threshold',
        ),
      );
    }
  }
  return out;
}
