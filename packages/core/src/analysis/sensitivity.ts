/**
 * Variance-based sensitivity analysis: Sobol first-order (S1) and total-effect (ST) indices of each
 * assumption on one output statistic, estimated on a Saltelli design, with bootstrap confidence
 * intervals (COINr `get_sensitivity(SA_type = "SA")`, `SA_sample`, `SA_estimate`).
 *
 * Design (Saltelli 2002, 2010): two independent N × D matrices A and B of uniforms; for each factor i,
 * A_B⁽ⁱ⁾ = A with the columns of factor i taken from B. N·(d + 2) runs: A, B, then A_B⁽¹⁾ … A_B⁽ᵈ⁾.
 * A factor may span several columns (a weights assumption draws one uniform per weight): it is then
 * one group, and its indices are group indices.
 *
 * Estimators, with f₀ and V the mean and variance of the 2N outputs of A and B:
 *   S1ᵢ = (1/N) Σⱼ f(B)ⱼ (f(A_B⁽ⁱ⁾)ⱼ − f(A)ⱼ) / V          (Saltelli et al. 2010, as COINr)
 *   STᵢ = (1/2N) Σⱼ (f(A)ⱼ − f(A_B⁽ⁱ⁾)ⱼ)² / V             (Jansen 1999)
 * Bootstrap: the N rows are resampled with replacement (V recomputed each time) and the intervals are
 * the percentiles (1 − c)/2 and (1 + c)/2 of the resampled indices.
 */
import { GovscoreError, type Problem, problem } from '../errors';
import type { Plan } from '../plan/compile';
import { runPlan } from '../plan/run';
import type { Assumption, OutputStatistic } from '../schema/analysis';
import { rankable } from '../steps/rank';
import { RankScratch } from '../steps/rank-scratch';
import { quantileSorted } from '../util/stats';
import { compileAssumptions } from './assumptions';
import { nodeIndex } from './model';
import { Prng } from './prng';
import { checkInt, layout, rankRule, replicate } from './uncertainty';

/**
 * A Saltelli design: N·(d + 2) rows of D uniforms, row-major. Rows 0 … N−1 are A, N … 2N−1 are B,
 * then block i (i = 0 … d−1) is A with the columns of group i from B.
 * @param n base sample size N
 * @param groups columns of each factor (one entry per factor; 1 for a scalar factor)
 * @param rng the random source (A and B are drawn row by row, A's D then B's D numbers per row)
 * @example saltelliDesign(2, [1, 1], new Prng(1)).length // 2·(2 + 2)·2 = 16
 */
export function saltelliDesign(n: number, groups: readonly number[], rng: Prng): Float64Array {
  const d = groups.length;
  const D = groups.reduce((s, g) => s + g, 0);
  const rows = n * (d + 2);
  const x = new Float64Array(rows * D);
  for (let j = 0; j < n; j++) {
    for (let c = 0; c < D; c++) x[j * D + c] = rng.next();
    for (let c = 0; c < D; c++) x[(n + j) * D + c] = rng.next();
  }
  let col = 0;
  for (let i = 0; i < d; i++) {
    const g = groups[i]!;
    for (let j = 0; j < n; j++) {
      const dst = ((2 + i) * n + j) * D;
      x.set(x.subarray(j * D, j * D + D), dst);
      for (let c = col; c < col + g; c++) x[dst + c] = x[(n + j) * D + c] as number;
    }
    col += g;
  }
  return x;
}

/** Sobol indices of one factor with their bootstrap intervals (null when undefined). */
export interface SobolIndex {
  /** First-order index: the share of the output variance the factor explains alone. */
  s1: number | null;
  s1_low: number | null;
  s1_high: number | null;
  /** Total-effect index: the share it explains alone and with others. */
  st: number | null;
  st_low: number | null;
  st_high: number | null;
}

/** Options of the Sobol estimators. */
export interface SobolOptions {
  /** Bootstrap resamples (default 1000; 0 = no intervals). */
  bootstrap?: number;
  /** Level of the intervals (default 0.95). */
  confidence?: number;
  /** Seed of the bootstrap (default 1). */
  seed?: number;
}

