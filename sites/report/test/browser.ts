/**
 * Browser-test helpers: Debian Chromium driven by playwright-core (no browser download: DESIGN.md,
 * toolchain facts), and axe-core's source to evaluate in a page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../src/pdf';

export type { Browser, Page } from 'playwright-core';

/** Whether Chromium is installed where the tests expect it. */
export const hasChromium = existsSync(CHROMIUM);
export { CHROMIUM };

/** Launches headless Chromium with the flags this machine needs. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The source of axe-core (evaluated in the page: not an inline script, so the CSP does not apply). */
export function axeSource(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
}
