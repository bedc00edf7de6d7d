/**
 * What every package's tsdown.config.ts shares: ESM with .js/.d.ts (the packages are "type": "module"),
 * declarations bundled per entry, a copy of the licence in dist/, no size report or plugin timings.
 */
import type { UserConfig } from 'tsdown';

export const base = {
  fixedExtension: false,
  dts: true,
  report: false,
  checks: { pluginTimings: false },
  logLevel: 'warn',
} satisfies UserConfig;

/** The licence, copied into each package's dist/ (the package's `files` ship dist/). */
export const licence = { from: '../../LICENSE', to: 'dist' };
