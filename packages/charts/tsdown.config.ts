import { defineConfig } from 'tsdown';
import { base, licence } from '../../tsdown.base';

// @govscore/charts: ESM + .d.ts in dist/. Bundled: the world map's TopoJSON (a JSON import needs
// import attributes in Node) and the GeoJSON/TopoJSON type declarations the .d.ts refers to.
export default defineConfig({
  ...base,
  entry: { index: 'src/index.ts' },
  platform: 'node',
  target: 'node20',
  deps: { onlyBundle: ['world-atlas', '@types/geojson', '@types/topojson-specification'] },
  copy: [licence],
});
