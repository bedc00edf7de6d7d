/**
 * Running the `govscore` CLI from the hostile-input tests: in-process (no start-up cost) or as a real
 * child process (`bin/govscore.mjs` through tsx, as a user runs it). No timings: tests assert
 * outcomes, speed belongs in `pnpm bench`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../packages/cli/src/main';

export const root = join(import.meta.dirname, '..', '..');

/** Runs the CLI in this process; returns the exit code and its output. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

/** Runs `node packages/cli/bin/govscore.mjs …` in a child process. */
export function spawnCli(
  argv: string[],
  env: Record<string, string> = {},
): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(root, 'packages/cli/bin/govscore.mjs'), ...argv], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
