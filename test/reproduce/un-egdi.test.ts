/**
 * UN E-Government Development Index 2022 and 2024, reproduced from the three published components
 * (samples/un-egdi/egdi.csv) and checked against the published EGDI and ranks (samples/un-egdi/published.csv)
 * and the published group counts of the two surveys.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess, loadIndicatorSet, parseDatasetCsv, type Result } from '@govscore/core';
import { describe, expect, it } from 'vitest';
import { csvObjects, repoRoot } from '../../scripts/samples/lib';

const read = (p: string) => readFileSync(join(repoRoot, p), 'utf8');
const published = csvObjects(read('samples/un-egdi/published.csv'));

function run(year: 2022 | 2024): Result {
  const set = loadIndicatorSet(read(`indicators/un-egdi-${year}.yaml`), `indicators/un-egdi-${year}.yaml`);
  const { dataset, problems } = parseDatasetCsv(read('samples/un-egdi/egdi.csv'), { file: 'egdi.csv', set });
  expect(problems.filter((p) => p.code.startsWith('E'))).toEqual([]);
  return assess(set, dataset, { year });
}

/** Published figures of one survey, by ISO code. */
function pub(year: number) {
  return new Map(
    published
      .filter((r) => r['year'] === String(year))
      .map((r) => [
        r['id'] as string,
        { egdi: Number(r['egdi']), rank: Number(r['rank']), name: r['name_en'] },
      ]),
  );
}

const results = { 2022: run(2022), 2024: run(2024) };
const at = (r: Result, id: string) => r.units.findIndex((u) => u.id === id);
const score = (r: Result, id: string) => r.values['egdi']?.score[at(r, id)] as number;
const rank = (r: Result, id: string) => r.values['egdi']?.rank[at(r, id)];

describe('UN EGDI: EGDI = (OSI + TII + HCI) / 3', () => {
  it.each([
    // year, country, OSI, TII, HCI as published, EGDI computed by hand
    [2022, 'DNK', 0.9797, 0.9795, 0.9559, 0.9717],
    [2022, 'ISL', 0.8867, 0.9705, 0.9657, 2.8229 / 3],
    [2022, 'SWE', 0.9002, 0.958, 0.9649, 2.8231 / 3],
    [2024, 'DNK', 0.99924, 0.99662, 0.95841, 2.95427 / 3],
    [2024, 'KIR', 0.39035, 0.35438, 0.6269, 1.37163 / 3],
    [2024, 'IRQ', 0.18755, 0.68736, 0.49672, 1.37163 / 3],
  ])('%i %s: mean of %f, %f, %f = %f', (year, id, osi, tii, hci, egdi) => {
    const r = results[year as 2022 | 2024];
    const i = at(r, id);
    expect(r.values['osi']?.raw?.[i]).toBe(osi);
    expect(r.values['tii']?.raw?.[i]).toBe(tii);
    expect(r.values['hci']?.raw?.[i]).toBe(hci);
    expect(score(r, id)).toBeCloseTo(egdi, 12);
  });

  it('2022: every EGDI agrees with the published value to within the rounding of its inputs (1e-4)', () => {
    // components and EGDI are published to 4 decimals: the mean of rounded components is within 0.5e-4 of
    // the true mean, which is within 0.5e-4 of the published EGDI.
    const p = pub(2022);
    const r = results[2022];
    expect(r.units).toHaveLength(193);
    let worst = 0;
    for (const [id, v] of p) worst = Math.max(worst, Math.abs(score(r, id) - v.egdi));
    expect(worst).toBeLessThanOrEqual(1e-4 + 1e-12);
    expect(worst).toBeGreaterThan(0.5e-4); // e.g. Cambodia: (OSI + TII + HCI)/3 = 0.50553.., published 0.5056
  });

  it('2024: every EGDI agrees with the published value to 4 decimals (|Δ| < 5e-5)', () => {
    // The 2024 file gives 5 decimals, but its components do not reproduce its EGDI at 5 decimals
    // (largest difference 3.7e-5, e.g. Rwanda 0.5798933 vs 0.57993): the UN averaged unrounded components.
    const p = pub(2024);
    const r = results[2024];
    expect(r.units).toHaveLength(193);
    let worst = 0;
    for (const [id, v] of p) worst = Math.max(worst, Math.abs(score(r, id) - v.egdi));
    expect(worst).toBeLessThan(5e-5);
    expect(Math.abs(score(r, 'RWA') - 0.57993)).toBeCloseTo(3.6667e-5, 8);
  });
});