const nullable = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** @internal S1 and ST of every factor from the outputs of rows `idx` (length N) of each block. */
function estimate(
  y: Float64Array,
  n: number,
  d: number,
  idx: Int32Array | null,
  s1: Float64Array,
  st: Float64Array,
): number {
  let s = 0;
  let ss = 0;
  for (let j = 0; j < n; j++) {
    const r = idx ? (idx[j] as number) : j;
    const a = y[r] as number;
    const b = y[n + r] as number;
    s += a + b;
  }
  const mean = s / (2 * n);
  for (let j = 0; j < n; j++) {
    const r = idx ? (idx[j] as number) : j;
    const a = (y[r] as number) - mean;
    const b = (y[n + r] as number) - mean;
    ss += a * a + b * b;
  }
  const v = ss / (2 * n - 1);
  for (let i = 0; i < d; i++) {
    let f = 0;
    let t = 0;
    const base = (2 + i) * n;
    for (let j = 0; j < n; j++) {
      const r = idx ? (idx[j] as number) : j;
      const a = y[r] as number;
      const b = y[n + r] as number;
      const ab = y[base + r] as number;
      f += b * (ab - a);
      t += (a - ab) * (a - ab);
    }
    s1[i] = f / n / v;
    st[i] = t / (2 * n) / v;
  }
  return v;
}

/**
 * Sobol first-order and total-effect indices from the outputs of a Saltelli design, with bootstrap
 * percentile intervals (COINr `SA_estimate`; Saltelli 2010 for S1, Jansen 1999 for ST).
 *
 * @param y outputs of the N·(d + 2) rows of `saltelliDesign`, in its order
 * @param n base sample size N
 * @param d number of factors
 * @returns the output variance V (sample variance of the 2N outputs of A and B) and one entry per factor
 *   (indices null when V is 0 or an output is missing)
 * @example
 * const x = saltelliDesign(1000, [1, 1], new Prng(1));
 * const y = Float64Array.from({ length: 4000 }, (_, r) => x[2 * r]! + 2 * x[2 * r + 1]!);
 * sobolIndices(y, 1000, 2).indices // S1 ≈ ST ≈ 0.2, 0.8
 */
export function sobolIndices(
  y: Float64Array,
  n: number,
  d: number,
  options: SobolOptions = {},
): { variance: number | null; indices: SobolIndex[] } {
  const s1 = new Float64Array(d);
  const st = new Float64Array(d);
  const v = estimate(y, n, d, null, s1, st);
  const ok = v > 0;
  const nb = options.bootstrap ?? 1000;
  const conf = options.confidence ?? 0.95;
  const lowP = (1 - conf) / 2;
  const highP = (1 + conf) / 2;
  const bs1 = Array.from({ length: d }, () => new Float64Array(nb));
  const bst = Array.from({ length: d }, () => new Float64Array(nb));
  let nOk = 0;
  if (ok && nb > 0) {
    const rng = new Prng(options.seed ?? 1, 0xb007);
    const idx = new Int32Array(n);
    const t1 = new Float64Array(d);
    const tt = new Float64Array(d);
    for (let b = 0; b < nb; b++) {
      for (let j = 0; j < n; j++) idx[j] = rng.int(n);
      const vb = estimate(y, n, d, idx, t1, tt);
      if (!(vb > 0)) continue;
      for (let i = 0; i < d; i++) {
        bs1[i]![nOk] = t1[i] as number;
        bst[i]![nOk] = tt[i] as number;
      }
      nOk++;
    }
  }
  const ci = (arr: Float64Array, p: number) => {
    if (nOk === 0) return null;
    return nullable(quantileSorted(arr.subarray(0, nOk).sort(), p));
  };
  const indices: SobolIndex[] = [];
  for (let i = 0; i < d; i++) {
    const lo1 = ci(bs1[i]!, lowP);
    const hi1 = ci(bs1[i]!, highP);
    const loT = ci(bst[i]!, lowP);
    const hiT = ci(bst[i]!, highP);
    indices.push({
      s1: ok ? nullable(s1[i] as number) : null,
      s1_low: ok ? lo1 : null,
      s1_high: ok ? hi1 : null,
      st: ok ? nullable(st[i] as number) : null,
      st_low: ok ? loT : null,
      st_high: ok ? hiT : null,
    });
  }
  return { variance: nullable(v), indices };
}

