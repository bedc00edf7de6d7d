/**
 * Hostile data: numbers that overflow, infinite values built in code, extreme magnitudes, empty and
 * binary files, encodings, zip bombs and files over the size limit. Each gives a clear, located error
 * or the right numbers — never a silent null, a NaN in a Result, or a crash.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assess,
  type Dataset,
  GovscoreError,
  type IndicatorSet,
  parseDatasetCsv,
  parseIndicatorSet,
} from '@govscore/core';
import { readDataset, readXlsxRows } from '@govscore/core/io';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { ExactSum } from '../../packages/core/src/util/stats';
import { runCli } from './cli';

const tmp = mkdtempSync(join(tmpdir(), 'govscore-hostile-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const setOf = (methodology = '{normalise: minmax, aggregate: arithmetic}'): IndicatorSet =>
  parseIndicatorSet(
    `id: t\ntitle: T\nmethodology: ${methodology}\ntree: {id: index, children: [{id: a}, {id: b}]}\n`,
  ).set;

function data(a: number[], b: number[]): Dataset {
  return {
    units: a.map((_, i) => ({ id: `u${i + 1}`, groups: {} })),
    years: [],
    variables: ['a', 'b'],
    values: new Map([
      ['a', Float64Array.from(a)],
      ['b', Float64Array.from(b)],
    ]),
  };
}

function error(f: () => unknown): GovscoreError {
  try {
    f();
  } catch (e) {
    if (e instanceof GovscoreError) return e;
    throw e;
  }
  throw new Error('expected a GovscoreError');
}

describe('exactly rounded sums (order never changes a mean)', () => {
  const cases: [string, number[], number][] = [
    ['1e16 + 1 − 1e16 (naive: 0)', [1e16, 1, -1e16], 1],
    ['ten times 0.1 (naive: 0.9999999999999999)', Array(10).fill(0.1), 1],
    ['1 + 1e100 + 1 − 1e100 (naive: 0)', [1, 1e100, 1, -1e100], 2],
    ['0.1 + 0.2 + 0.3 (naive: 0.6000000000000001)', [0.1, 0.2, 0.3], 0.6],
    ['empty', [], 0],
  ];
  for (const [name, xs, sum] of cases)
    it(`${name} = ${sum}, in any order`, () => {
      const s = new ExactSum();
      for (const x of xs) s.add(x);
      expect(s.value()).toBe(sum);
      s.reset();
      for (const x of [...xs].reverse()) s.add(x);
      expect(s.value()).toBe(sum);
    });
  it('overflow gives ±Infinity (then refused by the engine), not a wrong finite sum', () => {
    const s = new ExactSum();
    s.add(1.7e308);
    s.add(1.7e308);
    expect(s.value()).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('numbers beyond what the engine computes with', () => {
  it('a cell 1e309 (overflows to Infinity) is E204 at its line and column', () => {
    const { problems } = parseDatasetCsv('id,a,b\nu1,1e309,1\nu2,2,-1e309\n', {
      set: setOf(),
      file: 'd.csv',
    });
    expect(problems.map((p) => [p.code, p.line, p.col, p.message])).toEqual([
      ['E204', 2, 2, 'value "1e309" in column a is too large for a number (beyond ±1.8e308)'],
      ['E204', 3, 3, 'value "-1e309" in column b is too large for a number (beyond ±1.8e308)'],
    ]);
  });

  it('Infinity in a Dataset built in code: E204 naming unit and node (was: a silent null, wrong scores)', () => {
    const e = error(() => assess(setOf(), data([1, Number.POSITIVE_INFINITY, 3], [1, 2, 3])));
    expect(e.problems.map((p) => [p.code, p.node, p.unit])).toEqual([['E204', 'a', 'u2']]);
  });

  it('values beyond ±1e150: E306 (was: min-max scores 0, null, null without a warning)', () => {
    const e = error(() => assess(setOf(), data([-1.7e308, 1e308, 1.7e308], [1, 2, 3])));
    expect(e.problems.map((p) => [p.code, p.node, p.unit])).toEqual([['E306', 'a', 'u1']]);
    expect(e.message).toContain('too large to compute with');
  });

  it('an aggregate that overflows (power mean, p = 3, of 1e150): E306 (was: a null score ranked first)', () => {
    const set = setOf('{normalise: none, aggregate: {method: generalised, params: {p: 3}}}');
    const e = error(() => assess(set, data([1e150, 1, 1], [1e150, 1, 2])));
    expect(e.problems.map((p) => [p.code, p.node, p.unit])).toEqual([['E306', 'index', 'u1']]);
  });

  it('min-max over a subnormal range (5e-324) gives 0 and 100, not NaN', () => {
    const r = assess(setOf(), data([0, 5e-324], [1, 2]));
    expect(r.values.a!.score).toEqual([0, 100]);
  });

  it('values up to ±1e150 are computed as smaller ones (min-max of ±2^400 = ±2.6e120)', () => {
    const r = assess(setOf(), data([-(2 ** 400), 0, 2 ** 400], [1, 2, 3]));
    expect(r.values.a!.score).toEqual([0, 50, 100]);
  });
});

describe('data files: empty, binary, encodings', () => {
  const set = setOf();
  const cases: [string, Uint8Array | string, string, [string, number | undefined][]][] = [
    ['an empty file', '', '.csv', [['E200', undefined]]],
    ['only a UTF-8 BOM', '\uFEFF', '.csv', [['E200', undefined]]],
    ['only a header', 'id,a,b\r\n', '.csv', []],
    [
      'binary garbage named .csv',
      new Uint8Array([0, 255, 1, 254, 10, 13, 0, 0, 200]),
      '.csv',
      // neither UTF-8 nor plausible GB18030: refused (was: read as GB18030, then E207)
      [['E214', 1]],
    ],
    [
      'GBK (Excel on Chinese Windows)',
      new Uint8Array([...strToU8('id,name,a,b\r\nu1,'), 0xd5, 0xe3, 0xbd, 0xad, ...strToU8(',1,2\r\n')]),
      '.csv',
      [['W201', undefined]], // read as GB18030, and said so
    ],
    [
      'UTF-16 LE with BOM',
      new Uint8Array([0xff, 0xfe, ...[...'id\ta\tb\nu1\t1\t2\n'].flatMap((c) => [c.charCodeAt(0), 0])]),
      '.txt',
      [],
    ],
    ['CR-only line ends', 'id,a,b\ru1,1,2\ru2,3,4\r', '.csv', []],
    [
      'an unterminated quote',
      'id,a,b\nu1,"1,2\n',
      '.csv',
      [
        ['E200', 2],
        ['E204', 2],
      ],
    ],
    ['a row with too many cells', 'id,a,b\nu1,1,2,3\n', '.csv', [['E207', 2]]],
    [
      'NaN, Infinity, 1,234 and 12% cells',
      'id,a,b\nu1,NaN,Infinity\nu2,"1,234",12%\n',
      '.csv',
      [
        ['E204', 2],
        ['E204', 2],
        ['E204', 3],
        ['E204', 3],
      ],
    ],
    ['a JSON file that is not JSON', '{"units": [', '.json', [['E200', 1]]],
    ['an .xls file', 'x', '.xls', [['E200', undefined]]],
  ];
  for (const [name, content, ext, expected] of cases)
    it(`${name}: ${expected.length ? expected.map((e) => e[0]).join(', ') : 'read'}`, async () => {
      const path = join(tmp, `${name.replace(/\W+/g, '-')}${ext}`);
      writeFileSync(path, content);
      let problems: { code: string; line?: number }[];
      try {
        problems = (await readDataset(path, { set })).problems;
      } catch (e) {
        if (!(e instanceof GovscoreError)) throw e;
        problems = e.problems;
      }
      expect(problems.map((p) => [p.code, p.line])).toEqual(expected);
    });

  it('GBK names are decoded', async () => {
    const path = join(tmp, 'gbk.csv');
    writeFileSync(
      path,
      new Uint8Array([...strToU8('id,name,a,b\r\nu1,'), 0xd5, 0xe3, 0xbd, 0xad, ...strToU8(',1,2\r\n')]),
    );
    expect((await readDataset(path, { set })).dataset.units[0]!.name).toBe('浙江');
  });
});

describe('zip bombs and size limits', () => {
  const workbook =
    '<?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="s" r:id="rId1"/></sheets></workbook>';

  it('an XLSX that unpacks to more than maxBytes (40 MB, limit 16 MB): E209 before inflating it', () => {
    const big = new Uint8Array(40 * 1024 * 1024);
    const zip = zipSync(
      { 'xl/workbook.xml': strToU8(workbook), 'xl/worksheets/sheet1.xml': big },
      { level: 9 },
    );
    expect(zip.length).toBeLessThan(100_000);
    // Make the sheet's deflate stream unreadable (first block of the reserved type 3): inflating it
    // fails, so an E209 (not E200) shows the entry was refused on its declared size, never inflated.
    const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const name = strToU8('xl/worksheets/sheet1.xml');
    let at = -1;
    for (let i = 0; i + 30 <= zip.length && at < 0; i++)
      if (dv.getUint32(i, true) === 0x04034b50 && dv.getUint16(i + 26, true) === name.length)
        if (name.every((c, k) => zip[i + 30 + k] === c))
          at = i + 30 + name.length + dv.getUint16(i + 28, true);
    expect(at).toBeGreaterThan(0);
    zip[at] = 0b111; // BFINAL = 1, BTYPE = 11 (reserved)
    const e = error(() => readXlsxRows(zip, { file: 'bomb.xlsx', maxBytes: 16 * 1024 * 1024 }));
    expect(e.problems.map((p) => [p.code, p.file])).toEqual([['E209', 'bomb.xlsx']]);
    // the control: under the default limit (256 MB) the entry is inflated, and that fails
    const inflated = error(() => readXlsxRows(zip, { file: 'bomb.xlsx' }));
    expect(inflated.problems.map((p) => [p.code, p.file])).toEqual([['E200', 'bomb.xlsx']]);
    expect(inflated.problems[0]!.message).toMatch(/invalid block type/);
  });

  it('the same bomb with sizes that lie (100 bytes declared): inflated into 100 bytes, memory bounded', () => {
    const big = new Uint8Array(32 * 1024 * 1024);
    const zip = zipSync(
      { 'xl/workbook.xml': strToU8(workbook), 'xl/worksheets/sheet1.xml': big },
      { level: 9 },
    );
    const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = 0; i + 4 <= zip.length; i++) {
      const sig = dv.getUint32(i, true);
      if (sig === 0x04034b50) dv.setUint32(i + 22, 100, true);
      if (sig === 0x02014b50) dv.setUint32(i + 24, 100, true);
    }
    const rss = process.memoryUsage().rss;
    let sheets: unknown[] = [];
    try {
      sheets = readXlsxRows(zip, { file: 'liar.xlsx' });
    } catch (e) {
      if (!(e instanceof GovscoreError)) throw e;
    }
    expect(sheets).toEqual([]);
    expect(process.memoryUsage().rss - rss).toBeLessThan(24 * 1024 * 1024);
  });

  it('govscore validate/assess --max-bytes: a larger data file is E209, not read', async () => {
    const setPath = join(tmp, 'set.yaml');
    writeFileSync(setPath, 'id: t\ntitle: T\ntree: {id: index, children: [{id: a}, {id: b}]}\n');
    const dataPath = join(tmp, 'data.csv');
    writeFileSync(
      dataPath,
      `id,a,b\n${Array.from({ length: 100 }, (_, i) => `u${i},${i},${i % 7}`).join('\n')}\n`,
    );
    const ok = await runCli('validate', setPath, '--data', dataPath, '--max-bytes', '100000');
    expect(ok.code).toBe(0);
    for (const cmd of ['validate', 'assess']) {
      const r = await runCli(cmd, setPath, '--data', dataPath, '--max-bytes=500');
      expect(r.code, cmd).toBe(1);
      expect(r.err).toMatch(/E209 data file is \d+ bytes, more than 500/);
    }
    expect((await runCli('assess', setPath, '--data', dataPath, '--max-bytes', '-1')).code).toBe(2);
    expect((await runCli('assess', setPath, '--data', dataPath, '--max-bytes')).code).toBe(2);
    // the limit is for one run only
    expect((await runCli('validate', setPath, '--data', dataPath)).code).toBe(0);
  });

  it('an indicator-set file of 9 MB is refused before it is read (E111)', async () => {
    const path = join(tmp, 'huge.yaml');
    writeFileSync(path, `id: x\ntitle: "${'a'.repeat(9 * 1024 * 1024)}"\n`);
    const r = await runCli('validate', path);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${path}:1:1 E111`);
  });
});
