/**
 * Issue 12, items 3–8: a value read from a file never changes, vanishes or hides without a located
 * problem — E205 with its cell (CSV, XLSX, JSON), the encoding chosen on evidence (E213, E214, W201,
 * `--encoding`), XLSX formulas without a value (E215) and date-formatted cells (W202), JSON duplicate
 * keys (E211) and names that are not text (E216), and formula-guarded text read back exactly.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { assess } from '../../src/assess';
import { formatProblem, GovscoreError } from '../../src/errors';
import { decodeText, readDataset, templateCsv, templateXlsx, toCsv, writeXlsx } from '../../src/io/index';
import { parseDatasetXlsx, readXlsxRows } from '../../src/io/xlsx';
import { checkDataset } from '../../src/load/check-data';
import { parseDatasetCsv, parseDatasetJson } from '../../src/load/dataset';
import type { IndicatorSet } from '../../src/schema/indicator-set';

const tmp = mkdtempSync(join(tmpdir(), 'govscore-trust-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const enc = new TextEncoder();

/** index → 政务公开 (x, y: percentages), z (range 0–10). */
const set: IndicatorSet = {
  id: 't',
  title: 'T',
  methodology: { normalise: 'none' },
  tree: {
    id: 'index',
    children: [
      {
        id: 'open',
        children: [
          { id: 'x', type: 'percentage' },
          { id: 'y', type: 'percentage' },
        ],
      },
      { id: 'z', range: { min: 0, max: 10 } },
    ],
  },
};

describe('E205 names the cell (item 3)', () => {
  it('CSV, wide: file:line:col', () => {
    const l = parseDatasetCsv('id,x,y,z\nA,50,60,1\nB,50,160,2\nC,1,2,30\n', { set, file: 'd.csv' });
    expect(l.problems).toEqual([]);
    const p = checkDataset(set, l.dataset, l.locate);
    expect(p.map((x) => [x.code, x.line, x.col, x.unit])).toEqual([
      ['E205', 3, 3, 'B'],
      ['E205', 4, 4, 'C'],
    ]);
    expect(formatProblem(p[0]!)).toMatch(
      /^d\.csv:3:3 E205 value 160 of y for unit B is outside the range \[0, 100\]/,
    );
  });

  it('CSV, long, with years: the row of the unit, year and indicator, the value column', () => {
    const text =
      'unit,year,indicator,value\nA,2023,z,1\nA,2024,z,11\nA,2024,x,5\nA,2023,x,5\nA,2023,y,5\nA,2024,y,5\n';
    const l = parseDatasetCsv(text, { set, file: 'l.csv' });
    const p = checkDataset(set, l.dataset, l.locate);
    expect(p.map((x) => [x.code, x.line, x.col])).toEqual([['E205', 3, 4]]);
    expect(p[0]!.message).toContain('in 2024');
  });

  it('XLSX: the sheet and cell, as data.xlsx!政务公开!F4', () => {
    const bytes = writeXlsx([
      {
        name: '政务公开',
        rows: [
          ['id', 'name', 'a', 'b', 'c', 'x', 'y', 'z'],
          ['A', 'a', 0, 0, 0, 50, 50, 1],
          ['B', 'b', 0, 0, 0, 50, 50, 2],
          ['C', 'c', 0, 0, 0, 101, 50, 3],
        ],
      },
    ]);
    const l = parseDatasetXlsx(bytes, { set, file: 'data.xlsx' });
    const p = checkDataset(set, l.dataset, l.locate).filter((x) => x.code === 'E205');
    expect(p.map(formatProblem)).toEqual([
      'data.xlsx!政务公开!F4 E205 value 101 of x for unit C is outside the range [0, 100] [node x, unit C] — percentages are written 0-100; check the value',
    ]);
  });

  it('XLSX workbooks of several sheets: the sheet holding the value', () => {
    const bytes = writeXlsx([
      {
        name: 'open',
        rows: [
          ['id', 'x', 'y'],
          ['A', 1, 2],
          ['B', 3, 4],
        ],
      },
      {
        name: 'other',
        rows: [
          ['id', 'z'],
          ['A', 1],
          ['B', 12],
        ],
      },
    ]);
    const l = parseDatasetXlsx(bytes, { set, file: 'w.xlsx' });
    const p = checkDataset(set, l.dataset, l.locate);
    expect(p.map((x) => [x.code, x.sheet, x.row, x.column])).toEqual([['E205', 'other', 3, 'B']]);
  });

  it('JSON: the path of the value', () => {
    const l = parseDatasetJson(
      '[{"id": "A", "x": 1, "y": 2, "z": 3}, {"id": "B", "x": 1, "y": 2, "z": 13}]',
      {
        set,
        file: 'd.json',
      },
    );
    const p = checkDataset(set, l.dataset, l.locate);
    expect(p.map((x) => [x.code, x.path])).toEqual([['E205', '[1].z']]);
  });
});

