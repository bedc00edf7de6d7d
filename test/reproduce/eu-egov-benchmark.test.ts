/**
 * EU eGovernment Benchmark 2023, reproduced from the machine-readable workbook as published
 * (samples/eu-egov-benchmark/egovernment-benchmark-2023-machine-readable.xlsx, one long sheet
 * `year, Country, variable, brkdown, unit, Value`), read through the set's `data:` mapping — no
 * converter — and checked against the workbook's own published averages (brkdown EGOV_LIFE_EVENTS,
 * 2022): the overall score and the four benchmarks of the 35 countries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess, checkDataset, parseIndicatorSet } from '@govscore/core';
import { readDataset, readXlsxRows } from '@govscore/core/io';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/samples/lib';

const SET = 'indicators/eu-egov-benchmark-2023.yaml';
const DATA = 'samples/eu-egov-benchmark/egovernment-benchmark-2023-machine-readable.xlsx';
const text = readFileSync(join(repoRoot, SET), 'utf8');
const parsed = parseIndicatorSet(text, SET);
const { dataset, problems } = await readDataset(join(repoRoot, DATA), { set: parsed.set, file: DATA });
const result = assess(parsed.set, dataset);
const at = new Map(result.units.map((u, i) => [u.id, i]));
const NODES: Record<string, string> = {
  e_gov_0_score: 'egov',
  e_gov_1_UC: 'user_centricity',
  e_gov_2_TR: 'transparency',
  e_gov_3_KE: 'key_enablers',
  e_gov_4_CB: 'cross_border',
};
const cells = readXlsxRows(readFileSync(join(repoRoot, DATA)))[0]!.rows.map((r) => r.cells);
/** Published values: node → country → value. */
const published = new Map<string, Map<string, number>>();
for (const c of cells) {
  const node = NODES[String(c[2])];
  if (c[0] !== 2022 || c[3] !== 'EGOV_LIFE_EVENTS' || !node || c[1] === 'EU' || c[1] === 'EUplus') continue;
  if (!published.has(node)) published.set(node, new Map());
  published.get(node)!.set(String(c[1]), Number(c[5]));
}
/** Competition ranks of published scores, the highest first. */
function ranksOf(scores: Map<string, number>): Map<string, number> {
  const all = [...scores.values()];
  return new Map([...scores].map(([id, s]) => [id, 1 + all.filter((x) => x > s).length]));
}

describe('EU eGovernment Benchmark 2023', () => {
  it('the set: four benchmarks × nine life events made by four repeats (126 indicators written once each)', () => {
    expect(parsed.problems).toEqual([]);
    expect(text.match(/^\s+repeat:$/gm)).toHaveLength(4);
    expect(dataset.variables).toHaveLength(126);
    type Node = { id: string; name?: unknown; repeated?: unknown; children?: Node[] };
    const ke = (parsed.set.tree as Node).children!.find((c) => c.id === 'key_enablers')!;
    expect('repeated' in ke && ke.repeated).toEqual({ over: 'life_events', template: 'ke_{id}', count: 9 });
    const le4 = (ke as { children: { id: string; children?: { id: string; name?: unknown }[] }[] })
      .children[3]!;
    expect(le4.id).toBe('ke_le4');
    expect(le4.children!.map((c) => c.id)).toEqual(['ke_eid_le4', 'ke_edoc_le4', 'ke_as_le4', 'ke_dp_le4']);
    expect(le4.children![0]!.name).toEqual({ en: 'eID: Life event 4', zh: '电子身份：生活事件 4' });
  });

  it('reads the workbook as published: 35 countries, what it left out and took from 2021 said', () => {
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.map((p) => p.code).sort()).toEqual(['W210', 'W211', 'W213']);
    expect(problems.find((p) => p.code === 'W210')!.message).toBe(
      'data.filter left out 29173 of 35158 row(s): year is not 2021, 2022 (27425); brkdown is EGOV_LIFE_EVENTS (1406); Country is EU, EUplus (342)',
    );
    // life events 1–4 and 9 were measured in 2021: their items are the latest measurement
    expect(problems.find((p) => p.code === 'W213')!.message).toContain('2021 (2392)');
    expect(checkDataset(parsed.set, dataset).filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.units).toHaveLength(35);
    expect(result.year).toBe(2022);
    // 2021's mixed-case name e_gov_1b_uc_mf is the same variable as 2022's e_gov_1b_UC_MF
    expect(dataset.values.get('uc_mf_le1')![at.get('MT')!]).toBe(100);
    // `.` (not measured) is missing, never 0
    expect(Number.isNaN(dataset.values.get('ke_eid_le4')![at.get('PL')!]!)).toBe(true);
  });

  it('Malta by hand: user centricity 2/3 OA + 1/9 MF + 2/9 US of the life-event means', () => {
    const uc = result.values['user_centricity']!.score[at.get('MT')!] as number;
    expect(uc).toBeCloseTo((2 / 3) * 100 + (1 / 9) * (890 / 9) + (2 / 9) * 100, 12);
  });

  it('every overall score and benchmark equals the published one (full precision, to 1e-9)', () => {
    let worst = 0;
    let n = 0;
    for (const [node, byCountry] of published)
      for (const [id, v] of byCountry) {
        worst = Math.max(worst, Math.abs((result.values[node]!.score[at.get(id)!] as number) - v));
        n++;
      }
    expect(n).toBe(175);
    expect(worst).toBeLessThan(1e-9);
  });

  it('0 rank mismatches against the ranks of the published overall scores', () => {
    const ranks = ranksOf(published.get('egov')!);
    const wrong = [...ranks].filter(([id, r]) => result.values['egov']!.rank[at.get(id)!] !== r);
    expect(wrong).toEqual([]);
    expect(result.values['egov']!.rank[at.get('MT')!]).toBe(1);
  });
});
