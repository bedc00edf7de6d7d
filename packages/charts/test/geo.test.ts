import { describe, expect, it } from 'vitest';
import { projectedPaths } from '../src/charts/geo-paths';
import { featureKey, geoMap, renderPlot, rewind, toFeatures } from '../src/index';
import { squares, tinyTopology } from './fixtures/boundaries';
import { resultSmall } from './fixtures/build-result';

/** Bounding box of the numbers of an SVG path (x, y pairs). */
function bbox(d: string) {
  const n = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const xs = n.filter((_, i) => i % 2 === 0);
  const ys = n.filter((_, i) => i % 2 === 1);
  return { w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
}

describe('supplied boundaries', () => {
  it('rewinds RFC 7946 (counter-clockwise) polygons for d3-geo, keeps clockwise ones', () => {
    const ccw = squares();
    const fixed = rewind(ccw);
    const ring = ccw.features[0]!.geometry.coordinates[0]!;
    expect((fixed.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]).toEqual(
      [...ring].reverse(),
    );
    // already clockwise: unchanged
    expect(rewind(fixed).features[0]!.geometry).toEqual(fixed.features[0]!.geometry);
  });

  it('projects each 3° square to a small square, not the whole map', () => {
    const p = projectedPaths(toFeatures(squares()), 'mercator', [
      [0, 0],
      [600, 450],
    ]);
    // six squares spread over ~21° of longitude fill the width: one square is 3/24 ≈ 1/8 of it
    for (const d of p.paths) {
      const b = bbox(d);
      expect(b.w).toBeGreaterThan(20);
      expect(b.w).toBeLessThan(150);
    }
  });

  it('reads a TopoJSON object and matches ids on the feature id', () => {
    const fc = toFeatures(tinyTopology);
    expect(fc.features.map((f) => featureKey(f))).toEqual(['110000', '310000']);
    expect(() => toFeatures(tinyTopology, 'cities')).toThrow(/E500 the TopoJSON has no object "cities"/);
    const svg = renderPlot(geoMap(resultSmall(), tinyTopology, { lang: 'en', approval: 'GS(2024)1234' }));
    expect(svg).toContain('Map approval No.: GS(2024)1234');
  });

  it('names the property to match when nothing matches', () => {
    expect(() => geoMap(resultSmall(), squares('code'), { idProperty: 'adcode' })).toThrow(
      /E500 no boundary feature matches a unit id.*set options.idProperty/,
    );
  });
});