describe('UN EGDI: competition ranks', () => {
  it('2022: all 193 ranks equal the published ones when the EGDI is rounded to 4 decimals first', () => {
    const p = pub(2022);
    const r = results[2022];
    const wrong = [...p].filter(([id, v]) => rank(r, id) !== v.rank).map(([id]) => id);
    expect(wrong).toEqual([]);
    // Iceland (0.940967) and Sweden (0.941033) both round to 0.9410 and share 5th; Australia is 7th
    expect([rank(r, 'ISL'), rank(r, 'SWE'), rank(r, 'AUS')]).toEqual([5, 5, 7]);
    expect(r.set.rank).toMatchObject({ ties: 'competition', round: 4 });
  });

  it('2022: without rounding, the ranks would differ (the published ranking needs round: 4)', () => {
    expect(score(results[2022], 'SWE')).toBeGreaterThan(score(results[2022], 'ISL'));
  });

  it('2024: 192 of 193 ranks equal the published ones; Iraq and Kiribati tie at 147', () => {
    // Their published components give the same mean (0.45721), so the order the UN published
    // (Kiribati 147, Iraq 148, from unrounded components) cannot be recovered from this file.
    const p = pub(2024);
    const r = results[2024];
    const wrong = [...p].filter(([id, v]) => rank(r, id) !== v.rank).map(([id]) => id);
    expect(wrong).toEqual(['IRQ']);
    expect(p.get('IRQ')?.rank).toBe(148);
    expect([rank(r, 'KIR'), rank(r, 'IRQ')]).toEqual([147, 147]);
    expect(rank(r, 'DNK')).toBe(1);
  });
});

describe('UN EGDI: level groups and rating classes', () => {
  const counts = (r: Result) => {
    const c: Record<string, number> = {};
    for (const t of r.tiers?.tier ?? []) c[String(t)] = (c[String(t)] ?? 0) + 1;
    return c;
  };

  it.each([
    [2022, { very_high: 60, high: 73, middle: 53, low: 7 }],
    [2024, { very_high: 76, high: 62, middle: 44, low: 11 }],
  ])('%i: Very High >= 0.75, High >= 0.50, Middle >= 0.25, Low: published counts %o', (year, want) => {
    expect(counts(results[year as 2022 | 2024])).toEqual(want);
  });

  it.each([2022, 2024])('%i: each group splits into four rating classes by count quartile', (year) => {
    // Independent check from the published ranks: within a group of m countries ordered by rank, class c
    // (0 = best) holds positions [floor(c*m/4), floor((c+1)*m/4)) (m = 60: 15 each; 73: 18, 18, 18, 19),
    // countries tied on the EGDI staying in one class.
    const r = results[year as 2022 | 2024];
    const labels: Record<string, string[]> = {
      very_high: ['VH', 'V3', 'V2', 'V1'],
      high: ['HV', 'H3', 'H2', 'H1'],
      middle: ['MH', 'M3', 'M2', 'M1'],
      low: ['LM', 'L3', 'L2', 'L1'],
    };
    const p = pub(year);
    for (const [tier, names] of Object.entries(labels)) {
      const members = r.units
        .map((u, i) => ({ id: u.id, i }))
        .filter(({ i }) => r.tiers?.tier[i] === tier)
        .sort((a, b) => (p.get(a.id)?.rank ?? 0) - (p.get(b.id)?.rank ?? 0) || a.i - b.i);
      const m = members.length;
      let prev = '';
      members.forEach(({ id, i }, pos) => {
        let c = 0;
        while (c < 3 && pos >= Math.floor(((c + 1) * m) / 4)) c++;
        const tiedWithPrev = pos > 0 && rank(r, id) === rank(r, members[pos - 1]?.id ?? '');
        const want = tiedWithPrev ? prev : (names[c] as string);
        expect(r.tiers?.subclass?.[i], `${year} ${id}`).toBe(want);
        prev = want;
      });
    }
  });

  it('2022: the VH class is the 15 highest of the 60 Very High countries (Denmark to Malta)', () => {
    const r = results[2022];
    const vh = r.units.filter((_, i) => r.tiers?.subclass?.[i] === 'VH').map((u) => u.id);
    expect(vh.sort()).toEqual(
      [
        'DNK',
        'FIN',
        'KOR',
        'NZL',
        'ISL',
        'SWE',
        'AUS',
        'EST',
        'NLD',
        'USA',
        'GBR',
        'SGP',
        'ARE',
        'JPN',
        'MLT',
      ].sort(),
    );
  });
});
