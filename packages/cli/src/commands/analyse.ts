import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  type Analysis,
  type AnalysisSpec,
  analysePlan,
  assess as assessCore,
  assumptionsOf,
  attachAnalysis,
  compile,
  type Dataset,
  finishUncertainty,
  GovscoreError,
  type IndicatorSet,
  type JobFailure,
  langText,
  missingChunks,
  type Plan,
  parseAnalysisSpec,
  resultToJson,
  runUncertaintyJob,
  sensitivity,
  sensitivityOptions,
  UncertaintyRunner,
  uncertaintyJob,
  uncertaintyOptions,
  withResults,
} from '@govscore/core';
import { toCsv } from '@govscore/core/io';
import { intOption, parse, UsageError } from '../args';
import { writeFileAtomic } from '../fs';
import { loadInputs, readText } from '../inputs';
import { EXIT, type Io, printProblems } from '../output';
import type { Command } from './index';

const help = `govscore analyse <set.yaml> --data <file> [--assumptions analysis.yaml]
                 [--uncertainty N] [--sensitivity N] [--seed S] [--bootstrap B]
                 [--out analysis.json] [--csv ranks.csv] [--result result.json] [--year Y]
                 [--threads T] [--quiet] [--json]

Analyses an indicator set on the data: statistics per indicator (with outlier, coverage and
collinearity flags), correlations, Cronbach's alpha, PCA; and, when asked, how robust the ranking is:
an uncertainty analysis (Monte Carlo over the assumptions: rank intervals per unit and node) and a
sensitivity analysis (Sobol indices of each assumption, Saltelli design, bootstrap intervals).
The assumptions come from --assumptions (see docs/analysis.md); without it, the weights vary ±25%
at each level below the index. Seeded: the same seed gives byte-identical output.

Options:
  --data <file>         data file (.csv, .tsv, .xlsx, .json)                      [required]
  --assumptions <file>  analysis YAML: assumptions, uncertainty, sensitivity, stats options
  --uncertainty <N>     run the uncertainty analysis with N replications
  --sensitivity <N>     run the sensitivity analysis with base sample N (N·(d+2) runs)
  --seed <S>            seed of the random numbers (integer 0–4294967295; default 1)
  --bootstrap <B>       bootstrap resamples for the Sobol intervals (default 1000)
  --out <file>          the analysis as JSON
  --csv <file>          rank intervals: region_id,node_id,nominal_rank,median_rank,q05_rank,
                        q95_rank,mean_rank (needs the uncertainty analysis)
  --result <file>       the Result of assess with the analysis attached (for the report)
  --year <Y>            year to assess when the data have years (default: the latest)
  --threads <T>         threads for the uncertainty analysis (default: 2 for a large analysis when a
                        core is idle, else 1); the result does not depend on it
  --quiet               print nothing but errors
  --json                print a JSON summary on stdout

Examples:
  govscore analyse indicators/coinr-asem-pipeline.yaml --data samples/coinr-asem/asem.csv
  govscore analyse indicators/coinr-asem-pipeline.yaml --data samples/coinr-asem/asem.csv \\
    --assumptions analysis/coinr-asem.yaml --uncertainty 10000 --sensitivity 1000 --seed 42 \\
    --out out/asem-analysis.json --csv out/asem-ranks.csv`;

/** @internal Reads and checks the analysis file, then applies the command-line overrides. */
function specOf(
  path: string | undefined,
  values: Record<string, string | boolean | undefined>,
): AnalysisSpec {
  let spec: AnalysisSpec = {};
  if (path) {
    const r = parseAnalysisSpec(readText(path), path);
    if (r.problems.some((p) => p.severity === 'error')) throw new GovscoreError(r.problems);
    spec = r.spec;
  }
  const reps = intOption(values['uncertainty'], 'uncertainty');
  const n = intOption(values['sensitivity'], 'sensitivity');
  const seed = intOption(values['seed'], 'seed');
  const boot = intOption(values['bootstrap'], 'bootstrap');
  if (reps !== undefined) spec = { ...spec, uncertainty: { ...spec.uncertainty, replications: reps } };
  if (n !== undefined) spec = { ...spec, sensitivity: { ...spec.sensitivity, n } };
  if (boot !== undefined) spec = { ...spec, sensitivity: { ...spec.sensitivity, bootstrap: boot } };
  if (seed !== undefined) {
    spec = { ...spec, seed };
    if (spec.uncertainty) spec.uncertainty = { ...spec.uncertainty, seed };
    if (spec.sensitivity) spec.sensitivity = { ...spec.sensitivity, seed };
  }
  return spec;
}

