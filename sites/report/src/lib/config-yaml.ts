/**
 * Reading a site config file (`site.yaml`). Node-only (the YAML parser is not needed by the pages).
 */
import { parse } from 'yaml';
import { type ConfigProblem, type SiteConfig, validateSiteConfig } from './config';

/**
 * Parses and checks a site config's YAML text; returns the config and every problem (never throws).
 * @example parseSiteConfig('title: {zh: 报告}\npages: [overview, ranking]\n').problems // []
 */
export function parseSiteConfig(text: string): { config: SiteConfig; problems: ConfigProblem[] } {
  let raw: unknown;
  try {
    raw = parse(text, { maxAliasCount: 100 });
  } catch (e) {
    return { config: {}, problems: [{ path: '', message: `YAML syntax error: ${(e as Error).message}` }] };
  }
  return validateSiteConfig(raw);
}
