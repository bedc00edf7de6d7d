import { defineConfig } from 'astro/config';
import { defaultClientConditions, type Plugin } from 'vite';
import { relativeAssets } from './src/integration/relative-assets';

/**
 * The engine and the charts run at build time in Node as Node resolves them (the installed packages'
 * dist/; in the repository, the sources when Node was started with the `govscore-source` condition),
 * so the server build does not bundle vega, Plot, linkedom and ajv again (that took half a minute). The
 * browser bundle (the what-if island) still bundles the core.
 */
function ssrExternalWorkspace(): Plugin {
  return {
    name: 'govscore-ssr-external',
    apply: 'build',
    enforce: 'pre',
    resolveId(id, _importer, options) {
      if (options?.ssr && /^@govscore\/(core|charts)(\/|$)/.test(id)) return { id, external: true };
      return null;
    },
  };
}

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
    // In the repository the browser bundle takes the core from its sources (package.json "exports"
    // condition `govscore-source`); the published packages have no such condition and give dist/.
    resolve: { conditions: ['govscore-source', ...defaultClientConditions] },
    plugins: [ssrExternalWorkspace()],
  },
});
