/**
 * Data-entry templates: the workbook's sheets, notes and data validation, and reading a filled-in
 * workbook back (several sheets merged by unit id, errors naming sheet and cell, evidence, raters).
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors';
import { templateCsv, templateSheets } from '../../src/io/template';
import { parseDatasetXlsx, readXlsxRows, type SheetData, writeXlsx } from '../../src/io/xlsx';
import { checkDataset } from '../../src/load/check-data';
import { parseDatasetCsv } from '../../src/load/dataset';
import type { IndicatorSet } from '../../src/schema/indicator-set';

const set: IndicatorSet = {
  id: 't',
  title: { zh: '测试', en: 'Test' },
  languages: ['zh', 'en'],
  methodology: { raters: { rule: 'majority' } },
  tree: {
    id: 'index',
    children: [
      {
        id: 'online_service',
        name: { zh: '在线服务', en: 'Online service' },
        children: [
          { id: 'rate', name: { zh: '办理率', en: 'Rate' }, type: 'percentage', unit: '%' },
          { id: 'days', name: { zh: '天数', en: 'Days' }, unit: '天', range: { min: 0, max: 365 } },
          { id: 'has_app', type: 'binary' },
          { id: 'level', type: 'ordinal', levels: { 低: 0, 中: 1, 高: 2 } },
        ],
      },
      {
        id: 'open',
        name: { zh: '数据开放', en: 'Open data' },
        children: [
          { id: 'datasets', type: 'count' },
          {
            id: 'portal',
            name: { zh: '门户', en: 'Portal' },
            type: 'checklist',
            items: [
              { id: 'search', name: { zh: '搜索', en: 'Search' }, points: 1 },
              { id: 'api', points: 2, levels: { none: 0, some: 0.5, full: 1 } },
            ],
          },
        ],
      },
    ],
  },
};
const units = ['A', 'B', 'C', 'D', 'E'].map((id) => ({ id, name: { zh: `地区${id}`, en: `Region ${id}` } }));

describe('templateSheets', () => {
  const sheets = templateSheets(set, { units });
  it('has a README, one sheet per dimension and a checklist sheet', () => {
    expect(sheets.map((s) => s.name)).toEqual(['说明', '在线服务', '数据开放', '清单']);
  });
  it('puts names, units and allowed ranges above the ids, one row per unit', () => {
    const s = sheets[1]!;
    expect(s.rows[0]).toEqual(['# 指标名称', null, '办理率', '天数', 'has_app', 'level']);
    expect(s.rows[1]).toEqual([
      '# 单位 · 允许范围',
      null,
      '% · 0 – 100',
      '天 · 0 – 365',
      'yes/no',
      '等级: 低 / 中 / 高',
    ]);
    expect(s.rows[2]).toEqual(['id', 'name', 'rate', 'days', 'has_app', 'level']);
    expect(s.rows.slice(3).map((r) => r.slice(0, 2))).toEqual(units.map((u) => [u.id, u.name.zh]));
    expect(s.freeze).toEqual({ rows: 3, cols: 2 });
  });
  it('validates each column: number ranges, yes/no and level lists', () => {
    expect(sheets[1]!.validations!.map((v) => [v.ref, v.type, v.min, v.max, v.list?.join(',')])).toEqual([
      ['C4:C8', 'decimal', 0, 100, undefined],
      ['D4:D8', 'decimal', 0, 365, undefined],
      ['E4:E8', 'list', undefined, undefined, 'yes,no,是,否'],
      ['F4:F8', 'list', undefined, undefined, '低,中,高'],
    ]);
    expect(sheets[2]!.validations!.map((v) => [v.ref, v.type, v.min])).toEqual([['C4:C8', 'whole', 0]]);
  });
  it('lists checklist answers, one row per unit and item, with rater and evidence columns', () => {
    const s = sheets[3]!;
    expect(s.rows[1]).toEqual([
      'id',
      'name',
      'indicator',
      '#清单项',
      '#分值',
      'value',
      'rater',
      'url',
      'file',
      'date',
      'note',
    ]);
    expect(s.rows.slice(2, 4)).toEqual([
      ['A', '地区A', 'portal.search', '门户 · 搜索', 1, null, null, null, null, null, null],
      ['A', '地区A', 'portal.api', '门户 · api', 2, null, null, null, null, null, null],
    ]);
    expect(s.rows).toHaveLength(2 + 5 * 2);
    // answers: the item's levels first, then the common answers
    expect(s.validations!.map((v) => [v.ref, v.list!.slice(0, 4).join(',')])).toEqual([
      ['F3 F5 F7 F9 F11', 'yes,no,partial,not applicable'],
      ['F4 F6 F8 F10 F12', 'none,some,full,yes'],
    ]);
  });
  it('writes the validations into the workbook', () => {
    const files = unzipSync(writeXlsx(sheets));
    const xml = new TextDecoder().decode(files['xl/worksheets/sheet2.xml']);
    expect(xml).toContain(
      '<dataValidation type="decimal" operator="between" allowBlank="1" showInputMessage="1" promptTitle="rate"',
    );
    expect(xml).toContain('sqref="C4:C8"><formula1>0</formula1><formula2>100</formula2></dataValidation>');
    expect(xml).toContain('sqref="E4:E8"><formula1>&quot;yes,no,是,否&quot;</formula1></dataValidation>');
    expect(xml).toContain(
      '<pane xSplit="2" ySplit="3" topLeftCell="C4" activePane="bottomRight" state="frozen"/>',
    );
    // element order of the schema: sheetViews, cols, sheetData, dataValidations
    expect(xml.indexOf('<sheetViews>')).toBeLessThan(xml.indexOf('<cols>'));
    expect(xml.indexOf('<cols>')).toBeLessThan(xml.indexOf('<sheetData>'));
    expect(xml.indexOf('</sheetData>')).toBeLessThan(xml.indexOf('<dataValidations count="4">'));
  });
  it('is deterministic', () => {
    expect(writeXlsx(templateSheets(set, { units }))).toEqual(writeXlsx(sheets));
  });
});

/** Fills a template: sets cells by sheet name, row number (1-based) and column letter. */
function fill(
  sheets: SheetData[],
  cells: Record<string, string | number>,
  extra: Record<string, unknown[][]> = {},
) {
  return sheets.map((s) => {
    const rows = s.rows.map((r) => [...r]) as (string | number | boolean | null | undefined)[][];
    for (const [ref, v] of Object.entries(cells)) {
      const [sheet, cell] = ref.split('!') as [string, string];
      if (sheet !== s.name) continue;
      const m = /^([A-Z])(\d+)$/.exec(cell)!;
      const col = m[1]!.charCodeAt(0) - 65;
      const row = rows[Number(m[2]) - 1]!;
      while (row.length <= col) row.push(null);
      row[col] = v;
    }
    for (const r of extra[s.name] ?? []) rows.push(r as (string | number | null)[]);
    return { ...s, rows };
  });
}

