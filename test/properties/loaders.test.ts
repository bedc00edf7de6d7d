/**
 * Properties of the loaders: for arbitrary YAML text, mutated indicator sets, and data files with
 * hostile cells, encodings and line ends, the only outcomes are a value or problems that name a
 * catalogued code and say where they are — never another exception, never a hang.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assess,
  checkDataset,
  type Dataset,
  GovscoreError,
  type IndicatorSet,
  type Problem,
  parseDatasetCsv,
  parseDatasetJson,
  parseIndicatorSet,
} from '@govscore/core';
import { decodeText, parseDatasetXlsx, readDataset, writeXlsx } from '@govscore/core/io';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  csvBytes,
  csvStyle,
  mutate,
  mutation,
  toCsvText,
  toYaml,
  validSet,
  wideTable,
  yamlStyle,
} from './arbitraries';
import {
  assertFiniteDeep,
  assertNoPollution,
  assertProblem,
  check,
  expectReached,
  hasLocation,
  outcome,
  prototypeSnapshot,
  reportCases,
} from './helpers';

const FILE = 'loaders';

/**
 * Least shares of a property's cases that must reach each of its checks (see expectReached), about
 * half the rates measured with the fixed seed: CSV clean enough to assess 27%, Results from it 15%;
 * damaged workbooks still read 6%, refused 94%; any file read 63%, refused 37%.
 */
