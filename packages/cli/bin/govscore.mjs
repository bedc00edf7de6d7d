#!/usr/bin/env node
// The `govscore` command. Runs the bundle in ../dist (made by `pnpm install` / `pnpm build`) while it is
// newer than every source file it was made from; otherwise runs the TypeScript sources through tsx,
// so an edited source is never shadowed by a stale bundle. GOVSCORE_FROM_SOURCE=1 forces the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(cli, 'dist', 'govscore.mjs');

function newestSource(dir, newest = 0) {
  if (!existsSync(dir)) return newest;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = newestSource(p, newest);
    else if (/\.(ts|mjs|json)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  if (process.env.GOVSCORE_FROM_SOURCE || !existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  const sources = [join(cli, 'src'), join(cli, '..', 'core', 'src'), join(cli, '..', 'core', 'package.json')];
  return sources.every((s) => (s.endsWith('.json') ? statSync(s).mtimeMs : newestSource(s)) <= built);
}

let main;
if (bundleIsFresh()) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