describe('reading a filled-in workbook back', () => {
  const sheets = templateSheets(set, { units: units.slice(0, 2) });
  const filled = fill(
    sheets,
    {
      '在线服务!C4': 80,
      '在线服务!D4': 3,
      '在线服务!E4': '是',
      '在线服务!F4': '高',
      '在线服务!C5': '95%',
      '在线服务!D5': 10,
      '在线服务!E5': 'no',
      '在线服务!F5': '低',
      '数据开放!C4': 12,
      '数据开放!C5': 40,
      // A: search yes (li), api some (li); B: search no, api 不适用
      '清单!F3': '是',
      '清单!G3': 'li',
      '清单!H3': 'https://a.example/search',
      '清单!I3': 'a-search.png',
      '清单!J3': '2025-03-01',
      '清单!F4': 'some',
      '清单!G4': 'li',
      '清单!F5': 'no',
      '清单!G5': 'li',
      '清单!F6': '不适用',
      '清单!G6': 'li',
      '清单!K6': 'no API on this site',
    },
    // a second rater on a copied row
    { 清单: [['A', '地区A', 'portal.search', null, null, 'no', 'wang', null, null, null, 'not found']] },
  );
  const bytes = writeXlsx(filled);
  const { dataset, problems } = parseDatasetXlsx(bytes, { set, file: 'data.xlsx' });

  it('merges the sheets by unit id without a problem', () => {
    expect(problems).toEqual([]);
    expect(checkDataset(set, dataset)).toEqual([]);
    expect(dataset.units.map((u) => [u.id, u.name])).toEqual([
      ['A', '地区A'],
      ['B', '地区B'],
    ]);
    expect([...dataset.values.get('rate')!]).toEqual([80, 95]);
    expect([...dataset.values.get('has_app')!]).toEqual([1, 0]);
    expect([...dataset.values.get('level')!]).toEqual([2, 0]);
    expect([...dataset.values.get('datasets')!]).toEqual([12, 40]);
  });
  it('reads the answers, the raters and the evidence', () => {
    // A search: li yes, wang no → a tie under majority: missing
    expect(dataset.values.get('portal.search')![0]).toBeNaN();
    expect(dataset.values.get('portal.search')![1]).toBe(0);
    expect(dataset.values.get('portal.api')![0]).toBe(0.5);
    expect([...dataset.notApplicable!.get('portal.api')!]).toEqual([0, 1]);
    expect(dataset.ratings).toHaveLength(5);
    expect(dataset.ratings!.find((r) => r.rater === 'wang')!.where).toEqual({
      sheet: '清单',
      row: 7,
      column: 'F',
    });
    expect(dataset.evidence!.get('A\u0000portal.search')).toEqual({
      url: 'https://a.example/search',
      file: 'a-search.png',
      date: '2025-03-01',
      note: 'not found',
      rater: 'li; wang',
    });
    expect(dataset.evidence!.get('B\u0000portal.api')).toEqual({ note: 'no API on this site', rater: 'li' });
  });
  it('names the sheet and cell of a bad value', () => {
    const bad = writeXlsx(fill(sheets, { '在线服务!D5': 'abc', '清单!F4': 'maybe' }));
    const p = parseDatasetXlsx(bad, { set, file: 'data.xlsx' }).problems;
    expect(p.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^data\.xlsx!在线服务!D5 E204 value "abc" in column days is not a number \[unit B\]/,
      ),
      expect.stringMatching(
        /^data\.xlsx!清单!F4 E208 value "maybe" of portal\.api for unit A is not an answer/,
      ),
    ]);
  });
  it('a value given on two sheets, differently, is E212 naming both cells', () => {
    const twice = fill(sheets, { '在线服务!C4': 80 }, { 清单: [['A', null, 'rate', null, null, 70]] });
    const p = parseDatasetXlsx(writeXlsx(twice), { set, file: 'data.xlsx' }).problems;
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ code: 'E212', sheet: '清单', row: 7, column: 'F', unit: 'A' });
    expect(p[0]!.message).toContain('在线服务!C4 and 清单!F7');
  });
  it('skips unanswered template rows, and the README sheet', () => {
    const blank = templateSheets(set); // no units: blank rows, checklist rows without a unit
    const d = parseDatasetXlsx(writeXlsx(blank), { set, file: 'data.xlsx' });
    expect(d.problems).toEqual([]);
    expect(d.dataset.units).toEqual([]);
    expect(readXlsxRows(writeXlsx(blank)).map((s) => s.name)).toEqual([
      '说明',
      '在线服务',
      '数据开放',
      '清单',
    ]);
  });
});

