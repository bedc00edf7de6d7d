/**
 * Runs a compiled plan: treat → normalise → aggregate (children before parents) → rescale.
 * Re-entrant and cheap: a robustness analysis calls it thousands of times with changed settings.
 */
import { fail, type Problem, problem } from '../errors';
import { type TreatParams, treat } from '../steps/treat';
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
  /**
   * Aggregates, by node index (null for indicators, and in runs with a workspace or `quiet`): what the
   * aggregation skipped for each unit — see `NodeCoverage`.
   */
  coverage: (NodeCoverage | null)[];
}

/**
 * The coverage of one aggregate for every unit: how many of its children have a value (the others were
 * skipped and the weights renormalised over these), and their share of the node's weight (weights as
 * written: 2 of 3 equal children give exactly 2/3). A left-out child counts as missing.
 */
export interface NodeCoverage {
  /** Children with a value, per unit. */
  present: Uint32Array;
  /** Share of the children's weight (as written) carried by those, per unit: 0 to 1. */
  weight: Float64Array;
  /**
   * Share of the node's weight, all the way down to its indicators, that rests on values, per unit:
   * an indicator with a value counts 1, one without 0, an aggregate its own share; weighted by the
   * weights as written. 0.9 means a tenth of what the node would weigh has no data under it.
   */
  data: Float64Array;
}

/** Options of one run. */
export interface RunOptions {
  /** Receives warnings (constant indicators, coverage); ignored when absent. */
  warn?: (p: Problem) => void;
  /** Skip treatment results bookkeeping (Monte Carlo). */
  quiet?: boolean;
  /**
   * Reusable memory for many runs of one plan (`createWorkspace(plan)`): a robustness analysis passes
   * the same workspace to thousands of runs. With it, runPlan allocates nothing per run, and an
   * indicator's treated and normalised columns are computed once per distinct (prepared column,
   * treatment, normalisation) and then reused — the cache is keyed by the identity of those objects, so
   * replace a column or a method object to change it, never edit one in place. The output arrays belong
   * to the workspace (some are cached columns): never write into them, and copy what you keep, since the
   * next run overwrites them. Warnings of an indicator's normalisation are given only when its column is
   * computed, not when it is reused.
   */
  workspace?: RunWorkspace;
}

/** Most cached (treatment, normalisation) results per indicator before runs compute into scratch. */
const MEMO_LIMIT = 64;

interface MemoEntry {
  treated: Float64Array;
  score: Float64Array;
  treatment: TreatOutcome | null;
}

/** Memory reused across runs of one plan; see `RunOptions.workspace`. Opaque. */
export interface RunWorkspace {
  /** @internal Units the workspace was made for. */
  n: number;
  /** @internal Per indicator: prepared column → treatment → normalisation → result. */
  memo: (WeakMap<Float64Array, Map<object, Map<object, MemoEntry>>> | null)[];
  /** @internal Per indicator: number of cached entries, and a scratch column once the cache is full. */
  memoSize: Int32Array;
  scratch: (Float64Array | null)[];
  /** @internal Per aggregate: children columns, local weights, output, rescaled output. */
  cols: (Float64Array[] | null)[];
  w: (Float64Array | null)[];
  out: (Float64Array | null)[];
  rescaled: (Float64Array | null)[];
  /** @internal A column of NaN (left-out children). */
  nan: Float64Array;
  /** @internal The output object handed back by every run. */
  output: RunOutput;
}

const NO_TREAT = {};

/**
 * Makes the reusable memory for many runs of `plan` (and of plans that differ only in their
 * prepared columns, e.g. other imputations of the same units).
 * @example
 * const ws = createWorkspace(plan);
 * for (const s of settingsList) useScores(runPlan(plan, s, { quiet: true, workspace: ws }).score);
 */
