import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, GovscoreError } from '../../src/errors';
import { decodeText, readDataset, readXlsxRows, toCsv, writeXlsx } from '../../src/io/index';
import { parseDatasetXlsx } from '../../src/io/xlsx';
import { checkDataset } from '../../src/load/check-data';
import { sha256Hex } from '../../src/util/sha256';
import { testSet } from './test-set';

const fixturePath = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
/** A published file of the repository's samples (each sample folder's README gives its provenance). */
const samplePath = (path: string) => new URL(`../../../../samples/${path}`, import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'govscore-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const N = Number.NaN;

describe('decodeText', () => {
  it.each([
    ['UTF-8', [0xe4, 0xb8, 0xad], '中', 'utf-8'],
    ['UTF-8 with BOM', [0xef, 0xbb, 0xbf, 0x61], 'a', 'utf-8'],
    ['GBK', [0xd5, 0xe3, 0xbd, 0xad], '浙江', 'gb18030'],
    ['UTF-16LE with BOM', [0xff, 0xfe, 0x2d, 0x4e], '中', 'utf-16le'],
    ['UTF-16BE with BOM', [0xfe, 0xff, 0x4e, 0x2d], '中', 'utf-16be'],
  ])('%s', (_n, bytes, text, encoding) => {
    const d = decodeText(new Uint8Array(bytes));
    expect({ text: d.text, encoding: d.encoding }).toEqual({ text, encoding });
    // read as GB18030 is a warning (W201); the others need none
    expect(d.problems.map((p) => p.code)).toEqual(encoding === 'gb18030' ? ['W201'] : []);
  });
});

describe('readDataset', () => {
  it('GBK CSV (Excel on Chinese Windows)', async () => {
    const path = fixturePath('gbk.csv');
    const { dataset: d, problems } = await readDataset(path, { set: testSet });
    expect(problems.map((p) => [p.code, p.file])).toEqual([['W201', path]]);
    expect(d.source?.encoding).toBe('gb18030');
    expect(d.units).toEqual([
      { id: '110000', name: '北京市', groups: {} },
      { id: '330000', name: '浙江省', groups: {} },
    ]);
    expect(Array.from(d.values.get('online_service')!)).toEqual([95.5, 96.73]);
    expect(d.source).toEqual({ file: path, hash: sha256Hex(readFileSync(path)), encoding: 'gb18030' });
  });
  it('UTF-16 tab-separated text', async () => {
    const { dataset: d } = await readDataset(fixturePath('utf16.txt'));
    expect(d.units).toEqual([{ id: 'A', name: '甲', groups: {} }]);
    expect(Array.from(d.values.get('x')!)).toEqual([1]);
  });
  it('.tsv uses tabs even when commas are more frequent', async () => {
    const path = join(tmp, 'd.tsv');
    writeFileSync(path, 'id\tname\tx\nA\tAlpha, Beta, Gamma\t2\n');
    const { dataset: d, problems } = await readDataset(path, { file: 'd.tsv' });
    expect(problems).toEqual([]);
    expect(d.units[0]!.name).toBe('Alpha, Beta, Gamma');
    expect(d.source?.file).toBe('d.tsv');
  });
  it('.json', async () => {
    const { dataset: d } = await readDataset(fixturePath('columns.json'));
    expect(d.variables).toEqual(['y', 'x']);
  });
  it('.xlsx with sheet!cell locations', async () => {
    const path = join(tmp, 'd.xlsx');
    writeFileSync(
      path,
      writeXlsx([
        { name: 'notes', rows: [['this sheet is not data']] },
        {
          name: '数据',
          rows: [
            ['id', 'name_zh', 'online_service', 'has_portal'],
            [110000, '北京', 95.5, '是'],
            [120000, '天津', 'n.a.', 'yes'],
          ],
        },
      ]),
    );
    const { dataset: d, problems } = await readDataset(path, { set: testSet, sheet: '数据', file: 'd.xlsx' });
    expect(d.units.map((u) => [u.id, u.name])).toEqual([
      ['110000', { zh: '北京' }],
      ['120000', { zh: '天津' }],
    ]);
    expect(Array.from(d.values.get('online_service')!)).toEqual([95.5, N]);
    expect(Array.from(d.values.get('has_portal')!)).toEqual([1, 1]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'E204', sheet: '数据', row: 3, column: 'C', unit: '120000' });
    expect(formatProblem(problems[0]!)).toMatch(
      /^d\.xlsx!数据!C3 E204 value "n\.a\." in column online_service/,
    );
  });
  it.each([
    ['missing file', 'nope.csv', 'E200'],
    ['unknown extension', 'data.parquet', 'E200'],
    ['old binary Excel', 'data.xls', 'E200'],
  ])('%s throws %s', async (_n, name, code) => {
    const path = join(tmp, name);
    if (name !== 'nope.csv') writeFileSync(path, 'x');
    await expect(readDataset(path)).rejects.toMatchObject({ code });
  });
  it('too large: E209', async () => {
    await expect(readDataset(fixturePath('wide-good.csv'), { maxBytes: 10 })).rejects.toMatchObject({
      code: 'E209',
    });
  });
});