describe('templateCsv', () => {
  const csv = templateCsv(set, { units: units.slice(0, 1), year: 2025, lang: 'en' });
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  it('is one long table with instructions in # lines', () => {
    expect(lines[0]).toMatch(/^# Test \(t\) data entry/);
    expect(lines[2]).toBe('id,name,year,indicator,#indicator,#allowed,value,rater,url,file,date,note');
    expect(lines.slice(3, 5)).toEqual([
      'A,Region A,2025,rate,Rate,% · 0 – 100,,,,,,',
      'A,Region A,2025,days,Days,天 · 0 – 365,,,,,,',
    ]);
    expect(lines.filter((l) => l.startsWith('A,'))).toHaveLength(7);
  });
  it('reads back once filled in', () => {
    const filled = lines
      .map((l) =>
        l.startsWith('A,')
          ? l.replace(
              /^(A,Region A,2025,([^,]+),[^,]*,[^,]*),/,
              (_m, head, v) =>
                `${head},${v === 'rate' ? 50 : v === 'has_app' ? 'yes' : v === 'level' ? '中' : v.startsWith('portal') ? 'partial' : 1},`,
            )
          : l,
      )
      .join('\n');
    const { dataset, problems } = parseDatasetCsv(filled, { set, file: 'data.csv' });
    expect(problems).toEqual([]);
    expect(dataset.years).toEqual([2025]);
    expect(Object.fromEntries([...dataset.values].map(([k, v]) => [k, v[0]]))).toEqual({
      rate: 50,
      days: 1,
      has_app: 1,
      level: 1,
      datasets: 1,
      'portal.search': 0.5,
      'portal.api': 0.5,
    });
  });
});

describe('the units sheet: groups and denominators', () => {
  const s2: IndicatorSet = {
    id: 'g',
    title: { en: 'G' },
    methodology: { rank: { within: 'region' } },
    tree: {
      id: 'index',
      children: [{ id: 'apps', type: 'count', denominator: { by: 'population', scale: 1e6 } }, { id: 'x' }],
    },
  };
  const sheets = templateSheets(s2, {
    units: [
      { id: 'A', name: 'Alpha', groups: { region: 'east' } },
      { id: 'B', name: 'Beta', groups: { region: 'west' } },
    ],
  });
  it('lists the group and denominator columns the set needs, groups filled in', () => {
    expect(sheets.map((s) => s.name)).toEqual(['README', 'Units', 'Indicators']);
    expect(sheets[1]!.rows).toEqual([
      ['# indicator', null, 'group: region', 'denominator: apps'],
      ['# unit · allowed', null, 'text', '> 0'],
      ['id', 'name', 'region', 'population'],
      ['A', 'Alpha', 'east'],
      ['B', 'Beta', 'west'],
    ]);
    expect(sheets[1]!.validations!.map((v) => [v.ref, v.type, v.min])).toEqual([['D4:D5', 'decimal', 0]]);
  });
  it('reads back: groups, denominators and values merged by unit', () => {
    const filled = fill(sheets, {
      'Units!D4': 2e6,
      'Units!D5': 4e6,
      'Indicators!C4': 10,
      'Indicators!C5': 10,
      'Indicators!D4': 1,
      'Indicators!D5': 2,
    });
    const { dataset, problems } = parseDatasetXlsx(writeXlsx(filled), { set: s2, file: 'd.xlsx' });
    expect(problems).toEqual([]);
    expect(dataset.units.map((u) => [u.id, u.groups])).toEqual([
      ['A', { region: 'east' }],
      ['B', { region: 'west' }],
    ]);
    expect([...dataset.values.get('population')!]).toEqual([2e6, 4e6]);
    expect(checkDataset(s2, dataset)).toEqual([]);
  });
});