export function createWorkspace(plan: Plan): RunWorkspace {
  const n = plan.unitIds.length;
  const nNodes = plan.tree.nodes.length;
  const ws: RunWorkspace = {
    n,
    memo: new Array(nNodes).fill(null),
    memoSize: new Int32Array(nNodes),
    scratch: new Array(nNodes).fill(null),
    cols: new Array(nNodes).fill(null),
    w: new Array(nNodes).fill(null),
    out: new Array(nNodes).fill(null),
    rescaled: new Array(nNodes).fill(null),
    nan: new Float64Array(n).fill(Number.NaN),
    output: {
      treated: new Array(nNodes).fill(null),
      score: new Array(nNodes),
      treatments: new Array(nNodes).fill(null),
      coverage: new Array(nNodes).fill(null),
    },
  };
  for (const idx of plan.tree.indicators) ws.memo[idx] = new WeakMap();
  for (const idx of plan.tree.aggregates) {
    const k = plan.tree.nodes[idx]!.children.length;
    ws.cols[idx] = new Array<Float64Array>(k).fill(ws.nan);
    ws.w[idx] = new Float64Array(k);
    ws.out[idx] = new Float64Array(n);
    ws.rescaled[idx] = new Float64Array(n);
  }
  return ws;
}

/** @internal Treats one column and records what the treatment did. */
function treatColumn(x: Float64Array, tp: TreatParams): { values: Float64Array; outcome: TreatOutcome } {
  const r = treat(x, tp);
  return {
    values: r.values,
    outcome: {
      applied: r.applied,
      changed: r.changed,
      skewBefore: r.skewBefore,
      kurtBefore: r.kurtBefore,
      skewAfter: r.skewAfter,
      kurtAfter: r.kurtAfter,
    },
  };
}

/** Largest magnitude of a value the engine computes with: squares and sums of it stay finite. */
const MAX_MAGNITUDE = 1e150;

/**
 * @internal Refuses an indicator column the engine cannot compute with, instead of writing silent
 * nulls or wrong scores: an infinite value (E204; a Dataset built in code, a denominator division or an
 * imputation that overflowed), or a value beyond ±1e150, whose squares and sums would overflow (E306).
 */
function guardInput(node: string, x: Float64Array, units: readonly string[]): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!(v > MAX_MAGNITUDE || v < -MAX_MAGNITUDE)) continue; // in range, or NaN (missing)
    if (!Number.isFinite(v))
      fail(
        'E204',
        `value ${v} of '${node}' for unit '${units[i]}' is not a finite number`,
        { node, unit: units[i]! },
        'leave a missing value empty (NaN), never infinite; check the data, the denominator and the imputation',
      );
    fail(
      'E306',
      `value ${v} of '${node}' for unit '${units[i]}' is too large to compute with (beyond ±1e150)`,
      { node, unit: units[i]! },
      'write the values in a larger unit (thousands, millions), or check them for a typing error',
    );
  }
}

/**
 * @internal Refuses a score that is not a finite number although its input value is present (E306: the
 * method overflowed, e.g. min-max over a range too small to divide by), instead of a silent null. Under
 * `compat: coinr` a NaN is COINr's answer (a constant column under min-max): it is kept, and `nan`
 * receives the units it hit (for W320).
 */
function guardOutput(
  node: string,
  x: Float64Array,
  out: Float64Array,
  units: readonly string[],
  nan?: string[],
): void {
  for (let i = 0; i < x.length; i++) {
    const s = out[i] as number;
    if (s - s === 0) continue; // finite
    const v = x[i] as number;
    if (Number.isNaN(v) && Number.isNaN(s)) continue; // missing stays missing
    if (nan && Number.isNaN(s)) {
      nan.push(units[i]!);
      continue;
    }
    fail(
      'E306',
      `'${node}' of unit '${units[i]}' cannot be computed: value ${v} gives the score ${s}`,
      { node, unit: units[i]! },
      'the values are too large or their range too small to compute with; write them in another unit',
    );
  }
}

/**
 * @internal Refuses an aggregate score that is infinite, or missing although a child with a weight
 * is present (E306: the aggregation overflowed), instead of writing a silent null. Under `compat: coinr`
 * a NaN is COINr's answer (its generalised mean with a missing child): kept, the units put in `nan`.
 */
