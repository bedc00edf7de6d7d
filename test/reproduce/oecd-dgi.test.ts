/**
 * OECD Digital Government Index 2023, reproduced from its six published dimensions
 * (samples/oecd-dgi/oecd_dgi_2023.csv, long form as published, read through the set's `data:`
 * mapping). Every country is scored; only the 33 OECD members are ranked (`rank.among`), as the OECD
 * does. Checked against the file's own composite_index and composite_rank rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess, checkDataset, parseIndicatorSet } from '@govscore/core';
import { readDataset } from '@govscore/core/io';
import { describe, expect, it } from 'vitest';
import { csvObjects, repoRoot } from '../../scripts/samples/lib';

const SET = 'indicators/oecd-dgi-2023.yaml';
const DATA = 'samples/oecd-dgi/oecd_dgi_2023.csv';
const parsed = parseIndicatorSet(readFileSync(join(repoRoot, SET), 'utf8'), SET);
const { dataset, problems } = await readDataset(join(repoRoot, DATA), { set: parsed.set, file: DATA });
const result = assess(parsed.set, dataset);
const at = new Map(result.units.map((u, i) => [u.id, i]));
const rows = csvObjects(readFileSync(join(repoRoot, DATA), 'utf8').replace(/^\uFEFF/, ''));
const publishedOf = (variable: string) =>
  new Map(rows.filter((r) => r['variable'] === variable).map((r) => [r['cc_iso3c']!, Number(r['value'])]));
const index = publishedOf('composite_index');
const rank = publishedOf('composite_rank');
const dgi = result.values['dgi']!;

describe('OECD Digital Government Index 2023', () => {
  it('reads the long file as published: 38 countries, six dimensions, the published outputs not read', () => {
    expect(parsed.problems).toEqual([]);
    expect(problems.map((p) => p.code)).toEqual(['W211']);
    expect(problems[0]!.message).toContain('composite_index (38), composite_rank (33)');
    expect(checkDataset(parsed.set, dataset)).toEqual([]);
    expect(result.units).toHaveLength(38);
    expect(result.year).toBe(2023);
  });

  it('KOR by hand: the mean of its six dimensions', () => {
    const i = at.get('KOR')!;
    expect(dgi.score[i]).toBeCloseTo((0.971 + 1 + 0.913 + 0.882 + 0.909 + 0.934) / 6, 15);
  });

  it('every composite matches the published one to its precision (3 decimals, from 3-decimal dimensions)', () => {
    // the dimensions are published rounded to 3 decimals, so their mean can be off by ±0.0005 before
    // the composite's own rounding (±0.0005)
    let worst = 0;
    for (const [id, v] of index) worst = Math.max(worst, Math.abs((dgi.score[at.get(id)!] as number) - v));
    expect(index.size).toBe(38);
    expect(worst).toBeLessThanOrEqual(0.001);
    // only the three whose mean falls on a half of the last digit are off, by that half
    const off = [...index].filter(([id, v]) => Math.abs((dgi.score[at.get(id)!] as number) - v) > 0.0004999);
    expect(off.map(([id]) => id).sort()).toEqual(['FRA', 'GBR', 'LTU', 'LUX', 'SWE']);
    for (const [id, v] of off)
      expect(Math.abs((dgi.score[at.get(id)!] as number) - v)).toBeCloseTo(0.0005, 12);
  });

  it('ranks only the 33 members (0 mismatches); partners are scored without a rank', () => {
    const wrong = [...rank].filter(([id, r]) => dgi.rank[at.get(id)!] !== r).map(([id]) => id);
    expect(rank.size).toBe(33);
    expect(wrong).toEqual([]);
    for (const id of ['ARG', 'BRA', 'HRV', 'PER', 'ROU']) {
      const i = at.get(id)!;
      expect(dgi.rank[i], id).toBeNull();
      expect(dgi.score[i], id).toBeCloseTo(index.get(id)!, 3);
    }
    // Peru (0.620) and Brazil (0.619) score above Lithuania, ranked 14th
    expect(dgi.rank[at.get('LTU')!]).toBe(14);
  });
});
