/**
 * Uncertainty analysis: Monte Carlo over the assumptions a user lists. Every replication draws the
 * assumptions (a weight multiplier, a normalisation, an aggregation, an imputation, a winsorising limit,
 * a node left out), runs the compiled plan with those settings and ranks the units. Per unit and node:
 * the nominal rank and the mean, median, 5th and 95th percentile of the replications' ranks (COINr
 * `get_sensitivity(SA_type = "UA")` and its `RankStats`), and the sampled parameters of every
 * replication. Seeded: the same seed gives the same output, byte for byte.
 *
 * Speed: the plan is compiled once; a replication only writes the settings its assumptions own and runs
 * `runPlan` with a workspace, which reuses every treated and normalised column already computed for the
 * same choices, so most replications only aggregate and rank.
 */
import { fail, GovscoreError, type Problem, problem } from '../errors';
import type { Plan, PlanSettings } from '../plan/compile';
import { createWorkspace, type RunOutput, runPlan } from '../plan/run';
import type { Assumption } from '../schema/analysis';
import { rankScores, type Ties } from '../steps/rank';
import { type CompiledAssumption, compileAssumptions, type WorkState } from './assumptions';
import { nodeIndex } from './model';
import { Prng } from './prng';
import { RankScratch } from './ranks';

/** @internal A copy of settings a replication can write into. */
export function copySettings(s: PlanSettings): PlanSettings {
  return {
    ...s,
    weight: Float64Array.from(s.weight),
    normalise: [...s.normalise],
    treat: [...s.treat],
    aggregate: [...s.aggregate],
    rescale: [...s.rescale],
    coverage: Float64Array.from(s.coverage),
    active: Uint8Array.from(s.active),
  };
}

/** @internal Total uniforms per replication, and each assumption's offset. */
export function layout(compiled: readonly CompiledAssumption[]): {
  dims: number;
  offsets: number[];
  rec: number;
  recOffsets: number[];
} {
  let dims = 0;
  let rec = 0;
  const offsets: number[] = [];
  const recOffsets: number[] = [];
  for (const c of compiled) {
    offsets.push(dims);
    recOffsets.push(rec);
    dims += c.dims;
    rec += c.recordSize;
  }
  return { dims, offsets, rec, recOffsets };
}

/**
 * @internal The replication engine: for rows r = 0 … rows − 1 of uniforms (`row(r, u)` fills `u`),
 * applies every assumption, runs the plan and hands the output to `done` (or the error to `failed`
 * when the kernels refuse the sampled settings, e.g. a zero under a geometric mean).
 * `record` (rows × rec) receives what was sampled.
 */
export function replicate(
  plan: Plan,
  compiled: readonly CompiledAssumption[],
  rows: number,
  row: (r: number, u: Float64Array) => void,
  done: (r: number, out: RunOutput, st: WorkState) => void,
  failed: (r: number, e: GovscoreError) => void,
  record?: Float64Array,
): void {
  const { dims, offsets, rec, recOffsets } = layout(compiled);
  const u = new Float64Array(dims);
  const scratch = new Float64Array(rec);
  const st: WorkState = { settings: copySettings(plan.settings), plan };
  const ws = createWorkspace(plan);
  const opts = { quiet: true, workspace: ws };
  for (let r = 0; r < rows; r++) {
    row(r, u);
    const recv = record ?? scratch;
    const base = record ? r * rec : 0;
    st.plan = plan;
    for (let a = 0; a < compiled.length; a++)
      compiled[a]!.apply(u, offsets[a]!, st, recv, base + recOffsets[a]!);
    let out: RunOutput;
    try {
      out = runPlan(st.plan, st.settings, opts);
    } catch (e) {
      if (e instanceof GovscoreError) {
        failed(r, e);
        continue;
      }
      throw e;
    }
    done(r, out, st);
  }
}

/** @internal Ties and rounding of the set's ranks. */
export function rankRule(plan: Plan): { ties: Ties; round: number | undefined } {
  const r = plan.set.methodology?.rank;
  return { ties: r?.ties ?? 'competition', round: r?.round };
}

/** Options of `uncertainty`. */
export interface UncertaintyOptions {
  /** Number of replications (default 1000). */
  replications?: number;
  /** Seed (integer 0 … 2³² − 1, default 1). */
  seed?: number;
  /** Nodes whose ranks are summarised (default: every aggregate, root first). */
  nodes?: readonly string[];
}

/** Rank statistics of one node: arrays aligned with `UncertaintyResult.units`; null = no rank. */
export interface RankSummary {
  nominal: (number | null)[];
  mean: (number | null)[];
  median: (number | null)[];
  /** 5th and 95th percentiles (R quantile type 7). */
  q05: (number | null)[];
  q95: (number | null)[];
}