describe('real published data', () => {
  it('COINr ASEM: 51 units, 49 indicators + 4 denominators, 63 missing indicator values, exact doubles', async () => {
    const { dataset: d, problems } = await readDataset(
      new URL('../../../../samples/coinr-asem/asem.csv', import.meta.url).pathname,
    );
    expect(problems).toEqual([]);
    expect(d.units).toHaveLength(51);
    expect(d.units[0]).toEqual({
      id: 'AUT',
      name: 'Austria',
      groups: { GDP_group: 'L', GDPpc_group: 'XL', Pop_group: 'M', EurAsia_group: 'Europe' },
    });
    expect(d.years).toEqual([2018]);
    expect(d.variables).toHaveLength(53);
    const denominators = ['Area', 'Energy', 'GDP', 'Population'];
    let missing = 0;
    for (const v of d.variables)
      if (!denominators.includes(v)) missing += d.values.get(v)!.filter(Number.isNaN).length;
    expect(missing).toBe(63);
    // first row of the file: GDP 390.79999114746801, Population 8735.4529999999995
    expect(d.values.get('GDP')![0]).toBe(Number('390.79999114746801'));
    expect(d.values.get('Population')![0]).toBe(8735.4529999999995);
  });
  it('OECD DGI 2023 (long, BOM, cc_iso3c / ref_year / variable / value)', async () => {
    const { dataset: d, problems } = await readDataset(samplePath('oecd-dgi/oecd_dgi_2023.csv'));
    expect(problems).toEqual([]);
    expect(d.units).toHaveLength(38);
    expect(d.years).toEqual([2023]);
    expect(d.units[0]!.id).toBe('KOR');
    expect(d.values.get('digital_design')![0]).toBe(0.971);
  });
  it('EU eGovernment Benchmark XLSX: header and 35,158 data rows', () => {
    const sheets = readXlsxRows(
      new Uint8Array(
        readFileSync(samplePath('eu-egov-benchmark/egovernment-benchmark-2023-machine-readable.xlsx')),
      ),
    );
    expect(sheets).toHaveLength(1);
    expect(sheets[0]!.rows[0]!.cells).toEqual(['year', 'Country', 'variable', 'brkdown', 'unit', 'Value']);
    expect(sheets[0]!.rows).toHaveLength(35_159);
  });
});

