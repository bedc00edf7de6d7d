/**
 * Data mistakes an evaluator makes, each with the code, the position and the words of the message
 * and hint the loader or checkDataset must give. All problems of a file come in one call.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/errors';
import { checkDataset } from '../../src/load/check-data';
import { type DatasetOptions, parseDatasetCsv, parseDatasetJson } from '../../src/load/dataset';
import { testSet } from './test-set';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const pick = (p: Problem) => ({
  code: p.code,
  ...(p.line !== undefined ? { line: p.line } : {}),
  ...(p.col !== undefined ? { col: p.col } : {}),
  ...(p.column !== undefined ? { column: p.column } : {}),
  ...(p.unit !== undefined ? { unit: p.unit } : {}),
});

describe('one file with many mistakes: every problem in one call', () => {
  const file = 'mistakes.csv';
  const { dataset, problems } = parseDatasetCsv(fixture(file), { file, set: testSet });
  const checked = checkDataset(testSet, dataset);

  it('reading problems, with line, column number and header name', () => {
    expect(problems.map(pick)).toEqual([
      { code: 'E204', line: 3, col: 3, column: 'online_service', unit: 'B' },
      { code: 'E208', line: 3, col: 6, column: 'has_portal', unit: 'B' },
      { code: 'E206', line: 4, col: 1, column: 'id' },
      { code: 'E203', line: 2, col: 1, column: 'id', unit: 'A' },
      { code: 'E203', line: 5, col: 1, column: 'id', unit: 'A' },
      { code: 'E204', line: 6, col: 4, column: 'respons_days', unit: 'C' },
      { code: 'E208', line: 6, col: 7, column: 'maturity', unit: 'C' },
    ]);
    expect(problems.every((p) => p.file === file && p.severity === 'error')).toBe(true);
  });
  it('messages name the bad value; hints say what is right', () => {
    const [num, ans, noId, , dup, nan, lvl] = problems;
    expect(num!.message).toBe('value "1,234.5" in column online_service is not a number');
    expect(num!.hint).toBe('remove the thousands separators: 1234.5');
    expect(ans!.message).toContain('"maybe"');
    expect(ans!.hint).toContain('yes/no');
    expect(noId!.message).toContain('no unit id');
    expect(dup!.message).toContain('unit A appears more than once');
    expect(nan!.message).toContain('"NaN"');
    expect(lvl!.hint).toBe('answer one of: none, partial, full');
  });
  it('rows with problems keep what can be read; the duplicate row and the row without id are skipped', () => {
    expect(dataset.units.map((u) => u.id)).toEqual(['A', 'B', 'C']);
    expect(Array.from(dataset.values.get('online_service')!)).toEqual([95.5, Number.NaN, 12]); // 12% on a percentage
    expect(Array.from(dataset.values.get('response_days') ?? [])).toEqual([]);
    expect(Array.from(dataset.values.get('respons_days')!)).toEqual([3, 4, Number.NaN]);
    expect(dataset.units[2]!.groups).toEqual({ extra_note: 'ok' });
  });
  it('fit to the set', () => {
    expect(checked.map(pick)).toEqual([
      { code: 'E201', column: 'respons_days' },
      { code: 'E201', column: 'portal.serch' },
      { code: 'E106', column: 'population' },
      { code: 'E202', column: 'response_days' },
      { code: 'E202', column: 'portal.api' },
      { code: 'E205', column: 'apps', unit: 'C' },
      { code: 'E205', column: 'has_portal', unit: 'C' },
    ]);
    expect(checked.every((p) => p.file === file)).toBe(true);
    const [typo, item, den, miss] = checked;
    expect(typo!.hint).toContain('did you mean response_days?');
    expect(item!.hint).toContain('did you mean portal.search?');
    expect(den!.message).toContain('population (used by apps)');
    expect(miss!.node).toBe('response_days');
    expect(checked[5]!.message).toBe('value -3 of apps for unit C is outside the range [0, ∞]');
    expect(checked[6]!.message).toBe('value 2 of has_portal for unit C is not 0 or 1');
  });
});

interface Case {
  name: string;
  text: string;
  opts?: DatasetOptions;
  /** Problems of the loader. */
  read: Partial<Problem>[];
  /** Words the first problem's message and hint contain. */
  words?: string[];
}

