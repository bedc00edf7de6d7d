import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../src/load/check-data';
import { datasetFromRows, parseDatasetCsv, parseDatasetJson } from '../../src/load/dataset';
import type { Dataset } from '../../src/load/dataset-types';
import type { IndicatorSet } from '../../src/schema/indicator-set';
import { sha256Hex } from '../../src/util/sha256';
import { testSet } from './test-set';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const N = Number.NaN;
/** Values of a variable as a plain array (NaN kept). */
const col = (d: Dataset, v: string) => Array.from(d.values.get(v) ?? []);

describe('wide CSV with a set', () => {
  const { dataset: d, problems } = parseDatasetCsv(fixture('wide-good.csv'), {
    file: 'wide-good.csv',
    set: testSet,
  });

  it('reads without problems and fits the set', () => {
    expect(problems).toEqual([]);
    expect(checkDataset(testSet, d)).toEqual([]);
  });
  it('units in data order with zh/en names and groups', () => {
    expect(d.units).toEqual([
      { id: '110000', name: { zh: '北京', en: 'Beijing' }, groups: { region: 'east' } },
      { id: '120000', name: { zh: '天津', en: 'Tianjin' }, groups: { region: 'east' } },
      { id: '650000', name: { zh: '新疆', en: 'Xinjiang' }, groups: { region: 'west' } },
    ]);
    expect(d.years).toEqual([2023, 2024]);
  });
  it('variables in column order', () => {
    expect(d.variables).toEqual([
      'online_service',
      'response_days',
      'apps',
      'population',
      'has_portal',
      'maturity',
      'portal.search',
      'portal.api',
    ]);
  });
  // frame-major: [2023: 110000, 120000, 650000, 2024: 110000, 120000, 650000]; 650000 has no 2023 row
  it.each([
    ['online_service', [95.5, 88, N, 96.25, N, 70.5]],
    ['response_days', [3, N, N, 2.5, 4, 10]],
    ['apps', [120, 80, N, 130, N, 25]],
    ['population', [21.9, 13.7, N, 21.8, 13.6, 25.9]],
    ['has_portal', [1, 0, N, 1, 1, 0]],
    ['maturity', [2, 1, N, 2, 1, 0]],
    ['portal.search', [1, 0, N, 1, 0, 0]],
    ['portal.api', [1, 0, N, 1, 0, 1]],
  ])('%s', (v, expected) => {
    expect(col(d, v)).toEqual(expected);
  });
  it('records the file and the sha256 of the text', () => {
    expect(d.source).toEqual({ file: 'wide-good.csv', hash: sha256Hex(fixture('wide-good.csv')) });
  });
});

describe('long CSV', () => {
  const { dataset: d, problems } = parseDatasetCsv(fixture('long-good.csv'), { set: testSet });
  it('skips the # provenance line and reads without problems', () => {
    expect(problems).toEqual([]);
  });
  it('units, years, variables in order of appearance', () => {
    expect(d.units).toEqual([
      { id: '110000', name: '北京', groups: { group: 'east' } },
      { id: '120000', name: '天津', groups: { group: 'east' } },
    ]);
    expect(d.years).toEqual([2023, 2024]);
    expect(d.variables).toEqual(['online_service', 'portal.search', 'has_portal', 'maturity']);
  });
  it.each([
    ['online_service', [90, N, 95.5, N]],
    ['portal.search', [N, N, 1, 0]],
    ['has_portal', [N, N, 1, N]],
    ['maturity', [N, 1, N, N]],
  ])('%s', (v, expected) => {
    expect(col(d, v)).toEqual(expected);
  });
  it('keeps evidence of the latest year only', () => {
    expect(d.evidence).toEqual(
      new Map([
        ['110000\u0000online_service', { note: 'checked on the portal', url: 'https://www.beijing.gov.cn' }],
        ['110000\u0000portal.search', { note: 'search box on the home page' }],
        ['120000\u0000online_service', { note: 'not published' }],
      ]),
    );
  });
  it('fit to the set: missing indicators and items, the denominator', () => {
    const codes = checkDataset(testSet, d).map((p) => `${p.code} ${p.column}`);
    expect(codes.sort()).toEqual(
      ['E106 population', 'E202 response_days', 'E202 apps', 'E202 portal.api'].sort(),
    );
  });
});

