/**
 * COINr's ASEM example, reproduced. The expected scores are computed here, independently of the engine,
 * by a small literal transcription of COINr's formulas (bluefoxr/COINr 1.1.14: `Denominate`,
 * `i_mean_grp`, `Screen`, `Treat` with `winsorise` / `check_SkewKurt` / `log_CT`, `n_minx`, `a_amean`)
 * applied to the raw CSV, and must equal `assess()` for every unit and every node to 1e-9.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assess, type IndicatorSet, loadIndicatorSet, parseDatasetCsv, type Result } from '@govscore/core';
import { describe, expect, it } from 'vitest';
import { csvObjects, repoRoot } from '../../scripts/samples/lib';
import { cliArgs } from '../hostile/cli';

const read = (p: string) => readFileSync(join(repoRoot, p), 'utf8');
const dataText = read('samples/coinr-asem/asem.csv');
const metaRows = csvObjects(read('samples/coinr-asem/asem-meta.csv'));
const dataRows = csvObjects(dataText);

interface Node {
  code: string;
  type: 'Indicator' | 'Aggregate';
  parent: string;
  dir: number;
  weight: number;
  denom: string;
}
const nodes: Node[] = metaRows
  .filter((m) => m['Type'] === 'Indicator' || m['Type'] === 'Aggregate')
  .map((m) => ({
    code: m['iCode'] as string,
    type: m['Type'] as Node['type'],
    parent: m['Parent'] as string,
    dir: Number(m['Direction']),
    weight: Number(m['Weight']),
    denom: m['Denominator'] as string,
  }));
const indicators = nodes.filter((n) => n.type === 'Indicator');
const aggregates = nodes.filter((n) => n.type === 'Aggregate');

/** A column of the raw CSV for the given units; '' = NA. Numbers exactly as written. */
const column = (code: string, units: Record<string, string>[]) =>
  units.map((r) => (r[code] === '' || r[code] === undefined ? Number.NaN : Number(r[code])));

const present = (x: number[]) => x.filter((v) => !Number.isNaN(v));
const min = (x: number[]) => Math.min(...present(x));
const max = (x: number[]) => Math.max(...present(x));
const mean = (x: number[]) => present(x).reduce((s, v) => s + v, 0) / present(x).length;

/** COINr `skew` (e1071 type 2 = Excel SKEW). */
function skew(x: number[]): number {
  const v = present(x);
  const n = v.length;
  const m = mean(v);
  const d = v.map((z) => z - m);
  const s2 = d.reduce((s, z) => s + z * z, 0);
  const s3 = d.reduce((s, z) => s + z ** 3, 0);
  return ((Math.sqrt(n) * s3) / s2 ** 1.5) * (Math.sqrt(n * (n - 1)) / (n - 2));
}
/** COINr `kurt` (e1071 type 2 = Excel KURT). */
function kurt(x: number[]): number {
  const v = present(x);
  const n = v.length;
  const m = mean(v);
  const d = v.map((z) => z - m);
  const s2 = d.reduce((s, z) => s + z * z, 0);
  const r = (n * d.reduce((s, z) => s + z ** 4, 0)) / (s2 * s2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}
/** COINr `check_SkewKurt`: passes when |skew| < 2 OR kurtosis < 3.5. */
const passes = (x: number[]) => Math.abs(skew(x)) < 2 || kurt(x) < 3.5;

/** COINr `Treat.numeric` with its defaults: winsorise (winmax 5), else `log_CT` on the original. */
function coinrTreat(x: number[]): number[] {
  if (passes(x)) return x;
  const v = [...x];
  let imax: number[] = [];
  let imin: number[] = [];
  let nwin = 0;
  let passing = false;
  while (!passing && nwin < 5) {
    if (skew(v) >= 0) {
      const mx = max(v);
      imax = v.flatMap((z, i) => (z === mx ? [i] : []));
      const rest = max(v.filter((_, i) => !imax.includes(i)));
      for (const i of imax) v[i] = rest;
    } else {
      const mn = min(v);
      imin = v.flatMap((z, i) => (z === mn ? [i] : []));
      const rest = min(v.filter((_, i) => !imin.includes(i)));
      for (const i of imin) v[i] = rest;
    }
    nwin = imax.length + imin.length;
    passing = passes(v);
  }
  if (passing) return v;
  const lo = min(x);
  const hi = max(x);
  return x.map((z) => Math.log(z - lo + 0.01 * (hi - lo)));
}

/** COINr `n_minx` to 0–100 after multiplying by the direction. */
function minmax(x: number[], dir: number): number[] {
  const y = x.map((v) => v * dir);
  const lo = min(y);
  const hi = max(y);
  return y.map((v) => ((v - lo) / (hi - lo)) * 100);
}

/** COINr `a_amean`: weighted mean of the children present, weights renormalised. */
function aggregateAll(scores: Map<string, number[]>, n: number): void {
  const levelOrder = (code: string): number => {
    const kids = nodes.filter((c) => c.parent === code);
    return kids.length === 0 ? 0 : 1 + Math.max(...kids.map((k) => levelOrder(k.code)));
  };
  for (const agg of [...aggregates].sort((a, b) => levelOrder(a.code) - levelOrder(b.code))) {
    const kids = nodes.filter((c) => c.parent === agg.code);
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      let s = 0;
      let w = 0;
      for (const k of kids) {
        const v = (scores.get(k.code) as number[])[i] as number;
        if (!Number.isNaN(v)) {
          s += k.weight * v;
          w += k.weight;
        }
      }
      out.push(w > 0 ? s / w : Number.NaN);
    }
    scores.set(agg.code, out);
  }
}

