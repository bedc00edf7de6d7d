/**
 * Benchmark of the robustness analysis (issue 4's targets, on this 2-core machine):
 * - one full pipeline run (treat → normalise → aggregate → rank) on the ASEM example: < 0.1 ms;
 * - uncertainty analysis, 10,000 replications, ASEM, COINr's vignette assumptions: < 2 s, whole command;
 * - Sobol sensitivity analysis, N = 1,000, same: < 5 s;
 * - 3,000 units × 200 indicators, 1,000 replications: < 30 s;
 * and how the time grows with units, indicators and replications.
 * Wall and CPU times (user + system): the machine is shared, so under load the wall time of a
 * single-threaded run exceeds its CPU time; the CPU time is what the run itself costs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Assumption,
  compile,
  createWorkspace,
  loadIndicatorSet,
  parseDatasetCsv,
  RankScratch,
  rankScores,
  runPlan,
  sensitivity,
  uncertainty,
} from '@govscore/core';
import { generate } from './generate';
import { median, peakRssMb } from './util';

const root = join(import.meta.dirname, '..');
const setFile = join(root, 'indicators/coinr-asem-pipeline.yaml');
const dataFile = join(root, 'samples/coinr-asem/asem.csv');
const set = loadIndicatorSet(readFileSync(setFile, 'utf8'));
const { dataset } = parseDatasetCsv(readFileSync(dataFile, 'utf8'), { set });
const plan = compile(set, dataset);

/** COINr's sensitivity vignette: winsorising limit 1–5, min-max vs z-score, weights ±25% at levels 2 and 3, arithmetic vs geometric. */
const vignette: Assumption[] = [
  { id: 'winsorise', type: 'treat', max_points: [1, 2, 3, 4, 5] },
  {
    id: 'normalisation',
    type: 'normalise',
    choices: [
      { method: 'minmax', params: { min: 1, max: 100 } },
      { method: 'zscore', params: { mean: 10, sd: 2 } },
    ],
  },
  { id: 'weights', type: 'weights', factor: 0.25, levels: [2, 3] },
  { id: 'aggregation', type: 'aggregate', choices: ['arithmetic', 'geometric'] },
];
const vignetteYaml = `seed: 42
assumptions:
  - {id: winsorise, type: treat, max_points: [1, 2, 3, 4, 5]}
  - id: normalisation
    type: normalise
    choices: [{method: minmax, params: {min: 1, max: 100}}, {method: zscore, params: {mean: 10, sd: 2}}]
  - {id: weights, type: weights, factor: 0.25, levels: [2, 3]}
  - {id: aggregation, type: aggregate, choices: [arithmetic, geometric]}
`;

/** CPU milliseconds (user + system) of this process spent in `fn`, and its wall milliseconds. */
function measure(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

const fmt = (x: number, d = 0) => x.toFixed(d);
const rows: string[][] = [];

// 1. one pipeline run on ASEM
const n = plan.unitIds.length;
const out = new Float64Array(n);
const nodes = plan.tree.nodes.map((x) => x.index);
const aggregates = [...plan.tree.aggregates];
/** Per-call wall and CPU milliseconds of `fn` over `reps` calls (after a warm-up). */
function perCall(fn: () => void, reps: number): { wall: number; cpu: number } {
  for (let k = 0; k < Math.min(200, reps); k++) fn();
  const m = measure(() => {
    for (let k = 0; k < reps; k++) fn();
  });
  return { wall: m.wall / reps, cpu: m.cpu / reps };
}
const noTreat = { ...plan.settings, treat: plan.settings.treat.map(() => null) };
const ws = createWorkspace(plan);
const scratch = new RankScratch(n);
const quiet = { quiet: true };
const warmOpts = { quiet: true, workspace: ws };
const runs: [string, () => void, number][] = [
  [
    `one run, ASEM (${n} units × ${plan.tree.indicators.length} indicators), every node ranked, cold: treatment computed`,
    () => {
      const r = runPlan(plan, plan.settings, quiet);
      for (const i of nodes) rankScores(r.score[i]!, out, 'competition');
    },
    1000,
  ],
  [
    '  cold, without the outlier treatment',
    () => {
      const r = runPlan(plan, noTreat, quiet);
      for (const i of nodes) rankScores(r.score[i]!, out, 'competition');
    },
    5000,
  ],
  [
    '  warm (workspace: treated and normalised columns reused, as in a replication), every node ranked',
    () => {
      const r = runPlan(plan, plan.settings, warmOpts);
      for (const i of nodes) scratch.rank(r.score[i]!, out, 'competition');
    },
    20000,
  ],
  [
    '  warm, the aggregates ranked (what a replication does)',
    () => {
      const r = runPlan(plan, plan.settings, warmOpts);
      for (const i of aggregates) scratch.rank(r.score[i]!, out, 'competition');
    },
    20000,
  ],
  ['  warm, not ranked', () => runPlan(plan, plan.settings, warmOpts), 20000],
];
for (const [label, fn, reps] of runs) {
  const t = perCall(fn, reps);
  rows.push([label, fmt(t.wall, 4), fmt(t.cpu, 4)]);
}

// 2. uncertainty, 10,000 replications, in process and as the whole command
const ua = measure(() => uncertainty(plan, vignette, { replications: 10000, seed: 42 }));
rows.push([
  'uncertainty, ASEM, vignette assumptions, 10,000 replications (in process)',
  fmt(ua.wall),
  fmt(ua.cpu),
]);
const tmp = mkdtempSync(join(tmpdir(), 'govscore-bench-'));
const spec = join(tmp, 'asem.yaml');
writeFileSync(spec, vignetteYaml);
// the built CLI, as installed (bench/run.ts builds first)
const cli = join(root, 'packages/cli/bin/govscore.mjs');
const hasTime = spawnSync('/usr/bin/time', ['-f', '%U', 'true']).status === 0;
/** Median wall and CPU (user + system, from /usr/bin/time when present) ms of 3 runs of the CLI. */
function command(args: string[], runs = 3): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    const r = hasTime
      ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, cli, ...args], {
          cwd: root,
          encoding: 'utf8',
        })
      : spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
    walls.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`govscore ${args.join(' ')} failed: ${r.stderr}`);
    const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
    if (m) cpus.push((Number(m[1]) + Number(m[2])) * 1000);
  }
  return { wall: median(walls), cpu: cpus.length ? median(cpus) : Number.NaN };
}
const base = ['analyse', setFile, '--data', dataFile, '--assumptions', spec, '--quiet'];
const startup = command(['--version']);
const uaCmd = command([
  ...base,
  '--uncertainty',
  '10000',
  '--out',
  join(tmp, 'a.json'),
  '--csv',
  join(tmp, 'r.csv'),
]);
rows.push([
  '  whole command: govscore analyse … --uncertainty 10000 --out --csv (median of 3)',
  fmt(uaCmd.wall),
  fmt(uaCmd.cpu),
]);