describe('wide CSV without a set', () => {
  it('numbers are variables, yes/no columns become 0/1, text columns groups', () => {
    const { dataset: d, problems } = parseDatasetCsv(
      'code,name,income,x,ok,comment\nA,Alpha,high,1.5,yes,fine\nB,Beta,low,NA,no,\n',
    );
    expect(problems).toEqual([]);
    expect(d.units).toEqual([
      { id: 'A', name: 'Alpha', groups: { income: 'high' } },
      { id: 'B', name: 'Beta', groups: { income: 'low' } },
    ]);
    expect(d.variables).toEqual(['x', 'ok']);
    expect(col(d, 'x')).toEqual([1.5, N]);
    expect(col(d, 'ok')).toEqual([1, 0]);
    expect(d.years).toEqual([]);
  });
  it('a column of malformed numbers is a variable with errors, not a group', () => {
    const { dataset: d, problems } = parseDatasetCsv('id,pop\nA,"1,234"\nB,"2,000"\n');
    expect(d.variables).toEqual(['pop']);
    expect(d.units[0]!.groups).toEqual({});
    expect(problems.map((p) => [p.code, p.line, p.hint])).toEqual([
      ['E204', 2, 'remove the thousands separators: 1234'],
      ['E204', 3, 'remove the thousands separators: 2000'],
    ]);
  });
  it('explicit unit, name, group and year columns', () => {
    const { dataset: d, problems } = parseDatasetCsv('地区,省份,类别,年份,x\n浙江,Zhejiang,东部,2024,1\n', {
      unitColumn: '地区',
      nameColumns: ['省份'],
      groupColumns: ['类别'],
    });
    expect(problems).toEqual([]);
    expect(d.units).toEqual([{ id: '浙江', name: 'Zhejiang', groups: { 类别: '东部' } }]);
    expect(d.years).toEqual([2024]);
    expect(col(d, 'x')).toEqual([1]);
  });
  it('a plain name next to language columns goes under the set language', () => {
    const { dataset: d } = parseDatasetCsv('id,name,name_en,online_service\nA,甲,Alpha,1\n', {
      set: testSet,
    });
    expect(d.units[0]!.name).toEqual({ zh: '甲', en: 'Alpha' });
  });
  it('reads the BOM + CRLF + semicolon fixture', () => {
    const { dataset: d, problems } = parseDatasetCsv(fixture('bom-crlf-semicolon.csv'));
    expect(problems).toEqual([]);
    expect(d.units.map((u) => [u.id, u.name])).toEqual([
      ['A', 'Alpha; the first'],
      ['B', 'Beta'],
    ]);
    expect(col(d, 'x')).toEqual([1.5, -2]);
    expect(d.variables).toEqual(['x']); // `note` is evidence: ignored in wide form
  });
  it('reads 17-digit numbers exactly (COINr ASEM style)', () => {
    const { dataset: d } = parseDatasetCsv(
      '"uCode","GDP"\n"A",5.1000000000000005\n"B",5.0999999999999996\n"C",390.79999114746801\n',
    );
    expect(col(d, 'GDP')).toEqual([5.1000000000000005, 5.1, 390.799991147468]);
    expect(col(d, 'GDP')[0]).not.toBe(col(d, 'GDP')[1]);
  });
  it('auto form: long when unit, indicator and value columns are there; wide when forced', () => {
    const text = 'iso3,variable,value\nKOR,a,1\nKOR,b,2\nJPN,a,3\n';
    const long = parseDatasetCsv(text).dataset;
    expect(long.variables).toEqual(['a', 'b']);
    expect(col(long, 'a')).toEqual([1, 3]);
    expect(col(long, 'b')).toEqual([2, N]);
    const wide = parseDatasetCsv(text, { form: 'wide' });
    expect(wide.dataset.variables).toEqual(['value']);
    expect(wide.problems.map((p) => p.code)).toEqual(['E203', 'E203']); // KOR twice
  });
});

