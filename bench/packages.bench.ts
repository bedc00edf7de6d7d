/**
 * Benchmark: what the built packages weigh and what the SHA-256 of the core costs.
 * - sizes: the core's ESM in dist/ (what `import '@govscore/core'` loads), raw and gzipped, and the
 *   what-if page's script as the report site ships it (the core bundled for the browser), raw and
 *   gzipped, from a report built with the built CLI (bench/run.ts runs `pnpm build` first);
 * - SHA-256 (`@noble/hashes`, used by the core in Node and the browser) against node:crypto's native
 *   hash on the same bytes, medians of 7 runs.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sha256Hex } from '../packages/core/src/util/sha256';
import { median } from './util';

const root = join(import.meta.dirname, '..');
const kb = (n: number) => (n / 1024).toFixed(1);

function row(what: string, bytes: Uint8Array): string {
  const gz = gzipSync(bytes, { level: 9 }).length;
  return `| ${what} | ${kb(bytes.length)} | ${kb(gz)} | ${(gz / bytes.length).toFixed(2)} |`;
}

console.log('built package sizes (gzip -9); ratio = gzipped / raw');
console.log('| file | kB | kB gzipped | ratio |');
console.log('|---|---:|---:|---:|');
const dist = join(root, 'packages/core/dist');
const js = readdirSync(dist).filter((f) => f.endsWith('.js'));
let all = Buffer.alloc(0);
for (const f of js.sort()) {
  const bytes = readFileSync(join(dist, f));
  all = Buffer.concat([all, bytes]);
  console.log(row(`@govscore/core dist/${f}`, bytes));
}
console.log(row('@govscore/core dist/*.js (all)', all));

// the what-if script of a built report (no analysis: only the pages matter here)
const out = mkdtempSync(join(tmpdir(), 'govscore-size-bench-'));
try {
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'packages/cli/bin/govscore.mjs'),
      'report',
      join(root, 'indicators/coinr-asem.yaml'),
      '--data',
      join(root, 'samples/coinr-asem/asem.csv'),
      '--out',
      join(out, 'site'),
      '--no-analysis',
      '--quiet',
    ],
    { encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
  );
  if (r.status !== 0) throw new Error(`govscore report failed: ${r.stderr}`);
  const page = readFileSync(join(out, 'site/en/whatif.html'), 'utf8');
  const scripts = [...page.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  if (scripts.length === 0) throw new Error('the what-if page loads no script');
  let bytes = Buffer.alloc(0);
  for (const s of scripts) bytes = Buffer.concat([bytes, readFileSync(join(out, 'site/en', s))]);
  console.log(row(`what-if page script (${scripts.length} file(s), ASEM report)`, bytes));
  const assets = join(out, 'site/_astro');
  const total = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((n, f) => n + statSync(join(assets, f)).size, 0);
  console.log(`(all scripts of the site: ${kb(total)} kB raw)`);
} finally {
  rmSync(out, { recursive: true, force: true });
}

console.log('\nSHA-256 of 8 MiB (median of 7 runs); baseline: node:crypto (native)');
console.log('| implementation | ms | × baseline |');
console.log('|---|---:|---:|');
const data = new Uint8Array(8 << 20).map((_, i) => (i * 31 + 7) & 0xff);
const timeIt = (f: () => string) => {
  const xs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    f();
    xs.push(performance.now() - t0);
  }
  return median(xs);
};
const native = () => createHash('sha256').update(data).digest('hex');
if (sha256Hex(data) !== native()) throw new Error('the digests differ');
const base = timeIt(native);
const noble = timeIt(() => sha256Hex(data));
console.log(`| node:crypto | ${base.toFixed(1)} | 1.00 |`);
console.log(`| @noble/hashes (the core) | ${noble.toFixed(1)} | ${(noble / base).toFixed(1)} |`);