/** @internal --threads, or undefined for the default. */
function threadsOption(v: string | boolean | undefined): number | undefined {
  const t = intOption(v, 'threads');
  if (t !== undefined && (t < 1 || t > 64)) throw new UsageError(`--threads must be 1 to 64, got ${t}`);
  return t;
}

/** Work (replications × units × nodes) above which a second thread is worth its start-up. */
const THREAD_WORK = 5e7;

/**
 * `analysePlan`, with the uncertainty analysis spread over worker threads when asked or when it is large:
 * the threads share the job's memory and take chunks of replications from a shared counter; the main
 * thread starts at once and the workers join when they have started. The document is the same as
 * `analysePlan`'s, whatever the number of threads.
 * @internal
 */
async function analyseThreaded(
  plan: Plan,
  spec: AnalysisSpec,
  ctx: { set: IndicatorSet; data: Dataset; year: number | undefined; threads: number | undefined },
): Promise<Analysis> {
  const work = spec.uncertainty
    ? (spec.uncertainty.replications ?? 1000) * plan.unitIds.length * plan.tree.nodes.length
    : 0;
  // by default a second thread only for a large analysis, and only when a core is idle: on a busy
  // machine its start-up and its own caches cost more than it brings
  const idle = availableParallelism() - loadavg()[0]!;
  const threads = ctx.threads ?? (work >= THREAD_WORK && idle >= 1 ? 2 : 1);
  if (!spec.uncertainty || threads < 2) return analysePlan(plan, spec);
  const { uncertainty: _u, sensitivity: _s, ...descriptive } = spec;
  const base = analysePlan(plan, descriptive);
  const assumptions = assumptionsOf(plan, spec);
  const job = uncertaintyJob(plan, assumptions, uncertaintyOptions(spec), (b) => new SharedArrayBuffer(b));
  const workers = Array.from({ length: threads - 1 }, () => {
    const w = new Worker(new URL('./analyse-worker.mjs', import.meta.url), {
      workerData: { set: ctx.set, data: ctx.data, year: ctx.year, assumptions, job },
    });
    const done = new Promise<{ ok: boolean; failure?: JobFailure | null; message?: string }>((resolve) => {
      w.once('message', resolve);
      w.once('error', (e) => resolve({ ok: false, message: String(e) }));
      w.once('exit', () => resolve({ ok: false, message: 'worker exited' }));
    });
    return { w, done };
  });
  // one chunk at a time, yielding in between: a worker's module loading needs this thread's event loop
  const runner = new UncertaintyRunner(plan, assumptions, job);
  while (runner.step(1)) await new Promise((resolve) => setImmediate(resolve));
  const failures: (JobFailure | null)[] = [runner.failure];
  for (const { w, done } of workers) {
    if (missingChunks(job).length === 0) {
      await w.terminate();
      continue;
    }
    const m = await done;
    if (m.ok) failures.push(m.failure ?? null);
    await w.terminate();
  }
  // chunks a worker took but did not finish (it failed or died) are run here
  const left = missingChunks(job);
  if (left.length) failures.push(runUncertaintyJob(plan, assumptions, job, left));
  const ua = finishUncertainty(plan, assumptions, job, failures);
  const sa = spec.sensitivity ? sensitivity(plan, assumptions, sensitivityOptions(spec)) : undefined;
  return withResults(base, { assumptions, uncertainty: ua, ...(sa ? { sensitivity: sa } : {}) });
}

