/**
 * Open Data Barometer 2014 (2nd edition), reproduced from the published rankings file as published
 * (samples/open-data-barometer/ODB-2014-Rankings.csv, read through the set's `data:` mapping: no
 * converter): readiness 25 %, implementation 50 %, impact 25 % of the published component z-scores,
 * min-max scaled to 0–100, ranked on the whole number. Checked against the file's own ODB-Scaled and
 * ODB-Rank columns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess, checkDataset, parseIndicatorSet } from '@govscore/core';
import { readDataset } from '@govscore/core/io';
import { describe, expect, it } from 'vitest';
import { csvObjects, repoRoot } from '../../scripts/samples/lib';

const SET = 'indicators/open-data-barometer-2014.yaml';
const DATA = 'samples/open-data-barometer/ODB-2014-Rankings.csv';
const parsed = parseIndicatorSet(readFileSync(join(repoRoot, SET), 'utf8'), SET);
const { dataset, problems } = await readDataset(join(repoRoot, DATA), { set: parsed.set, file: DATA });
const result = assess(parsed.set, dataset);
const at = new Map(result.units.map((u, i) => [u.id, i]));
const published = csvObjects(readFileSync(join(repoRoot, DATA), 'utf8'));
const odb = result.values['odb']!;

describe('Open Data Barometer 2014', () => {
  it('reads the published CSV as it is: 86 countries, no error, what it left out said', () => {
    expect(parsed.problems).toEqual([]);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(checkDataset(parsed.set, dataset)).toEqual([]);
    expect(result.units).toHaveLength(86);
    // the repeated Implementation columns hold the same cells: not an error, not read twice
    expect(problems.filter((p) => p.code === 'W214').map((p) => p.column)).toEqual([
      'Implementation',
      'Implementation-Scaled',
    ]);
    // ISO2 (Norway's NO, Namibia's NA) is not read at all: no E204, no yes/no answer
    const unread = problems.find((p) => p.code === 'W211')!;
    expect(unread.message).toContain('ISO2');
    expect(dataset.variables).toEqual(['Readiness', 'Implementation', 'Impact']);
    expect(result.units[at.get('NOR')!]).toEqual({
      id: 'NOR',
      name: 'Norway',
      groups: { Region: 'Europe & Central Asia', Income: 'High income' },
    });
  });

  it('the weighted components divided by three are the published ODB-Score (by hand, GBR)', () => {
    const i = at.get('GBR')!;
    const [r, im, ip] = ['Readiness', 'Implementation', 'Impact'].map((c) => result.values[c]!.raw![i]!);
    expect([r, im, ip]).toEqual([1.36940093501482, 3.07762959874151, 2.48330216362283]);
    expect((0.25 * r! + 0.5 * im! + 0.25 * ip!) / 3).toBeCloseTo(0.833996858010056, 14);
  });

  it('every scaled index equals the published ODB-Scaled (2 decimals) and every rank ODB-Rank', () => {
    let worst = 0;
    const wrong: string[] = [];
    for (const p of published) {
      const i = at.get(p['ISO3']!)!;
      worst = Math.max(worst, Math.abs((odb.score[i] as number) - Number(p['ODB-Scaled'])));
      if (odb.rank[i] !== Number(p['ODB-Rank'])) wrong.push(p['ISO3']!);
    }
    expect(published).toHaveLength(86);
    expect(worst).toBeLessThanOrEqual(0.005);
    expect(wrong).toEqual([]);
    expect(odb.score[at.get('GBR')!]).toBe(100);
    expect(odb.score[at.get('MMR')!]).toBe(0);
  });

  it('ranks round the scaled index to a whole number first: France 80.21 and New Zealand 80.01 share 4th', () => {
    expect([odb.rank[at.get('FRA')!], odb.rank[at.get('NZL')!], odb.rank[at.get('NLD')!]]).toEqual([4, 4, 6]);
    expect(odb.score[at.get('FRA')!]).toBeCloseTo(80.21, 2);
    expect(odb.score[at.get('NZL')!]).toBeCloseTo(80.01, 2);
  });
});
