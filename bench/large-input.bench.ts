/**
 * Benchmark: a large data file — about 50 MB of CSV, 40,000 units × 300 indicators (values 0–1000,
 * ~2% missing),
 * written to a temporary folder (never committed). Each measurement runs in its own child process, so
 * that each peak-memory figure (VmHWM) is its own:
 *
 * - `baseline`: start-up only (Node, tsx, @govscore/core imported);
 * - `read`: `readDataset` of the CSV (bytes → text → cells → typed columns), then `checkDataset`;
 * - `assess`: read, check and `assess` (300 indicators in 5 dimensions of 4 sub-dimensions);
 * - `limit`: `readDataset` with `maxBytes` 10 MB: E209 without reading the file.
 *
 * `pnpm bench large` runs it; `LARGE_UNITS` and `LARGE_INDICATORS` change the size.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assess, checkDataset, GovscoreError } from '@govscore/core';
import { readDataset } from '@govscore/core/io';
import { generate, prng } from './generate';
import { peakRssMb } from './util';

const nUnits = Number(process.env.LARGE_UNITS ?? 40_000);
const nInd = Number(process.env.LARGE_INDICATORS ?? 300);

/** The indicator set of the benchmark (the dataset of `generate` is not used: the file is). */
function benchSet() {
  return generate(2, nInd, 42).set;
}

/** Writes the CSV in chunks (the text is never held whole by the writer). */
function writeCsv(path: string): void {
  const rnd = prng(7);
  const fd = openSync(path, 'w');
  let buf = `id,name,group,${Array.from({ length: nInd }, (_, i) => `i${i}`).join(',')}\n`;
  for (let u = 0; u < nUnits; u++) {
    const latent = rnd();
    let line = `U${u},Unit ${u},g${u % 4}`;
    for (let i = 0; i < nInd; i++) {
      const r = rnd();
      line += r < 0.02 ? ',' : `,${Math.round(1000 * (0.6 * latent + 0.4 * rnd()))}`;
    }
    buf += `${line}\n`;
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
}

async function child(what: string, path: string): Promise<void> {
  const t0 = performance.now();
  const out: Record<string, unknown> = {};
  if (what === 'read' || what === 'assess') {
    const set = benchSet();
    const { dataset, problems } = await readDataset(path, { set });
    out.readMs = performance.now() - t0;
    out.units = dataset.units.length;
    out.variables = dataset.variables.length;
    out.problems = problems.length + checkDataset(set, dataset).filter((p) => p.severity === 'error').length;
    if (what === 'assess') {
      const t1 = performance.now();
      const r = assess(set, dataset);
      out.assessMs = performance.now() - t1;
      out.nodes = r.set.nodes.length;
    }
  } else if (what === 'limit') {
    try {
      await readDataset(path, { maxBytes: 10 * 1024 * 1024 });
      out.code = 'read';
    } catch (e) {
      out.code = e instanceof GovscoreError ? e.code : String(e);
    }
    out.readMs = performance.now() - t0;
  }
  out.peakRssMb = peakRssMb();
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function measure(what: string, path: string): Record<string, number | string> {
  const r = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, what, path], {
    encoding: 'utf8',
    cwd: join(import.meta.dirname, '..'),
  });
  if (r.status !== 0) throw new Error(`${what} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const [what, path] = process.argv.slice(2);
if (what && path) await child(what, path);
else {
  const dir = mkdtempSync(join(tmpdir(), 'govscore-large-'));
  try {
    const csv = join(dir, 'large.csv');
    const t0 = performance.now();
    writeCsv(csv);
    const mb = statSync(csv).size / 1e6;
    console.log(
      `large input: ${nUnits.toLocaleString('en')} units × ${nInd} indicators, ${mb.toFixed(1)} MB of CSV ` +
        `(written in ${((performance.now() - t0) / 1000).toFixed(1)} s to a temporary folder); each row a child process`,
    );
    const base = measure('baseline', csv);
    const read = measure('read', csv);
    const all = measure('assess', csv);
    const limit = measure('limit', csv);
    const f = (x: unknown) => (typeof x === 'number' ? x.toFixed(0) : String(x ?? '—'));
    console.log('| measurement | read ms | assess ms | peak RSS MB | peak RSS above start-up MB | outcome |');
    console.log('|---|---:|---:|---:|---:|---|');
    const baseRss = base.peakRssMb as number;
    console.log(`| start-up (Node, tsx, core) | — | — | ${f(baseRss)} | 0 | — |`);
    console.log(
      `| readDataset + checkDataset | ${f(read.readMs)} | — | ${f(read.peakRssMb)} | ${f((read.peakRssMb as number) - baseRss)} | ${read.units} units, ${read.variables} variables, ${read.problems} errors |`,
    );
    console.log(
      `| read + check + assess | ${f(all.readMs)} | ${f(all.assessMs)} | ${f(all.peakRssMb)} | ${f((all.peakRssMb as number) - baseRss)} | ${all.nodes} nodes |`,
    );
    console.log(
      `| maxBytes 10 MB | ${f(limit.readMs)} | — | ${f(limit.peakRssMb)} | ${f((limit.peakRssMb as number) - baseRss)} | ${limit.code} |`,
    );
    console.log(
      `file ${mb.toFixed(1)} MB; values held as Float64Array: ${((nUnits * nInd * 8) / 1e6).toFixed(0)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
