/**
 * Checklists as evaluators answer them: yes/no/partial, item levels, "not applicable" with rescaling,
 * inspection-style groups (deductions capped per group, rescaled when a group does not apply, bonus
 * only above a threshold, veto items), several raters with evidence. Hand-computed values.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../src/assess';
import { checkDataset } from '../src/load/check-data';
import { parseDatasetCsv } from '../src/load/dataset';
import { parseIndicatorSet } from '../src/load/indicator-set';
import type { IndicatorSet } from '../src/schema/indicator-set';

const scores = (set: IndicatorSet, csv: string) => {
  const { dataset, problems } = parseDatasetCsv(csv, { set });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(checkDataset(set, dataset).filter((p) => p.severity === 'error')).toEqual([]);
  return assess(set, dataset);
};

describe('answers: yes/no, partial, levels, not applicable', () => {
  const set: IndicatorSet = {
    id: 's',
    title: 'S',
    methodology: { normalise: 'none' },
    tree: {
      id: 'index',
      children: [
        {
          id: 'site',
          type: 'checklist',
          items: [
            { id: 'a', points: 2 },
            { id: 'b', points: 3 },
            { id: 'c', points: 5, levels: { none: 0, some: 0.4, full: 1 } },
          ],
          scoring: { mode: 'sum' },
        },
      ],
    },
  };
  const csv = [
    'id,site.a,site.b,site.c',
    'u1,yes,partial,none', // 2 + 0.5·3 + 0 = 3.5
    'u2,是,yes,不适用', // 5 of the applicable 5 points, × 10/5 = 10
    'u3,not applicable,not applicable,not applicable', // nothing applies: no score
    'u4,NA,yes,full', // unknown (NA) is missing, not "not applicable": no score
    'u5,no,1,some', // 0 + 3 + 0.4·5 = 5
    'u6,部分,0.25,full', // 0.5·2 + 0.25·3 + 5 = 6.75
  ].join('\n');
  const r = scores(set, csv);
  it.each([
    ['u1', 3.5],
    ['u2', 10],
    ['u3', null],
    ['u4', null],
    ['u5', 5],
    ['u6', 6.75],
  ])('%s scores %s', (unit, expected) => {
    const i = r.units.findIndex((u) => u.id === unit);
    expect(r.values.site!.raw![i]).toBe(expected);
  });

  it('scoring.partial and scoring.levels set every item', () => {
    const s2: IndicatorSet = {
      ...set,
      tree: {
        id: 'index',
        children: [
          {
            id: 'site',
            type: 'checklist',
            items: [
              { id: 'a', points: 2 },
              { id: 'b', points: 4 },
            ],
            scoring: { mode: 'sum', partial: 0.25, levels: { Yes: 1, No: 0, Unsure: 0 } },
          },
        ],
      },
    };
    // u1: Unsure → 0, partial → 0.25·4 = 1; u2: Yes + No = 2
    const r2 = scores(s2, 'id,site.a,site.b\nu1,Unsure,partial\nu2,Yes,No\n');
    expect(r2.values.site!.raw).toEqual([1, 2]);
  });

  it('an unknown answer names the cell; a share above 1 is out of range', () => {
    const { problems, dataset } = parseDatasetCsv('id,site.a,site.b,site.c\nu1,maybe,1.5,excellent\n', {
      set,
      file: 'd.csv',
    });
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['E208', 2, 'site.a'],
      ['E208', 2, 'site.c'],
    ]);
    expect(problems[1]!.hint).toContain('none, some, full');
    expect(checkDataset(set, dataset).map((p) => [p.code, p.column])).toEqual([['E205', 'site.b']]);
  });
});

describe('inspection-style scoring: groups, rescaling, bonus above a threshold, veto', () => {
  const yaml = `
id: insp
title: { zh: 检查, en: Inspection }
methodology:
  normalise: none
  tiers:
    by: thresholds
    levels:
      - { id: pass, min: 60 }
      - { id: fail }
    veto: { id: vetoed }
tree:
  id: index
  children:
    - id: site
      type: checklist
      scoring:
        mode: deduct
        bonus_above: 80
        bonus_exclusive: true
        groups:
          - { id: g1, points: 25 }
          - { id: g2, points: 25 }
          - { id: g3, points: 25 }
          - { id: service, points: 25 }
      items:
        - { id: x1, group: g1, points: 10 }
        - { id: x2, group: g1, points: 20 }
        - { id: y1, group: g2, points: 5 }
        - { id: z1, group: g3, points: 25 }
        - { id: s1, group: service, points: 10 }
        - { id: s2, group: service, points: 10 }
        - { id: b1, kind: bonus, points: 10 }
        - { id: b2, kind: bonus, points: 20 }
        - { id: v1, kind: veto }
`;
  const { set, problems } = parseIndicatorSet(yaml, 'insp.yaml');
  it('the set is valid', () => expect(problems).toEqual([]));
  const csv = [
    'id,site.x1,site.x2,site.y1,site.z1,site.s1,site.s2,site.b1,site.b2,site.v1',
    // 100 > 80: bonus 10 → 110
    'u1,yes,yes,yes,yes,yes,yes,yes,no,yes',
    // g1 loses 30, capped at its 25 points → 0; 75, not above 80: no bonus
    'u2,no,no,yes,yes,yes,yes,yes,yes,yes',
    // service does not apply: (15 + 25 + 25) of 75 × 100/75 = 86.67 > 80 → + 10 + 0.5·20 = 106.67
    'u3,no,yes,yes,yes,不适用,不适用,yes,partial,yes',
    // exactly 80 (g1 = 25 − 20 = 5): not above 80, no bonus
    'u4,yes,no,yes,yes,yes,yes,yes,yes,yes',
    // a failed veto item: vetoed whatever its score (100)
    'u5,yes,yes,yes,yes,yes,yes,no,no,no',
    // one service item does not apply: it deducts nothing, the group still counts: 100
    'u6,yes,yes,yes,yes,不适用,yes,no,no,yes',
    // 0 + 20 + 0 + 5 = 25: below the pass mark
    'u7,no,no,no,no,no,no,no,no,yes',
  ].join('\n');
  const r = scores(set, csv);
  it('scores each unit as computed by hand', () => {
    const got = r.values.site!.raw!;
    expect(got[0]).toBe(110);
    expect(got[1]).toBe(75);
    expect(got[2]).toBeCloseTo((65 * 4) / 3 + 20, 12);
    expect(got[3]).toBe(80);
    expect(got[4]).toBe(100);
    expect(got[5]).toBe(100);
    expect(got[6]).toBe(25);
  });
  it('passes at 60, fails below, and a veto fails whatever the score', () => {
    expect(r.tiers?.tier).toEqual(['pass', 'pass', 'pass', 'pass', 'vetoed', 'pass', 'fail']);
    expect(r.vetoes).toEqual([{ unit: 'u5', items: ['site.v1'] }]);
  });
  it('refuses groups that do not add up', () => {
    const bad = yaml
      .replace('group: g2, points: 5', 'group: g9, points: 5')
      .replace('{ id: z1, group: g3, points: 25 }', '{ id: z1, points: 25 }');
    const p = parseIndicatorSet(bad, 'insp.yaml').problems;
    expect(p.map((x) => x.code)).toEqual(['E110', 'E110', 'E110', 'E110']);
    expect(p.map((x) => x.message).join('\n')).toMatch(/g9.*not in `scoring.groups`/);
    expect(p.map((x) => x.message).join('\n')).toMatch(/z1.*has no `group`/);
    expect(p.map((x) => x.message).join('\n')).toMatch(/group `g2`.*has no items/);
    expect(p.map((x) => x.message).join('\n')).toMatch(/group `g3`.*has no items/);
  });
});

describe('several raters with evidence (long data)', () => {
  const set: IndicatorSet = {
    id: 'r',
    title: 'R',
    methodology: { normalise: 'none', raters: { rule: 'majority', min_raters: 2 } },
    tree: {
      id: 'index',
      children: [
        {
          id: 'portal',
          type: 'checklist',
          items: [
            { id: 'search', points: 1 },
            { id: 'api', points: 2 },
          ],
        },
      ],
    },
  };
  const csv = [
    'unit,indicator,value,rater,url,file,date,note',
    'A,portal.search,yes,li,https://a.gov.cn/search,a-search.png,2025-03-01,found',
    'A,portal.search,yes,wang,https://a.gov.cn/search,,2025-03-02,',
    'A,portal.api,yes,li,https://a.gov.cn/api,,,',
    'A,portal.api,no,wang,,,,"<script>alert(1)</script>"',
    'A,portal.api,partial,zhao,,,,',
    'B,portal.search,no,li,,,,',
    'B,portal.search,no,wang,,,,',
    'B,portal.api,yes,li,,,,',
    'B,portal.api,no,wang,,,,',
    'B,portal.api,yes,adjudicated,https://b.gov.cn/api,,2025-03-05,checked again',
  ].join('\n');
  const { dataset, problems } = parseDatasetCsv(csv, { set, file: 'answers.csv' });
  const r = assess(set, dataset);
  it('reads every answer without a problem', () => expect(problems).toEqual([]));
  it('takes the final values by the rule', () => {
    // A: search yes (agreed); api: yes/no/partial — no majority (a three-way tie) → missing → no score
    // B: search no; api adjudicated yes → 0 + 2 = 2
    expect(r.values.portal!.raw).toEqual([null, 2]);
  });
  it('lists the disagreements with every answer', () => {
    expect(r.agreement!.raters).toEqual(['li', 'wang', 'zhao']);
    expect(r.agreement!.disagreements.map((d) => [d.unit, d.variable, d.by, d.final])).toEqual([
      ['A', 'portal.api', 'unresolved', null],
      ['B', 'portal.api', 'adjudicated', 1],
    ]);
    expect(r.warnings.find((w) => w.code === 'W311')?.message).toContain('A portal.api');
  });
  it('measures agreement', () => {
    // values: A.search [1,1], A.api [1,0,0.5], B.search [0,0], B.api [1,0]
    // pairs 1 + 3 + 1 + 1 = 6, agreeing 1 + 0 + 1 + 0 = 2
    expect(r.agreement!.overall.percent).toBeCloseTo(2 / 6, 12);
    expect(r.agreement!.variables['portal.search']!.percent).toBe(1);
    expect(r.agreement!.variables['portal.search']!.alpha_nominal).toBeCloseTo(1, 12);
    // nominal, pooled: o_00 = 2 + 1/2·… by hand: A.api (m=3) adds 1/2 to each ordered pair of different
    // values (6 pairs → o_01 = o_10 = o_0h = o_h0 = o_1h = o_h1 = 1/2); B.api adds o_01 = o_10 = 1;
    // A.search o_11 = 2; B.search o_00 = 2. n_0 = 2 + 1/2 + 1/2 + 1 = 4, n_h = 1, n_1 = 2 + 1/2 + 1/2 + 1 = 4,
    // n = 9; Σ_{c≠k} o = 6·1/2 + 2 = 5; Σ_{c≠k} n_c n_k = 81 − 16 − 1 − 16 = 48 → α = 1 − 8·5/48 = 1/6
    expect(r.agreement!.overall.alpha_nominal).toBeCloseTo(1 / 6, 12);
  });
  it('keeps the evidence of every rater, as text', () => {
    expect(r.evidence!['A']!['portal.search']).toEqual({
      url: 'https://a.gov.cn/search',
      file: 'a-search.png',
      date: '2025-03-01; 2025-03-02',
      note: 'found',
      rater: 'li; wang',
    });
    expect(r.evidence!['A']!['portal.api']!.note).toBe('<script>alert(1)</script>');
    expect(r.evidence!['B']!['portal.api']).toEqual({
      url: 'https://b.gov.cn/api',
      date: '2025-03-05',
      note: 'checked again',
      rater: 'adjudicated',
    });
  });
  it('one rater answering twice is a duplicate', () => {
    const p = parseDatasetCsv(`${csv}\nB,portal.api,no,li,,,,`, { set }).problems;
    expect(p.map((x) => x.code)).toEqual(['E203', 'E203']);
    expect(p[1]!.message).toContain('by rater li');
  });
});