const readingCases: Case[] = [
  {
    name: 'duplicate column',
    text: 'id,online_service,online_service\nA,1,2\n',
    read: [{ code: 'E211', line: 1, col: 3, column: 'online_service' }],
    words: ['appears twice', 'columns 2 and 3', 'different name'],
  },
  {
    name: 'row with more cells than the header',
    text: 'id,online_service\nA,1,2\n',
    read: [{ code: 'E207', line: 2, col: 3 }],
    words: ['3 cells', 'header has 2', 'quote'],
  },
  {
    name: 'unterminated quote',
    text: 'id,online_service\nA,"5\n',
    read: [{ code: 'E200', line: 2, col: 2 }], // the field runs to the end: "5\n" is read as 5
    words: ['unterminated quoted field', 'double quote'],
  },
  {
    name: 'no unit id column',
    text: 'province,online_service\nA,1\n',
    read: [{ code: 'E207' }],
    words: ['no unit id column', 'unitColumn', 'province, online_service'],
  },
  {
    name: 'unit column given but absent',
    text: 'id,online_service\nA,1\n',
    opts: { unitColumn: 'code' },
    read: [{ code: 'E207' }],
    words: ['unit column code'],
  },
  {
    name: 'percent sign on a number that is not a percentage',
    text: 'id,response_days\nA,5%\n',
    read: [{ code: 'E204', line: 2, col: 2, column: 'response_days', unit: 'A' }],
    words: ['"5%"', 'type: percentage'],
  },
  {
    name: 'decimal comma in a semicolon file',
    text: 'id;response_days\nA;5,1\n',
    read: [{ code: 'E204', line: 2, col: 2 }],
    words: ['"5,1"', 'dot as the decimal separator: 5.1'],
  },
  {
    name: 'Infinity',
    text: 'id,response_days\nA,Infinity\n',
    read: [{ code: 'E204', line: 2, col: 2 }],
    words: ['"Infinity"', 'infinite values are not data'],
  },
  {
    name: 'year that is not a whole number',
    text: 'id,year,response_days\nA,2024.5,1\n',
    read: [{ code: 'E204', line: 2, col: 2, column: 'year' }],
    words: ['year "2024.5" of unit A', 'such as 2024'],
  },
  {
    name: 'long form: the same unit, indicator and year twice',
    text: 'unit,indicator,value,year\nA,apps,1,2024\nA,apps,2,2024\nA,apps,3,2023\n',
    read: [
      { code: 'E203', line: 2, column: 'indicator', unit: 'A' },
      { code: 'E203', line: 3, column: 'indicator', unit: 'A' },
    ],
    words: ['two values for apps in 2024'],
  },
  {
    name: 'column with values but no name',
    text: 'id,,online_service\nA,x,1\n',
    read: [{ code: 'E207', line: 1, col: 2 }],
    words: ['column 2 has values but no name'],
  },
  {
    name: '__proto__ as a column name',
    text: 'id,__proto__\nA,1\n',
    read: [{ code: 'E207', line: 1, col: 2 }],
    words: ['__proto__', 'rename'],
  },
  {
    name: 'long form: row without indicator',
    text: 'unit,indicator,value\nA,,1\n',
    read: [{ code: 'E207', line: 2, column: 'indicator' }],
    words: ['no indicator'],
  },
  {
    name: 'long form: unknown yes/no answer',
    text: 'unit,indicator,value\nA,has_portal,perhaps\n',
    read: [{ code: 'E208', line: 2, col: 3, column: 'value', unit: 'A' }],
    words: ['"perhaps" of has_portal', 'yes/no'],
  },
  {
    name: 'long form: a column that is ignored',
    text: 'unit,indicator,value,rank\nA,apps,1,3\n',
    read: [{ code: 'W200', line: 1, col: 4, column: 'rank', severity: 'warning' }],
    words: ['rank is ignored'],
  },
  { name: 'empty file', text: '\n\n', read: [{ code: 'E200' }], words: ['empty'] },
];

describe.each(readingCases)('reading: $name', ({ text, opts, read, words }) => {
  it('reports it', () => {
    const { problems } = parseDatasetCsv(text, { set: testSet, ...opts });
    expect(problems).toHaveLength(read.length);
    read.forEach((r, k) => {
      expect(problems[k]).toMatchObject(r);
    });
    const first = `${problems[0]!.message} ${problems[0]!.hint ?? ''}`;
    for (const w of words ?? []) expect(first).toContain(w);
  });
});