/** COINr's default pipeline on the raw data: n_minx → a_amean. */
function coinrDefault(): { units: string[]; scores: Map<string, number[]> } {
  const scores = new Map<string, number[]>();
  for (const ind of indicators) scores.set(ind.code, minmax(column(ind.code, dataRows), ind.dir));
  aggregateAll(scores, dataRows.length);
  return { units: dataRows.map((r) => r['uCode'] as string), scores };
}

/**
 * `build_example_coin()`: Denominate → Impute (i_mean_grp, EurAsia_group) → Screen → Treat → n_minx →
 * a_amean. `dropped` are the units a screen removes (COINr's own screen, on the imputed data, removes none).
 */
function coinrPipeline(dropped: string[] = []): { units: string[]; scores: Map<string, number[]> } {
  const units = dataRows.filter((r) => !dropped.includes(r['uCode'] as string));
  const groups = units.map((r) => r['EurAsia_group'] as string);
  const scores = new Map<string, number[]>();
  for (const ind of indicators) {
    let x = column(ind.code, units);
    if (ind.denom) {
      const d = column(ind.denom, units);
      x = x.map((v, i) => v / (d[i] as number));
    }
    const groupMean = new Map(
      [...new Set(groups)].map((g) => [g, mean(x.filter((_, i) => groups[i] === g))]),
    );
    x = x.map((v, i) => (Number.isNaN(v) ? (groupMean.get(groups[i] as string) as number) : v));
    scores.set(ind.code, minmax(coinrTreat(x), ind.dir));
  }
  aggregateAll(scores, units.length);
  return { units: units.map((r) => r['uCode'] as string), scores };
}

function run(set: IndicatorSet): Result {
  const { dataset, problems } = parseDatasetCsv(dataText, { file: 'samples/coinr-asem/asem.csv', set });
  expect(problems.filter((p) => p.code.startsWith('E'))).toEqual([]);
  return assess(set, dataset);
}

/** Largest |engine − reference| over every unit and node; also checks units and missing values agree. */
function compare(result: Result, ref: { units: string[]; scores: Map<string, number[]> }): number {
  expect(result.units.map((u) => u.id)).toEqual(ref.units);
  let worst = 0;
  for (const n of nodes) {
    const got = result.values[n.code]?.score;
    const want = ref.scores.get(n.code) as number[];
    expect(got, n.code).toBeDefined();
    want.forEach((w, i) => {
      const g = got?.[i];
      if (Number.isNaN(w)) expect(g, `${n.code} ${ref.units[i]}`).toBeNull();
      else worst = Math.max(worst, Math.abs((g as number) - w));
    });
  }
  return worst;
}

/** Competition ranks (1 = highest; ties share the lowest rank), as COINr's rank(ties = "min"). */
const competition = (x: number[]) => x.map((v) => 1 + x.filter((o) => o > v).length);

const loadSet = (file: string) => loadIndicatorSet(read(file), file);

