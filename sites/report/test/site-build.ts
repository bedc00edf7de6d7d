/**
 * Builds a report site once per test run (shared by the test files of one `vitest run`, which build
 * in parallel workers): the first caller builds with `govscore report` into `out/test-site/<name>`,
 * the others wait for it. A run is told apart by the vitest main process id.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cliArgs } from '../../../test/hostile/cli';

export const repoRoot = resolve(import.meta.dirname, '../../..');
const outRoot = join(repoRoot, 'out', 'test-site');

/** Runs the govscore CLI; resolves with its exit code and output. */
export function govscore(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok, ko) => {
    const p = spawn(process.execPath, cliArgs(args), {
      cwd: repoRoot,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => {
      stdout += String(d);
    });
    p.stderr.on('data', (d) => {
      stderr += String(d);
    });
    p.on('error', ko);
    p.on('close', (code) => ok({ code: code ?? -1, stdout, stderr }));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether the process that holds a build lock still runs (a lock without a pid yet counts as held). */
function holderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    return existsSync(lock);
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The folder of site `name` built with `govscore report <args> --out <folder>`, building it when this
 * run has not yet.
 * @throws Error with the CLI's output when the build fails
 */
export async function builtSite(name: string, args: string[]): Promise<string> {
  mkdirSync(outRoot, { recursive: true });
  const dir = join(outRoot, name);
  const stamp = join(outRoot, `${name}.done`);
  const lock = join(outRoot, `${name}.lock`);
  const run = String(process.ppid);
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === run && existsSync(dir)) return dir;
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
    } catch {
      // a lock whose holder is gone (a worker killed mid-build) is taken over, never waited on forever
      if (!holderAlive(lock)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`gave up waiting for ${lock} (held by a live process)`);
      await sleep(500);
      continue;
    }
    try {
      if (existsSync(stamp) && readFileSync(stamp, 'utf8') === run && existsSync(dir)) return dir;
      rmSync(stamp, { force: true });
      const r = await govscore(['report', ...args, '--out', dir, '--quiet']);
      if (r.code !== 0) throw new Error(`govscore report ${args.join(' ')} failed (${r.code}):\n${r.stderr}`);
      writeFileSync(stamp, run);
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

export const SAMPLE_ARGS = [
  'indicators/cn-provincial-digital-government.yaml',
  '--data',
  'samples/cn-provincial/cn-provincial.csv',
  '--config',
  'sites/report/examples/cn-provincial.site.yaml',
  '--base',
  '/reports/2025/',
];

export const HOSTILE_ARGS = [
  'sites/report/test/fixtures/hostile.yaml',
  '--data',
  'sites/report/test/fixtures/hostile.csv',
];
