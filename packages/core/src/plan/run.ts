/**
 * Runs a compiled plan: treat → normalise → aggregate (children before parents) → rescale.
 * Re-entrant and cheap: a robustness analysis calls it thousands of times with changed settings.
 */
import { type Problem, problem } from '../errors';
import { treat } from '../steps/treat';
import type { KernelContext } from '../steps/types';
import type { Plan, PlanSettings } from './compile';

/** What one treatment did to one indicator. */
export interface TreatOutcome {
  applied: 'none' | 'winsorise' | 'log';
  changed: number[];
  skewBefore: number;
  kurtBefore: number;
  skewAfter: number;
  kurtAfter: number;
}

export interface RunOutput {
  /** Indicators: values after outlier treatment, by node index (null for aggregates). */
  treated: (Float64Array | null)[];
  /** Every node's score by node index: normalised value (indicators) or aggregate score. */
  score: Float64Array[];
  /** Indicators with a treatment: what it did. */
  treatments: (TreatOutcome | null)[];
}

/** Options of one run. */
export interface RunOptions {
  /** Receives warnings (constant indicators, coverage); ignored when absent. */
  warn?: (p: Problem) => void;
  /** Skip treatment results bookkeeping (Monte Carlo). */
  quiet?: boolean;
}

/**
 * Runs the plan with the given settings (default: the YAML's).
 *
 * Per indicator: treat (COINr's winsorisation rule, if set), then normalise. Per aggregate, in
 * post-order: weights renormalised among the children present; a unit whose share of children present
 * is below the node's coverage gets no score (warning W300); then the node's rescaling, if any.
 * A left-out node (`settings.active[i] = 0`) counts as missing for its parent.
 *
 * @throws GovscoreError from kernels: E302 (zero under a geometric mean...), E301 where a method cannot go on
 * @example
 * const out = runPlan(compile(set, data));
 * out.score[plan.tree.byId.get('index')!]
 */
export function runPlan(
  plan: Plan,
  settings: PlanSettings = plan.settings,
  options: RunOptions = {},
): RunOutput {
  const { tree, unitIds } = plan;
  const n = unitIds.length;
  const nNodes = tree.nodes.length;
  const warn = options.warn ?? (() => {});
  const treated: (Float64Array | null)[] = new Array(nNodes).fill(null);
  const treatments: (TreatOutcome | null)[] = new Array(nNodes).fill(null);
  const score: Float64Array[] = new Array(nNodes);
  const ctx: KernelContext = { node: '', units: unitIds, warn };
  let missing: Float64Array | undefined;
  const nanColumn = () => {
    missing ??= new Float64Array(n).fill(Number.NaN);
    return missing;
  };

  for (const idx of tree.indicators) {
    const node = tree.nodes[idx]!;
    ctx.node = node.id;
    let x = plan.prepared[idx]!;
    const tp = settings.treat[idx];
    if (tp) {
      const r = treat(x, tp);
      x = r.values;
      treatments[idx] = {
        applied: r.applied,
        changed: r.changed,
        skewBefore: r.skewBefore,
        kurtBefore: r.kurtBefore,
        skewAfter: r.skewAfter,
        kurtAfter: r.kurtAfter,
      };
    }
    treated[idx] = x;
    const out = new Float64Array(n);
    const nm = settings.normalise[idx]!;
    nm.method.run(x, out, nm.params, plan.info[idx]!, ctx);
    score[idx] = out;
  }

  const weights = new Float64Array(nNodes);
  for (const idx of tree.aggregates) {
    const node = tree.nodes[idx]!;
    ctx.node = node.id;
    const kids = node.children;
    const cols: Float64Array[] = [];
    let wsum = 0;
    for (const c of kids) {
      if (settings.active[c]) wsum += settings.weight[c] as number;
    }
    const w = new Float64Array(kids.length);
    for (let j = 0; j < kids.length; j++) {
      const c = kids[j]!;
      const active = settings.active[c] === 1;
      w[j] = active && wsum > 0 ? (settings.weight[c] as number) / wsum : 0;
      weights[c] = w[j] as number;
      cols.push(active ? score[c]! : nanColumn());
    }
    const out = new Float64Array(n);
    const am = settings.aggregate[idx]!;
    am.method.run(cols, w, out, am.params, ctx);
    const cov = settings.coverage[idx] as number;
    if (cov > 0) {
      const below: string[] = [];
      for (let i = 0; i < n; i++) {
        let present = 0;
        for (const col of cols) if (!Number.isNaN(col[i] as number)) present++;
        if (present / kids.length < cov && !Number.isNaN(out[i] as number)) {
          out[i] = Number.NaN;
          below.push(unitIds[i]!);
        }
      }
      if (below.length && !options.quiet) {
        warn(
          problem(
            'W300',
            `'${node.id}' not computed for ${below.join(', ')}: fewer than ${cov * 100}% of its children have data`,
            { node: node.id },
            'add data or lower the coverage threshold',
          ),
        );
      }
    }
    const rs = settings.rescale[idx];
    if (rs) {
      const r = new Float64Array(n);
      rs.method.run(out, r, rs.params, { direction: 1 }, ctx);
      score[idx] = r;
    } else score[idx] = out;
  }
  return { treated, score, treatments };
}
