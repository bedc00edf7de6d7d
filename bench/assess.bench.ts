/**
 * Benchmark: `assess` on generated data (issue 2's target: 3,000 units × 200 indicators under 50 ms).
 * Prints the median time of 10 runs and the peak memory of the process.
 */
import { assess, compile, runPlan } from '@govscore/core';
import { generate } from './generate';
import { peakRssMb, time } from './util';

const rows: string[][] = [];
for (const [nUnits, nInd] of [
  [100, 50],
  [1000, 200],
  [3000, 200],
] as const) {
  const { set, data } = generate(nUnits, nInd, 42);
  // A dataset read from a file carries the sha256 of the file's bytes (computed by the loader while
  // reading); an in-memory dataset is hashed by assess for the provenance. Both are timed.
  const tMemory = time(() => assess(set, data), 10, 2);
  const loaded = { ...data, source: { file: 'generated.csv', hash: 'f'.repeat(64) } };
  const tAssess = time(() => assess(set, loaded), 10, 2);
  const plan = compile(set, data);
  const tRun = time(() => runPlan(plan, plan.settings, { quiet: true }), 20, 3);
  rows.push([`${nUnits} × ${nInd}`, tAssess.toFixed(1), tMemory.toFixed(1), tRun.toFixed(2)]);
}
console.log('assess (median of 10 runs, ms) and one plan run (treat→normalise→aggregate, ms)');
console.log(
  '| units × indicators | assess ms (loaded data) | assess ms (in-memory data, hashed) | runPlan ms |',
);
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`peak RSS: ${peakRssMb().toFixed(0)} MB`);
