import { defineConfig } from 'tsdown';
import { base, licence } from '../../tsdown.base';

// govscore (the CLI): ESM + .d.ts in dist/. Copied beside the code: the analysis worker (plain JS,
// started by URL from the same folder) and the indicator sets `govscore init` starts from.
export default defineConfig({
  ...base,
  entry: { index: 'src/index.ts' },
  platform: 'node',
  target: 'node20',
  deps: { onlyBundle: false },
  copy: [
    licence,
    { from: 'src/commands/analyse-worker.mjs', to: 'dist' },
    { from: '../../indicators', to: 'dist' },
  ],
});
