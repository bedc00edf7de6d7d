/**
 * Building the report site from Results: writes the report bundle to a temporary folder, runs
 * `astro build` programmatically into a fresh temporary folder beside the output, and swaps it into
 * place only when the build succeeded (a failed build leaves the previous site untouched).
 * Used by `govscore report` and by the benchmark.
 *
 * @module @govscore/report-site
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Result, resultToJson } from '@govscore/core';
import { BUNDLE_ENV, BUNDLE_VERSION, type BundleManifest } from './lib/bundle';
import type { SiteConfig } from './lib/config';

export {
  type ConfigProblem,
  PAGE_KEYS,
  type PageKey,
  type SiteConfig,
  validateSiteConfig,
} from './lib/config';
export { parseSiteConfig } from './lib/config-yaml';
export { printPdfs } from './pdf';

/** Folder of the Astro project (sites/report). */
export const siteRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface ReportInputs {
  /** One Result per year (any order); all of the same indicator set. */
  results: Result[];
  config?: SiteConfig;
  /** The indicator set's YAML text and the file name it is offered under. */
  setYaml?: { name: string; text: string };
  /** The logo's bytes and its file extension (`png`, `svg`...). */
  logo?: { ext: string; bytes: Uint8Array };
  /** Map boundaries: GeoJSON or TopoJSON text (see the config's `boundaries`). */
  boundaries?: string;
}

export interface BuildOptions {
  /** Output folder; replaced only when the build succeeds. */
  outDir: string;
  /** Base path the site is served under (default `/`); links are relative and work under any base. */
  base?: string;
  /** Astro's log level (default `warn`). */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export interface BuildSummary {
  outDir: string;
  /** HTML pages written. */
  pages: number;
}

/** A file-name-safe version of `name` (letters, digits, `.`, `_`, `-`). */
export function safeFileName(name: string, fallback: string): string {
  const s = basename(name)
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '');
  return s || fallback;
}

/** Writes the report bundle (see lib/bundle.ts) into `dir`. */
export function writeBundle(dir: string, inputs: ReportInputs): BundleManifest {
  if (inputs.results.length === 0) throw new Error('no Result to build a report from');
  const results = [...inputs.results].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  const names = results.map((r, i) => `result-${r.year ?? i}.json`);
  if (new Set(names).size !== names.length)
    throw new Error('two Results of the same year cannot be one report');
  results.forEach((r, i) => {
    writeFileSync(join(dir, names[i]!), resultToJson(r));
  });
  const manifest: BundleManifest = {
    govscore_report: BUNDLE_VERSION,
    results: names,
    config: inputs.config ?? {},
  };
  if (inputs.setYaml) {
    writeFileSync(join(dir, 'set.yaml'), inputs.setYaml.text);
    manifest.set_yaml = { file: 'set.yaml', name: safeFileName(inputs.setYaml.name, 'indicator-set.yaml') };
  }
  if (inputs.logo) {
    const ext = inputs.logo.ext.toLowerCase().replace(/[^a-z]/g, '') || 'png';
    writeFileSync(join(dir, `logo.${ext}`), inputs.logo.bytes);
    manifest.logo = `logo.${ext}`;
  }
  if (inputs.boundaries !== undefined) {
    writeFileSync(join(dir, 'boundaries.json'), inputs.boundaries);
    manifest.boundaries = 'boundaries.json';
  }
  writeFileSync(join(dir, 'report.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function countPages(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countPages(join(dir, e.name));
    else if (e.name.endsWith('.html')) n++;
  }
  return n;
}

/** Normalises a base path: leading and trailing slash (`reports/2025` → `/reports/2025/`). */
export function normaliseBase(base: string | undefined): string {
  if (!base || base === '/') return '/';
  if (/^[a-z]+:/i.test(base) || base.includes('..'))
    throw new Error(`base '${base}' must be a path such as /reports/2025/`);
  return `/${base.replace(/^\/+|\/+$/g, '')}/`;
}

/** Runs `astro build` of the site on a bundle folder into `outDir` (which it creates or empties). */
export async function buildFromBundle(
  bundleDir: string,
  outDir: string,
  options: { base?: string; logLevel?: BuildOptions['logLevel']; cacheDir?: string } = {},
): Promise<void> {
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  const before = process.env[BUNDLE_ENV];
  process.env[BUNDLE_ENV] = bundleDir;
  // Astro writes the server chunks that render the pages to `<cwd>/.astro/` when the output folder is
  // outside the working folder, and Node resolves their imports (handlebars, vega) from there. So the
  // build runs in a fresh folder inside the site, whose node_modules are then found, and concurrent
  // builds do not share it.
  const cwd = process.cwd();
  const work = mkdtempSync(join(siteRoot, '.build-'));
  process.chdir(work);
  try {
    const { build } = await import('astro');
    await build({
      root: siteRoot,
      outDir,
      base: normaliseBase(options.base),
      logLevel: options.logLevel ?? 'warn',
      ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    });
  } finally {
    process.chdir(cwd);
    rmSync(work, { recursive: true, force: true });
    if (before === undefined) delete process.env[BUNDLE_ENV];
    else process.env[BUNDLE_ENV] = before;
  }
}

/**
 * Builds the report site from Results into `options.outDir`, atomically: the site is built in a fresh
 * folder beside it and swapped in only on success.
 * @throws Error from the build (the previous output is left as it was)
 * @example await buildReport({ results: [r2023, r2024] }, { outDir: 'out/report' })
 */
export async function buildReport(inputs: ReportInputs, options: BuildOptions): Promise<BuildSummary> {
  const target = resolve(options.outDir);
  mkdirSync(dirname(target), { recursive: true });
  const bundle = mkdtempSync(join(tmpdir(), 'govscore-report-'));
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}.build-`));
  try {
    writeBundle(bundle, inputs);
    await buildFromBundle(bundle, staging, {
      ...(options.base !== undefined ? { base: options.base } : {}),
      ...(options.logLevel ? { logLevel: options.logLevel } : {}),
      cacheDir: join(bundle, '.cache'),
    });
    const pages = countPages(staging);
    if (existsSync(target)) {
      const old = `${target}.old-${process.pid}`;
      rmSync(old, { recursive: true, force: true });
      renameSync(target, old);
      try {
        renameSync(staging, target);
      } catch (e) {
        renameSync(old, target); // put the previous site back where it was
        throw e;
      }
      rmSync(old, { recursive: true, force: true });
    } else renameSync(staging, target);
    return { outDir: target, pages };
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  } finally {
    rmSync(bundle, { recursive: true, force: true });
  }
}
