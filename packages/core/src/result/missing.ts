/**
 * Nothing vanishes silently: a warning for every indicator value that is missing after imputation
 * (W313) and every aggregate left without a score (W314), naming the unit, the node and what happened to
 * its parent — computed from the other children with their weights renormalised, or left without a
 * score by its coverage threshold, or without a score because no child has one.
 * @internal
 */
import type { Problem } from '../errors';
import type { Plan } from '../plan/compile';
import type { RunOutput } from '../plan/run';
import { type FlatNode, indicatorOf } from '../plan/tree';

/** @internal A share as a percentage for messages: 0.5 → `50%`, 2/3 → `66.7%`. */
export function percent(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

/**
 * @internal What happened to the parent of a node that has no value for unit `i` (messages repeat for
 * thousands of units: the parts that depend only on the counts are made once, in `memo`).
 */
function parentEffect(
  plan: Plan,
  run: RunOutput,
  node: FlatNode,
  i: number,
  memo: Map<string, string>,
): string | null {
  if (node.parent < 0) return `unit '${plan.unitIds[i]}' gets no score and no rank on '${node.id}'`;
  const parent = plan.tree.nodes[node.parent]!;
  const cov = run.coverage[parent.index];
  if (!cov) return null;
  const k = cov.present[i] as number;
  const scored = !Number.isNaN(run.score[parent.index]![i] as number);
  const w = cov.weight[i] as number;
  const key = `${parent.index}|${k}|${scored ? w : 'x'}`;
  let text = memo.get(key);
  if (text === undefined) {
    const n = parent.children.length;
    text = scored
      ? `'${parent.id}' is computed from ${k} of its ${n} children (${percent(w)} of its weight), the weights renormalised over them`
      : `'${parent.id}' has no score: ${whyNoScore(plan, parent, k)}`;
    memo.set(key, text);
  }
  return text;
}

/** @internal Why an aggregate has no score for a unit with `k` children present. */
function whyNoScore(plan: Plan, node: FlatNode, k: number): string {
  const n = node.children.length;
  if (k === 0) return n === 1 ? 'its only child has no value' : `none of its ${n} children has a value`;
  const threshold = plan.settings.coverage[node.index] as number;
  return `only ${k} of its ${n} children ${k === 1 ? 'has' : 'have'} a value, below its coverage threshold of ${percent(threshold)}`;
}

const HINT_313 =
  'fill in the value or choose an imputation (methodology.impute); a coverage threshold on the parent leaves it without a score instead';
const HINT_314 = 'add data for its children, or lower its coverage threshold';

/** @internal A warning, built directly (thousands of them for large sparse data). */
function warning(code: 'W313' | 'W314', message: string, node: string, unit: string, hint: string): Problem {
  return { code, severity: 'warning', message, node, unit, hint };
}

/**
 * @internal The W313 and W314 warnings of a run (empty for a quiet run, which has no coverage): nodes in
 * tree order, units in Result order.
 */
export function missingWarnings(plan: Plan, run: RunOutput): Problem[] {
  const out: Problem[] = [];
  const m = plan.set.methodology ?? {};
  const n = plan.unitIds.length;
  const memo = new Map<string, string>();
  for (const node of plan.tree.nodes) {
    const score = run.score[node.index]!;
    if (node.kind === 'indicator') {
      const ind = indicatorOf(node);
      const raw = plan.raw[node.index]!;
      const impute = (ind.impute ?? m.impute ?? { method: 'none' }).method;
      const tail = impute !== 'none' ? `, and imputation '${impute}' found no value to fill it` : '';
      const missingWhy = `${ind.items ? 'not every applicable checklist item is answered' : 'missing in the data'}${tail}`;
      const denominatorWhy = `its denominator '${ind.denominator?.by ?? '?'}' is missing or zero${tail}`;
      const head = `'${node.id}' has no value for unit '`;
      for (let i = 0; i < n; i++) {
        if (!Number.isNaN(score[i] as number)) continue;
        const effect = parentEffect(plan, run, node, i, memo);
        if (effect === null) continue;
        const why = Number.isNaN(raw[i] as number) ? missingWhy : denominatorWhy;
        const unit = plan.unitIds[i]!;
        out.push(warning('W313', `${head}${unit}' (${why}); ${effect}`, node.id, unit, HINT_313));
      }
      continue;
    }
    const cov = run.coverage[node.index];
    if (!cov) continue;
    const head = `'${node.id}' has no score for unit '`;
    for (let i = 0; i < n; i++) {
      if (!Number.isNaN(score[i] as number)) continue;
      const effect = parentEffect(plan, run, node, i, memo);
      if (effect === null) continue;
      const unit = plan.unitIds[i]!;
      const why = whyNoScore(plan, node, cov.present[i] as number);
      out.push(warning('W314', `${head}${unit}' (${why}); ${effect}`, node.id, unit, HINT_314));
    }
  }
  return out;
}
