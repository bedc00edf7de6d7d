/**
 * Benchmark: building the report site (issue 6's target: under 60 s and under 2 GB on this 2-core
 * machine) for the bundled 31-province sample (2 years, 2 languages) and for 3,000 generated regions
 * with every profile page. Each case runs in its own process, so each peak-memory figure is its own.
 *
 * `tsx bench/site.bench.ts` prints the table; `tsx bench/site.bench.ts <case>` runs one case.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assess, parseIndicatorSet, type Result } from '@govscore/core';
import { readDataset } from '@govscore/core/io';
import { buildReport } from '../sites/report/src/build';
import { generate } from './generate';
import { peakRssMb } from './util';

const root = join(import.meta.dirname, '..');
const cases = ['sample', 'generated-3000'] as const;

async function results(which: (typeof cases)[number]): Promise<{ results: Result[]; label: string }> {
  if (which === 'sample') {
    const setPath = join(root, 'indicators/cn-provincial-digital-government.yaml');
    const { set } = parseIndicatorSet(readFileSync(setPath, 'utf8'), setPath);
    const { dataset } = await readDataset(join(root, 'samples/cn-provincial/cn-provincial.csv'), { set });
    return {
      results: dataset.years.map((year) => assess(set, dataset, { year })),
      label: '31 provinces × 2 years, zh + en',
    };
  }
  const { set, data } = generate(3000, 200, 7);
  return { results: [assess(set, data)], label: '3,000 regions × 200 indicators, 1 language' };
}

async function runCase(which: (typeof cases)[number]): Promise<void> {
  const { results: rs, label } = await results(which);
  const out = mkdtempSync(join(tmpdir(), 'govscore-site-bench-'));
  try {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const { pages } = await buildReport({ results: rs }, { outDir: join(out, 'site'), logLevel: 'error' });
    const s = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1e6;
    console.log(
      `| ${label} | ${pages} | ${s.toFixed(1)} | ${cpu.toFixed(1)} | ${((1000 * s) / pages).toFixed(1)} | ${peakRssMb().toFixed(0)} |`,
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const which = process.argv[2] as (typeof cases)[number] | undefined;
if (which) {
  await runCase(which);
} else {
  console.log('report site build (assess not included; target < 60 s and < 2 GB on 2 cores)');
  console.log('CPU s is user + system time of the build: the wall time on an otherwise idle machine.');
  console.log('| case | pages | build s | CPU s | ms / page | peak RSS MB |');
  console.log('|---|---:|---:|---:|---:|---:|');
  let failed = 0;
  for (const c of cases) {
    const r = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, c], {
      stdio: 'inherit',
      cwd: root,
    });
    if (r.status !== 0) failed++;
  }
  process.exitCode = failed ? 1 : 0;
}
