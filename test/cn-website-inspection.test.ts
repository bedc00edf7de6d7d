/**
 * `indicators/cn-website-inspection-2019.yaml` (the 2019 government website inspection scheme) on its
 * illustrative sample `samples/cn-website-inspection/answers.csv`: every rule against scores computed
 * by hand — veto items, deductions capped at each indicator's points, the pass mark, bonus points only
 * above 80, a department site scored out of 75 × 4/3 — and the agreement of the two raters.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess, checkDataset, type IndicatorSet, parseDatasetCsv, parseIndicatorSet } from '@govscore/core';
import { describe, expect, it } from 'vitest';
import { build } from '../scripts/samples/cn-website-inspection';
import { repoRoot } from '../scripts/samples/lib';

const SET = 'indicators/cn-website-inspection-2019.yaml';
const DATA = 'samples/cn-website-inspection/answers.csv';
const read = (p: string) => readFileSync(join(repoRoot, p), 'utf8');
const parsed = parseIndicatorSet(read(SET), SET);
const set: IndicatorSet = parsed.set;
const csv = read(DATA);
const { dataset, problems } = parseDatasetCsv(csv, { set, file: DATA });
const r = assess(set, dataset);
const at = (id: string) => r.units.findIndex((u) => u.id === id);

describe('cn-website-inspection-2019: the set and its sample', () => {
  it('validates, and the sample is what its script writes', () => {
    expect(parsed.problems).toEqual([]);
    expect(build()[DATA]).toBe(csv);
    expect(problems).toEqual([]);
    expect(checkDataset(set, dataset)).toEqual([]);
  });
  it('holds the scheme: six veto items, four indicators of 25 points, three bonus items of 10', () => {
    const ind = (set.tree as { children: { items?: { kind?: string; points?: number }[] }[] }).children[0]!;
    expect(ind.items!.filter((i) => i.kind === 'veto')).toHaveLength(6);
    expect(ind.items!.filter((i) => i.kind === 'bonus').map((i) => i.points)).toEqual([10, 10, 10]);
    const scoring = (set.tree as { children: { scoring?: { groups?: { points: number }[] } }[] }).children[0]!
      .scoring!;
    expect(scoring.groups!.map((g) => g.points)).toEqual([25, 25, 25, 25]);
  });
});

describe('cn-website-inspection-2019: scores by hand', () => {
  // deductions per indicator (release, service, interaction, usability; 25 points each):
  const cases: [string, number, string, string][] = [
    // release − 2.5 (partial), usability − 5 → 92.5 > 80 → bonus 10 + 0.5·10 = 107.5
    ['site-a', 107.5, 'pass', 'bonus above 80'],
    // release 25 − 10, service 25 − 5, interaction 25 − 15, usability 25 − 5 → 65: passes, no bonus
    ['site-b', 65, 'pass', 'deductions'],
    // service not applicable: (25 + 20 + 20) of 75 × 4/3 = 86.67 > 80 → bonus 10
    ['site-c', (65 * 4) / 3 + 10, 'pass', 'scored out of 75 × 4/3'],
    // a failed veto item: 100 points, but fails
    ['site-d', 100, 'vetoed', 'veto'],
    // release 25 − 20, service 25 − 20, interaction 25 − 25 (capped at its 25), usability 25 − 15 → 20
    ['site-e', 20, 'fail', 'below the pass mark'],
    // 20 + 25 + 15 + 20 = 80: not above 80, so its bonus item does not count
    ['site-f', 80, 'pass', 'exactly 80: no bonus'],
  ];
  it.each(cases)('%s scores %d (%s: %s)', (id, score, tier) => {
    expect(r.values['inspection']!.raw![at(id)]).toBeCloseTo(score, 10);
    expect(r.values['website_inspection']!.score[at(id)]).toBeCloseTo(score, 10);
    expect(r.tiers!.tier[at(id)]).toBe(tier);
  });
  it('lists the veto and ranks by the score, rounded to 2 decimals', () => {
    expect(r.vetoes).toEqual([{ unit: 'site-d', items: ['inspection.v_columns'] }]);
    expect(
      ['site-a', 'site-d', 'site-c', 'site-f', 'site-b', 'site-e'].map(
        (u) => r.values['website_inspection']!.rank[at(u)],
      ),
    ).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('cn-website-inspection-2019: raters and evidence', () => {
  const g = r.agreement!;
  it('names the raters and the rule', () => {
    expect(g.raters).toEqual(['li', 'wang', 'zhao']);
    expect(g.rule).toBe('adjudicated');
  });
  it('measures percent agreement by hand', () => {
    // 6 sites × 25 items = 150 values; site-c's 3 service items are not applicable (left out): 147.
    // 146 values have two answers (one pair each), site-f u_links three (3 pairs): 149 pairs.
    // Four two-answer values disagree (site-a r_interpret, site-b s_guide, site-c b_smart, site-e
    // u_home); site-f u_links [0, 0, 1] has 1 agreeing pair: 142 + 1 = 143 agreeing pairs.
    expect(g.overall.values).toBe(147);
    expect(g.overall.percent).toBeCloseTo(143 / 149, 12);
    expect(g.overall.unanimous).toBeCloseTo(142 / 147, 12);
  });
  it('lists the five disagreements and their adjudicated answers', () => {
    expect(g.disagreements.map((d) => [d.unit, d.variable, d.final, d.by])).toEqual([
      ['site-a', 'inspection.r_interpret', 0.5, 'adjudicated'],
      ['site-b', 'inspection.s_guide', 0.5, 'adjudicated'],
      ['site-c', 'inspection.b_smart', 1, 'adjudicated'],
      ['site-e', 'inspection.u_home', 1, 'adjudicated'],
      ['site-f', 'inspection.u_links', 0, 'adjudicated'],
    ]);
    expect(g.disagreements[4]!.answers.map((a) => [a.rater, a.value])).toEqual([
      ['li', 0],
      ['wang', 0],
      ['zhao', 1],
      ['adjudicated', 0],
    ]);
    expect(r.warnings.filter((w) => w.code === 'W311' || w.code === 'W312')).toEqual([]);
  });
  it('keeps the evidence of each answer', () => {
    expect(r.evidence!['site-a']!['inspection.u_links']).toEqual({
      url: 'https://www.a.example.gov.cn/',
      file: 'site-a-u_links.png',
      date: '2025-03-03',
      note: '首页 2 处断链',
      rater: 'li; wang',
    });
    expect(r.evidence!['site-c']!['inspection.b_smart']!.note).toBe('有智能问答; 复核结论');
  });
  it('without the adjudicated answers, the disputed values are missing and listed (W311)', () => {
    const noAdj = csv
      .split('\n')
      .filter((l) => !l.includes(',adjudicated,'))
      .join('\n');
    const d = parseDatasetCsv(noAdj, { set }).dataset;
    const r2 = assess(set, d);
    // a disputed normal item leaves the checklist without a score; site-c's disputed item is a bonus
    // item: unanswered, it adds nothing (65 of 75 × 4/3 without the bonus)
    expect(r.units.map((u, i) => [u.id, r2.values['inspection']!.raw![i]])).toEqual([
      ['site-a', null],
      ['site-b', null],
      ['site-c', (65 * 4) / 3],
      ['site-d', 100],
      ['site-e', null],
      ['site-f', null],
    ]);
    expect(r2.warnings.find((w) => w.code === 'W311')?.message).toMatch(
      /^5 answer\(s\) of 'inspection' left missing/,
    );
  });
});
