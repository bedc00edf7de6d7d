/**
 * The `data:` mapping (load/mapping.ts): published layouts read as they are — long files with a
 * breakdown column, filters, names mapped ignoring case and per year, missing markers, Eurostat flags,
 * latest measurement per item, unread columns, identical repeated columns — each with hand-made data.
 */
import { describe, expect, it } from 'vitest';
import { datasetFromRows, parseDatasetCsv } from '../../src/load/dataset';
import type { Dataset } from '../../src/load/dataset-types';
import { parseIndicatorSet } from '../../src/load/indicator-set';
import type { DataMapping } from '../../src/schema/data-mapping';
import type { IndicatorSet } from '../../src/schema/indicator-set';

const N = Number.NaN;
const col = (d: Dataset, v: string) => Array.from(d.values.get(v) ?? []);
const setOf = (...ids: string[]): IndicatorSet => ({
  id: 't',
  title: 'T',
  tree: { id: 'index', children: ids.map((id) => ({ id })) },
});
const withData = (set: IndicatorSet, data: DataMapping): IndicatorSet => ({ ...set, data });
const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('long files with a breakdown (EU benchmark layout)', () => {
  const csv = [
    'year,Country,variable,brkdown,Value',
    '2021,AT,e_gov_1b_uc_mf,EV_1,80', // 2021 spells it in lower case
    '2022,AT,e_gov_1b_UC_MF,EV_2,90',
    '2022,AT,e_gov_1b_UC_MF,ALL,85', // a published average: filtered out
    '2022,AT,e_gov_0_score,EV_2,70', // not a variable of the set: not read
    '2021,BE,e_gov_1b_uc_mf,EV_1,.', // not measured
    '2022,BE,e_gov_1b_UC_MF,EV_2,60',
    '2022,EU,e_gov_1b_UC_MF,EV_2,75', // an aggregate row: filtered out
    '2020,AT,e_gov_1b_uc_mf,EV_1,10', // an older measurement: latest keeps 2021
  ].join('\n');
  const set = withData(setOf('mf_e1', 'mf_e2'), {
    unit: 'Country',
    year: 'year',
    variable: 'variable',
    value: 'Value',
    breakdown: 'brkdown',
    variables: { E_GOV_1B_UC_MF: 'mf' },
    breakdowns: { ev_1: 'e1', EV_2: 'e2' },
    filter: { brkdown: { not: 'all' }, Country: { not: ['EU', 'EUplus'] } },
    latest: true,
  });
  const { dataset: d, problems } = parseDatasetCsv(csv, { set, file: 'eu.csv' });

  it('maps variable and breakdown (ignoring case) to the set ids, latest measurement per item', () => {
    expect(d.units.map((u) => u.id)).toEqual(['AT', 'BE']);
    expect(d.years).toEqual([2022]);
    expect(d.variables).toEqual(['mf_e1', 'mf_e2']);
    expect(col(d, 'mf_e1')).toEqual([80, N]); // BE's "." is missing, never 0 (and not 2020's value)
    expect(col(d, 'mf_e2')).toEqual([90, 60]);
  });

  it('says what it left out and what came from earlier years', () => {
    expect(codes(problems)).toEqual(['W211', 'W210', 'W213']);
    expect(problems[0]!.message).toBe(
      '1 row(s) not read: their variable is not one the set reads: e_gov_0_score × EV_2 (1)',
    );
    expect(problems[1]!.message).toBe(
      'data.filter left out 2 of 8 row(s): brkdown is all (1); Country is EU, EUplus (1)',
    );
    expect(problems[2]!.message).toContain(
      '1 value(s) are the latest measurement from a year before 2022: 2021 (1)',
    );
    expect(problems.every((p) => p.file === 'eu.csv')).toBe(true);
  });

  it('latest up to a year: 2021 data for a 2021 assessment', () => {
    const d21 = parseDatasetCsv(csv, { set: withData(set, { ...set.data!, latest: 2021 }) }).dataset;
    expect(d21.years).toEqual([2021]);
    expect(col(d21, 'mf_e1')).toEqual([80]);
    expect(d21.units.map((u) => u.id)).toEqual(['AT']);
  });

  it('without latest, the years stay frames', () => {
    const { dataset } = parseDatasetCsv(csv, { set: withData(set, { ...set.data!, latest: false }) });
    expect(dataset.years).toEqual([2020, 2021, 2022]);
    // frame-major: 2020 AT, BE; 2021 AT, BE; 2022 AT, BE
    expect(col(dataset, 'mf_e1')).toEqual([10, N, 80, N, N, N]);
  });

  it('a name used only in some years maps only there', () => {
    const csv2 = 'year,unit,variable,value\n2021,A,old,1\n2022,A,old,2\n2022,A,new,3';
    const s = withData(setOf('x', 'old'), {
      unit: 'unit',
      year: 'year',
      variables: { old: { id: 'x', years: [2021] }, new: 'x' },
    });
    const { dataset, problems: ps } = parseDatasetCsv(csv2, { set: s });
    expect(ps).toEqual([]);
    expect(col(dataset, 'x')).toEqual([1, 3]);
    expect(col(dataset, 'old')).toEqual([N, 2]);
  });
});

