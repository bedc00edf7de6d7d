/**
 * Projected SVG paths of map features, computed once per (features, size) and cached: projecting
 * Natural Earth's 110m countries with d3-geo costs tens of milliseconds, and every world map of a
 * report at one size shares the same paths. Drawn into Plot through a render-function mark.
 */
import type * as Plot from '@observablehq/plot';
import { type GeoProjection, geoEqualEarth, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export type ProjectionName = 'equal-earth' | 'mercator';

export interface ProjectedPaths {
  /** Outline of the globe (equal-earth only), else ''. */
  sphere: string;
  /** One path per feature, aligned with the features. */
  paths: string[];
}

const cache = new WeakMap<object, Map<string, ProjectedPaths>>();

/**
 * Paths of `fc` projected to fit [[x0, y0], [x1, y1]]: equal-earth fits the whole sphere, mercator fits
 * the features. Coordinates are rounded to 0.1 px.
 */
export function projectedPaths(
  fc: FeatureCollection,
  projection: ProjectionName,
  extent: [[number, number], [number, number]],
): ProjectedPaths {
  const key = `${projection}:${extent.flat().join(',')}`;
  let byKey = cache.get(fc);
  if (!byKey) {
    byKey = new Map();
    cache.set(fc, byKey);
  }
  const hit = byKey.get(key);
  if (hit) return hit;
  let proj: GeoProjection;
  if (projection === 'equal-earth') proj = geoEqualEarth().fitExtent(extent, { type: 'Sphere' });
  else proj = geoMercator().fitExtent(extent, fc);
  const path = geoPath(proj).digits(1);
  const out: ProjectedPaths = {
    sphere: projection === 'equal-earth' ? (path({ type: 'Sphere' }) ?? '') : '',
    paths: fc.features.map((f: Feature<Geometry | null>) =>
      f.geometry ? (path(f as Feature<Geometry>) ?? '') : '',
    ),
  };
  byKey.set(key, out);
  return out;
}

/**
 * A Plot render-function mark drawing the paths: the sphere (light fill), each feature with its fill,
 * then pattern overlays where given.
 */
export function pathsMark(
  p: ProjectedPaths,
  fills: readonly string[],
  patterns: readonly (string | null)[],
  stroke = '#ffffff',
): Plot.RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const g = doc.createElementNS(ns, 'g');
    g.setAttribute('aria-hidden', 'true');
    if (p.sphere) {
      const s = doc.createElementNS(ns, 'path');
      s.setAttribute('d', p.sphere);
      s.setAttribute('fill', '#f4f8fb');
      s.setAttribute('stroke', '#bbbbbb');
      g.appendChild(s);
    }
    const shapes = doc.createElementNS(ns, 'g');
    shapes.setAttribute('stroke', stroke);
    shapes.setAttribute('stroke-width', '0.5');
    p.paths.forEach((d, i) => {
      if (!d) return;
      const e = doc.createElementNS(ns, 'path');
      e.setAttribute('d', d);
      e.setAttribute('fill', fills[i] ?? '#d9d9d9');
      shapes.appendChild(e);
    });
    g.appendChild(shapes);
    const over = doc.createElementNS(ns, 'g');
    over.setAttribute('stroke', 'none');
    p.paths.forEach((d, i) => {
      const pat = patterns[i];
      if (!d || !pat) return;
      const e = doc.createElementNS(ns, 'path');
      e.setAttribute('d', d);
      e.setAttribute('fill', pat);
      over.appendChild(e);
    });
    if (over.childNodes.length) g.appendChild(over);
    return g;
  };
}