const fitCases: { name: string; text: string; check: Partial<Problem>[]; words: string[] }[] = [
  {
    name: 'percentage above 100',
    text: 'id,online_service\nA,120\n',
    check: [{ code: 'E205', unit: 'A', column: 'online_service', node: 'online_service' }],
    words: ['value 120 of online_service', '[0, 100]', 'percentages are written 0-100'],
  },
  {
    name: 'value outside the declared range',
    text: 'id,response_days\nA,400\nB,-1\n',
    check: [
      { code: 'E205', unit: 'A' },
      { code: 'E205', unit: 'B' },
    ],
    words: ['value 400', '[0, 365]', 'the set declares [0, 365] for response_days'],
  },
  {
    name: 'ordinal value that is no level',
    text: 'id,maturity\nA,3\n',
    check: [{ code: 'E208', unit: 'A', column: 'maturity' }],
    words: ['not the value of any level', 'none (0), partial (1), full (2)'],
  },
  {
    name: 'binary answer 2, long form with years',
    text: 'unit,indicator,value,year\nA,has_portal,2,2024\nA,has_portal,1,2023\n',
    check: [{ code: 'E205', unit: 'A', column: 'has_portal' }],
    words: ['value 2 of has_portal for unit A in 2024', 'not 0 or 1'],
  },
  {
    name: 'a column far from every id',
    text: 'id,gdp_growth\nA,3\n',
    check: [{ code: 'W200', column: 'gdp_growth', severity: 'warning' }],
    words: ['gdp_growth is not in the indicator set', 'extra variable'],
  },
  {
    name: 'checklist indicator absent altogether: one problem, not one per item',
    text: 'id,online_service\nA,1\n',
    check: [{ code: 'E202', column: 'portal', node: 'portal' }],
    words: ['checklist indicator portal is missing', 'portal.search, portal.api'],
  },
];

describe.each(fitCases)('fit to the set: $name', ({ text, check, words }) => {
  it('checkDataset reports it', () => {
    const { dataset, problems } = parseDatasetCsv(text, { set: testSet });
    expect(problems).toEqual([]);
    const only = checkDataset(testSet, dataset).filter(
      (p) => !(p.code === 'E106' || (p.code === 'E202' && !check.some((c) => c.column === p.column))),
    );
    expect(only).toHaveLength(check.length);
    check.forEach((c, k) => {
      expect(only[k]).toMatchObject(c);
    });
    const first = `${only[0]!.message} ${only[0]!.hint ?? ''}`;
    for (const w of words) expect(first).toContain(w);
  });
});

describe('JSON mistakes', () => {
  it('syntax error with line and column', () => {
    const { problems } = parseDatasetJson('[\n  {"id": "A",}\n]', { file: 'bad.json' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'E200', file: 'bad.json', line: 2, col: 14 });
    expect(problems[0]!.message).toContain('invalid JSON');
  });
  it('value array of the wrong length', () => {
    const { problems } = parseDatasetJson(
      '{"units": [{"id": "A"}, {"id": "B"}], "values": {"x": [1, 2, 3]}}',
    );
    expect(problems[0]).toMatchObject({ code: 'E207', path: 'values.x' });
    expect(problems[0]!.message).toContain('has 3 values; expected 2');
  });
  it('not-a-number cell located by path', () => {
    const { problems } = parseDatasetJson('[{"id": "A", "indicators": {"response_days": "3 days"}}]', {
      set: testSet,
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([['E204', '[0].indicators.response_days']]);
  });
  it('a shape that is no dataset', () => {
    expect(parseDatasetJson('{"a": 1}').problems[0]).toMatchObject({ code: 'E200' });
  });
});

describe('checkDataset on a dataset built by hand', () => {
  it('duplicate and empty unit ids, wrong value length, infinite values', () => {
    const problems = checkDataset(testSet, {
      units: [
        { id: 'A', groups: {} },
        { id: 'A', groups: {} },
        { id: ' ', groups: {} },
      ],
      years: [],
      variables: ['online_service', 'response_days'],
      values: new Map([
        ['online_service', new Float64Array([1, 2])],
        ['response_days', new Float64Array([1, Number.POSITIVE_INFINITY, 2])],
      ]),
    }).filter((p) => p.code !== 'E202' && p.code !== 'E106');
    expect(problems.map(pick)).toEqual([
      { code: 'E203', unit: 'A' },
      { code: 'E206' },
      { code: 'E207', column: 'online_service' },
      { code: 'E204', column: 'response_days', unit: 'A' },
    ]);
  });
});