// 3. Sobol, N = 1,000
const sa = measure(() => sensitivity(plan, vignette, { n: 1000, seed: 42, bootstrap: 1000 }));
rows.push([
  `Sobol sensitivity, ASEM, N = 1,000 (${1000 * (vignette.length + 2)} runs, 1,000 bootstrap) (in process)`,
  fmt(sa.wall),
  fmt(sa.cpu),
]);
const saCmd = command([...base, '--sensitivity', '1000', '--out', join(tmp, 's.json')]);
rows.push([
  '  whole command: govscore analyse … --sensitivity 1000 --out (median of 3)',
  fmt(saCmd.wall),
  fmt(saCmd.cpu),
]);
rows.push(['  (starting the command: govscore --version)', fmt(startup.wall), fmt(startup.cpu)]);

// 4. 3,000 × 200, 1,000 replications
const big = generate(3000, 200, 42);
const bigPlan = compile(big.set, big.data);
const bigUa = measure(() => uncertainty(bigPlan, vignette, { replications: 1000, seed: 42 }));
rows.push([
  'uncertainty, 3,000 units × 200 indicators, 1,000 replications, same assumptions (in process)',
  fmt(bigUa.wall),
  fmt(bigUa.cpu),
]);
// the same through the CLI, on one thread and on two (the set as JSON, which is YAML; the data as CSV)
writeFileSync(join(tmp, 'big.yaml'), JSON.stringify(big.set));
const vars = big.data.variables;
const csvLines = [['id', 'group', ...vars].join(',')];
big.data.units.forEach((u, i) => {
  const cells = vars.map((v) => {
    const x = big.data.values.get(v)![i]!;
    return Number.isNaN(x) ? '' : String(x);
  });
  csvLines.push([u.id, u.groups['group'] ?? '', ...cells].join(','));
});
writeFileSync(join(tmp, 'big.csv'), `${csvLines.join('\n')}\n`);
const bigBase = [
  'analyse',
  join(tmp, 'big.yaml'),
  '--data',
  join(tmp, 'big.csv'),
  '--assumptions',
  spec,
  '--quiet',
];
for (const t of ['1', '2']) {
  const c = command(
    [...bigBase, '--uncertainty', '1000', '--threads', t, '--out', join(tmp, `big${t}.json`)],
    1,
  );
  rows.push([`  whole command, --threads ${t} (one run)`, fmt(c.wall), fmt(c.cpu)]);
}
rmSync(tmp, { recursive: true, force: true });

console.log('Robustness analysis: wall and CPU time (ms)');
console.log('| what | wall ms | CPU ms |');
console.log('|---|---:|---:|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

// 5. growth
const scale: string[][] = [];
const grow = (units: number, inds: number, reps: number) => {
  const g = generate(units, inds, 7);
  const p = compile(g.set, g.data);
  const m = measure(() => uncertainty(p, vignette, { replications: reps, seed: 1 }));
  scale.push([
    String(units),
    String(inds),
    String(reps),
    fmt(m.wall),
    fmt(((m.cpu / reps) * 1000) / units, 2),
  ]);
};
for (const u of [250, 1000, 4000]) grow(u, 100, 200);
for (const i of [50, 200, 400]) grow(1000, i, 200);
for (const r of [100, 400, 1600]) grow(1000, 100, r);
console.log('\nHow the uncertainty analysis grows (vignette assumptions, every aggregate ranked)');
console.log('| units | indicators | replications | wall ms | CPU µs per replication per unit |');
console.log('|---:|---:|---:|---:|---:|');
for (const r of scale) console.log(`| ${r.join(' | ')} |`);
console.log(`peak RSS: ${fmt(peakRssMb())} MB`);