/**
 * Sobol indices of any function of uniforms on [0, 1)ᴰ: builds the Saltelli design, evaluates `fn` on
 * every row and estimates. For tests and for models outside an indicator set.
 * @param fn the model; gets one row of D uniforms (reused buffer: copy it to keep it)
 * @param groups columns of each factor (a number d means d scalar factors)
 * @param n base sample size N (N·(d + 2) evaluations)
 * @example
 * // Ishigami with a = 7, b = 0.1 on [−π, π]³: S1 ≈ 0.314, 0.442, 0; ST ≈ 0.558, 0.442, 0.244
 * sobol((u) => ishigami(u.map((x) => Math.PI * (2 * x - 1))), 3, 20000, { seed: 1 })
 */
export function sobol(
  fn: (u: Float64Array) => number,
  groups: number | readonly number[],
  n: number,
  options: SobolOptions = {},
): { variance: number | null; indices: SobolIndex[] } {
  const g = typeof groups === 'number' ? new Array<number>(groups).fill(1) : groups;
  const D = g.reduce((s, k) => s + k, 0);
  const x = saltelliDesign(n, g, new Prng(options.seed ?? 1));
  const rows = n * (g.length + 2);
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) y[r] = fn(x.subarray(r * D, r * D + D));
  return sobolIndices(y, n, g.length, options);
}

/** Options of `sensitivity`. */
export interface SensitivityOptions extends SobolOptions {
  /** Base sample size N: N·(d + 2) runs (default 1000). */
  n?: number;
  /** What the indices explain (default: mean absolute rank shift of the root). */
  output?: OutputStatistic;
}

/** Result of `sensitivity` (JSON-ready). */
export interface SensitivityResult {
  n: number;
  /** Runs of the plan: N·(d + 2). */
  runs: number;
  seed: number;
  bootstrap: number;
  confidence: number;
  output: { node: string; statistic: 'mean_abs_rank_shift' | 'rank' | 'score'; unit?: string };
  /** Mean and variance of the output over the runs of A and B. */
  mean: number | null;
  variance: number | null;
  /** One entry per assumption, in order. */
  indices: (SobolIndex & { assumption: string; type: Assumption['type'] })[];
  warnings: Problem[];
}

/**
 * Runs a sensitivity analysis of the plan: Sobol S1 and ST of each assumption on an output statistic,
 * by default the mean absolute rank shift of the index, (1/n) Σᵤ |rank(u) − nominal rank(u)| over the
 * units ranked in both (COINr's target). Each assumption is one factor; a weights assumption is one
 * group factor whatever the number of weights it varies.
 *
 * Reading it: S1 is what fixing the assumption alone would remove from the variance of the output; ST
 * − S1 is its share through interactions; ST ≈ 0 means the ranking does not depend on it. Indices are
 * estimates: compare them with their intervals, and raise N when the intervals are wide.
 *
 * @param plan the compiled plan
 * @param assumptions the factors (at least one; two or more to compare)
 * @param options n (1000), seed (1), bootstrap (1000), confidence (0.95), output statistic
 * @throws GovscoreError E400 for bad options, an unknown node or unit; the kernels' error (with the run
 *   named) when a sampled setting is refused — every run is needed by the estimators
 * @example
 * const sa = sensitivity(plan, assumptions, { n: 1000, seed: 42 });
 * sa.indices.map((x) => [x.assumption, x.s1, x.st])
 */