function guardAggregate(
  node: string,
  cols: readonly Float64Array[],
  w: Float64Array,
  out: Float64Array,
  units: readonly string[],
  nan?: string[],
): void {
  for (let i = 0; i < out.length; i++) {
    const s = out[i] as number;
    if (s - s === 0) continue;
    let present = false;
    if (Number.isNaN(s))
      for (let j = 0; j < cols.length && !present; j++)
        present = (w[j] as number) > 0 && !Number.isNaN((cols[j] as Float64Array)[i] as number);
    if (Number.isNaN(s) && !present) continue;
    if (nan && Number.isNaN(s)) {
      nan.push(units[i]!);
      continue;
    }
    fail(
      'E306',
      `'${node}' of unit '${units[i]}' overflows: the aggregate is ${s}`,
      { node, unit: units[i]! },
      'the scores are too large to aggregate; normalise the indicators, or write raw values in a larger unit',
    );
  }
}

/**
 * @internal Under `compat: coinr`, the children's weights as written (0 for a left-out child), which
 * COINr's kernels renormalise themselves (`w/sum(w)`), instead of the local weights.
 */
function kernelWeights(kids: readonly number[], settings: PlanSettings, w: Float64Array): void {
  for (let j = 0; j < kids.length; j++) {
    const c = kids[j]!;
    w[j] = settings.active[c] === 1 ? (settings.weight[c] as number) : 0;
  }
}

/**
 * @internal Under `compat: coinr`: a list for `guardOutput`/`guardAggregate` to collect COINr's NaN in,
 * and the W320 warning it makes. Undefined otherwise (a NaN is then E306).
 */
function coinrNaN(plan: Plan): string[] | undefined {
  return plan.compat === 'coinr' ? [] : undefined;
}

function warnCoinrNaN(
  node: string,
  what: string,
  units: string[] | undefined,
  warn: (p: Problem) => void,
  quiet: boolean | undefined,
): void {
  if (!units || units.length === 0 || quiet) return;
  warn(
    problem(
      'W320',
      `'${node}' has no score for ${units.length} unit(s) with data (${units.join(', ')}): COINr's ${what} gives NaN there (compat: coinr)`,
      { node },
      'this is COINr 1.1.14’s result; leave out compat: coinr for govscore’s (docs/methods.md)',
    ),
  );
}

/**
 * @internal Applies a node's coverage threshold: a unit whose share of children with a value (by count)
 * is below `cov` gets no score. Returns the units left out (ids), or null when none or `quiet`.
 */
function applyThreshold(
  out: Float64Array,
  cols: readonly Float64Array[],
  cov: number,
  unitIds: readonly string[],
  quiet: boolean,
): string[] | null {
  let below: string[] | null = null;
  const k = cols.length;
  for (let i = 0; i < out.length; i++) {
    let present = 0;
    for (const col of cols) if (!Number.isNaN(col[i] as number)) present++;
    if (present / k < cov && !Number.isNaN(out[i] as number)) {
      out[i] = Number.NaN;
      if (!quiet) (below ??= []).push(unitIds[i]!);
    }
  }
  return below;
}

/** @internal W300 for the units an aggregate's coverage threshold left without a score. */
function belowThreshold(node: string, cov: number, below: readonly string[]): Problem {
  return problem(
    'W300',
    `'${node}' not computed for ${below.join(', ')}: fewer than ${cov * 100}% of its children have data`,
    { node },
    'add data or lower the coverage threshold',
  );
}

/**
 * @internal Coverage of one aggregate: children with a value, their share of the weight written, and
 * the share resting on data all the way down (`childData[j]`: the child's own share, null for an
 * indicator, which counts 1 with a value and 0 without). Weights are summed in the tree's order.
 */
