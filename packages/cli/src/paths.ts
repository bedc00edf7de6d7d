/**
 * Where the files govscore ships are found. The built CLI (dist/) has the indicator sets beside it
 * (`dist/indicators/`, copied by the build); the TypeScript sources, run inside the repository, read
 * the repository's `indicators/`, found by walking up to the folder holding `pnpm-workspace.yaml`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root (the folder with `pnpm-workspace.yaml`). */
export function repoRoot(from: string = import.meta.dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`govscore: cannot find the repository root above ${from}`);
    dir = up;
  }
}

/** The folder of the indicator sets `govscore init` starts from. */
export function indicatorsDir(from: string = import.meta.dirname): string {
  const shipped = join(from, 'indicators');
  return existsSync(shipped) ? shipped : join(repoRoot(from), 'indicators');
}
