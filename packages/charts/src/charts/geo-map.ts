/**
 * Choropleth from boundaries the publisher supplies (GeoJSON FeatureCollection or TopoJSON), for maps
 * that must use approved boundaries: the map-approval number (审图号) and a source line are written
 * under the map. Features are matched to units by a property or the feature id.
 */
import type { Result } from '@govscore/core';
import * as Plot from '@observablehq/plot';
import { geoArea } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { fail } from '../errors';
import { fonts, sentences } from '../i18n';
import { missing } from '../palette';
import type { BaseOptions, Lang, PlotChart } from '../types';
import { type ProjectionName, pathsMark, projectedPaths } from './geo-paths';
import { describeMap, legendMarks, type MapColourOptions, mapColours } from './map-common';

export interface GeoMapOptions extends BaseOptions, MapColourOptions {
  /** Feature property holding the unit id (default: the feature's `id`, then `id`, `code`, `adcode`). */
  idProperty?: string;
  /** TopoJSON: the object to draw (default: the first). */
  object?: string;
  /** Map-approval number (审图号), e.g. `GS(2024)1234号`; written under the map. */
  approval?: string;
  /** Source of the boundaries, written under the map. */
  source?: string;
  /** Projection fitted to the features (default mercator). */
  projection?: ProjectionName;
  /** Height of the map area in px (default: 0.75 × width). */
  height?: number;
}

/** Caption line: `审图号：GS(2024)1234号` / `Map approval No.: GS(2024)1234号`, and the source. */
export function captionLines(o: { approval?: string; source?: string }, lang: Lang): string[] {
  const out: string[] = [];
  if (o.source) out.push(`${lang === 'zh' ? '边界来源：' : 'Boundaries: '}${o.source}`);
  if (o.approval) out.push(`${lang === 'zh' ? '审图号：' : 'Map approval No.: '}${o.approval}`);
  return out;
}

/**
 * The features with every polygon wound the way d3-geo reads it. GeoJSON (RFC 7946) winds exterior
 * rings counter-clockwise; d3-geo takes that as the whole sphere except the polygon. A polygon whose
 * spherical area exceeds a hemisphere (2π sr) has its rings reversed; others are kept as they are.
 * @example rewind(ccwSquares) // clockwise squares: each projects to a small square, not the world
 */
export function rewind(fc: FeatureCollection): FeatureCollection {
  const fix = (rings: Position[][]): Position[][] =>
    geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI
      ? rings.map((r) => [...r].reverse())
      : rings;
  return {
    ...fc,
    features: fc.features.map((f) => {
      const g = f.geometry;
      if (g?.type === 'Polygon') return { ...f, geometry: { ...g, coordinates: fix(g.coordinates) } };
      if (g?.type === 'MultiPolygon')
        return { ...f, geometry: { ...g, coordinates: g.coordinates.map(fix) } };
      return f;
    }),
  };
}

const rewound = new WeakMap<object, FeatureCollection>();

/**
 * GeoJSON features of a FeatureCollection or of one object of a TopoJSON topology, wound for d3-geo
 * (`rewind`; computed once per input object).
 */
export function toFeatures(boundaries: FeatureCollection | Topology, object?: string): FeatureCollection {
  const key = object === undefined ? boundaries : undefined;
  const hit = key ? rewound.get(key) : undefined;
  if (hit) return hit;
  const fc = rewind(rawFeatures(boundaries, object));
  if (key) rewound.set(key, fc);
  return fc;
}

function rawFeatures(boundaries: FeatureCollection | Topology, object?: string): FeatureCollection {
  if (boundaries.type === 'FeatureCollection') return boundaries;
  if (boundaries.type === 'Topology') {
    const names = Object.keys(boundaries.objects);
    const name = object ?? names[0];
    const obj = name !== undefined ? boundaries.objects[name] : undefined;
    if (!obj)
      fail(
        'E500',
        `the TopoJSON has no object "${object ?? ''}"`,
        {},
        `use one of: ${names.join(', ') || '(none)'}`,
      );
    const f = feature(boundaries, obj as GeometryObject);
    return f.type === 'FeatureCollection' ? f : { type: 'FeatureCollection', features: [f] };
  }
  return fail(
    'E500',
    'boundaries are neither a GeoJSON FeatureCollection nor a TopoJSON Topology',
    {},
    'pass {type: "FeatureCollection", ...} or {type: "Topology", ...}',
  );
}

