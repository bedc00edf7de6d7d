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
import { createWorkspace, type RunOutput, type RunWorkspace, runPlan } from '../plan/run';
import type { Assumption } from '../schema/analysis';
import { rankable, rankedUnits, rankScores, type Ties } from '../steps/rank';
import { RankScratch } from '../steps/rank-scratch';
import { type CompiledAssumption, compileAssumptions, type WorkState } from './assumptions';
import { nodeIndex } from './model';
import { Prng } from './prng';

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
  state: ReplicationState = replicationState(plan),
): void {
  const { dims, offsets, rec, recOffsets } = layout(compiled);
  const u = new Float64Array(dims);
  const scratch = new Float64Array(rec);
  const { st, opts } = state;
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

/** @internal What replications keep between calls of `replicate`: working settings and the run workspace. */
export interface ReplicationState {
  st: WorkState;
  opts: { quiet: true; workspace: RunWorkspace };
}

/** @internal A fresh replication state for a plan. */
export function replicationState(plan: Plan): ReplicationState {
  return {
    st: { settings: copySettings(plan.settings), plan },
    opts: { quiet: true, workspace: createWorkspace(plan) },
  };
}

/** @internal Ties and rounding of the set's ranks. */
export function rankRule(plan: Plan): { ties: Ties; round: number | undefined; mask?: Uint8Array } {
  const r = plan.set.methodology?.rank;
  const mask = rankedUnits(r?.among, plan.units);
  return { ties: r?.ties ?? 'competition', round: r?.round, ...(mask ? { mask } : {}) };
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
    data?: Uint16Array | Uint32Array,
  ) {
    this.data = data ?? RankStore.allocate(nodes, units, reps, (b) => new ArrayBuffer(b));
  }

  /** A zeroed rank array for the sizes, on memory from `alloc` (e.g. a SharedArrayBuffer). */
  static allocate(
    nodes: number,
    units: number,
    reps: number,
    alloc: (bytes: number) => ArrayBufferLike,
  ): Uint16Array | Uint32Array {
    const size = nodes * units * reps;
    return units < 65535 ? new Uint16Array(alloc(size * 2)) : new Uint32Array(alloc(size * 4));
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
   * Mean, median, 5th and 95th percentile of every (node, unit) slot, as `summary` computes them:
   * in one sequential pass over the replications with a histogram per slot when those fit in 4 M
   * counts, else slot by slot.
   * @returns four arrays of nodes × units (slot k·units + i)
   */
  summaries(skip: Uint8Array): [Float64Array, Float64Array, Float64Array, Float64Array] {
    const { units, reps, data } = this;
    const slots = this.nodes * units;
    const mean = new Float64Array(slots);
    const med = new Float64Array(slots);
    const q05 = new Float64Array(slots);
    const q95 = new Float64Array(slots);
    const w = units + 1;
    if (slots * w > 4_000_000) {
      const hist = new Int32Array(w);
      for (let j = 0; j < slots; j++) {
        const r = this.summary(Math.floor(j / units), j % units, skip, hist);
        mean[j] = r[0];
        med[j] = r[1];
        q05[j] = r[2];
        q95[j] = r[3];
      }
      return [mean, med, q05, q95];
    }
    const hist = new Int32Array(slots * w);
    const count = new Int32Array(slots);
    for (let r = 0; r < reps; r++) {
      if (skip[r]) continue;
      const base = r * slots;
      for (let j = 0; j < slots; j++) {
        const v = data[base + j] as number;
        if (v === 0) continue;
        hist[j * w + v]!++;
        mean[j] = (mean[j] as number) + v;
        count[j]!++;
      }
    }
    for (let j = 0; j < slots; j++) {
      const m = count[j] as number;
      if (m === 0) {
        mean[j] = med[j] = q05[j] = q95[j] = Number.NaN;
        continue;
      }
      mean[j] = (mean[j] as number) / m;
      const off = j * w;
      const orderStat = (t: number) => {
        let c = 0;
        for (let v = 1; v <= units; v++) {
          c += hist[off + v] as number;
          if (c > t) return v;
        }
        return units;
      };
      const q = (p: number) => {
        const h = (m - 1) * p;
        const lo = Math.floor(h);
        const a = orderStat(lo);
        if (lo >= m - 1) return a;
        return a + (h - lo) * (orderStat(lo + 1) - a);
      };
      med[j] = q(0.5);
      q05[j] = q(0.05);
      q95[j] = q(0.95);
    }
    return [mean, med, q05, q95];
  }

  /** Sets every rank of replication `r` to 0 (none). */
  clear(r: number): void {
    const size = this.nodes * this.units;
    this.data.fill(0, r * size, r * size + size);
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
 * The memory of an uncertainty analysis, which several threads can fill at once: allocate it with
 * SharedArrayBuffers, hand it to each thread's `runUncertaintyJob` (each compiles the same plan), then
 * `finishUncertainty`. Threads take chunks of replications from a shared counter; replication r always
 * draws the r-th block of the seeded random numbers, so the result does not depend on the threads.
 */
export interface UncertaintyJob {
  replications: number;
  seed: number;
  /** Node ids summarised, in order. */
  nodes: string[];
  /** Replications per chunk. */
  chunk: number;
  /** Ranks by [replication][node][unit]; 0 = no rank. */
  ranks: Uint16Array | Uint32Array;
  /** What was sampled: replications × the record size of the assumptions. */
  record: Float64Array;
  /** 1 where a replication failed. */
  failed: Uint8Array;
  /** 1 where a chunk is complete. */
  done: Uint8Array;
  /** Element 0: the next chunk to take (`Atomics.add`). */
  next: Int32Array;
}

/** The first failure a thread met (lowest replication), if any. */
export interface JobFailure {
  replication: number;
  problems: Problem[];
}

/** @internal Output nodes of the options. */
function outputNodes(plan: Plan, options: UncertaintyOptions): number[] {
  return options.nodes
    ? options.nodes.map((id) => nodeIndex(plan, id))
    : [...plan.tree.aggregates].sort((a, b) => a - b);
}

/**
 * Checks the options and allocates the memory of an uncertainty analysis (see `UncertaintyJob`).
 * @param alloc where memory comes from: `(b) => new SharedArrayBuffer(b)` to share it with workers
 * @throws GovscoreError E400 for bad options or assumptions
 */
export function uncertaintyJob(
  plan: Plan,
  assumptions: readonly Assumption[],
  options: UncertaintyOptions = {},
  alloc: (bytes: number) => ArrayBufferLike = (b) => new ArrayBuffer(b),
): UncertaintyJob {
  const reps = checkInt('replications', options.replications ?? 1000, 1, 10_000_000);
  const seed = checkInt('seed', options.seed ?? 1, 0, 4294967295);
  const compiled = compileAssumptions(plan, assumptions);
  const outIdx = outputNodes(plan, options);
  const n = plan.unitIds.length;
  const { rec } = layout(compiled);
  // chunks of about 1/64 of the work, at least 16 replications
  const chunk = Math.max(16, Math.ceil(reps / 64));
  const nChunks = Math.ceil(reps / chunk);
  return {
    replications: reps,
    seed,
    nodes: outIdx.map((i) => plan.tree.nodes[i]!.id),
    chunk,
    ranks: RankStore.allocate(outIdx.length, n, reps, alloc),
    record: new Float64Array(alloc(reps * rec * 8)),
    failed: new Uint8Array(alloc(reps)),
    done: new Uint8Array(alloc(nChunks)),
    next: new Int32Array(alloc(4)),
  };
}

/**
 * One thread's share of a job: takes chunks of replications from the shared counter (or runs given
 * chunks), writing ranks, samples and failures into the job's memory. It keeps its workspace between
 * calls, so a thread can run a few chunks, yield, and go on without losing its caches.
 */
export class UncertaintyRunner {
  /** The first failure met (lowest replication), if any. */
  failure: JobFailure | null = null;
  private readonly compiled: CompiledAssumption[];
  private readonly outIdx: number[];
  private readonly store: RankStore;
  private readonly rule: { ties: Ties; round: number | undefined; mask?: Uint8Array };
  private readonly rankBuf: Float64Array;
  private readonly maskBuf: Float64Array;
  private readonly ranker: RankScratch;
  private readonly state: ReplicationState;
  private readonly dims: number;
  private readonly rng: Prng;
  /** Random numbers drawn so far: replication r draws numbers r·dims … (r + 1)·dims − 1. */
  private drawn = 0;

  constructor(
    private readonly plan: Plan,
    assumptions: readonly Assumption[],
    private readonly job: UncertaintyJob,
  ) {
    this.compiled = compileAssumptions(plan, assumptions);
    this.outIdx = job.nodes.map((id) => nodeIndex(plan, id));
    const n = plan.unitIds.length;
    this.store = new RankStore(this.outIdx.length, n, job.replications, job.ranks);
    this.rule = rankRule(plan);
    this.rankBuf = new Float64Array(n);
    this.maskBuf = new Float64Array(n);
    this.ranker = new RankScratch(n);
    this.state = replicationState(plan);
    this.dims = layout(this.compiled).dims;
    this.rng = new Prng(job.seed);
  }

  /**
   * Runs up to `limit` chunks taken from the shared counter (default: until none is left).
   * @returns false when the counter has no chunk left
   */
  step(limit = Number.POSITIVE_INFINITY): boolean {
    const nChunks = this.job.done.length;
    for (let k = 0; k < limit; k++) {
      const c = Atomics.add(this.job.next, 0, 1);
      if (c >= nChunks) return false;
      this.chunk(c);
    }
    return Atomics.load(this.job.next, 0) < nChunks;
  }

  /** Runs the given chunks (e.g. those a thread that died had taken). */
  redo(chunks: readonly number[]): void {
    for (const c of chunks) this.chunk(c);
  }

  private chunk(c: number): void {
    const { job, plan, store, outIdx, rankBuf, ranker, rng, dims } = this;
    const { ties, round, mask } = this.rule;
    const { maskBuf } = this;
    const reps = job.replications;
    const from = c * job.chunk;
    const to = Math.min(reps, from + job.chunk);
    if (from * dims < this.drawn) {
      rng.reset(job.seed);
      this.drawn = 0;
    }
    for (; this.drawn < from * dims; this.drawn++) rng.u32();
    const rec = job.record.length / reps;
    replicate(
      plan,
      this.compiled,
      to - from,
      (_r, u) => {
        for (let k = 0; k < u.length; k++) u[k] = rng.next();
        this.drawn += u.length;
      },
      (r, out) => {
        for (let k = 0; k < outIdx.length; k++) {
          ranker.rank(rankable(out.score[outIdx[k]!]!, mask, maskBuf), rankBuf, ties, round);
          store.put(k, from + r, rankBuf);
        }
      },
      (r, e) => {
        job.failed[from + r] = 1;
        store.clear(from + r);
        if (!this.failure || from + r < this.failure.replication) {
          this.failure = { replication: from + r, problems: e.problems };
        }
      },
      job.record.subarray(from * rec, to * rec),
      this.state,
    );
    // an atomic store, so that a thread that reads the flag with Atomics.load also sees the ranks
    Atomics.store(job.done, c, 1);
  }
}

/**
 * Runs replications of a job in this thread: chunks from the shared counter until none is left, or
 * exactly the chunks given.
 * @returns the first failure met, if any
 */
export function runUncertaintyJob(
  plan: Plan,
  assumptions: readonly Assumption[],
  job: UncertaintyJob,
  chunks?: readonly number[],
): JobFailure | null {
  const r = new UncertaintyRunner(plan, assumptions, job);
  if (chunks) r.redo(chunks);
  else r.step();
  return r.failure;
}

/** Chunks of a job not complete yet (read atomically: safe while other threads run). */
export function missingChunks(job: UncertaintyJob): number[] {
  const out: number[] = [];
  for (let c = 0; c < job.done.length; c++) if (Atomics.load(job.done, c) !== 1) out.push(c);
  return out;
}

/**
 * Summarises a finished job: nominal ranks, the rank statistics of every node and unit, the samples.
 * @param failures the first failure of each thread (the lowest replication is reported)
 * @throws GovscoreError the first failure's problems when every replication failed; E400 when a chunk
 *   was not run
 */
export function finishUncertainty(
  plan: Plan,
  assumptions: readonly Assumption[],
  job: UncertaintyJob,
  failures: readonly (JobFailure | null)[] = [],
): UncertaintyResult {
  if (missingChunks(job).length) {
    fail(
      'E400',
      'the uncertainty analysis is not complete: a chunk of replications was not run',
      {},
      'run every chunk',
    );
  }
  const compiled = compileAssumptions(plan, assumptions);
  const { tree, unitIds } = plan;
  const n = unitIds.length;
  const reps = job.replications;
  const outIdx = job.nodes.map((id) => nodeIndex(plan, id));
  const { ties, round, mask } = rankRule(plan);
  const nominalRun = runPlan(plan, plan.settings, { quiet: true });
  const nominal = outIdx.map((idx) => {
    const r = new Float64Array(n);
    rankScores(rankable(nominalRun.score[idx]!, mask, new Float64Array(n)), r, ties, round);
    return r;
  });
  const failedReps: number[] = [];
  for (let r = 0; r < reps; r++) if (job.failed[r]) failedReps.push(r);
  let first: JobFailure | null = null;
  for (const f of failures) if (f && (!first || f.replication < first.replication)) first = f;
  if (failedReps.length === reps && first) throw new GovscoreError(first.problems);

  const warnings: Problem[] = [];
  if (failedReps.length) {
    const p0 = first?.problems[0];
    warnings.push(
      problem(
        'W310',
        `${failedReps.length} of ${reps} replications failed and were left out; the first: ${p0?.message ?? 'unknown'}`,
        {},
        p0?.hint ?? 'make every choice of the assumptions valid for the data',
      ),
    );
  }
  const store = new RankStore(outIdx.length, n, reps, job.ranks);
  const [mean, med, q05, q95] = store.summaries(job.failed);
  const ranks: Record<string, RankSummary> = Object.create(null);
  outIdx.forEach((idx, k) => {
    const s: RankSummary = { nominal: [], mean: [], median: [], q05: [], q95: [] };
    for (let i = 0; i < n; i++) {
      const j = k * n + i;
      s.nominal.push(nullable(nominal[k]![i] as number));
      s.mean.push(nullable(mean[j] as number));
      s.median.push(nullable(med[j] as number));
      s.q05.push(nullable(q05[j] as number));
      s.q95.push(nullable(q95[j] as number));
    }
    ranks[tree.nodes[idx]!.id] = s;
  });
  return {
    replications: reps,
    seed: job.seed,
    failed: failedReps,
    units: [...unitIds],
    nodes: [...job.nodes],
    ranks,
    assumptions: samplesOf(compiled, job.record, reps),
    warnings,
  };
}

/**
 * Runs an uncertainty analysis: `replications` Monte Carlo runs of the plan, each with assumptions
 * drawn independently (uniform u per input, COINr `get_sensitivity(SA_type = "UA")`), and summarises
 * the ranks of the chosen nodes. (`uncertaintyJob`, `runUncertaintyJob` and `finishUncertainty` do the
 * same in steps, for several threads.)
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
  const job = uncertaintyJob(plan, assumptions, options);
  const failure = runUncertaintyJob(plan, assumptions, job);
  return finishUncertainty(plan, assumptions, job, [failure]);
}
