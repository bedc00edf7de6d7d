/**
 * World Bank GovTech Maturity Index 2022, reproduced from its four published components
 * (samples/world-bank-gtmi/gtmi-2022.csv) and checked against the published GTMI and groups A–D
 * (samples/world-bank-gtmi/gtmi-2022-published.csv).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess, loadIndicatorSet, parseDatasetCsv } from '@govscore/core';
import { describe, expect, it } from 'vitest';
import { csvObjects, repoRoot } from '../../scripts/samples/lib';

const read = (p: string) => readFileSync(join(repoRoot, p), 'utf8');
const set = loadIndicatorSet(read('indicators/world-bank-gtmi-2022.yaml'), 'world-bank-gtmi-2022.yaml');
const { dataset, problems } = parseDatasetCsv(read('samples/world-bank-gtmi/gtmi-2022.csv'), { set });
const result = assess(set, dataset);
const published = new Map(
  csvObjects(read('samples/world-bank-gtmi/gtmi-2022-published.csv')).map((r) => [
    r['id'] as string,
    { gtmi: Number(r['gtmi']), group: r['group'] },
  ]),
);
const at = (id: string) => result.units.findIndex((u) => u.id === id);

describe('World Bank GTMI 2022', () => {
  it('loads 198 economies without errors', () => {
    expect(problems.filter((p) => p.code.startsWith('E'))).toEqual([]);
    expect(result.units).toHaveLength(198);
  });

  it.each([
    // economy, CGSI, PSDI, DCEI, GTEI as published, GTMI by hand
    ['AFG', 0.4145695473251029, 0.5468349514563107, 0.1313614678899083, 0.3216676006315841],
    ['KOR', 0.990159670781893, 0.9979728155339807, 0.9937467889908257, 0.9837566388976342],
  ])('%s: GTMI = (CGSI + PSDI + DCEI + GTEI) / 4', (id, ...given) => {
    const i = at(id);
    const comps = ['cgsi', 'psdi', 'dcei', 'gtei'].map((c) => result.values[c]?.raw?.[i] as number);
    expect(comps).toEqual(given);
    const byHand =
      ((given[0] as number) + (given[1] as number) + (given[2] as number) + (given[3] as number)) / 4;
    expect(result.values['gtmi']?.score[i]).toBeCloseTo(byHand, 15);
  });

  it('every GTMI equals the published value (full precision, to 1e-12)', () => {
    let worst = 0;
    for (const [id, p] of published)
      worst = Math.max(worst, Math.abs((result.values['gtmi']?.score[at(id)] as number) - p.gtmi));
    expect(worst).toBeLessThan(1e-12);
    expect(result.values['gtmi']?.score[at('AFG')]).toBeCloseTo(0.3536083918257265, 15);
  });

  it('groups A >= 0.75, B >= 0.50, C >= 0.25, D: every economy in its published group; counts 69/46/53/30', () => {
    const wrong = [...published]
      .filter(([id, p]) => result.tiers?.tier[at(id)] !== p.group)
      .map(([id]) => id);
    expect(wrong).toEqual([]);
    const counts: Record<string, number> = {};
    for (const t of result.tiers?.tier ?? []) counts[String(t)] = (counts[String(t)] ?? 0) + 1;
    expect(counts).toEqual({ A: 69, B: 46, C: 53, D: 30 });
  });
});