describe('COINr ASEM example', () => {
  it('has the 4-level framework with COINr ids, directions and weights', () => {
    const set = loadSet('indicators/coinr-asem.yaml');
    const ids: string[] = [];
    const walk = (n: IndicatorSet['tree'], parent: string) => {
      ids.push(n.id);
      const meta = nodes.find((m) => m.code === n.id);
      expect(meta?.parent ?? '', n.id).toBe(parent);
      if (n.id !== 'Index') expect(n.weight, n.id).toBe(meta?.weight);
      if ('children' in n) for (const c of n.children) walk(c, n.id);
      else expect(n.direction, n.id).toBe(meta?.dir === -1 ? 'lower' : 'higher');
    };
    walk(set.tree, '');
    expect(ids.sort()).toEqual(nodes.map((n) => n.code).sort());
    expect(indicators).toHaveLength(49);
    expect(dataRows).toHaveLength(51);
  });

  it('parses numbers exactly: TolMin 5.1000000000000005 (GRC) and 5.0999999999999996 (BGR, CZE) stay apart', () => {
    const result = run(loadSet('indicators/coinr-asem.yaml'));
    const at = (u: string) => result.units.findIndex((x) => x.id === u);
    const raw = result.values['TolMin']?.raw ?? [];
    expect(raw[at('GRC')]).toBe(5.1000000000000005);
    expect(raw[at('BGR')]).toBe(5.0999999999999996);
    expect(raw[at('GRC')]).not.toBe(raw[at('BGR')]);
    // TolMin is lower-is-better: the lower value ranks better, so BGR and CZE tie ahead of GRC
    const rank = result.values['TolMin']?.rank ?? [];
    expect(rank[at('BGR')]).toBe(rank[at('CZE')]);
    expect(rank[at('BGR')] as number).toBeLessThan(rank[at('GRC')] as number);
  });

  it('default pipeline (min-max 0–100, weighted arithmetic mean, missing children skipped) equals COINr for every unit and node', () => {
    const result = run(loadSet('indicators/coinr-asem.yaml'));
    const ref = coinrDefault();
    expect(compare(result, ref)).toBeLessThan(1e-9);
    // 63 values are missing in the raw data: their normalised score is missing, never 0
    const missing = indicators.reduce(
      (s, n) => s + (result.values[n.code]?.score.filter((v) => v === null).length ?? 0),
      0,
    );
    expect(missing).toBe(63);
    expect(result.values['Index']?.rank).toEqual(competition(ref.scores.get('Index') as number[]));
  });

  it("example pipeline (build_example_coin) equals COINr's result for all 51 units and every node", () => {
    const result = run(loadSet('indicators/coinr-asem-pipeline.yaml'));
    expect(result.screened_out).toEqual([]);
    const ref = coinrPipeline();
    expect(compare(result, ref)).toBeLessThan(1e-9);
    expect(result.values['Index']?.rank).toEqual(competition(ref.scores.get('Index') as number[]));
    // outliers were treated on the denominated, imputed data (e.g. Flights, Services, NGOs)
    const treated = result.treatments.filter((t) => t.applied !== 'none').map((t) => t.indicator);
    expect(treated).toEqual(expect.arrayContaining(['Flights', 'Services', 'NGOs']));
  });

  it('with screen min_coverage 0.9 before imputing (govscore order), the 5 sparse units are dropped and the rest still match', () => {
    const set = loadSet('indicators/coinr-asem-pipeline.yaml');
    const screened: IndicatorSet = {
      ...set,
      methodology: { ...set.methodology, screen: { min_coverage: 0.9 } },
    };
    const result = run(screened);
    // raw availability (after denominating; LAO lacks Energy): BRN 39/49, LAO 39/49, MMR 41/49, BGD 43/49, KHM 43/49
    const dropped = ['BGD', 'BRN', 'KHM', 'LAO', 'MMR'];
    expect(result.screened_out.map((s) => s.unit).sort()).toEqual(dropped);
    expect(compare(result, coinrPipeline(dropped))).toBeLessThan(1e-9);
  });

  it('`govscore assess indicators/coinr-asem.yaml --data samples/coinr-asem/asem.csv --csv out.csv` writes the same scores', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govscore-asem-'));
    try {
      const out = join(dir, 'out.csv');
      execFileSync(
        process.execPath,
        cliArgs([
          'assess',
          'indicators/coinr-asem.yaml',
          '--data',
          'samples/coinr-asem/asem.csv',
          '--csv',
          out,
        ]),
        { cwd: repoRoot, stdio: 'pipe' },
      );
      const ref = coinrDefault();
      const rows = csvObjects(readFileSync(out, 'utf8'));
      expect(rows).toHaveLength(ref.units.length * nodes.length);
      let worst = 0;
      for (const r of rows) {
        const want = (ref.scores.get(r['node_id'] as string) as number[])[
          ref.units.indexOf(r['region_id'] as string)
        ] as number;
        if (Number.isNaN(want)) expect(r['score'], `${r['node_id']} ${r['region_id']}`).toBe('');
        else worst = Math.max(worst, Math.abs(Number(r['score']) - want));
      }
      expect(worst).toBeLessThan(1e-9);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('percentile ranks (n_prank + a_amean): real ties tie — AUT, DNK and POL share 11th on Political (issue 12, item 10)', () => {
    // AUT's children are 40/50, 36/50, 30/50 and DNK's 26/50, 41/50, 39/50: both means are 106/150. Summed
    // in floating point, AUT's Political was 0.7066666666666666 and DNK's and POL's …667, so AUT ranked 13.
    const text = read('indicators/coinr-asem.yaml').replace(
      'normalise: { method: minmax, params: { min: 0, max: 100 } }',
      'normalise: { method: prank }',
    );
    expect(text).toContain('normalise: { method: prank }');
    const set = loadIndicatorSet(text, 'coinr-asem-prank.yaml');
    const r = assess(set, parseDatasetCsv(dataText, { set }).dataset);
    const at = (id: string) => r.units.findIndex((u) => u.id === id);
    const political = (id: string) => [r.values.Political!.score[at(id)], r.values.Political!.rank[at(id)]];
    expect(political('AUT')).toEqual([106 / 150, 11]);
    expect(political('DNK')).toEqual([106 / 150, 11]);
    expect(political('POL')).toEqual([106 / 150, 11]);
    // the children: percentile ranks are the doubles nearest the fractions (41/50 is 0.82, not 0.8200000000000001)
    expect(['Embs', 'IGOs', 'UNVote'].map((c) => r.values[c]!.score[at('DNK')])).toEqual([0.52, 0.82, 0.78]);
    // ROU and RUS, which COINr splits through R's extended-precision sum, tie too (84/150)
    expect(political('ROU')).toEqual(political('RUS'));
  });
});
