/**
 * Running the `govscore` CLI from the repository's tests, the one place that says how: in-process (no
 * start-up cost) or as a real child process. A child runs `packages/cli/bin/govscore.mjs` from the
 * TypeScript sources — `node --conditions=govscore-source --import tsx` — so a source edit is tested
 * without a build. The built packages (dist/, as installed from npm) are tested by
 * test/install/smoke.ts. No timings: tests assert outcomes, speed belongs in `pnpm bench`.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../../packages/cli/src/main';

export const root = join(import.meta.dirname, '..', '..');

/** The `govscore` launcher of the CLI package. */
export const bin = join(root, 'packages/cli/bin/govscore.mjs');

const require = createRequire(import.meta.url);
/** tsx's loader, as a URL (the working folder of the child may be anywhere). */
const tsx = pathToFileURL(require.resolve('tsx')).href;
/** tsx's API (`register()`), as a URL: for a worker thread started by a test. */
export const tsxApi = pathToFileURL(join(dirname(require.resolve('tsx')), 'esm/api/index.mjs')).href;

/**
 * Node's arguments to run `govscore <argv>` from the sources, whatever the working folder:
 * `spawn(process.execPath, cliArgs(['assess', …]))`. Worker threads inherit the flags.
 */
export function cliArgs(argv: readonly string[]): string[] {
  return ['--conditions=govscore-source', '--import', tsx, bin, ...argv];
}

/** Runs the CLI in this process; returns the exit code and its output. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

/** Runs `govscore …` (from the sources, see `cliArgs`) in a child process, by default in the repository. */
export function spawnCli(
  argv: string[],
  env: Record<string, string> = {},
  cwd: string = root,
): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, cliArgs(argv), {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
