/**
 * The evaluator's workflow end to end, as docs/evaluators.md tells it: `govscore init` an assessment,
 * `govscore template` the workbook, fill it in (here programmatically: values, checklist answers with
 * evidence, two raters who disagree twice), `govscore validate` (a mistake is named by its cell, then
 * fixed), `govscore assess` — and the Result holds the evidence and the rater agreement.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type IndicatorNode,
  type IndicatorSet,
  loadIndicatorSet,
  parseResult,
  type TreeNode,
} from '@govscore/core';
import { readXlsxRows, type SheetData, writeXlsx, type XlsxCell } from '@govscore/core/io';
import { main } from 'govscore';
import { afterAll, describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'govscore-workflow-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

const dir = join(tmp, 'assessment');
const unitsCsv = join(tmp, 'units.csv');
writeFileSync(
  unitsCsv,
  'id,name_zh,name_en,group\n110000,北京,Beijing,east\n310000,上海,Shanghai,east\n510000,四川,Sichuan,west\n620000,甘肃,Gansu,west\n',
);
const leaves = (n: TreeNode): IndicatorNode[] =>
  'children' in n ? n.children.flatMap(leaves) : [n as IndicatorNode];

/** A valid value for an indicator, varying by unit. */
function valueFor(ind: IndicatorNode, u: number): string | number {
  if (ind.type === 'binary') return u % 2 ? '否' : '是';
  if (ind.levels) return Object.keys(ind.levels)[u % Object.keys(ind.levels).length]!;
  const lo = ind.goalposts?.low ?? ind.range?.min ?? 0;
  const hi = ind.goalposts?.high ?? ind.range?.max ?? (ind.type === 'percentage' ? 100 : lo + 100);
  return lo + ((hi - lo) * (u + 1)) / 5;
}

/** The sheets of a workbook as dense rows (row r at index r − 1), to fill in and write again. */
function dense(bytes: Uint8Array): { name: string; rows: XlsxCell[][] }[] {
  return readXlsxRows(bytes).map((s) => {
    const rows: XlsxCell[][] = [];
    for (const r of s.rows) rows[r.row - 1] = [...r.cells];
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return { name: s.name, rows };
  });
}

