/**
 * Where the repository's own files are (indicator sets, the JSON Schema), found by walking up from this
 * module to the folder holding `pnpm-workspace.yaml`: works from the sources and from the bundled CLI.
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