describe('the encoding is chosen on evidence and said (item 4)', () => {
  const utf8Bad = new Uint8Array([
    ...enc.encode('id,name,x,y,z\n330000,浙江,1,2,3\n'),
    0xff,
    ...enc.encode('A,Zürich,1,2,3\n'),
  ]);
  it('UTF-8 with one bad byte is E213 naming its offset and line, never GB18030 mojibake (浙江 → 娴欐睙)', () => {
    const d = decodeText(utf8Bad, { file: 'd.csv' });
    expect(d.problems.map((p) => [p.code, p.line, p.col])).toEqual([['E213', 3, 1]]);
    expect(d.problems[0]!.message).toBe(
      "'d.csv' is UTF-8 but 1 byte sequence(s) in it are not: at byte 34 (line 3); the file was not read",
    );
    expect(d.text).not.toContain('娴欐睙');
  });

  it('Zürich with a bad byte: E213 too (was: Z黵ich)', () => {
    const d = decodeText(new Uint8Array([...enc.encode('id,name\nZH,Zürich'), 0x80, 10]));
    expect(d.problems.map((p) => p.code)).toEqual(['E213']);
  });

  it('GBK that is plausibly Chinese is read as GB18030 with W201, and the Result records it', async () => {
    const gbk = new Uint8Array([
      ...enc.encode('id,name,x,y,z\r\nu1,'),
      0xd5,
      0xe3,
      0xbd,
      0xad,
      ...enc.encode(',1,2,3\r\nu2,b,3,4,5\r\n'),
    ]);
    const path = join(tmp, 'gbk.csv');
    writeFileSync(path, gbk);
    const l = await readDataset(path, { set });
    expect(l.problems.map((p) => p.code)).toEqual(['W201']);
    expect(l.problems[0]!.message).toMatch(/read as GB18030 \(GBK\): it is not UTF-8 .*100% common Chinese/);
    expect(l.dataset.units[0]!.name).toBe('浙江');
    const r = assess(set, l.dataset, { warnings: l.problems });
    expect(r.provenance.data_encoding).toBe('gb18030');
    expect(r.warnings[0]!.code).toBe('W201');
  });

  it('Latin-1 (not UTF-8, not plausible GB18030) is E214; --encoding windows-1252 reads it', async () => {
    const latin1 = new Uint8Array([
      ...enc.encode('id,name,x,y,z\nZH,Z'),
      0xfc,
      ...enc.encode('rich,1,2,3\n'),
    ]);
    const path = join(tmp, 'latin1.csv');
    writeFileSync(path, latin1);
    const e = await readDataset(path, { set }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GovscoreError);
    expect((e as GovscoreError).problems.map((p) => [p.code, p.line])).toEqual([['E214', 2]]);
    const l = await readDataset(path, { set, encoding: 'windows-1252' });
    expect(l.dataset.units[0]!.name).toBe('Zürich');
    expect(l.problems.map((p) => p.code)).toEqual(['W201']);
    expect(l.dataset.source?.encoding).toBe('windows-1252');
  });

  it('UTF-8 is recorded in the provenance too', async () => {
    const path = join(tmp, 'utf8.csv');
    writeFileSync(path, 'id,name,x,y,z\nA,浙江,1,2,3\n');
    const l = await readDataset(path, { set });
    expect(l.problems).toEqual([]);
    expect(assess(set, l.dataset).provenance.data_encoding).toBe('utf-8');
  });
});

/** A workbook from writeXlsx with its sheet and styles edited (what a script or Excel would write). */
function patched(sheetXml: (xml: string) => string, stylesXml?: (xml: string) => string): Uint8Array {
  const files = unzipSync(
    writeXlsx([
      {
        name: 'data',
        rows: [
          ['id', 'x', 'y', 'z'],
          ['A', 10, 20, 1],
          ['B', 30, 40, 2],
        ],
      },
    ]),
  );
  files['xl/worksheets/sheet1.xml'] = strToU8(sheetXml(strFromU8(files['xl/worksheets/sheet1.xml']!)));
  if (stylesXml) files['xl/styles.xml'] = strToU8(stylesXml(strFromU8(files['xl/styles.xml']!)));
  return zipSync(files);
}

