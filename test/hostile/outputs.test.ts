/**
 * Nothing lost: a run that fails — a bad data file, a folder in the way, a full disk in the middle of
 * writing — leaves every previous output exactly as it was and no temporary file behind; a run that
 * succeeds replaces them all. Real failures only (no injected ones); the full-disk case mounts a
 * 64 KB tmpfs (root, or CAP_SYS_ADMIN); where mounting is not allowed it is skipped with the reason,
 * and fails under CI.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { skipBecause } from '../skip';
import { cliArgs, root, runCli } from './cli';

const tmp = mkdtempSync(join(tmpdir(), 'govscore-outputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const set = `id: t
title: T
methodology:
  normalise: {method: minmax, params: {min: 0, max: 100}}
tree:
  id: index
  children:
    - id: a
    - id: b
`;
const good = `id,name,a,b\n${Array.from({ length: 300 }, (_, i) => `u${i},Unit ${i},${i % 17},${(i * 7) % 23}`).join('\n')}\n`;
const bad = 'id,a,b\nu1,1,2\nu2,oops,3\n';

const setPath = join(tmp, 'set.yaml');
const goodPath = join(tmp, 'good.csv');
const badPath = join(tmp, 'bad.csv');
writeFileSync(setPath, set);
writeFileSync(goodPath, good);
writeFileSync(badPath, bad);

/** Every output of `assess`, with old contents. */
function oldOutputs(dir: string): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {};
  for (const f of ['result.json', 'long.csv', 'wide.csv', 'result.xlsx']) {
    files[join(dir, f)] = `OLD ${f}`;
    writeFileSync(join(dir, f), `OLD ${f}`);
  }
  return files;
}

function assessArgs(dir: string, data: string): string[] {
  return [
    'assess',
    setPath,
    '--data',
    data,
    '--out',
    join(dir, 'result.json'),
    '--csv',
    join(dir, 'long.csv'),
    '--wide-csv',
    join(dir, 'wide.csv'),
    '--xlsx',
    join(dir, 'result.xlsx'),
    '--quiet',
  ];
}

function expectUnchanged(files: Record<string, string>, dir: string): void {
  for (const [f, content] of Object.entries(files)) expect(readFileSync(f, 'utf8'), f).toBe(content);
  expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
}

describe('a failed run changes no output', () => {
  it('assess with a bad data file: exit 1, every old output intact', async () => {
    const dir = join(tmp, 'bad-data');
    const files = oldOutputs(dir);
    const r = await runCli(...assessArgs(dir, badPath));
    expect(r.code).toBe(1);
    expect(r.err).toContain('E204');
    expectUnchanged(files, dir);
  });

  it('assess with a folder where its third output goes: E700, the first two not replaced either', async () => {
    const dir = join(tmp, 'folder');
    const files = oldOutputs(dir);
    rmSync(join(dir, 'wide.csv'));
    mkdirSync(join(dir, 'wide.csv'));
    delete files[join(dir, 'wide.csv')];
    const r = await runCli(...assessArgs(dir, goodPath));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/E700 cannot write '.*wide\.csv': a folder has that name \(EISDIR\)/);
    expectUnchanged(files, dir);
  });

  it('assess into a path under a file (ENOTDIR): E700, nothing written', async () => {
    const dir = join(tmp, 'notdir');
    const files = oldOutputs(dir);
    const r = await runCli(
      'assess',
      setPath,
      '--data',
      goodPath,
      '--out',
      join(dir, 'result.json'),
      '--csv',
      join(dir, 'long.csv', 'inside.csv'),
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain('E700');
    expectUnchanged(files, dir);
  });

  it('template and compare with a bad input leave their old outputs too', async () => {
    const dir = join(tmp, 'others');
    mkdirSync(dir);
    writeFileSync(join(dir, 'template.xlsx'), 'OLD');
    writeFileSync(join(dir, 'compare.json'), 'OLD');
    const badSet = join(dir, 'bad.yaml');
    writeFileSync(badSet, 'id: t\ntitle: T\ntree: {id: index, children: []}\n');
    expect((await runCli('template', badSet, '--out', join(dir, 'template.xlsx'), '--force')).code).toBe(1);
    expect(
      (await runCli('compare', setPath, badSet, '--data', goodPath, '--out', join(dir, 'compare.json'))).code,
    ).toBe(1);
    expect(readFileSync(join(dir, 'template.xlsx'), 'utf8')).toBe('OLD');
    expect(readFileSync(join(dir, 'compare.json'), 'utf8')).toBe('OLD');
  });

  it('a successful run replaces every output', async () => {
    const dir = join(tmp, 'ok');
    const files = oldOutputs(dir);
    const r = await runCli(...assessArgs(dir, goodPath));
    expect(r.code).toBe(0);
    for (const f of Object.keys(files)) expect(readFileSync(f, 'utf8')).not.toMatch(/^OLD/);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

/** Mounts a 64 KB tmpfs: its folder, or why it could not. */
function tinyDisk(): { dir?: string; why?: string } {
  if (process.platform !== 'linux') return { why: `a tmpfs needs Linux (this is ${process.platform})` };
  const dir = join(tmp, 'tiny');
  mkdirSync(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status === 0) return { dir };
  const said = (r.stderr || r.error?.message || `exit ${r.status}`).trim();
  return { why: `cannot mount a 64 KB tmpfs to fill (${said}); run the tests as root` };
}

describe('a full disk in the middle of writing', () => {
  const { dir: disk, why } = tinyDisk();
  const skip = skipBecause(why && `full-disk tests: ${why}`);
  afterAll(() => {
    if (disk) spawnSync('umount', [disk]);
  });

  it.skipIf(skip)(
    'assess: ENOSPC while writing the XLSX → E700, old files intact, no temporary file',
    async () => {
      const dir = disk!;
      const files = oldOutputs(dir);
      const r = await runCli(...assessArgs(dir, goodPath));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/E700 cannot write '.*': the disk is full \(ENOSPC\)/);
      expectUnchanged(files, dir);
    },
  );

  it.skipIf(skip)('as a child process too (the installed command)', () => {
    const dir = disk!;
    const files = oldOutputs(dir);
    const r = spawnSync(process.execPath, cliArgs(assessArgs(dir, goodPath)), { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('E700');
    expectUnchanged(files, dir);
  });
});

describe('every command writes through writeFileAtomic', () => {
  it('no command writes files directly (writeFileSync, streams, copies, renames)', () => {
    const dir = join(root, 'packages/cli/src/commands');
    const direct =
      /\b(writeFileSync|appendFileSync|createWriteStream|copyFileSync|cpSync|renameSync|writeFile)\s*\(/;
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => direct.test(readFileSync(join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
    expect(existsSync(join(root, 'packages/cli/src/fs.ts'))).toBe(true);
  });
});
