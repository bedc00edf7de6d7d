/**
 * Reproduces the Global Open Data Index 2015 from its published answers: every dataset score (the
 * weights of the questions answered yes), every place score (the mean over the 13 datasets, rounded)
 * and every rank (competition ranks on the rounded score), for the 122 places.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess, checkDataset, parseDatasetCsv, parseIndicatorSet } from '@govscore/core';
import { describe, expect, it } from 'vitest';
import { build } from '../../scripts/samples/godi';
import { csvObjects, readSource, repoRoot } from '../../scripts/samples/lib';

const SET = 'indicators/global-open-data-index-2015.yaml';
const DATA = 'samples/global-open-data-index/godi-2015.csv';
const PUBLISHED = 'samples/global-open-data-index/godi-2015-published.csv';
const read = (p: string) => readFileSync(join(repoRoot, p), 'utf8');
const parsed = parseIndicatorSet(read(SET), SET);
const { dataset, problems } = parseDatasetCsv(read(DATA), { set: parsed.set, file: DATA });
const r = assess(parsed.set, dataset);
const at = new Map(r.units.map((u, i) => [u.id, i]));
const published = csvObjects(read(PUBLISHED));

describe('Global Open Data Index 2015', () => {
  it('the set, the sample and the published table are what the converter writes', () => {
    const files = build();
    for (const p of [SET, DATA, PUBLISHED]) expect(files[p], p).toBe(read(p));
    expect(parsed.problems).toEqual([]);
    expect(problems).toEqual([]);
    expect(checkDataset(parsed.set, dataset)).toEqual([]);
    expect(r.units).toHaveLength(122);
    expect(published).toHaveLength(122);
  });

  it('scores two places by hand', () => {
    // Taiwan: datasets 90 + 90 + 100 + 10 + 100 + 10 + 100 + 100 + 10 + 100 + 100 + 100 + 100 = 1010;
    // its spending data: exists 5 + digital 5 yes, the rest no → 10
    expect(r.values['godi']!.score[at.get('tw')!]).toBeCloseTo(1010 / 13, 12);
    expect(r.values['spending']!.raw![at.get('tw')!]).toBe(10);
    // United Kingdom: 100 + 10 + 100 + 80 + 90 + 100 + 100 + 100 + 20 + 90 + 0 + 100 + 100 = 990
    expect(r.values['godi']!.score[at.get('gb')!]).toBeCloseTo(990 / 13, 12);
    expect(r.values['godi']!.rank[at.get('tw')!]).toBe(1);
    expect(r.values['godi']!.rank[at.get('gb')!]).toBe(2);
  });

  it('reproduces every dataset score of the 1,586 entries', () => {
    const entries = csvObjects(readSource('samples/global-open-data-index/source/api_entries_2015.csv'));
    expect(entries).toHaveLength(1586);
    const wrong = entries.filter(
      (e) => r.values[e['dataset']!]!.raw![at.get(e['place']!)!] !== Number(e['score']),
    );
    expect(wrong).toEqual([]);
  });

  it('reproduces every published place score (rounded) and rank', () => {
    const mismatches = published.filter((p) => {
      const i = at.get(p['id']!)!;
      return (
        Math.round(r.values['godi']!.score[i]!) !== Number(p['score']) ||
        r.values['godi']!.rank[i] !== Number(p['rank'])
      );
    });
    expect(mismatches).toEqual([]);
    // ties share a rank and the next is skipped: Finland and Australia 5th, Uruguay 7th
    expect(['fi', 'au', 'uy'].map((id) => r.values['godi']!.rank[at.get(id)!])).toEqual([5, 5, 7]);
  });
});
