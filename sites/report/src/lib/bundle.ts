/**
 * The report bundle: the folder the site is built from. `govscore report` writes it (the Result of
 * every year, the indicator set's YAML, the site config, the logo); the Astro pages read it at build
 * time through `GOVSCORE_REPORT_BUNDLE`. Nothing in it is recomputed by the site.
 *
 * ```
 * bundle/
 *   report.json          { govscore_report: 1, results: [...], set_yaml?, logo?, config }
 *   result-2023.json     Result (resultToJson), one per year, oldest first
 *   result-2024.json
 *   set.yaml             the indicator set as written (offered for download)
 *   logo.png             the publisher's logo, when the config names one
 *   boundaries.json      approved map boundaries, when the config gives them
 * ```
 */
import type { SiteConfig } from './config';

export const BUNDLE_VERSION = 1;
export const BUNDLE_ENV = 'GOVSCORE_REPORT_BUNDLE';

export interface BundleManifest {
  govscore_report: typeof BUNDLE_VERSION;
  /** File names of the Results in the bundle folder, oldest year first; the last is the report's year. */
  results: string[];
  /** The indicator set's YAML: file name in the bundle and the name it is offered under. */
  set_yaml?: { file: string; name: string };
  /** The logo: file name in the bundle. */
  logo?: string;
  /** Map boundaries (GeoJSON/TopoJSON): file name in the bundle. */
  boundaries?: string;
  config: SiteConfig;
}
