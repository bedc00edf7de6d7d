/**
 * `pnpm bench`: runs every `*.bench.ts` under bench/ and packages/*\/bench/ in its own process (so that
 * each peak-memory figure is its own), and prints their tables. `pnpm bench <filter>` runs the matching ones.
 * The benchmarks run the TypeScript sources (the `govscore-source` condition, as the tests do), except
 * where they time what a user runs — the built CLI and bundles — which `pnpm build` makes first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dirs = [
  join(root, 'bench'),
  ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'bench')),
];
const files = dirs
  .filter((d) => existsSync(d))
  .flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.bench.ts'))
      .map((f) => join(d, f)),
  )
  .sort();
const filter = process.argv[2];
const build = spawnSync('pnpm', ['build'], { stdio: 'inherit', cwd: root });
if (build.status !== 0) throw new Error('pnpm build failed');
let failed = 0;
for (const f of files) {
  if (filter && !f.includes(filter)) continue;
  console.log(`\n## ${f.slice(root.length + 1)}\n`);
  const r = spawnSync(process.execPath, [...process.execArgv, f], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