function nodeCoverage(
  cols: readonly Float64Array[],
  weights: readonly number[],
  childData: readonly (Float64Array | null)[],
): NodeCoverage {
  const n = cols[0]?.length ?? 0;
  const present = new Uint32Array(n);
  const weight = new Float64Array(n);
  const data = new Float64Array(n);
  let total = 0;
  for (const w of weights) total += w;
  for (let i = 0; i < n; i++) {
    let k = 0;
    let wp = 0;
    let dp = 0;
    for (let j = 0; j < cols.length; j++) {
      const w = weights[j] as number;
      const d = childData[j];
      if (d) dp += w * (d[i] as number);
      if (Number.isNaN((cols[j] as Float64Array)[i] as number)) continue;
      k++;
      wp += w;
      if (!d) dp += w;
    }
    present[i] = k;
    weight[i] = total > 0 ? wp / total : 0;
    data[i] = total > 0 ? dp / total : 0;
  }
  return { present, weight, data };
}

/**
 * Runs the plan with the given settings (default: the YAML's).
 *
 * Per indicator: treat (COINr's winsorisation rule, if set), then normalise. Per aggregate, in
 * post-order: weights renormalised among the children present; a unit whose share of children present
 * is below the node's coverage gets no score (warning W300); then the node's rescaling, if any.
 * A left-out node (`settings.active[i] = 0`) counts as missing for its parent.
 *
 * @throws GovscoreError from kernels: E302 (zero under a geometric mean...), E301 where a method cannot go on;
 *   E204 for an infinite value, E306 for a value beyond ±1e150 or a score that overflows (never a
 *   silent null)
 * @example
 * const out = runPlan(compile(set, data));
 * out.score[plan.tree.byId.get('index')!]
 */
export function runPlan(
  plan: Plan,
  settings: PlanSettings = plan.settings,
  options: RunOptions = {},
): RunOutput {
  if (options.workspace) return runInto(plan, settings, options, options.workspace);
  const { tree, unitIds } = plan;
  const n = unitIds.length;
  const nNodes = tree.nodes.length;
  const warn = options.warn ?? (() => {});
  const treated: (Float64Array | null)[] = new Array(nNodes).fill(null);
  const treatments: (TreatOutcome | null)[] = new Array(nNodes).fill(null);
  const coverage: (NodeCoverage | null)[] = new Array(nNodes).fill(null);
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
    guardInput(node.id, x, unitIds);
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
    const nan = coinrNaN(plan);
    guardOutput(node.id, plan.prepared[idx]!, out, unitIds, nan);
    warnCoinrNaN(node.id, nm.key, nan, warn, options.quiet);
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
    // COINr renormalises the weights as written itself: give its kernels those, to its last bit
    if (plan.compat === 'coinr') kernelWeights(kids, settings, w);
    const out = new Float64Array(n);
    const am = settings.aggregate[idx]!;
    am.method.run(cols, w, out, am.params, ctx);
    const nanAgg = coinrNaN(plan);
    guardAggregate(node.id, cols, w, out, unitIds, nanAgg);
    warnCoinrNaN(node.id, `${am.key} mean`, nanAgg, warn, options.quiet);
    if (!options.quiet)
      coverage[idx] = nodeCoverage(
        cols,
        kids.map((c) => (settings.active[c] === 1 ? (settings.weight[c] as number) : 0)),
        kids.map((c) => coverage[c]?.data ?? null),
      );
    const cov = settings.coverage[idx] as number;
    if (cov > 0) {
      const below = applyThreshold(out, cols, cov, unitIds, options.quiet === true);
      if (below) warn(belowThreshold(node.id, cov, below));
    }
    const rs = settings.rescale[idx];
    if (rs) {
      const r = new Float64Array(n);
      rs.method.run(out, r, rs.params, { direction: 1 }, ctx);
      const nanRs = coinrNaN(plan);
      guardOutput(node.id, out, r, unitIds, nanRs);
      warnCoinrNaN(node.id, rs.key, nanRs, warn, options.quiet);
      score[idx] = r;
    } else score[idx] = out;
  }
  return { treated, score, treatments, coverage };
}