describe('cells: missing markers and Eurostat flags', () => {
  const csv =
    'geo,time,indic,value\nAT,2022,x,12.3 p\nBE,2022,x,: c\nCZ,2022,x,7 e\nDE,2022,x,n.a.\nEE,2022,x,5';
  const set = withData(setOf('x'), {
    unit: 'geo',
    year: 'time',
    variable: 'indic',
    value: 'value',
    flags: true,
    missing: ['n.a.'],
  });

  it('reads the number, drops the flag, counts the flags in one warning', () => {
    const { dataset: d, problems } = parseDatasetCsv(csv, { set });
    expect(col(d, 'x')).toEqual([12.3, N, 7, N, 5]);
    expect(codes(problems)).toEqual(['W212']);
    expect(problems[0]!.message).toBe(
      '3 value(s) carried a flag, which was dropped (the number is read): c (1), e (1), p (1)',
    );
  });

  it('without flags, a flagged value is an error at its cell (line and column of the file)', () => {
    const { problems } = parseDatasetCsv(csv, {
      set: withData(set, { ...set.data!, flags: false }),
      file: 'f.csv',
    });
    const e = problems.filter((p) => p.code === 'E204');
    expect(e.map((p) => [p.line, p.col, p.unit])).toEqual([
      [2, 4, 'AT'],
      [3, 4, 'BE'],
      [4, 4, 'CZ'],
    ]);
    expect(e[0]!.column).toBe('value');
  });
});

describe('wide files: only the columns the set names are read', () => {
  // the ODB layout: ISO2 has Norway's NO (a "no" answer) and Namibia's NA (missing)
  const csv =
    'ISO3,ISO2,Country,Region,Readiness,Impact,Rank\nNOR,NO,Norway,Europe,1.5,0.5,7\nNAM,NA,Namibia,Africa,-0.5,-1,77\nGBR,GB,UK,Europe,2,2,1';
  const set = withData(setOf('readiness', 'impact'), { unit: 'ISO3', name: 'Country', groups: ['Region'] });

  it('reads the set’s columns ignoring case; ISO2 and Rank are not read, and said so', () => {
    const { dataset: d, problems } = parseDatasetCsv(csv, { set });
    expect(d.variables).toEqual(['readiness', 'impact']);
    expect(col(d, 'readiness')).toEqual([1.5, -0.5, 2]);
    expect(d.units[0]).toEqual({ id: 'NOR', name: 'Norway', groups: { Region: 'Europe' } });
    expect(codes(problems)).toEqual(['W211']);
    expect(problems[0]!.message).toBe('2 column(s) not read: the set does not name them: ISO2, Rank');
  });

  it('without the mapping the same file fails: ISO2 is read as numbers (the reason for the mapping)', () => {
    const { problems } = parseDatasetCsv(csv, { set: setOf('readiness', 'impact') });
    const e = problems.filter((p) => p.code === 'E204' && p.column === 'ISO2');
    expect(e.map((p) => p.unit)).toEqual(['NOR', 'GBR']);
  });

  it('`ignore` silences a column; `variables` renames one', () => {
    const s = withData(setOf('readiness', 'rank_2014'), {
      unit: 'ISO3',
      ignore: ['ISO2', 'Country', 'Region', 'Impact'],
      variables: { Rank: 'rank_2014' },
    });
    const { dataset: d, problems } = parseDatasetCsv(csv, { set: s });
    expect(problems).toEqual([]);
    expect(col(d, 'rank_2014')).toEqual([7, 77, 1]);
  });

  it('latest in wide form: each variable from the latest year that has it', () => {
    const csv2 = 'id,year,a,b\nX,2021,1,2\nX,2022,3,\nY,2022,,4';
    const { dataset: d, problems } = parseDatasetCsv(csv2, {
      set: withData(setOf('a', 'b'), { unit: 'id', year: 'year', latest: true }),
    });
    expect(d.years).toEqual([2022]);
    expect(col(d, 'a')).toEqual([3, N]);
    expect(col(d, 'b')).toEqual([2, 4]);
    expect(problems.map((p) => p.message)).toEqual([
      '1 value(s) are the latest measurement from a year before 2022: 2021 (1)',
    ]);
  });
});

