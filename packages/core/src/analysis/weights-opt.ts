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
  /** Most evaluations of the objective, i.e. runs of the plan (default 500). */
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
  /** Evaluations of the objective (runs of the plan). */
  iterations: number;
  /** True when the objective is at most the tolerance: the target shares are met. */
  converged: boolean;
  /**
   * Why the search stopped: `target_met`; `no_improvement` (no step lowers the objective: the best
   * positive weights found, typically with a weight near 0 because the target cannot be met — a child
   * can correlate with the index through its siblings even at weight 0); `max_iterations`.
   */
  stopped: 'target_met' | 'no_improvement' | 'max_iterations';
}

const nullable = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Optimises the weights of `node`'s children so that their correlations with `against` (the index by
 * default), as shares of their sum, match `target` (equal by default).
 *
 * Objective (COINr's "balance"): (1/k) Σⱼ (tⱼ − rⱼ / Σr)², t the target shares, r the correlations of the
 * children with the index re-aggregated with the candidate weights. Search: Nelder–Mead (as COINr's
 * `optim`) over log-weights, so that every candidate's weights are positive and sum to 1; each
 * evaluation re-runs the plan (cheap: indicators are normalised once).
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
  const w0 = Float64Array.from(kids, (c) => (plan.settings.weight[c] as number) / wsum0);
  const before = evaluate(w0);
  // Nelder–Mead on log-weights (weights = softmax), so that every candidate has positive weights
  const toW = (z: Float64Array) => {
    let m = Number.NEGATIVE_INFINITY;
    for (const v of z) m = Math.max(m, v);
    const w = z.map((v) => Math.exp(v - m));
    const sum = w.reduce((a, b) => a + b, 0);
    return w.map((v) => v / sum);
  };
  const f = (z: Float64Array) => {
    const o = evaluate(toW(z)).obj;
    return Number.isFinite(o) ? o : Number.POSITIVE_INFINITY;
  };
  const start = Float64Array.from(w0, (v) => Math.log(v));
  const nm = nelderMead(f, start, { maxEvaluations: maxIt, tolerance: tol });
  const w = toW(nm.x);
  const cur = evaluate(w);
  const it = nm.evaluations;
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
    converged: cur.obj <= tol,
    stopped: cur.obj <= tol ? 'target_met' : nm.evaluations >= maxIt ? 'max_iterations' : 'no_improvement',
  };
}

/**
 * @internal Nelder–Mead minimisation (standard coefficients 1, 2, ½, ½; initial simplex steps of 1 in
 * each coordinate). Stops when the best value is at most `tolerance`, when the simplex's values agree
 * to 1e-14 and its size is below 1e-10, or after `maxEvaluations` evaluations.
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  start: Float64Array,
  opts: { maxEvaluations: number; tolerance: number },
): { x: Float64Array; value: number; evaluations: number } {
  const k = start.length;
  let evals = 0;
  const ev = (x: Float64Array) => {
    evals++;
    return f(x);
  };
  const pts: Float64Array[] = [Float64Array.from(start)];
  for (let i = 0; i < k; i++) {
    const p = Float64Array.from(start);
    p[i] = (p[i] as number) + 1;
    pts.push(p);
  }
  const val = pts.map(ev);
  const order = () => {
    const idx = pts.map((_, i) => i).sort((a, b) => (val[a] as number) - (val[b] as number) || a - b);
    const p2 = idx.map((i) => pts[i]!);
    const v2 = idx.map((i) => val[i]!);
    for (let i = 0; i <= k; i++) {
      pts[i] = p2[i]!;
      val[i] = v2[i]!;
    }
  };
  const comb = (a: Float64Array, b: Float64Array, t: number) =>
    a.map((v, i) => v + t * ((b[i] as number) - v));
  while (evals < opts.maxEvaluations) {
    order();
    if ((val[0] as number) <= opts.tolerance) break;
    let size = 0;
    for (let i = 1; i <= k; i++)
      for (let j = 0; j < k; j++)
        size = Math.max(size, Math.abs((pts[i]![j] as number) - (pts[0]![j] as number)));
    if (Math.abs((val[k] as number) - (val[0] as number)) <= 1e-14 && size < 1e-10) break;
    const centroid = new Float64Array(k);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) centroid[j] = (centroid[j] as number) + (pts[i]![j] as number) / k;
    const worst = pts[k]!;
    const xr = comb(centroid, worst, -1);
    const fr = ev(xr);
    if (fr < (val[0] as number)) {
      const xe = comb(centroid, worst, -2);
      const fe = ev(xe);
      if (fe < fr) {
        pts[k] = xe;
        val[k] = fe;
      } else {
        pts[k] = xr;
        val[k] = fr;
      }
      continue;
    }
    if (fr < (val[k - 1] as number)) {
      pts[k] = xr;
      val[k] = fr;
      continue;
    }
    const outside = fr < (val[k] as number);
    const xc = outside ? comb(centroid, xr, 0.5) : comb(centroid, worst, 0.5);
    const fc = ev(xc);
    if (fc < (outside ? fr : (val[k] as number))) {
      pts[k] = xc;
      val[k] = fc;
      continue;
    }
    for (let i = 1; i <= k; i++) {
      pts[i] = comb(pts[0]!, pts[i]!, 0.5);
      val[i] = ev(pts[i]!);
    }
  }
  order();
  return { x: pts[0]!, value: val[0] as number, evaluations: evals };
}