describe('XLSX cells that are not what they look like (item 6)', () => {
  it('a formula without a computed value is E215 naming the cell (was: read as missing, silently)', () => {
    const bytes = patched((x) => x.replace('<c r="C3"><v>40</v></c>', '<c r="C3"><f>SUM(B2:B3)</f></c>'));
    expect(readXlsxRows(bytes)[0]!.formulas).toEqual([{ row: 3, col: 2, formula: 'SUM(B2:B3)' }]);
    const l = parseDatasetXlsx(bytes, { set, file: 'f.xlsx' });
    expect(l.problems.map(formatProblem)).toEqual([
      'f.xlsx!data!C3 E215 cell C3 has a formula (=SUM(B2:B3)) but no computed value, so it would read as empty — open the workbook in Excel or LibreOffice and save it (the value is then stored with the formula), or write the value instead of the formula',
    ]);
  });

  it('a formula with its value stored reads as the value', () => {
    const bytes = patched((x) =>
      x.replace('<c r="C3"><v>40</v></c>', '<c r="C3"><f>SUM(B2:B3)</f><v>40</v></c>'),
    );
    const l = parseDatasetXlsx(bytes, { set, file: 'f.xlsx' });
    expect(l.problems).toEqual([]);
    expect(Array.from(l.dataset.values.get('y')!)).toEqual([20, 40]);
  });

  it('a date-formatted cell in a numeric column is W202 with the date it shows, read as its serial number', () => {
    const bytes = patched(
      (x) => x.replace('<c r="B3"><v>30</v></c>', '<c r="B3" s="1"><v>45352</v></c>'),
      (s) =>
        s.replace(
          '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
          '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
        ),
    );
    const l = parseDatasetXlsx(bytes, { set, file: 'd.xlsx' });
    expect(l.problems.map((p) => [p.code, p.sheet, p.row, p.column])).toEqual([['W202', 'data', 3, 'B']]);
    expect(l.problems[0]!.message).toBe(
      'cell B3 of column x is formatted as a date (2024-03-01): read as its serial number 45352',
    );
    expect(l.dataset.values.get('x')![1]).toBe(45352);
  });

  it('a custom date format (yyyy"年"m"月"d"日") counts; a number format with a % does not', () => {
    const withFmt = (code: string) =>
      patched(
        (x) => x.replace('<c r="B3"><v>30</v></c>', '<c r="B3" s="1"><v>45352</v></c>'),
        (s) =>
          s
            .replace(
              '<fonts',
              `<numFmts count="1"><numFmt numFmtId="170" formatCode="${code}"/></numFmts><fonts`,
            )
            .replace(
              '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
              '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
            ),
      );
    expect(readXlsxRows(withFmt('yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;'))[0]!.dates).toHaveLength(
      1,
    );
    expect(readXlsxRows(withFmt('0.0&quot; days&quot;'))[0]!.dates).toBeUndefined();
  });
});

describe('JSON data (item 7)', () => {
  it('a key given twice is E211 at its line and column (was: the last one won, silently)', () => {
    const text =
      '[\n  {"id": "A", "x": 50, "x": 99, "y": 1, "z": 1},\n  {"id": "B", "indicators": {"x": 1, "y": 2, "y": 3, "z": 1}}\n]';
    const l = parseDatasetJson(text, { set, file: 'd.json' });
    expect(l.problems.map((p) => [p.code, p.line, p.col, p.path])).toEqual([
      ['E211', 2, 24, '[0].x'],
      ['E211', 3, 46, '[1].indicators.y'],
    ]);
    expect(l.problems[0]!.message).toBe(
      'key "x" appears twice in the object at [0]; JSON would keep only the last value',
    );
  });

  it('a name that is an object of objects, a list or an empty object is E216 (was: an empty name)', () => {
    const text = JSON.stringify([
      { id: 'A', name: { zh: { first: '浙' } }, x: 1, y: 1, z: 1 },
      { id: 'B', name: ['B'], x: 1, y: 1, z: 1 },
      { id: 'C', name: {}, x: 1, y: 1, z: 1 },
      { id: 'D', name: { zh: '丁', en: 'D' }, x: 1, y: 1, z: 1 },
    ]);
    const l = parseDatasetJson(text, { set, file: 'n.json' });
    expect(l.problems.map((p) => [p.code, p.unit, p.path])).toEqual([
      ['E216', 'A', '[0].name'],
      ['E216', 'B', '[1].name'],
      ['E216', 'C', '[2].name'],
    ]);
    expect(l.problems[0]!.message).toBe(
      'name of unit A is an object whose "zh" is {"first":"浙"}, not text: it would become an empty name',
    );
    expect(l.dataset.units[3]!.name).toEqual({ zh: '丁', en: 'D' });
  });
});

describe('formula-guarded text reads back exactly (item 8)', () => {
  const units = [
    { id: '=1+1', name: '=HYPERLINK("x")' },
    { id: "'=2", name: '-minus' },
    { id: '110000', name: '北京' },
  ];
  it("template --units: XLSX and CSV templates keep every unit id (was: =1+1 read back as '=1+1)", async () => {
    for (const [ext, bytes] of [
      ['.xlsx', templateXlsx(set, { units })],
      ['.csv', enc.encode(templateCsv(set, { units }))],
    ] as const) {
      const path = join(tmp, `template${ext}`);
      writeFileSync(path, bytes);
      const l = await readDataset(path, { set });
      expect(
        l.dataset.units.map((u) => u.id),
        ext,
      ).toEqual(units.map((u) => u.id));
    }
  });

  it('the CSV writer guards, the reader undoes exactly that', () => {
    const rows = [['id', 'name', 'x', 'y', 'z'], ...units.map((u) => [u.id, u.name, 1, 2, 3])];
    const text = toCsv(rows);
    expect(text).toContain("'=1+1,");
    expect(text).toContain("''=2,");
    const l = parseDatasetCsv(text, { set });
    expect(l.dataset.units.map((u) => [u.id, u.name])).toEqual(units.map((u) => [u.id, u.name]));
  });
});
