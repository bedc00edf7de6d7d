import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  type Assumption,
  compile,
  finishUncertainty,
  parseDatasetCsv,
  parseIndicatorSet,
  resultToJson,
  uncertainty,
  uncertaintyJob,
} from '@govscore/core';
import { afterAll, describe, expect, it } from 'vitest';
import { tsxApi } from '../../../test/hostile/cli';
import { main } from '../src/main';

const tmp = mkdtempSync(join(tmpdir(), 'govscore-analyse-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

const set = (wb = 1) => `
id: t
title: T
methodology:
  normalise: {method: minmax, params: {min: 0, max: 100}}
  tiers: {by: thresholds, levels: [{id: high, min: 55}, {id: low}]}
tree:
  id: index
  children:
    - id: a
    - id: b
      direction: lower
      weight: ${wb}
`;
// a → 0, 50, 100; b (lower is better) 10, 20, 40 → 100, 66.67, 0
// index (equal weights): x 50, y 58.33, z 50 → ranks x 2, y 1, z 2 (competition)
const csv = 'id,name,a,b\nx,X,1,10\ny,Y,2,20\nz,Z,3,40\n';
const setPath = join(tmp, 'set.yaml');
const set3Path = join(tmp, 'set3.yaml');
const dataPath = join(tmp, 'data.csv');
writeFileSync(setPath, set());
writeFileSync(set3Path, set(3));
writeFileSync(dataPath, csv);
const p = (name: string) => join(tmp, name);

describe('govscore analyse', () => {
  it('writes rank intervals as CSV and the analysis as JSON; nominal ranks are those of assess', async () => {
    const r = await run(
      'analyse',
      setPath,
      '--data',
      dataPath,
      '--uncertainty',
      '300',
      '--seed',
      '3',
      '--csv',
      p('r.csv'),
      '--out',
      p('a.json'),
      '--quiet',
    );
    expect(r.code).toBe(0);
    const rows = readFileSync(p('r.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(','));
    expect(rows[0]).toEqual([
      'region_id',
      'node_id',
      'nominal_rank',
      'median_rank',
      'q05_rank',
      'q95_rank',
      'mean_rank',
    ]);
    expect(rows.slice(1).map((x) => x.slice(0, 3))).toEqual([
      ['x', 'index', '2'],
      ['y', 'index', '1'],
      ['z', 'index', '2'],
    ]);
    for (const row of rows.slice(1)) {
      const [q05, med, q95] = [Number(row[4]), Number(row[3]), Number(row[5])];
      expect(q05).toBeLessThanOrEqual(med);
      expect(med).toBeLessThanOrEqual(q95);
    }
    const a = JSON.parse(readFileSync(p('a.json'), 'utf8'));
    expect(a.govscore_analysis).toBe(1);
    expect(a.uncertainty.replications).toBe(300);
    expect(a.assumptions.map((x: { id: string }) => x.id)).toEqual(['weights_L1']);
  });

  it('is seeded: the same command gives byte-identical files', async () => {
    for (const k of ['1', '2']) {
      await run(
        'analyse',
        setPath,
        '--data',
        dataPath,
        '--uncertainty',
        '100',
        '--sensitivity',
        '20',
        '--seed',
        '9',
        '--out',
        p(`s${k}.json`),
        '--csv',
        p(`s${k}.csv`),
        '--quiet',
      );
    }
    expect(readFileSync(p('s1.json'), 'utf8')).toBe(readFileSync(p('s2.json'), 'utf8'));
    expect(readFileSync(p('s1.csv'), 'utf8')).toBe(readFileSync(p('s2.csv'), 'utf8'));
  });

  it('a worker thread gives the same files as one thread', async () => {
    for (const t of ['1', '2']) {
      const r = await run(
        'analyse',
        setPath,
        '--data',
        dataPath,
        '--uncertainty',
        '3000',
        '--seed',
        '4',
        '--threads',
        t,
        '--out',
        p(`t${t}.json`),
        '--csv',
        p(`t${t}.csv`),
        '--quiet',
      );
      expect(r.code).toBe(0);
    }
    expect(readFileSync(p('t2.json'), 'utf8')).toBe(readFileSync(p('t1.json'), 'utf8'));
    expect(readFileSync(p('t2.csv'), 'utf8')).toBe(readFileSync(p('t1.csv'), 'utf8'));
    expect((await run('analyse', setPath, '--data', dataPath, '--threads', '0')).code).toBe(2);
  });

  it('with every assumption fixed the intervals collapse to the nominal rank', async () => {
    writeFileSync(
      p('fixed.yaml'),
      'assumptions:\n  - {type: weights, factor: 0}\n  - {type: aggregate, choices: [arithmetic]}\nuncertainty: {replications: 50}\n',
    );
    const r = await run(
      'analyse',
      setPath,
      '--data',
      dataPath,
      '--assumptions',
      p('fixed.yaml'),
      '--csv',
      p('f.csv'),
      '--quiet',
    );
    expect(r.code).toBe(0);
    const rows = readFileSync(p('f.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(','));
    for (const row of rows)
      expect([row[3], row[4], row[5], row[6]]).toEqual([row[2], row[2], row[2], row[2]]);
  });

  it('prints flags, intervals and Sobol indices; --result carries the analysis', async () => {
    const r = await run(
      'analyse',
      setPath,
      '--data',
      dataPath,
      '--uncertainty',
      '50',
      '--sensitivity',
      '20',
      '--bootstrap',
      '10',
      '--result',
      p('result.json'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("rank intervals of 'index' over 50 replications (seed 1)");
    expect(r.out).toMatch(/weights_L1\t/);
    const res = JSON.parse(readFileSync(p('result.json'), 'utf8'));
    expect(res.govscore_result).toBe(1);
    expect(res.analysis.uncertainty.ranks.index.nominal).toEqual(res.values.index.rank);
  });

  it('a bad analysis file is exit 1 with file:line:col E400; usage mistakes exit 2', async () => {
    writeFileSync(p('bad.yaml'), 'assumptions:\n  - type: weights\n    factor: 3\n');
    const r = await run('analyse', setPath, '--data', dataPath, '--assumptions', p('bad.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${p('bad.yaml')}:3:13 E400 assumptions[0].factor: must be <= 1`);
    expect((await run('analyse', setPath, '--data', dataPath, '--csv', p('x.csv'))).code).toBe(2);
    expect((await run('analyse', setPath, '--data', dataPath, '--uncertainty', 'many')).code).toBe(2);
    expect((await run('analyse', setPath)).code).toBe(2);
  });
});

describe('the analyse worker thread', () => {
  it('runs a whole job on shared memory: the same result as in this thread', async () => {
    const { set: s } = parseIndicatorSet(set(), 'set.yaml');
    const { dataset } = parseDatasetCsv(csv, { set: s });
    const plan = compile(s, dataset);
    const assumptions: Assumption[] = [{ type: 'weights', factor: 0.5 }];
    const job = uncertaintyJob(
      plan,
      assumptions,
      { replications: 200, seed: 8 },
      (b) => new SharedArrayBuffer(b),
    );
    // the worker imports @govscore/core, which the tests resolve to its TypeScript sources: tsx's
    // loader is registered in the thread first (the CLI started by cliArgs has it from --import)
    const worker = new URL('../src/commands/analyse-worker.mjs', import.meta.url).href;
    const w = new Worker(
      `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`,
      { eval: true, workerData: { set: s, data: dataset, year: undefined, assumptions, job } },
    );
    const m = await new Promise<{ ok: boolean; failure: null }>((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
    });
    await w.terminate();
    expect(m).toEqual({ ok: true, failure: null });
    const got = finishUncertainty(plan, assumptions, job, [m.failure]);
    expect(resultToJson(got)).toBe(
      resultToJson(uncertainty(plan, assumptions, { replications: 200, seed: 8 })),
    );
  });
});

describe('govscore compare', () => {
  it('two versions of a set on the same data: shifts CSV, rank correlation', async () => {
    // with b weighted 3: x (0 + 300)/4 = 75, y (50 + 200)/4 = 62.5, z 100/4 = 25 → ranks 1, 2, 3
    const r = await run(
      'compare',
      setPath,
      set3Path,
      '--data',
      dataPath,
      '--csv',
      p('c.csv'),
      '--out',
      p('c.json'),
    );
    expect(r.code).toBe(0);
    const rows = readFileSync(p('c.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(','));
    expect(rows[0]).toEqual([
      'region_id',
      'node_id',
      'score_a',
      'score_b',
      'score_change',
      'rank_a',
      'rank_b',
      'rank_change',
    ]);
    const idx = rows.filter((x) => x[1] === 'index').map((x) => [x[0], x[5], x[6], x[7]]);
    expect(idx).toEqual([
      ['x', '2', '1', '1'],
      ['y', '1', '2', '-1'],
      ['z', '2', '3', '-1'],
    ]);
    const c = JSON.parse(readFileSync(p('c.json'), 'utf8'));
    // ranks (2, 1, 2) vs (1, 2, 3): average ranks (2.5, 1, 2.5) vs (1, 2, 3); deviations (0.5, −1, 0.5)
    // and (−1, 0, 1): Σ products 0 → ρ = 0
    expect(c.rank_correlation.index).toBe(0);
    // tiers (min 55): x 50 → 75 moves up; y 58.3 → 62.5 and z 50 → 25 stay
    expect(c.tiers.changes).toEqual([{ unit: 'x', from: 'low', to: 'high', direction: 'up' }]);
    expect(r.out).toContain("Spearman rank correlation of 'index': 0.000");
  });

  it('two Result files; a set without --data is a usage error; disjoint units are E401', async () => {
    await run('assess', setPath, '--data', dataPath, '--out', p('r1.json'), '--quiet');
    await run('assess', set3Path, '--data', dataPath, '--out', p('r2.json'), '--quiet');
    const r = await run('compare', p('r1.json'), p('r2.json'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ units: 3, only_a: [], only_b: [], tier_changes: 1 });
    expect((await run('compare', setPath, set3Path)).code).toBe(2);
    writeFileSync(p('other.csv'), 'id,a,b\nq,1,2\nw,2,3\n');
    await run('assess', setPath, '--data', p('other.csv'), '--out', p('r3.json'), '--quiet');
    const bad = await run('compare', p('r1.json'), p('r3.json'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('E401 the Results share no unit');
  });
});