const fmt = (v: number | null | undefined, d = 0) => (v === null || v === undefined ? '-' : v.toFixed(d));

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    data: { type: 'string' },
    assumptions: { type: 'string' },
    uncertainty: { type: 'string' },
    sensitivity: { type: 'string' },
    seed: { type: 'string' },
    bootstrap: { type: 'string' },
    out: { type: 'string' },
    csv: { type: 'string' },
    result: { type: 'string' },
    year: { type: 'string' },
    threads: { type: 'string' },
    quiet: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const [setPath, ...extra] = positionals;
  if (!setPath || extra.length) throw new UsageError('give exactly one indicator-set file');
  if (!values.data) throw new UsageError('--data <file> is required');
  const year = intOption(values.year, 'year');
  const spec = specOf(values.assumptions, values);
  if (values.csv && !spec.uncertainty) {
    throw new UsageError('--csv writes rank intervals: add --uncertainty N (or an uncertainty section)');
  }
  const threads = threadsOption(values.threads);
  const { set, data, warnings } = await loadInputs(setPath, values.data);
  const plan = compile(set, data, year !== undefined ? { year } : {});
  const analysis = await analyseThreaded(plan, spec, { set, data, year, threads });

  const written: string[] = [];
  if (values.out) {
    writeFileAtomic(values.out, resultToJson(analysis));
    written.push(values.out);
  }
  const ua = analysis.uncertainty;
  if (values.csv && ua) {
    const rows: (string | number | null)[][] = [
      ['region_id', 'node_id', 'nominal_rank', 'median_rank', 'q05_rank', 'q95_rank', 'mean_rank'],
    ];
    for (const node of ua.nodes) {
      const s = ua.ranks[node]!;
      ua.units.forEach((u, i) => {
        rows.push([u, node, s.nominal[i]!, s.median[i]!, s.q05[i]!, s.q95[i]!, s.mean[i]!]);
      });
    }
    writeFileAtomic(values.csv, toCsv(rows));
    written.push(values.csv);
  }
  if (values.result) {
    const result = assessCore(set, data, year !== undefined ? { year } : {});
    writeFileAtomic(values.result, resultToJson(attachAnalysis(result, analysis)));
    written.push(values.result);
  }

  const all = [...warnings, ...plan.warnings, ...analysis.warnings];
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          set: analysis.set,
          year: analysis.year ?? null,
          units: analysis.units.length,
          flagged: analysis.stats.indicators
            .filter((s) => s.flags.outlier || s.flags.low_coverage || s.flags.collinear.length)
            .map((s) => s.id),
          replications: ua?.replications ?? null,
          failed: ua?.failed.length ?? null,
          sensitivity: analysis.sensitivity?.indices ?? null,
          written,
          warnings: all,
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  if (values.quiet) return EXIT.ok;
  printProblems(io, all);
  const lines: string[] = [];
  const flagged = analysis.stats.indicators.filter(
    (s) => s.flags.outlier || s.flags.low_coverage || s.flags.collinear.length,
  );
  lines.push(
    `indicators flagged (${analysis.stats.stage} values): ${flagged.length} of ${analysis.stats.indicators.length}`,
  );
  for (const s of flagged) {
    const why = [
      s.flags.outlier ? `outliers (skew ${fmt(s.skew, 2)}, kurtosis ${fmt(s.kurtosis, 2)})` : '',
      s.flags.low_coverage ? `coverage ${fmt(1 - s.missing_share, 2)}` : '',
      s.flags.collinear.length ? `collinear with ${s.flags.collinear.join(', ')}` : '',
    ].filter(Boolean);
    lines.push(`  ${s.id}: ${why.join('; ')}`);
  }
  if (ua) {
    const root = ua.nodes[0]!;
    const s = ua.ranks[root]!;
    const names = new Map(plan.units.map((u) => [u.id, u.name === undefined ? u.id : langText(u.name)]));
    lines.push('', `rank intervals of '${root}' over ${ua.replications} replications (seed ${ua.seed}):`);
    lines.push('nominal\tmedian\t5%–95%\tregion');
    const order = ua.units
      .map((_, i) => i)
      .sort((a, b) => (s.nominal[a] ?? Infinity) - (s.nominal[b] ?? Infinity));
    for (const i of order) {
      lines.push(
        `${fmt(s.nominal[i])}\t${fmt(s.median[i], 1)}\t${fmt(s.q05[i], 1)}–${fmt(s.q95[i], 1)}\t${names.get(ua.units[i]!)}`,
      );
    }
  }
  const sa = analysis.sensitivity;
  if (sa) {
    lines.push(
      '',
      `sensitivity of ${sa.output.statistic} of '${sa.output.node}' (N ${sa.n}, ${sa.runs} runs, ${sa.confidence * 100}% intervals):`,
    );
    lines.push('assumption\tS1 [interval]\tST [interval]');
    for (const x of sa.indices) {
      lines.push(
        `${x.assumption}\t${fmt(x.s1, 3)} [${fmt(x.s1_low, 3)}, ${fmt(x.s1_high, 3)}]\t${fmt(x.st, 3)} [${fmt(x.st_low, 3)}, ${fmt(x.st_high, 3)}]`,
      );
    }
  }
  if (written.length) lines.push('', `wrote ${written.join(', ')}`);
  io.out(lines.join('\n'));
  return EXIT.ok;
}

export const analyse: Command = {
  name: 'analyse',
  summary: 'statistics, correlations, PCA; rank intervals (uncertainty) and Sobol sensitivity',
  help,
  run,
};
