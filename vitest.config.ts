import { defineConfig } from 'vitest/config';

// Test timeouts are hang guards, not speed targets (those are in `pnpm bench`): at least 10× the
// slowest test measured on this 2-core machine shared by several full runs (load 17). Core and charts
// tests take up to 1.6 s there, cli tests (whole commands, worker threads) up to 5.8 s, e2e tests
// (site builds, browsers) minutes; vitest's default of 5 s flaked on the cli worker-thread test.
export default defineConfig({
  test: {
    passWithNoTests: true,
    projects: [
      { test: { name: 'core', include: ['packages/core/test/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'cli', include: ['packages/cli/test/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'charts', include: ['packages/charts/test/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'e2e', include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000 } },
    ],
  },
});