describe('the evaluator workflow', () => {
  let set: IndicatorSet;
  const answers = { pairs: 0, agree: 0, values: 0 };
  let badCell = '';

  it('init scaffolds an assessment, and refuses to overwrite it', async () => {
    const r = await run(
      'init',
      dir,
      '--template',
      'cn-provincial-digital-government',
      '--units',
      unitsCsv,
      '--year',
      '2025',
    );
    expect(r.code, r.err).toBe(0);
    for (const f of [
      'indicator-set.yaml',
      'data.xlsx',
      'site.yaml',
      'package.json',
      '.gitignore',
      'README.md',
    ])
      expect(existsSync(join(dir, f)), f).toBe(true);
    expect(existsSync(join(dir, 'evidence'))).toBe(true);
    // commands to run in the assessment's folder: no path of this machine
    const readmeText = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readmeText).toContain('npx govscore validate indicator-set.yaml');
    expect(readmeText).toContain(
      'npm run validate      # govscore validate indicator-set.yaml --data data.xlsx',
    );
    expect(readmeText).not.toContain(tmp);
    const site = readFileSync(join(dir, 'site.yaml'), 'utf8');
    expect(site).toMatch(
      /^title: \{"zh":"省级数字政府能力评估指标体系","en":"Provincial Digital Government Capability Index"\}$/m,
    );
    // the groups of units.csv, named
    expect(site).toContain(
      'groups:\n  "east": {"zh":"东部","en":"East"}\n  "west": {"zh":"西部","en":"West"}\n',
    );
    set = loadIndicatorSet(readFileSync(join(dir, 'indicator-set.yaml'), 'utf8'));
    expect(set.id).toBe('cn-provincial-digital-government');
    const again = await run('init', dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain('never overwrites');
  });

  it('template writes the same workbook, deterministically, and refuses to overwrite without --force', async () => {
    const out = join(tmp, 'again.xlsx');
    const r = await run(
      'template',
      join(dir, 'indicator-set.yaml'),
      '--out',
      out,
      '--units',
      unitsCsv,
      '--year',
      '2025',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      set: 'cn-provincial-digital-government',
      units: 4,
      year: 2025,
    });
    expect(r.err).toBe(''); // --json: no progress, nothing but the JSON on stdout
    expect(readFileSync(out)).toEqual(readFileSync(join(dir, 'data.xlsx')));
    expect((await run('template', join(dir, 'indicator-set.yaml'), '--out', out)).code).toBe(2);
    expect(
      (await run('template', join(dir, 'indicator-set.yaml'), '--out', out, '--force', '--quiet')).code,
    ).toBe(0);
  });

  it('the workbook is filled in; a mistake is named by its sheet and cell', async () => {
    const byId = new Map(leaves(set.tree).map((i) => [i.id, i]));
    const sheets = dense(readFileSync(join(dir, 'data.xlsx')));
    expect(sheets.map((s) => s.name)).toEqual([
      '说明',
      '地区',
      '政务公开',
      '在线服务',
      '政民互动',
      '数据开放',
      '安全保障',
      '清单',
    ]);
    const extra: XlsxCell[][] = [];
    for (const s of sheets) {
      const h = s.rows.findIndex((r) => typeof r[0] === 'string' && r[0] === 'id');
      if (h < 0) continue;
      const head = s.rows[h]!.map((c) => String(c ?? ''));
      const body = s.rows.slice(h + 1);
      if (!head.includes('indicator')) {
        body.forEach((row, u) => {
          head.forEach((col, j) => {
            if (j < 3) return; // id, name, year
            if (col === 'group') return; // filled from units.csv
            const ind = byId.get(col);
            row[j] = ind ? valueFor(ind, u) : 1e7 + u * 1e6; // the denominator: population
          });
        });
        continue;
      }
      // the checklist sheet: li answers every item with evidence; wang too, differing twice
      const c = (name: string) => head.indexOf(name);
      body.forEach((row, k) => {
        const unit = String(row[0]);
        const variable = String(row[c('indicator')]);
        const na = unit === '510000' && variable === 'platform_functions.open_licence';
        const answer = na ? '不适用' : k % 7 === 3 ? '部分' : '是';
        row[c('value')] = answer;
        row[c('rater')] = 'li';
        row[c('url')] = `https://gov.example/${unit}/${variable}`;
        row[c('file')] = `${unit}-${variable}.png`;
        row[c('date')] = '2025-03-01';
        if (k === 0) row[c('note')] = '<script>alert(1)</script>';
        const copy = [...row];
        copy[c('rater')] = 'wang';
        copy[c('url')] = null;
        copy[c('file')] = null;
        copy[c('note')] = null;
        if (k === 0) {
          // wang disagrees; the adjudicator settles it
          copy[c('value')] = '否';
          extra.push(copy, [...copy.slice(0, c('value')), '是', 'adjudicated']);
          answers.pairs += 1;
        } else if (k === 1) {
          // wang disagrees; a third rater makes the majority
          copy[c('value')] = '否';
          extra.push(copy, [...copy.slice(0, c('value')), answer, 'zhao']);
          answers.pairs += 3;
          answers.agree += 1;
        } else {
          extra.push(copy);
          if (!na) {
            answers.pairs += 1;
            answers.agree += 1;
          }
        }
        if (!na) answers.values += 1;
      });
      s.rows.push(...extra);
    }
    // a mistake: text in a number column of the first dimension sheet
    const dim = sheets[2]!;
    dim.rows[4]![3] = 'abc';
    badCell = `${dim.name}!D5`;
    const toWrite: SheetData[] = sheets.map((s) => ({ name: s.name, rows: s.rows }));
    writeFileSync(join(dir, 'data.xlsx'), writeXlsx(toWrite));
    const r = await run('validate', join(dir, 'indicator-set.yaml'), '--data', join(dir, 'data.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${join(dir, 'data.xlsx')}!${badCell} E204 value "abc"`);
    // fixed
    dim.rows[4]![3] = 12.5;
    writeFileSync(join(dir, 'data.xlsx'), writeXlsx(sheets.map((s) => ({ name: s.name, rows: s.rows }))));
    const ok = await run('validate', join(dir, 'indicator-set.yaml'), '--data', join(dir, 'data.xlsx'));
    expect(ok.code, ok.err).toBe(0);
    expect(ok.err).toContain(': valid');
    expect(ok.err).toMatch(/govscore validate: \[3\/4\] checking the data/); // progress lines (not a terminal)
    expect(ok.err).toMatch(/govscore validate: \[4\/4\] scoring the data as assess would/);
  });

  it('assess writes the Result with the evidence and the rater agreement', async () => {
    const out = join(dir, 'result.json');
    const r = await run(
      'assess',
      join(dir, 'indicator-set.yaml'),
      '--data',
      join(dir, 'data.xlsx'),
      '--out',
      out,
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary).toMatchObject({
      units: 4,
      year: 2025,
      agreement: { raters: ['li', 'wang', 'zhao'], disagreements: 2, unresolved: 0 },
    });
    const result = parseResult(readFileSync(out, 'utf8'));
    const a = result.agreement!;
    expect(a.rule).toBe('majority');
    // every value answered by li and wang (the not-applicable one left out); one also by zhao
    expect(a.overall.values).toBe(answers.values);
    expect(a.overall.percent).toBeCloseTo(answers.agree / answers.pairs, 12);
    // two disagreements (listed by unit, then variable): one adjudicated, one settled by the majority
    expect(a.disagreements.map((d) => [d.unit, d.by]).sort()).toEqual([
      ['110000', 'adjudicated'],
      ['110000', 'majority'],
    ]);
    const first = a.disagreements.find((d) => d.by === 'adjudicated')!;
    expect(first.final).toBe(1);
    expect(first.answers.map((x) => [x.rater, x.value])).toEqual([
      ['li', 1],
      ['wang', 0],
      ['adjudicated', 1],
    ]);
    expect(result.evidence!['110000']![first.variable]).toEqual({
      url: `https://gov.example/110000/${first.variable}`,
      file: `110000-${first.variable}.png`,
      date: '2025-03-01',
      note: '<script>alert(1)</script>',
      rater: 'li; wang',
    });
    // every unit is scored and tiered
    expect(result.values['index']!.score.every((x) => typeof x === 'number')).toBe(true);
    expect(result.tiers!.tier.every((t) => t !== null)).toBe(true);
    expect(result.values['index']!.group_rank).toHaveLength(4);
  });
});
