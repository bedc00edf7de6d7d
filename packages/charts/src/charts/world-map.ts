/**
 * World choropleth for country sets: Natural Earth 1:110m countries from `world-atlas` (features keyed
 * by ISO 3166 numeric code), units matched by ISO alpha-3 id through `data/iso3-numeric.ts`, filled by
 * tier (with a pattern per tier) or score band. Antarctica is left out.
 */
import type { Result } from '@govscore/core';
import * as Plot from '@observablehq/plot';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { iso3ToNumeric } from '../data/iso3-numeric';
import { fonts, sentences } from '../i18n';
import { missing } from '../palette';
import type { BaseOptions, PlotChart } from '../types';
import { captionLines } from './geo-map';
import { pathsMark, projectedPaths } from './geo-paths';
import { describeMap, legendMarks, type MapColourOptions, mapColours } from './map-common';

export interface WorldMapOptions extends BaseOptions, MapColourOptions {
  /** ISO alpha-3 code by unit id, for ids that are not codes (`{Germany: 'DEU'}`). */
  codes?: Record<string, string>;
  /**
   * Fill Taiwan (ISO 158, a separate feature in Natural Earth) like China when China is assessed and
   * Taiwan is not a unit of its own (default true).
   */
  taiwanWithChina?: boolean;
  /** Map-approval number (审图号), written under the map: maps published in China need one. */
  approval?: string;
  /** Source line written under the map (default: Natural Earth via world-atlas). */
  source?: string;
}

let countriesCache: FeatureCollection<Geometry, { name: string }> | undefined;
/** Countries of world-atlas 110m as GeoJSON, without Antarctica (ISO 010). Computed once. */
export function worldCountries(): FeatureCollection<Geometry, { name: string }> {
  if (!countriesCache) {
    const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
    countriesCache = { type: 'FeatureCollection', features: fc.features.filter((f) => f.id !== '010') };
  }
  return countriesCache;
}

/**
 * ISO numeric code (as world-atlas writes it, 3 digits) of a unit id: ISO alpha-3 (any case) through
 * the table, a numeric code as it is (zero-padded); otherwise null.
 * @example isoNumeric('deu') // '276'
 */
export function isoNumeric(id: string): string | null {
  if (/^\d{1,3}$/.test(id)) return id.padStart(3, '0');
  return iso3ToNumeric[id.toUpperCase()] ?? null;
}

/**
 * World choropleth of the Result's units (countries).
 * @example toSvg(worldMap(result, { lang: 'en' }))
 */
export function worldMap(result: Result, options: WorldMapOptions = {}): PlotChart {
  const lang = options.lang ?? 'zh';
  const c = mapColours(result, options, lang);
  const countries = worldCountries();
  const present = new Set(countries.features.map((f) => String(f.id)));
  const byNum = new Map<string, (typeof c.units)[number]>();
  const notShown: string[] = [];
  for (const u of c.units) {
    const num = isoNumeric(options.codes?.[u.id] ?? u.id);
    if (num && present.has(num) && !byNum.has(num)) byNum.set(num, u);
    else notShown.push(u.name);
  }
  const width = options.width ?? 720;
  const caption = captionLines(
    { source: options.source ?? 'Natural Earth 1:110m (world-atlas)', approval: options.approval },
    lang,
  );
  const captionH = caption.length * 15 + 6;
  const legendH = Math.max(c.legend.length * 16 + 8, captionH);
  const mapH = Math.round(width * 0.487);
  const paths = projectedPaths(countries, 'equal-earth', [
    [4, 4],
    [width - 4, mapH - 4],
  ]);
  const china = byNum.get('156');
  if ((options.taiwanWithChina ?? true) && china && !byNum.has('158')) byNum.set('158', china);
  const units = countries.features.map((f) => byNum.get(String(f.id)));
  const hasPattern = units.some((u) => u?.pattern);
  const options2: Plot.PlotOptions = {
    width,
    height: mapH + legendH,
    margin: 0,
    style: { fontFamily: fonts[lang], background: 'white' },
    marks: [
      pathsMark(
        paths,
        units.map((u) => u?.fill ?? missing),
        units.map((u) => u?.pattern ?? null),
      ),
      ...legendMarks(c.legend, 14, 8),
      ...caption.map((line, i) =>
        Plot.text([line], {
          frameAnchor: 'bottom-right',
          dx: -10,
          dy: -6 - (caption.length - 1 - i) * 15,
          text: (d) => d,
          textAnchor: 'end',
          fontSize: 10,
          fill: '#444444',
        }),
      ),
    ],
  };
  const what =
    lang === 'zh' ? '世界地图（Natural Earth 1:110m 边界）' : 'World map (Natural Earth 1:110m boundaries)';
  const description = sentences([describeMap(result, c, lang, what, notShown), ...caption], lang);
  const title =
    options.title ?? (lang === 'zh' ? `${c.nodeName}：世界分布` : `${c.nodeName} around the world`);
  const chart: PlotChart = { kind: 'plot', name: 'world-map', lang, title, description, options: options2 };
  if (hasPattern) chart.defs = c.defs;
  return chart;
}
