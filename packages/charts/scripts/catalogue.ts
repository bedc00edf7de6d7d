/**
 * Every chart of the package built from one set of inputs: used by the tests (goldens, schema,
 * accessibility, escaping), the bench and the contact sheet (`pnpm charts:preview`).
 */
import type { Result } from '@govscore/core';
import type { FeatureCollection } from 'geojson';
import {
  type Chart,
  type CorrelationInput,
  correlationHeatmap,
  dimensionHeatmap,
  distributionChart,
  frameworkChart,
  geoMap,
  type Lang,
  profileDots,
  profileRadar,
  type RankInterval,
  rankIntervalChart,
  rankingChart,
  type SensitivityIndex,
  sensitivityChart,
  slopeChart,
  tileMap,
  trendChart,
  worldMap,
} from '../src/index';

export interface CatalogueInputs {
  /** The main Result (latest year). */
  result: Result;
  /** Results of several years, oldest first (trend, slope); at least two. */
  years: Result[];
  /** A Result of countries with ISO alpha-3 ids (world map). */
  countries: Result;
  intervals: RankInterval[];
  sensitivity: SensitivityIndex[];
  correlation: CorrelationInput;
  /** Supplied boundaries for the geo map, matched on `idProperty`. */
  boundaries?: { fc: FeatureCollection; idProperty?: string; approval?: string; source?: string };
  /** Unit highlighted in profiles and the distribution. */
  unit: string;
  /** Nodes of the radar (at least 3). */
  radarNodes?: string[];
}

export interface CatalogueEntry {
  id: string;
  /** Part of a region's profile page (bench: "profile page set"). */
  profile: boolean;
  build: (lang: Lang) => Chart;
}

/** Pearson correlation of two columns over the rows where both are present. */
export function pearson(a: readonly (number | null)[], b: readonly (number | null)[]): number | null {
  const xs: number[] = [];
  const ys: number[] = [];
  a.forEach((v, i) => {
    const w = b[i];
    if (v !== null && w !== null && w !== undefined) {
      xs.push(v);
      ys.push(w);
    }
  });
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** Correlation matrix of the given nodes' scores in a Result. */
export function correlationOf(result: Result, ids: string[]): CorrelationInput {
  const cols = ids.map((id) => result.values[id]?.score ?? []);
  return { ids, matrix: cols.map((a) => cols.map((b) => pearson(a, b))), method: 'Pearson' };
}

export function catalogue(inp: CatalogueInputs): CatalogueEntry[] {
  const first = inp.years[0]!;
  const last = inp.years[inp.years.length - 1]!;
  const entries: CatalogueEntry[] = [
    { id: 'ranking', profile: false, build: (lang) => rankingChart(inp.result, { lang }) },
    { id: 'heatmap', profile: false, build: (lang) => dimensionHeatmap(inp.result, { lang }) },
    {
      id: 'heatmap-rank',
      profile: false,
      build: (lang) => dimensionHeatmap(inp.result, { lang, value: 'rank' }),
    },
    { id: 'profile-dots', profile: true, build: (lang) => profileDots(inp.result, inp.unit, { lang }) },
    {
      id: 'profile-radar',
      profile: true,
      build: (lang) =>
        profileRadar(inp.result, inp.unit, { lang, ...(inp.radarNodes ? { nodes: inp.radarNodes } : {}) }),
    },
    {
      id: 'distribution',
      profile: true,
      build: (lang) => distributionChart(inp.result, { lang, highlight: inp.unit }),
    },
    {
      id: 'rank-interval',
      profile: true,
      build: (lang) => rankIntervalChart(inp.intervals, { lang, result: inp.result }),
    },
    { id: 'sensitivity', profile: false, build: (lang) => sensitivityChart(inp.sensitivity, { lang }) },
    { id: 'trend', profile: true, build: (lang) => trendChart(inp.years, { lang, highlight: [inp.unit] }) },
    { id: 'trend-all', profile: false, build: (lang) => trendChart(inp.years, { lang }) },
    { id: 'slope', profile: false, build: (lang) => slopeChart(first, last, { lang }) },
    {
      id: 'correlation',
      profile: false,
      build: (lang) => correlationHeatmap(inp.correlation, { lang, result: inp.result }),
    },
    { id: 'framework', profile: false, build: (lang) => frameworkChart(inp.result, { lang }) },
    { id: 'tile-map', profile: false, build: (lang) => tileMap(inp.result, { lang }) },
    {
      id: 'tile-map-score',
      profile: false,
      build: (lang) => tileMap(inp.result, { lang, colorBy: 'score' }),
    },
    { id: 'world-map', profile: false, build: (lang) => worldMap(inp.countries, { lang }) },
  ];
  const b = inp.boundaries;
  if (b) {
    entries.push({
      id: 'geo-map',
      profile: false,
      build: (lang) =>
        geoMap(inp.result, b.fc, {
          lang,
          ...(b.idProperty !== undefined ? { idProperty: b.idProperty } : {}),
          ...(b.approval !== undefined ? { approval: b.approval } : {}),
          ...(b.source !== undefined ? { source: b.source } : {}),
        }),
    });
  }
  return entries;
}