/** The unit id a feature stands for, as a string, or null. */
export function featureKey(f: Feature<Geometry | null>, idProperty?: string): string | null {
  const props = (f.properties ?? {}) as Record<string, unknown>;
  const candidates = idProperty ? [props[idProperty]] : [f.id, props['id'], props['code'], props['adcode']];
  for (const c of candidates) if (c !== undefined && c !== null && c !== '') return String(c);
  return null;
}

/**
 * Choropleth of the Result's units on supplied boundaries.
 * @throws GovscoreError E500 for boundaries of another type, or when no feature matches a unit
 * @example toSvg(geoMap(result, provinces, { approval: 'GS(2024)1234号', idProperty: 'adcode' }))
 */
export function geoMap(
  result: Result,
  boundaries: FeatureCollection | Topology,
  options: GeoMapOptions = {},
): PlotChart {
  const lang = options.lang ?? 'zh';
  const fc = toFeatures(boundaries, options.object);
  const c = mapColours(result, options, lang);
  const byId = new Map(c.units.map((u) => [u.id, u]));
  const keys = fc.features.map((f) => featureKey(f, options.idProperty));
  const matched = new Set(keys.filter((k): k is string => k !== null && byId.has(k)));
  if (matched.size === 0) {
    const sample = keys.filter((k) => k !== null).slice(0, 5);
    fail(
      'E500',
      `no boundary feature matches a unit id (feature keys: ${sample.join(', ') || 'none'}; unit ids: ${c.units
        .slice(0, 5)
        .map((u) => u.id)
        .join(', ')})`,
      {},
      'set options.idProperty to the feature property holding the unit ids',
    );
  }
  const notShown = c.units.filter((u) => !matched.has(u.id)).map((u) => u.name);
  const width = options.width ?? 600;
  const mapH = options.height ?? Math.round(width * 0.75);
  const caption = captionLines(options, lang);
  const legendH = c.legend.length * 16 + 8;
  const captionH = caption.length * 15 + (caption.length ? 6 : 0);
  const paths = projectedPaths(fc, options.projection ?? 'mercator', [
    [8, 8],
    [width - 8, mapH - 8],
  ]);
  const units = keys.map((k) => (k !== null ? byId.get(k) : undefined));
  const hasPattern = units.some((u) => u?.pattern);
  const options2: Plot.PlotOptions = {
    width,
    height: mapH + legendH + captionH,
    margin: 0,
    style: { fontFamily: fonts[lang], background: 'white' },
    marks: [
      pathsMark(
        paths,
        units.map((u) => u?.fill ?? missing),
        units.map((u) => u?.pattern ?? null),
        '#ffffff',
      ),
      ...legendMarks(c.legend, 14, captionH + 4),
      ...caption.map((line, i) =>
        Plot.text([line], {
          frameAnchor: 'bottom-right',
          dx: -10,
          dy: -4 - (caption.length - 1 - i) * 15,
          text: (d) => d,
          textAnchor: 'end',
          fontSize: 10,
          fill: '#444444',
        }),
      ),
    ],
  };
  const what = lang === 'zh' ? '地图（使用提供的边界数据）' : 'Map (supplied boundaries)';
  const description = sentences([describeMap(result, c, lang, what, notShown), ...caption], lang);
  const title = options.title ?? (lang === 'zh' ? `${c.nodeName}：地区分布` : `${c.nodeName} by area`);
  const chart: PlotChart = { kind: 'plot', name: 'geo-map', lang, title, description, options: options2 };
  if (hasPattern) chart.defs = c.defs;
  return chart;
}
