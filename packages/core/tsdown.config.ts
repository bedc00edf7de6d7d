import { defineConfig } from 'tsdown';
import { base, licence } from '../../tsdown.base';

// @govscore/core: two entries (the pure engine and the file edge), ESM + .d.ts in dist/.
// platform 'neutral': the engine runs in Node and in the browser (the what-if island, a plain Vite
// page); only the io entry reads files, through node: modules, which stay imports.
export default defineConfig({
  ...base,
  entry: { index: 'src/index.ts', io: 'src/io/index.ts' },
  platform: 'neutral',
  deps: { neverBundle: [/^node:/] },
  target: 'es2022',
  copy: [licence],
});
