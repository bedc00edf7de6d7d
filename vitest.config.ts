import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Tests run the TypeScript sources of the workspace packages: the custom export condition
// `govscore-source` (each package.json's "exports") resolves @govscore/* and govscore to src/, so an
// edit is tested without a build. The built packages (dist/) are tested by test/install/smoke.ts.
const source = 'govscore-source';

// Test timeouts are hang guards, not speed targets (those are in `pnpm bench`): at least 10× the
// slowest test measured on this 2-core machine shared by several full runs (load 17). Core and charts
// tests take up to 1.6 s there, cli tests (whole commands, worker threads) up to 5.8 s, e2e tests
// (site builds, browsers) minutes; vitest's default of 5 s flaked on the cli worker-thread test.
export default defineConfig({
  resolve: { conditions: [source, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [source, ...defaultServerConditions] } },
  test: {
    passWithNoTests: true,
    projects: [
      {
        extends: true,
        test: { name: 'core', include: ['packages/core/test/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'cli', include: ['packages/cli/test/**/*.test.ts'], testTimeout: 60_000 },
      },
      {
        extends: true,
        test: { name: 'charts', include: ['packages/charts/test/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000 },
      },
    ],
  },
});