describe('repeated column names', () => {
  const set = withData(setOf('a'), { unit: 'id', duplicate_columns: 'identical' });

  it('identical cells: the second is dropped with W214 (CSV and rows)', () => {
    const csv = 'id,a,b,a\nX,1,2,1\nY,3,4,3';
    const { dataset: d, problems } = parseDatasetCsv(csv, { set, file: 'd.csv' });
    expect(col(d, 'a')).toEqual([1, 3]);
    expect(problems.map((p) => [p.code, p.line, p.col])).toEqual([
      ['W214', 1, 4],
      ['W211', undefined, undefined],
    ]);
    const rows = datasetFromRows([{ id: 'X', a: 1 }], { set });
    expect(rows.problems.map((p) => p.code)).toEqual([]);
  });

  it('different cells stay an error (E211), as without the mapping', () => {
    const { problems } = parseDatasetCsv('id,a,a\nX,1,1\nY,3,5', { set });
    expect(codes(problems)).toEqual(['E211']);
  });
});

describe('mistakes in the mapping', () => {
  it('E225 names the missing column and lists the columns there are', () => {
    const { dataset, problems } = parseDatasetCsv('id,x\nA,1', {
      set: withData(setOf('x'), { unit: 'Country', year: 'yr' }),
      file: 'd.csv',
    });
    expect(dataset.units).toEqual([]);
    expect(problems.map((p) => [p.code, p.message, p.hint])).toEqual([
      [
        'E225',
        'column Country named by data.unit is not in the file',
        'the columns are: id, x (see docs/data.md)',
      ],
      [
        'E225',
        'column yr named by data.year is not in the file',
        'the columns are: id, x (see docs/data.md)',
      ],
    ]);
  });

  it('mapping: null reads the file by the conventions alone', () => {
    const { dataset, problems } = parseDatasetCsv('id,x\nA,1', {
      set: withData(setOf('x'), { unit: 'Country' }),
      mapping: null,
    });
    expect(problems).toEqual([]);
    expect(col(dataset, 'x')).toEqual([1]);
  });
});

describe('the mapping in a set file (E123)', () => {
  it('checks what the schema cannot: placeholders of id, breakdowns without a breakdown, long keys in wide form', () => {
    const text = `id: t
title: T
data:
  form: wide
  unit: id
  variable: var
  breakdowns: { a: b }
  id: "{variable}_{brk}"
tree: { id: r, children: [{ id: x }] }
`;
    const { problems } = parseIndicatorSet(text, 't.yaml');
    expect(problems.map((p) => [p.code, p.line, p.message])).toEqual([
      ['E123', 6, 'data.variable is a long-form column, but data.form is wide'],
      ['E123', 7, 'data.breakdowns is given but no data.breakdown column'],
      ['E123', 8, 'data.id has the placeholder {brk}'],
    ]);
  });
});
