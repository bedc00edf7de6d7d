import { defineConfig } from 'tsdown';
import { base, licence } from '../../tsdown.base';

// @govscore/report-site: the Node entry (buildReport, config parsing, PDF printing) as ESM + .d.ts in
// dist/. The Astro project itself (src/pages, components, layouts, lib, astro.config.ts) ships as
// source: Astro compiles it when a report is built.
export default defineConfig({
  ...base,
  entry: { build: 'src/build.ts' },
  platform: 'node',
  target: 'node20',
  deps: { onlyBundle: false },
  copy: [licence],
});