describe('alias columns never take an indicator of the set', () => {
  const set: IndicatorSet = {
    id: 't',
    title: 't',
    tree: { id: 'r', children: [{ id: 'time' }, { id: 'code' }] },
  };
  it.each([
    ['id,time,code\nA,3,7\n', [], 3],
    ['id,year,time,code\nA,2024,3,7\n', [2024], 3],
  ])('%j', (text, years, time) => {
    const { dataset: d, problems } = parseDatasetCsv(text, { set });
    expect(problems).toEqual([]);
    expect(d.units.map((u) => u.id)).toEqual(['A']);
    expect(d.years).toEqual(years);
    expect(Array.from(d.values.get('time')!)).toEqual([time]);
    expect(Array.from(d.values.get('code')!)).toEqual([7]);
  });
});

describe('JSON', () => {
  it('rows with nested names, groups, indicators and checklist items', () => {
    const { dataset: d, problems } = parseDatasetJson(fixture('rows.json'), {
      set: testSet,
      file: 'rows.json',
    });
    expect(problems).toEqual([]);
    expect(d.units).toEqual([
      { id: '110000', name: { zh: '北京', en: 'Beijing' }, groups: { region: 'east' } },
      { id: '120000', name: { zh: '天津', en: 'Tianjin' }, groups: { region: 'east' } },
    ]);
    expect(d.years).toEqual([2024]);
    expect(d.variables).toEqual(['online_service', 'has_portal', 'portal.search', 'portal.api']);
    expect(col(d, 'online_service')).toEqual([95.5, N]);
    expect(col(d, 'has_portal')).toEqual([1, 0]);
    expect(col(d, 'portal.search')).toEqual([1, 0]);
    expect(col(d, 'portal.api')).toEqual([0, 1]);
  });
  it('columns (the Dataset JSON form), frame-major, variables order kept', () => {
    const { dataset: d, problems } = parseDatasetJson(fixture('columns.json'));
    expect(problems).toEqual([]);
    expect(d.units).toEqual([
      { id: 'A', name: 'Alpha', groups: { region: 'east' } },
      { id: 'B', name: { zh: '乙', en: 'Beta' }, groups: { region: 'west' } },
    ]);
    expect(d.years).toEqual([2023, 2024]);
    expect(d.variables).toEqual(['y', 'x']);
    expect(col(d, 'x')).toEqual([1, 2, 3, N]);
    expect(col(d, 'y')).toEqual([5.1000000000000005, 5.1, N, 7]);
  });
  it('long rows', () => {
    const { dataset: d } = parseDatasetJson(
      '{"rows": [{"unit": "A", "indicator": "x", "value": 2, "year": 2020}]}',
    );
    expect([d.units[0]!.id, d.years, col(d, 'x')]).toEqual(['A', [2020], [2]]);
  });
  it('a __proto__ key pollutes nothing and is reported', () => {
    const { dataset: d, problems } = parseDatasetJson('[{"id": "A", "__proto__": {"polluted": 1}, "x": 1}]');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problems.map((p) => [p.code, p.path])).toEqual([['E207', '[0].__proto__']]);
    expect(col(d, 'x')).toEqual([1]);
  });
});

describe('datasetFromRows', () => {
  it('numbers, text and booleans as cells; default locations are row numbers', () => {
    const { dataset: d, problems } = datasetFromRows(
      [
        { id: 110000, has_portal: true, online_service: 50 },
        { id: 120000, has_portal: 'no', online_service: 'bad' },
      ],
      { set: testSet, file: 'mem' },
    );
    expect(d.units.map((u) => u.id)).toEqual(['110000', '120000']);
    expect(col(d, 'has_portal')).toEqual([1, 0]);
    expect(col(d, 'online_service')).toEqual([50, N]);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'E204',
        file: 'mem',
        row: 2,
        column: 'online_service',
        unit: '120000',
      }),
    ]);
  });
  it('the caller locates cells', () => {
    const { problems } = datasetFromRows([{ id: 'A', x: '1,5' }], {}, (r, c) => ({
      sheet: 'S',
      row: r + 10,
      column: c,
    }));
    expect(problems[0]).toMatchObject({ code: 'E204', sheet: 'S', row: 10, column: 'x' });
  });
});