export function sensitivity(
  plan: Plan,
  assumptions: readonly Assumption[],
  options: SensitivityOptions = {},
): SensitivityResult {
  const n = checkInt('n', options.n ?? 1000, 2, 10_000_000);
  const seed = checkInt('seed', options.seed ?? 1, 0, 4294967295);
  const nb = checkInt('bootstrap', options.bootstrap ?? 1000, 0, 1_000_000);
  const conf = options.confidence ?? 0.95;
  if (!(conf > 0 && conf < 1)) {
    throw new GovscoreError([
      problem('E400', `confidence must be between 0 and 1, got ${conf}`, {}, 'e.g. 0.95'),
    ]);
  }
  const compiled = compileAssumptions(plan, assumptions);
  if (compiled.length === 0) {
    throw new GovscoreError([
      problem('E400', 'a sensitivity analysis needs at least one assumption', {}, 'list assumptions'),
    ]);
  }
  const { tree, unitIds } = plan;
  const nu = unitIds.length;
  const out = options.output ?? {};
  const node = out.node ?? tree.nodes[0]!.id;
  const target = nodeIndex(plan, node);
  const statistic = out.statistic ?? 'mean_abs_rank_shift';
  let unit = -1;
  if (statistic !== 'mean_abs_rank_shift') {
    if (out.unit === undefined) {
      throw new GovscoreError([
        problem('E400', `output statistic '${statistic}' needs a unit`, {}, 'add output.unit: <unit id>'),
      ]);
    }
    unit = unitIds.indexOf(out.unit);
    if (unit < 0) {
      throw new GovscoreError([
        problem(
          'E400',
          `unit '${out.unit}' is not among the units assessed`,
          { unit: out.unit },
          'use an assessed unit id',
        ),
      ]);
    }
  }
  const { ties, round, mask } = rankRule(plan);
  const ranker = new RankScratch(nu);
  const nominal = new Float64Array(nu);
  const maskBuf = new Float64Array(nu);
  ranker.rank(
    rankable(runPlan(plan, plan.settings, { quiet: true }).score[target]!, mask, maskBuf),
    nominal,
    ties,
    round,
  );
  const rk = new Float64Array(nu);

  const { dims } = layout(compiled);
  const groups = compiled.map((c) => c.dims);
  const d = groups.length;
  const x = saltelliDesign(n, groups, new Prng(seed));
  const rows = n * (d + 2);
  const y = new Float64Array(rows).fill(Number.NaN);
  replicate(
    plan,
    compiled,
    rows,
    (r, u) => u.set(x.subarray(r * dims, r * dims + dims)),
    (r, res) => {
      const s = res.score[target]!;
      if (statistic === 'score') {
        y[r] = s[unit] as number;
        return;
      }
      ranker.rank(rankable(s, mask, maskBuf), rk, ties, round);
      if (statistic === 'rank') {
        y[r] = rk[unit] as number;
        return;
      }
      let sum = 0;
      let m = 0;
      for (let i = 0; i < nu; i++) {
        const a = rk[i] as number;
        const b = nominal[i] as number;
        if (Number.isNaN(a) || Number.isNaN(b)) continue;
        sum += Math.abs(a - b);
        m++;
      }
      y[r] = m ? sum / m : Number.NaN;
    },
    (r, e) => {
      const first = e.problems[0];
      throw new GovscoreError([
        problem(
          first?.code ?? 'E400',
          `sensitivity analysis: run ${r} of ${rows} failed: ${first?.message ?? e.message}`,
          first
            ? { ...(first.node ? { node: first.node } : {}), ...(first.unit ? { unit: first.unit } : {}) }
            : {},
          first?.hint ?? 'make every choice of the assumptions valid for the data',
        ),
      ]);
    },
  );
  const warnings: Problem[] = [];
  let missing = 0;
  for (let r = 0; r < rows; r++) if (Number.isNaN(y[r] as number)) missing++;
  let mean = 0;
  for (let r = 0; r < 2 * n; r++) mean += y[r] as number;
  mean /= 2 * n;
  const est = sobolIndices(y, n, d, { bootstrap: missing ? 0 : nb, confidence: conf, seed });
  if (missing) {
    warnings.push(
      problem(
        'W310',
        `the output is missing in ${missing} of ${rows} runs (the unit has no score there): no indices`,
        { node },
        'choose a unit and node that always have a score',
      ),
    );
  }
  return {
    n,
    runs: rows,
    seed,
    bootstrap: nb,
    confidence: conf,
    output: { node, statistic, ...(unit >= 0 ? { unit: unitIds[unit]! } : {}) },
    mean: missing ? null : nullable(mean),
    variance: missing ? null : est.variance,
    indices: compiled.map((c, i) => {
      const ix = est.indices[i]!;
      return missing
        ? {
            assumption: c.id,
            type: c.type,
            s1: null,
            s1_low: null,
            s1_high: null,
            st: null,
            st_low: null,
            st_high: null,
          }
        : { assumption: c.id, type: c.type, ...ix };
    }),
    warnings,
  };
}