/** What an assumption is and what it sampled in every replication. */
export interface AssumptionSamples {
  id: string;
  type: Assumption['type'];
  /** Choices (discrete assumptions). */
  labels?: string[];
  /** Discrete: the index of the choice made in each replication. */
  choice?: number[];
  /** Weights: the nodes whose weights vary. */
  nodes?: string[];
  /** Weights: per replication, the multiplier of each node's weight (same order as `nodes`). */
  multipliers?: number[][];
}

/** Result of `uncertainty` (JSON-ready: missing = null). */
export interface UncertaintyResult {
  replications: number;
  seed: number;
  /** Replications whose settings the kernels refused (left out of the statistics). */
  failed: number[];
  units: string[];
  /** Node ids summarised, in order. */
  nodes: string[];
  ranks: Record<string, RankSummary>;
  assumptions: AssumptionSamples[];
  warnings: Problem[];
}

/** @internal Ranks stored per replication: [replication][node][unit], 0 = no rank. */
export class RankStore {
  readonly data: Uint16Array | Uint32Array;
  constructor(
    readonly nodes: number,
    readonly units: number,
    readonly reps: number,
  ) {
    const size = nodes * units * reps;
    this.data = units < 65535 ? new Uint16Array(size) : new Uint32Array(size);
  }

  /** Writes the ranks (NaN → 0) of node slot `k` for replication `r`. */
  put(k: number, r: number, ranks: Float64Array): void {
    const { units, data } = this;
    const base = (r * this.nodes + k) * units;
    for (let i = 0; i < units; i++) {
      const v = ranks[i] as number;
      data[base + i] = Number.isNaN(v) ? 0 : v;
    }
  }