/** @internal `runPlan` with a workspace: same results, no allocation once the caches are warm. */
function runInto(plan: Plan, settings: PlanSettings, options: RunOptions, ws: RunWorkspace): RunOutput {
  const { tree, unitIds } = plan;
  const n = unitIds.length;
  if (n !== ws.n) {
    throw new RangeError(`runPlan: the workspace was made for ${ws.n} units, the plan has ${n}`);
  }
  const warn = options.warn ?? (() => {});
  const { treated, score, treatments } = ws.output;
  const ctx: KernelContext = { node: '', units: unitIds, warn };

  for (const idx of tree.indicators) {
    const x = plan.prepared[idx]!;
    const tp = settings.treat[idx] ?? null;
    const nm = settings.normalise[idx]!;
    const memo = ws.memo[idx]!;
    let byTreat = memo.get(x);
    const tKey: object = tp ?? NO_TREAT;
    let e = byTreat?.get(tKey)?.get(nm);
    if (!e) {
      ctx.node = tree.nodes[idx]!.id;
      guardInput(ctx.node, x, unitIds);
      let values = x;
      let outcome: TreatOutcome | null = null;
      if (tp) ({ values, outcome } = treatColumn(x, tp));
      const full = (ws.memoSize[idx] as number) >= MEMO_LIMIT;
      const out = full ? (ws.scratch[idx] ??= new Float64Array(n)) : new Float64Array(n);
      nm.method.run(values, out, nm.params, plan.info[idx]!, ctx);
      const nan = coinrNaN(plan);
      guardOutput(ctx.node, x, out, unitIds, nan);
      warnCoinrNaN(ctx.node, nm.key, nan, warn, options.quiet);
      e = { treated: values, score: out, treatment: outcome };
      if (!full) {
        if (!byTreat) {
          byTreat = new Map();
          memo.set(x, byTreat);
        }
        let byNorm = byTreat.get(tKey);
        if (!byNorm) {
          byNorm = new Map();
          byTreat.set(tKey, byNorm);
        }
        byNorm.set(nm, e);
        ws.memoSize[idx] = (ws.memoSize[idx] as number) + 1;
      }
    }
    treated[idx] = e.treated;
    score[idx] = e.score;
    treatments[idx] = options.quiet ? null : e.treatment;
  }

  for (const idx of tree.aggregates) {
    const node = tree.nodes[idx]!;
    ctx.node = node.id;
    const kids = node.children;
    const cols = ws.cols[idx]!;
    const w = ws.w[idx]!;
    let wsum = 0;
    for (const c of kids) {
      if (settings.active[c]) wsum += settings.weight[c] as number;
    }
    for (let j = 0; j < kids.length; j++) {
      const c = kids[j]!;
      const active = settings.active[c] === 1;
      w[j] = active && wsum > 0 ? (settings.weight[c] as number) / wsum : 0;
      cols[j] = active ? score[c]! : ws.nan;
    }
    if (plan.compat === 'coinr') kernelWeights(kids, settings, w);
    const out = ws.out[idx]!;
    const am = settings.aggregate[idx]!;
    am.method.run(cols, w, out, am.params, ctx);
    const nanAgg = coinrNaN(plan);
    guardAggregate(node.id, cols, w, out, unitIds, nanAgg);
    warnCoinrNaN(node.id, `${am.key} mean`, nanAgg, warn, options.quiet);
    const cov = settings.coverage[idx] as number;
    if (cov > 0) {
      const below = applyThreshold(out, cols, cov, unitIds, options.quiet === true);
      if (below) warn(belowThreshold(node.id, cov, below));
    }
    const rs = settings.rescale[idx];
    if (rs) {
      const r = ws.rescaled[idx]!;
      rs.method.run(out, r, rs.params, { direction: 1 }, ctx);
      const nanRs = coinrNaN(plan);
      guardOutput(node.id, out, r, unitIds, nanRs);
      warnCoinrNaN(node.id, rs.key, nanRs, warn, options.quiet);
      score[idx] = r;
    } else score[idx] = out;
  }
  return ws.output;
}