describe('writeXlsx / readXlsxRows', () => {
  const rows = [
    ['id', 'name', 'score', 'ok', 'note'],
    ['110000', '北京 <&> "quoted"', 5.1000000000000005, true, '  padded  '],
    ['120000', 'tab\there\nnewline', -3, false, null],
    ['130000', 'ctrl\u0001char and _x0041_ literal', 1e-7, null, 'emoji 😀'],
    ['140000', null, 1e21, null, null],
  ];
  const bytes = writeXlsx([
    { name: 'scores', rows },
    { name: 'empty', rows: [] },
  ]);

  it('round trip: what is written is read back equal', () => {
    const sheets = readXlsxRows(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['scores', 'empty']);
    expect(sheets[0]!.rows).toEqual([
      { row: 1, cells: ['id', 'name', 'score', 'ok', 'note'] },
      { row: 2, cells: ['110000', '北京 <&> "quoted"', 5.1000000000000005, true, '  padded  '] },
      { row: 3, cells: ['120000', 'tab\there\nnewline', -3, false] },
      { row: 4, cells: ['130000', 'ctrl\u0001char and _x0041_ literal', 1e-7, null, 'emoji 😀'] },
      { row: 5, cells: ['140000', null, 1e21] },
    ]);
    expect(sheets[1]!.rows).toEqual([]);
  });
  it('is deterministic: same input, same bytes, whatever the time zone', () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Shanghai';
      const a = writeXlsx([{ name: 'scores', rows }]);
      process.env.TZ = 'America/Los_Angeles';
      const b = writeXlsx([{ name: 'scores', rows }]);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
  it('zip entries are dated 1980-01-01 00:00 and docProps fixed', () => {
    // local file header: signature PK\x03\x04, then version(2) flags(2) method(2) time(2) date(2)
    const v = new DataView(bytes.buffer, bytes.byteOffset);
    expect(v.getUint32(0, true)).toBe(0x04034b50);
    expect(v.getUint16(10, true)).toBe(0); // time 00:00:00
    expect(v.getUint16(12, true)).toBe((0 << 9) | (1 << 5) | 1); // 1980-01-01
    const core = strFromU8(unzipSync(bytes)['docProps/core.xml']!);
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:created>',
    );
  });
  it('neutralises formula-like text in the file, never numbers, and reads it back as it was', () => {
    const row = ['=1+2', '+A1', '-A1', '@SUM(A1)', '\tx', '\rx', -5, 'a=b', "'=x", "'plain"];
    const bytes = writeXlsx([{ name: 's', rows: [row] }]);
    const sst = strFromU8(unzipSync(bytes)['xl/sharedStrings.xml']!);
    for (const t of ["'=1+2", "'+A1", "'-A1", "'@SUM(A1)", "''=x", "'plain"]) expect(sst).toContain(`>${t}<`);
    expect(readXlsxRows(bytes)[0]!.rows[0]!.cells).toEqual(row);
  });
  it('makes sheet names valid and unique', () => {
    const names = readXlsxRows(
      writeXlsx([
        { name: 'a/b', rows: [] },
        { name: 'A_B', rows: [] },
        { name: 'x'.repeat(40), rows: [] },
        { name: '', rows: [] },
      ]),
    ).map((s) => s.name);
    expect(names).toEqual(['a_b', 'A_B (2)', 'x'.repeat(31), 'Sheet4']);
  });
  it('missing values (NaN, ±Infinity, null) are empty cells', () => {
    const sheets = readXlsxRows(
      writeXlsx([{ name: 's', rows: [[1, N, Number.POSITIVE_INFINITY, null, 2]] }]),
    );
    expect(sheets[0]!.rows[0]!.cells).toEqual([1, null, null, null, 2]);
  });
  it('refuses what is not an XLSX file, and zip bombs', () => {
    expect(() => readXlsxRows(new Uint8Array([1, 2, 3]))).toThrow(GovscoreError);
    expect(() => readXlsxRows(bytes, { maxBytes: 100 })).toThrow(/more than 100 bytes/);
    expect(() => readXlsxRows(bytes, { sheet: 'nope' })).toThrow(/no worksheet named nope/);
  });
  it('a __proto__ header pollutes nothing and is reported', () => {
    const { problems, dataset } = parseDatasetXlsx(
      writeXlsx([
        {
          name: 's',
          rows: [
            ['id', '__proto__', 'x'],
            ['A', 'polluted', 1],
          ],
        },
      ]),
      { file: 'p.xlsx' },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problems.map((p) => [p.code, p.sheet, p.row, p.column])).toEqual([['E207', 's', 1, 'B']]);
    expect(Array.from(dataset.values.get('x')!)).toEqual([1]);
  });
  it('reads what Excel writes: inline strings, rich text runs, phonetic runs, cells without r, booleans, errors', () => {
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="2"><c r="B2" t="inlineStr"><is><t>in&amp;line</t></is></c><c t="s"><v>0</v></c><c><v>007.50</v></c></row>
      <row><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="str"><f>A1</f><v>formula text</v></c><c r="E3" s="1"/></row>
    </sheetData></worksheet>`;
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><rPr><b/></rPr><t>rich</t></r><r><t xml:space="preserve"> text_x000D_</t></r><rPh><t>ふりがな</t></rPh></si></sst>`;
    const wb = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId7"/></sheets></workbook>`;
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/s.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>`;
    const enc = new TextEncoder();
    // a hand-made package, zipped with fflate
    const zip = zipSync({
      'xl/workbook.xml': enc.encode(wb),
      'xl/_rels/workbook.xml.rels': enc.encode(rels),
      'xl/worksheets/s.xml': enc.encode(sheet),
      'xl/strings.xml': enc.encode(sst),
    });
    expect(readXlsxRows(zip)).toEqual([
      {
        name: 'S',
        rows: [
          { row: 2, cells: [null, 'in&line', 'rich text\r', 7.5] },
          { row: 3, cells: [true, '#N/A', 'formula text'] },
        ],
      },
    ]);
  });
});

describe('XLSX cells formatted as percentages', () => {
  // Excel shows 95.5% and stores 0.955; style 1 uses built-in format 9 (0%), style 2 a custom 0.0%,
  // style 3 a custom format with a quoted "%" (not a percentage).
  const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="0&quot;%&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
  const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
    <row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>online_service</t></is></c><c r="C1" t="inlineStr"><is><t>response_days</t></is></c></row>
    <row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2" s="1"><v>0.955</v></c><c r="C2" s="3"><v>4</v></c></row>
    <row r="3"><c r="A3" t="inlineStr"><is><t>B</t></is></c><c r="B3" s="2"><v>0.07</v></c><c r="C3" s="2"><v>0.05</v></c></row>
  </sheetData></worksheet>`;
  const enc = new TextEncoder();
  const zip = zipSync({
    'xl/workbook.xml': enc.encode(
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': enc.encode(
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': enc.encode(sheet),
    'xl/styles.xml': enc.encode(styles),
  });
  it('are read as the percentage Excel shows', () => {
    expect(readXlsxRows(zip)[0]!.rows.map((r) => r.cells)).toEqual([
      ['id', 'online_service', 'response_days'],
      ['A', '95.5%', 4],
      ['B', '7%', '5%'],
    ]);
  });
  it('give points for a percentage indicator and an error elsewhere, as in CSV', () => {
    const { dataset: d, problems } = parseDatasetXlsx(zip, { set: testSet, file: 'p.xlsx' });
    expect(Array.from(d.values.get('online_service')!)).toEqual([95.5, 7]);
    expect(Array.from(d.values.get('response_days')!)).toEqual([4, N]);
    expect(problems.map((p) => [p.code, p.row, p.column])).toEqual([['E204', 3, 'C']]);
    expect(problems[0]!.hint).toContain('type: percentage');
  });
});

describe('toCsv', () => {
  it.each([
    [
      'numbers: shortest round trip; negatives stay numbers',
      [[0.1, -3, 1e-7, 5.1000000000000005, -0]],
      '0.1,-3,1e-7,5.1000000000000005,0\r\n',
    ],
    [
      'missing: null, undefined, NaN, Infinity → empty',
      [[null, undefined, N, Number.NEGATIVE_INFINITY, 1]],
      ',,,,1\r\n',
    ],
    ['quoting', [['a,b', 'say "hi"', 'two\nlines', 'plain']], '"a,b","say ""hi""","two\nlines",plain\r\n'],
    [
      'formula injection neutralised in text only',
      [['=1+2', '+x', '-x', '@x', '\tx', -1]],
      "'=1+2,'+x,'-x,'@x,'\tx,-1\r\n",
    ],
    ['booleans', [[true, false]], 'true,false\r\n'],
    ['CJK text as is', [['北京', '浙江省']], '北京,浙江省\r\n'],
  ])('%s', (_n, rows, text) => {
    expect(toCsv(rows)).toBe(text);
  });
  it('options: delimiter, LF, BOM', () => {
    expect(toCsv([['a;b', 1]], { delimiter: ';', eol: '\n', bom: true })).toBe('\uFEFF"a;b";1\n');
  });
  it('what toCsv writes, parseDatasetCsv reads back', async () => {
    const { parseDatasetCsv } = await import('../../src/load/dataset');
    const text = toCsv([
      ['id', 'name', 'x'],
      ['A', 'Alpha, "the first"', 5.1000000000000005],
      ['B', 'Beta', null],
    ]);
    const { dataset: d, problems } = parseDatasetCsv(text);
    expect(problems).toEqual([]);
    expect(d.units.map((u) => u.name)).toEqual(['Alpha, "the first"', 'Beta']);
    expect(Array.from(d.values.get('x')!)).toEqual([5.1000000000000005, N]);
  });
});

describe('XLSX dataset round trip through the loaders', () => {
  it('a wide dataset written to XLSX reads back to the same values', () => {
    const header = [
      'id',
      'name_zh',
      'name_en',
      'region',
      'online_service',
      'response_days',
      'apps',
      'population',
    ];
    const body = [
      ['110000', '北京', 'Beijing', 'east', 95.5, 3, 120, 21.9],
      ['650000', '新疆', 'Xinjiang', 'west', 70.25, null, 25, 25.9],
    ];
    const { dataset: d, problems } = parseDatasetXlsx(
      writeXlsx([{ name: 'data', rows: [header, ...body] }]),
      {
        set: testSet,
      },
    );
    expect(problems).toEqual([]);
    expect(d.units).toEqual([
      { id: '110000', name: { zh: '北京', en: 'Beijing' }, groups: { region: 'east' } },
      { id: '650000', name: { zh: '新疆', en: 'Xinjiang' }, groups: { region: 'west' } },
    ]);
    expect(Array.from(d.values.get('online_service')!)).toEqual([95.5, 70.25]);
    expect(Array.from(d.values.get('response_days')!)).toEqual([3, N]);
    expect(checkDataset(testSet, d).map((p) => `${p.code} ${p.column}`)).toEqual([
      'E202 has_portal',
      'E202 maturity',
      'E202 portal',
    ]);
  });
});