  /**
   * Mean, median, 5th and 95th percentile (type 7) of one (node, unit) over the replications not
   * skipped. Exact, by counting: the ranks are integers, so a histogram over the unit's range of ranks
   * (lowest to highest seen) gives every order statistic. `hist` needs units + 1 entries.
   */
  summary(k: number, i: number, skip: Uint8Array, hist: Int32Array): [number, number, number, number] {
    const { units, reps, data } = this;
    const stride = this.nodes * units;
    const first = k * units + i;
    let m = 0;
    let sum = 0;
    let lo = units + 1;
    let hi = 0;
    for (let r = 0, at = first; r < reps; r++, at += stride) {
      const v = data[at] as number;
      if (v === 0 || skip[r]) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (hi === 0) return [Number.NaN, Number.NaN, Number.NaN, Number.NaN];
    hist.fill(0, lo, hi + 1);
    for (let r = 0, at = first; r < reps; r++, at += stride) {
      const v = data[at] as number;
      if (v === 0 || skip[r]) continue;
      sum += v;
      hist[v]!++;
      m++;
    }
    // order statistic j (0-based)
    const orderStat = (j: number) => {
      let c = 0;
      for (let v = lo; v <= hi; v++) {
        c += hist[v] as number;
        if (c > j) return v;
      }
      return hi;
    };
    const q = (p: number) => {
      const h = (m - 1) * p;
      const j = Math.floor(h);
      const a = orderStat(j);
      if (j >= m - 1) return a;
      return a + (h - j) * (orderStat(j + 1) - a);
    };
    return [sum / m, q(0.5), q(0.05), q(0.95)];
  }
}

const nullable = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** @internal Samples of every assumption from the record matrix (rows × rec). */
export function samplesOf(
  compiled: readonly CompiledAssumption[],
  record: Float64Array,
  rows: number,
): AssumptionSamples[] {
  const { rec, recOffsets } = layout(compiled);
  return compiled.map((c, a) => {
    const off = recOffsets[a]!;
    const s: AssumptionSamples = { id: c.id, type: c.type };
    if (c.labels) {
      s.labels = c.labels;
      s.choice = Array.from({ length: rows }, (_, r) => record[r * rec + off] as number);
    } else {
      s.nodes = c.nodes ?? [];
      s.multipliers = Array.from({ length: rows }, (_, r) =>
        Array.from(record.subarray(r * rec + off, r * rec + off + c.recordSize)),
      );
    }
    return s;
  });
}

/** @internal Checks a seed and a count, E400 otherwise. */
export function checkInt(name: string, v: number, min: number, max: number): number {
  if (!Number.isInteger(v) || v < min || v > max) {
    fail(
      'E400',
      `${name} must be an integer from ${min} to ${max}, got ${v}`,
      {},
      `give ${name} as a whole number`,
    );
  }
  return v;
}

/**
 * Runs an uncertainty analysis: `replications` Monte Carlo runs of the plan, each with assumptions
 * drawn independently (uniform u per input, COINr `get_sensitivity(SA_type = "UA")`), and summarises
 * the ranks of the chosen nodes.
 *
 * Ranks follow the set's rule (`methodology.rank`: ties, rounding). Replications whose settings the
 * kernels refuse (a zero under a geometric mean, say) are left out of the statistics, listed in
 * `failed` and reported once as warning W310. With every assumption fixed (one choice each, weight
 * factor 0) every replication equals the nominal run, and the intervals collapse to the nominal rank.
 *
 * @param plan the compiled plan (`compile(set, data)`)
 * @param assumptions what varies (YAML `assumptions:`; see `docs/analysis.md`)
 * @param options replications (1000), seed (1), nodes (every aggregate)
 * @returns per node and unit: nominal, mean, median, q05, q95 rank; every replication's samples
 * @throws GovscoreError E400 for bad options or assumptions (unknown node, overlap, bad count or seed),
 *   E103/E108 for a bad method choice, and the kernels' error when every replication fails
 * @example
 * const ua = uncertainty(compile(set, data), [
 *   { type: 'weights', factor: 0.25, levels: [2, 3] },
 *   { type: 'aggregate', choices: ['arithmetic', 'geometric'] },
 * ], { replications: 1000, seed: 42 });
 * ua.ranks.Index.q95
 */
export function uncertainty(
  plan: Plan,
  assumptions: readonly Assumption[],
  options: UncertaintyOptions = {},
): UncertaintyResult {
  const reps = checkInt('replications', options.replications ?? 1000, 1, 10_000_000);
  const seed = checkInt('seed', options.seed ?? 1, 0, 4294967295);
  const compiled = compileAssumptions(plan, assumptions);
  const { tree, unitIds } = plan;
  const n = unitIds.length;
  const outIdx = options.nodes
    ? options.nodes.map((id) => nodeIndex(plan, id))
    : [...tree.aggregates].sort((a, b) => a - b);
  const { ties, round } = rankRule(plan);

  // nominal ranks
  const nominalRun = runPlan(plan, plan.settings, { quiet: true });
  const rankBuf = new Float64Array(n);
  const ranker = new RankScratch(n);
  const nominal = outIdx.map((idx) => {
    const r = new Float64Array(n);
    rankScores(nominalRun.score[idx]!, r, ties, round);
    return r;
  });

  const store = new RankStore(outIdx.length, n, reps);
  const { rec } = layout(compiled);
  const record = new Float64Array(reps * rec);
  const skip = new Uint8Array(reps);
  const failedReps: number[] = [];
  let firstError: GovscoreError | undefined;
  const rng = new Prng(seed);
  replicate(
    plan,
    compiled,
    reps,
    (_r, u) => {
      for (let k = 0; k < u.length; k++) u[k] = rng.next();
    },
    (r, out) => {
      for (let k = 0; k < outIdx.length; k++) {
        ranker.rank(out.score[outIdx[k]!]!, rankBuf, ties, round);
        store.put(k, r, rankBuf);
      }
    },
    (r, e) => {
      skip[r] = 1;
      failedReps.push(r);
      firstError ??= e;
    },
    record,
  );
  if (failedReps.length === reps && firstError) throw firstError;

  const warnings: Problem[] = [];
  if (failedReps.length && firstError) {
    const first = firstError.problems[0];
    warnings.push(
      problem(
        'W310',
        `${failedReps.length} of ${reps} replications failed and were left out; the first: ${first?.message ?? firstError.message}`,
        {},
        first?.hint ?? 'make every choice of the assumptions valid for the data',
      ),
    );
  }

  const hist = new Int32Array(n + 1);
  const ranks: Record<string, RankSummary> = Object.create(null);
  outIdx.forEach((idx, k) => {
    const s: RankSummary = { nominal: [], mean: [], median: [], q05: [], q95: [] };
    for (let i = 0; i < n; i++) {
      const [mean, med, q05, q95] = store.summary(k, i, skip, hist);
      s.nominal.push(nullable(nominal[k]![i] as number));
      s.mean.push(nullable(mean));
      s.median.push(nullable(med));
      s.q05.push(nullable(q05));
      s.q95.push(nullable(q95));
    }
    ranks[tree.nodes[idx]!.id] = s;
  });

  return {
    replications: reps,
    seed,
    failed: failedReps,
    units: [...unitIds],
    nodes: outIdx.map((i) => tree.nodes[i]!.id),
    ranks,
    assumptions: samplesOf(compiled, record, reps),
    warnings,
  };
}
