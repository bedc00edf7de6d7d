import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliArgs } from '../../../test/hostile/cli';
import { main } from '../src/main';

const tmp = mkdtempSync(join(tmpdir(), 'govscore-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the CLI in-process, capturing its output. */
async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

const set = `
id: t
title: T
methodology:
  normalise: {method: minmax, params: {min: 0, max: 100}}
tree:
  id: index
  children:
    - id: a
      weight: 1
    - id: b
      direction: lower
`;
const csv = 'id,name,a,b\nx,X,1,10\ny,Y,2,20\nz,Z,3,40\n';

describe('govscore CLI', () => {
  const setPath = join(tmp, 'set.yaml');
  const dataPath = join(tmp, 'data.csv');
  writeFileSync(setPath, set);
  writeFileSync(dataPath, csv);

  it('prints help and exits 0; usage errors exit 2', async () => {
    const h = await run('--help');
    expect(h.code).toBe(0);
    expect(h.out).toContain('validate');
    expect(h.out).toContain('assess');
    expect((await run('assess', '--help')).out).toContain('--csv');
    expect((await run('nope')).code).toBe(2);
    expect((await run('assess', setPath)).code).toBe(2); // no --data
    expect((await run('assess', setPath, '--data', dataPath, '--bogus')).code).toBe(2);
  });

  it('validate: exit 0 on a clean set, 1 with file:line:col CODE lines on a bad one', async () => {
    expect((await run('validate', setPath, '--data', dataPath)).code).toBe(0);
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(
      bad,
      'id: t\ntitle: T\ntree:\n  id: index\n  children:\n    - id: a\n      wieght: 2\n    - id: a\n',
    );
    const r = await run('validate', bad);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(r.err).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7:7 E101 .*wieght`));
    expect(r.err).toMatch(/:8:\d+ E102 /);
  });

  it('validate: a missing file is E200, exit 1', async () => {
    const r = await run('validate', join(tmp, 'missing.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('E200');
  });

  it('assess: long CSV with region_id,node_id,score,rank; values hand-computed', async () => {
    const out = join(tmp, 'long.csv');
    const r = await run('assess', setPath, '--data', dataPath, '--csv', out, '--quiet');
    expect(r.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split(/\r?\n/);
    expect(rows[0]).toBe('region_id,node_id,kind,score,rank,tier,raw,treated,imputed');
    // a: 0, 50, 100; b (lower): 10→100, 20→(40-20)/30·100=66.67, 40→0; index = mean
    const idx = rows.filter((l) => l.split(',')[1] === 'index').map((l) => l.split(','));
    // x: (0 + 100) / 2 = 50; y: (50 + 66.667) / 2 = 58.333; z: (100 + 0) / 2 = 50 → ranks 2, 1, 2
    expect(idx.map((c) => [c[0], Number(c[3]).toFixed(6), c[4]])).toEqual([
      ['x', '50.000000', '2'],
      ['y', (25 + 100 / 3).toFixed(6), '1'],
      ['z', '50.000000', '2'],
    ]);
  });

  it('assess: writes byte-identical Result files for the same inputs', async () => {
    const a = join(tmp, 'a.json');
    const b = join(tmp, 'b.json');
    await run('assess', setPath, '--data', dataPath, '--out', a, '--quiet');
    await run('assess', setPath, '--data', dataPath, '--out', b, '--quiet');
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    expect(JSON.parse(readFileSync(a, 'utf8')).govscore_result).toBe(1);
  });

  it('assess: a failing run leaves the previous output intact', async () => {
    const out = join(tmp, 'keep.csv');
    writeFileSync(out, 'previous\n');
    const badData = join(tmp, 'bad.csv');
    writeFileSync(badData, 'id,a,b\nx,1,oops\n');
    const r = await run('assess', setPath, '--data', badData, '--csv', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/E204/);
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
  });

  it('the govscore bin runs as a process and returns exit codes', () => {
    const ok = spawnSync(process.execPath, cliArgs(['assess', setPath, '--data', dataPath]), {
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\n')[1]).toMatch(/^1\t.*\ty\tY$/);
    const bad = spawnSync(process.execPath, cliArgs(['validate']), { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  }, 60_000);
});
