/**
 * Build-time loading of the report bundle named by `GOVSCORE_REPORT_BUNDLE`, once per build: the
 * manifest, every Result, and the model the pages read. Only Astro pages (running in Node at build
 * time) import this file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseResult, type Result } from '@govscore/core';
import { BUNDLE_ENV, BUNDLE_VERSION, type BundleManifest } from './bundle';
import { buildModel, type ReportModel } from './model';

export interface LoadedReport {
  dir: string;
  manifest: BundleManifest;
  model: ReportModel;
}

let cached: LoadedReport | undefined;

/**
 * The report of this build.
 * @throws Error when the bundle folder is not set or not readable
 */
export function loadReport(): LoadedReport {
  if (cached) return cached;
  const dir = process.env[BUNDLE_ENV];
  if (!dir)
    throw new Error(
      `${BUNDLE_ENV} is not set: build the site with \`govscore report <set.yaml> --data <file> --out <dir>\``,
    );
  const manifest = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as BundleManifest;
  if (manifest.govscore_report !== BUNDLE_VERSION)
    throw new Error(
      `${join(dir, 'report.json')} is not a govscore report bundle (version ${BUNDLE_VERSION})`,
    );
  const results: Result[] = manifest.results.map((f) =>
    parseResult(readFileSync(join(dir, f), 'utf8'), join(dir, f)),
  );
  cached = { dir, manifest, model: buildModel(results, manifest.config) };
  return cached;
}

/** Reads a file of the bundle. */
export function bundleFile(name: string): Buffer {
  return readFileSync(join(loadReport().dir, name));
}
