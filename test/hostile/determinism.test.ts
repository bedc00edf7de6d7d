/**
 * Determinism: two runs of `govscore assess` and of `govscore analyse` (same seed; one thread or two)
 * on the same inputs write byte-identical files. (The report site's files are compared in
 * report.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, runCli, spawnCli } from './cli';

const tmp = mkdtempSync(join(tmpdir(), 'govscore-determinism-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const set = join(root, 'indicators/coinr-asem-pipeline.yaml');
const data = join(root, 'samples/coinr-asem/asem.csv');
const read = (f: string) => readFileSync(f);

describe('byte-identical outputs', () => {
  it('assess: Result JSON, long and wide CSV, XLSX', async () => {
    const outs = ['result.json', 'long.csv', 'wide.csv', 'result.xlsx'];
    for (const run of ['a', 'b']) {
      const r = await runCli(
        'assess',
        set,
        '--data',
        data,
        '--out',
        join(tmp, run, outs[0]!),
        '--csv',
        join(tmp, run, outs[1]!),
        '--wide-csv',
        join(tmp, run, outs[2]!),
        '--xlsx',
        join(tmp, run, outs[3]!),
        '--quiet',
      );
      expect(r.code, r.err).toBe(0);
    }
    for (const f of outs) expect(read(join(tmp, 'b', f)).equals(read(join(tmp, 'a', f))), f).toBe(true);
  });

  it('analyse with the same seed, in one thread and in two: the same bytes', () => {
    const outs = ['analysis.json', 'ranks.csv', 'result.json'];
    const args = (run: string, threads: string) => [
      'analyse',
      set,
      '--data',
      data,
      '--uncertainty',
      '200',
      '--sensitivity',
      '16',
      '--bootstrap',
      '50',
      '--seed',
      '42',
      '--threads',
      threads,
      '--out',
      join(tmp, run, outs[0]!),
      '--csv',
      join(tmp, run, outs[1]!),
      '--result',
      join(tmp, run, outs[2]!),
      '--quiet',
    ];
    // child processes: the analysis may start worker threads
    for (const [run, threads] of [
      ['x', '1'],
      ['y', '1'],
      ['z', '2'],
    ] as const) {
      const r = spawnCli(args(run, threads));
      expect(r.code, r.err).toBe(0);
    }
    for (const f of outs) {
      expect(read(join(tmp, 'y', f)).equals(read(join(tmp, 'x', f))), `${f}: two runs`).toBe(true);
      expect(read(join(tmp, 'z', f)).equals(read(join(tmp, 'x', f))), `${f}: two threads`).toBe(true);
    }
  });
});
