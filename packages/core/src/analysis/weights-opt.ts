/**
 * Weights optimised to balance correlations (COINr `get_opt_weights(optype = "balance")`, after Becker
 * et al. 2017, doi:10.1016/j.ecolind.2017.03.056): the weights of a node's children are searched so
 * that each child's correlation with the index, as a share of their sum, matches a target share (equal
 * by default) — every child then "counts" as much as intended in the result, whatever its weight says.
 */
import { fail } from '../errors';
import type { Plan } from '../plan/compile';
import { createWorkspace, runPlan } from '../plan/run';
import { type CorrelationMethod, correlation } from './correlation';
import { nodeIndex } from './model';
import { copySettings } from './uncertainty';

/** Options of `optimiseWeights`. */
export interface OptimiseWeightsOptions {
  /** The aggregate whose children's weights are optimised (default: the root). */
  node?: string;
  /** Target importances of the children, relative (default: all equal). */
  target?: readonly number[];
  /** The node the children are correlated with (default: the root, as COINr). */
  against?: string;
  /** Correlation (default Pearson, as COINr). */
  method?: CorrelationMethod;
  /** Most iterations (default 500). */
  maxIterations?: number;
  /** Stop when the objective is at most this (default 1e-8). */
  tolerance?: number;
}

/** Result of `optimiseWeights` (arrays follow `children`). */
export interface OptimisedWeights {
  node: string;
  against: string;
  method: CorrelationMethod;
  children: string[];
  /** Target shares (the target importances scaled to sum 1). */
  target: number[];
  /** Local weights before (the set's, scaled to sum 1) and after. */
  weights_before: number[];
  weights: number[];
  /** Correlation of each child with `against`, before and after (null when undefined). */
  correlations_before: (number | null)[];
  correlations: (number | null)[];
  /** Objective: mean squared difference between target shares and correlation shares. */
  objective_before: number | null;
  objective: number | null;
  iterations: number;
  /** True when the target was met or no step lowers the objective any more; false at maxIterations. */
  converged: boolean;
}

const nullable = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Optimises the weights of `node`'s children so that their correlations with `against` (the index by
 * default), as shares of their sum, match `target` (equal by default).
 *
 * Objective (COINr's "balance"): (1/k) Σⱼ (tⱼ − rⱼ / Σr)², t the target shares, r the correlations of the
 * children with the index re-aggregated with the candidate weights. Search: multiplicative updates
 * wⱼ ← wⱼ · (tⱼ / sⱼ)^η (sⱼ the correlation share, the ratio kept within [¼, 4]), weights rescaled to sum
 * 1, a step accepted only when it lowers the objective, η halved otherwise — a fixed-point search
 * instead of COINr's Nelder–Mead, with weights that stay positive. Each evaluation re-runs the plan.
 *
 * Caveats (docs/analysis.md): the weights say how the data correlate, not what matters; balanced
 * correlations can need very unequal weights; a child that correlates negatively cannot be balanced.
 *
 * @throws GovscoreError E400 for an unknown node, an indicator as `node`, or a target of the wrong length
 * @example optimiseWeights(plan, { node: 'Conn' }).weights
 */
export function optimiseWeights(plan: Plan, options: OptimiseWeightsOptions = {}): OptimisedWeights {
  const { tree } = plan;
  const nodeId = options.node ?? tree.nodes[0]!.id;
  const idx = nodeIndex(plan, nodeId);
  const nd = tree.nodes[idx]!;
  if (nd.children.length < 2) {
    fail(
      'E400',
      `'${nodeId}' has ${nd.children.length} child(ren): nothing to balance`,
      { node: nodeId },
      'choose an aggregate with two or more children',
    );
  }
  const againstId = options.against ?? tree.nodes[0]!.id;
  const against = nodeIndex(plan, againstId);
  const method = options.method ?? 'pearson';
  const kids = nd.children;
  const k = kids.length;
  const t0 = options.target ?? new Array<number>(k).fill(1);
  if (t0.length !== k || t0.some((x) => !(x > 0))) {
    fail(
      'E400',
      `target must be ${k} positive numbers (one per child of '${nodeId}'), got [${t0.join(', ')}]`,
      { node: nodeId },
      `children: ${kids.map((c) => tree.nodes[c]!.id).join(', ')}`,
    );
  }
  const tsum = t0.reduce((s, x) => s + x, 0);
  const target = t0.map((x) => x / tsum);
  const maxIt = options.maxIterations ?? 500;
  const tol = options.tolerance ?? 1e-8;

  const settings = copySettings(plan.settings);
  const ws = createWorkspace(plan);
  const evaluate = (w: Float64Array): { obj: number; r: Float64Array; share: Float64Array } => {
    for (let j = 0; j < k; j++) settings.weight[kids[j]!] = w[j] as number;
    const out = runPlan(plan, settings, { quiet: true, workspace: ws });
    const r = new Float64Array(k);
    let rs = 0;
    for (let j = 0; j < k; j++) {
      r[j] = correlation(out.score[kids[j]!]!, out.score[against]!, method);
      rs += r[j] as number;
    }
    const share = r.map((x) => x / rs);
    let obj = 0;
    for (let j = 0; j < k; j++) obj += ((target[j] as number) - (share[j] as number)) ** 2;
    return { obj: obj / k, r, share };
  };

  let wsum0 = 0;
  for (const c of kids) wsum0 += plan.settings.weight[c] as number;
  let w = Float64Array.from(kids, (c) => (plan.settings.weight[c] as number) / wsum0);
  const before = evaluate(w);
  let cur = before;
  let eta = 1;
  let it = 0;
  while (it < maxIt && Number.isFinite(cur.obj) && cur.obj > tol && eta > 1e-6) {
    it++;
    const next = new Float64Array(k);
    let s = 0;
    for (let j = 0; j < k; j++) {
      const sh = cur.share[j] as number;
      const ratio = sh > 0 ? Math.min(4, Math.max(0.25, (target[j] as number) / sh)) : 4;
      next[j] = (w[j] as number) * ratio ** eta;
      s += next[j] as number;
    }
    for (let j = 0; j < k; j++) next[j] = (next[j] as number) / s;
    const e = evaluate(next);
    if (e.obj < cur.obj) {
      w = next;
      cur = e;
      eta = Math.min(1, eta * 1.5);
    } else eta /= 2;
  }
  return {
    node: nodeId,
    against: againstId,
    method,
    children: kids.map((c) => tree.nodes[c]!.id),
    target,
    weights_before: Array.from(kids, (c) => (plan.settings.weight[c] as number) / wsum0),
    weights: Array.from(w),
    correlations_before: Array.from(before.r, nullable),
    correlations: Array.from(cur.r, nullable),
    objective_before: nullable(before.obj),
    objective: nullable(cur.obj),
    iterations: it,
    converged: cur.obj <= tol || eta <= 1e-6,
  };
}
