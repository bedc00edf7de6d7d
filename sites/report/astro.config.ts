import { defineConfig } from 'astro/config';
import { relativeAssets } from './src/integration/relative-assets';

// Settings every build shares; `govscore report` adds outDir, base and the bundle to read.
export default defineConfig({
  output: 'static',
  // zh/ranking.astro → zh/ranking.html, zh/index.astro → zh/index.html: links name files, so the site
  // also opens from the file system.
  build: { format: 'preserve', inlineStylesheets: 'never' },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
  integrations: [relativeAssets()],
  vite: {
    // vega measures text without the canvas package (DESIGN.md, toolchain facts).
    build: {
      rollupOptions: {
        external: ['canvas'],
        onwarn(warning, warn) {
          // linkedom's CSS parser uses eval; it runs at build time only, never in the browser.
          if (warning.code === 'EVAL') return;
          warn(warning);
        },
      },
      assetsInlineLimit: 0,
    },
    ssr: { external: ['canvas'] },
  },
});