const SHARE = {
  clean: 0.12,
  results: 0.07,
  xlsxRead: 0.03,
  xlsxRefused: 0.5,
  filesRead: 0.3,
  filesRefused: 0.15,
};
reportCases(FILE);
const tmp = mkdtempSync(join(tmpdir(), 'govscore-prop-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const protoBefore = prototypeSnapshot();
afterAll(() => assertNoPollution(protoBefore));

/** Every problem of a YAML file has a code, a file, and a 1-based line and column inside the text. */
function assertYamlProblems(problems: Problem[], text: string): void {
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const p of problems) {
    assertProblem(p);
    expect(p.file).toBe('set.yaml');
    expect(p.line, `${p.code} ${p.message} has no line`).toBeGreaterThanOrEqual(1);
    expect(p.line!).toBeLessThanOrEqual(lines + 1);
    expect(p.col).toBeGreaterThanOrEqual(1);
  }
}

/**
 * Every problem of a data file names the file; problems about a cell or a row also say where it is
 * (CSV line, XLSX sheet and row, JSON path) and which column or unit.
 */
function assertDataProblems(problems: Problem[], file: string): void {
  for (const p of problems) {
    assertProblem(p);
    expect(p.file, `${p.code} ${p.message} does not name the file`).toBe(file);
    if (['E203', 'E204', 'E206', 'E208'].includes(p.code) && p.unit === undefined && p.node === undefined)
      expect(p.line ?? p.row ?? p.path, `${p.code} ${p.message} has no position`).toBeDefined();
    if (p.code === 'E211') expect(p.column).toBeDefined();
  }
}

/** A loaded dataset is sound: unique non-empty ids, aligned columns, no ±Infinity (NaN = missing). */
function assertDataset(d: Dataset): void {
  const ids = d.units.map((u) => u.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id.trim()).not.toBe('');
  expect(new Set(d.variables).size).toBe(d.variables.length);
  const frames = Math.max(1, d.years.length);
  for (const v of d.variables) {
    const col = d.values.get(v);
    expect(col).toBeInstanceOf(Float64Array);
    expect(col!.length).toBe(frames * d.units.length);
    for (const x of col!) if (!Number.isNaN(x)) expect(Number.isFinite(x)).toBe(true);
  }
  for (const u of d.units) expect(Object.getPrototypeOf(u.groups)).toBe(Object.prototype);
}

/**
 * Assesses when set and data are clean; the Result is finite and aligned, or a GovscoreError.
 * Returns whether there was a Result to check.
 */
function assessOutcome(set: IndicatorSet, data: Dataset): boolean {
  const r = outcome(() => assess(set, data));
  if (r instanceof GovscoreError) return false;
  assertFiniteDeep(JSON.parse(JSON.stringify(r)));
  assertFiniteDeep(r);
  for (const v of Object.values(r.values)) {
    expect(v.score.length).toBe(r.units.length);
    expect(v.rank.length).toBe(r.units.length);
  }
  return true;
}

describe('indicator-set loader (properties)', () => {
  it('any text: problems with file, line and column, never an exception', async () => {
    const fragments = fc.constantFrom(
      'id: x\n',
      'title: T\n',
      'tree:\n',
      '  id: index\n',
      '  children:\n',
      '    - id: a\n',
      '      weight: ',
      '.nan\n',
      '&a [*a, *a]\n',
      '*b\n',
      '? [a]\n',
      ': x\n',
      '\t- y\n',
      '---\n',
      '...\n',
      '{',
      '}',
      '[',
      ']',
      '"',
      "'",
      '#',
      '|\n',
      '>-\n',
      '!!binary x\n',
      '%YAML 1.2\n',
      '\r\n',
      '\uFEFF',
      '__proto__: {polluted: 1}\n',
      '<<: *a\n',
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.array(fragments, { maxLength: 25 }).map((a) => a.join('')),
    );
    await check(
      FILE,
      fc.property(text, (t) => {
        const r = outcome(() => parseIndicatorSet(t, 'set.yaml'));
        if (r instanceof GovscoreError) throw new Error('parseIndicatorSet must not throw');
        assertYamlProblems(r.problems, t);
      }),
      400,
    );
  });

  it('mutated sets in any style: located problems; clean ones assess to a Result or an error', async () => {
    await check(
      FILE,
      fc.property(validSet(), fc.array(mutation, { maxLength: 4 }), yamlStyle, ({ set }, muts, style) => {
        const text = toYaml(mutate(set, muts), style);
        const r = outcome(() => parseIndicatorSet(text, 'set.yaml'));
        if (r instanceof GovscoreError) throw new Error('parseIndicatorSet must not throw');
        assertYamlProblems(r.problems, text);
        if (muts.length === 0) expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      }),
      300,
    );
  });

  it('character-level damage to a valid set: located problems, never an exception', async () => {
    const edit = fc.record({
      at: fc.nat(),
      del: fc.integer({ min: 0, max: 3 }),
      ins: fc.constantFrom(
        '',
        ':',
        '-',
        ' ',
        '  ',
        '\t',
        '\n',
        '[',
        ']',
        '{',
        '}',
        '&x ',
        '*x',
        '"',
        "'",
        '#',
        '!',
        '|',
        '?',
        '\u0000',
        '浙',
      ),
    });
    await check(
      FILE,
      fc.property(
        validSet(),
        yamlStyle,
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        ({ set }, style, edits) => {
          let text = toYaml(set, style);
          for (const e of edits) {
            const i = e.at % (text.length + 1);
            text = text.slice(0, i) + e.ins + text.slice(i + e.del);
          }
          const r = outcome(() => parseIndicatorSet(text, 'set.yaml'));
          if (r instanceof GovscoreError) throw new Error('parseIndicatorSet must not throw');
          assertYamlProblems(r.problems, text);
        },
      ),
      300,
    );
  });
});

describe('data loaders (properties)', () => {
  it('CSV with hostile cells, BOM, CRLF/CR, GBK, any delimiter: located problems; clean data assess', async () => {
    let assessed = 0;
    let results = 0;
    // a quarter of the tables are clean (numbers only, every column, distinct ids): with hostile tables
    // only, nearly every case stopped at a problem (3% reached the engine, 1% gave a Result)
    const numeric = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map(String),
      fc.integer({ min: -100, max: 100 }).map(String),
    );
    const arb = validSet().chain(({ set, indicators }) =>
      fc.tuple(
        fc.constant(set),
        fc.oneof({ weight: 3, arbitrary: wideTable(indicators) }, wideTable(indicators, numeric, 'clean')),
        csvStyle,
      ),
    );
    const ran = await check(
      FILE,
      fc.property(arb, ([set, table, style]) => {
        const bytes = csvBytes(toCsvText(table, style), style);
        const { text } = decodeText(bytes);
        const loaded = outcome(() => parseDatasetCsv(text, { set, file: 'data.csv' }));
        if (loaded instanceof GovscoreError) throw new Error('parseDatasetCsv must not throw');
        assertDataProblems(loaded.problems, 'data.csv');
        assertDataset(loaded.dataset);
        const fit = checkDataset(set, loaded.dataset);
        assertDataProblems(fit, 'data.csv');
        for (const p of fit) expect(hasLocation(p), `${p.code} ${p.message}`).toBe(true);
        if ([...loaded.problems, ...fit].some((p) => p.severity === 'error')) return;
        assessed++;
        if (assessOutcome(set, loaded.dataset)) results++;
      }),
      400,
    );
    // the generators must reach the engine, not only the error paths
    expectReached(assessed, ran, SHARE.clean, 'clean data assessed');
    expectReached(results, ran, SHARE.results, 'Results');
  });

  it('clean numeric CSV in every encoding and line end reads the same values', async () => {
    const arb = validSet().chain(({ set, indicators }) =>
      fc.tuple(
        fc.constant(set),
        wideTable(
          indicators,
          fc.integer({ min: -1000, max: 1000 }).map((x) => String(x / 8)),
        ),
        csvStyle,
      ),
    );
    await check(
      FILE,
      fc.property(arb, ([set, table, style]) => {
        const plain = parseDatasetCsv(
          toCsvText(table, { ...style, delimiter: ',', eol: '\n', quoteAll: false }),
          {
            set,
          },
        );
        const styled = parseDatasetCsv(decodeText(csvBytes(toCsvText(table, style), style)).text, { set });
        expect(styled.dataset.units).toEqual(plain.dataset.units);
        expect(styled.dataset.variables).toEqual(plain.dataset.variables);
        for (const v of plain.dataset.variables)
          expect(Array.from(styled.dataset.values.get(v)!)).toEqual(Array.from(plain.dataset.values.get(v)!));
        expect(styled.problems.map((p) => [p.code, p.line])).toEqual(
          plain.problems.map((p) => [p.code, p.line]),
        );
      }),
      200,
    );
  });

  it('any JSON: a dataset and located problems, never an exception', async () => {
    const row = fc.dictionary(
      fc.constantFrom(
        'id',
        'name',
        'year',
        'region',
        'i1',
        'i2',
        '__proto__',
        'constructor',
        'indicators',
        'groups',
        'values',
      ),
      fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom('NaN', 'Infinity', '1e309', '', 'u1', '__proto__'),
      ),
    );
    const doc = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.array(row, { maxLength: 6 }),
      fc.record({ rows: fc.array(row, { maxLength: 6 }) }),
      fc.record({
        units: fc.array(
          fc.oneof(fc.record({ id: fc.constantFrom('u1', 'u2', '__proto__', '') }), fc.jsonValue()),
          {
            maxLength: 4,
          },
        ),
        years: fc.option(
          fc.array(fc.oneof(fc.integer({ min: 2000, max: 2030 }), fc.jsonValue()), { maxLength: 3 }),
        ),
        values: fc.dictionary(
          fc.constantFrom('i1', 'i2', '__proto__', 'prototype'),
          fc.oneof(
            fc.array(fc.oneof(fc.double(), fc.constant(null), fc.string()), { maxLength: 8 }),
            fc.jsonValue(),
          ),
        ),
      }),
    );
    const set = parseIndicatorSet(
      'id: j\ntitle: J\ntree:\n  id: index\n  children:\n    - id: i1\n    - id: i2\n',
    ).set;
    await check(
      FILE,
      fc.property(doc, fc.boolean(), (d, withSet) => {
        const text = JSON.stringify(d) ?? '';
        const loaded = outcome(() =>
          parseDatasetJson(text, { file: 'data.json', ...(withSet ? { set } : {}) }),
        );
        if (loaded instanceof GovscoreError) throw new Error('parseDatasetJson must not throw');
        assertDataProblems(loaded.problems, 'data.json');
        assertDataset(loaded.dataset);
      }),
      400,
    );
  });

  it('damaged XLSX bytes: a dataset or E200/E209, never another exception', async () => {
    const arb = validSet().chain(({ set, indicators }) =>
      fc.tuple(
        fc.constant(set),
        wideTable(indicators),
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 6 }),
        fc.option(fc.nat(), { nil: undefined }),
      ),
    );
    let read = 0;
    let refused = 0;
    const ran = await check(
      FILE,
      fc.property(arb, ([set, table, flips, cut]) => {
        const rows = [
          table.header,
          ...table.rows.map((r) => r.map((c) => (/^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c))),
        ];
        let bytes = writeXlsx([{ name: 'data', rows }]);
        for (const f of flips) bytes[f.at % bytes.length] = f.byte;
        if (cut !== undefined) bytes = bytes.slice(0, cut % (bytes.length + 1));
        const r = outcome(() => parseDatasetXlsx(bytes, { set, file: 'data.xlsx' }));
        if (r instanceof GovscoreError) {
          for (const p of r.problems) expect(['E200', 'E209']).toContain(p.code);
          refused++;
          return;
        }
        read++;
        assertDataProblems(r.problems, 'data.xlsx');
        assertDataset(r.dataset);
      }),
      300,
    );
    expectReached(read, ran, SHARE.xlsxRead, 'damaged workbooks read');
    expectReached(refused, ran, SHARE.xlsxRefused, 'damaged workbooks refused');
  });

  it('readDataset on any file (empty, binary, wrong extension): a dataset or E200/E209/E213/E214', async () => {
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.constant(new Uint8Array(0)),
      fc.constant(new Uint8Array([0xef, 0xbb, 0xbf])),
      fc.constant(new Uint8Array([0xff, 0xfe])),
      fc.constant(new Uint8Array([0xfe, 0xff, 0, 0x41])),
      fc.constant(new TextEncoder().encode('id,i1\r\nu1,1\r\n')),
      fc.constant(new Uint8Array([0xd5, 0xe3, 0xbd, 0xad, 0x2c, 0x31])),
    );
    let k = 0;
    let read = 0;
    let refused = 0;
    const ran = await check(
      FILE,
      fc.asyncProperty(
        content,
        fc.constantFrom('.csv', '.tsv', '.txt', '.json', '.xlsx', '.xls', '', '.CSV'),
        async (bytes, ext) => {
          const path = join(tmp, `f${k++}${ext}`);
          writeFileSync(path, bytes);
          try {
            const r = await readDataset(path, { maxBytes: 200 });
            read++;
            assertDataProblems(r.problems, path);
            assertDataset(r.dataset);
            expect(r.dataset.source?.hash).toMatch(/^[0-9a-f]{64}$/);
          } catch (e) {
            if (!(e instanceof GovscoreError)) throw e;
            refused++;
            for (const p of e.problems) {
              assertProblem(p);
              // unreadable, too large, or an encoding it cannot tell (never a silent re-decode)
              expect(['E200', 'E209', 'E213', 'E214']).toContain(p.code);
              expect(p.file).toBe(path);
            }
            if (bytes.length > 200) expect(e.code).toBe('E209');
          }
        },
      ),
      150,
    );
    expectReached(read, ran, SHARE.filesRead, 'files read');
    expectReached(refused, ran, SHARE.filesRefused, 'files refused');
  });
});
