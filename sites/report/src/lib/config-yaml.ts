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
    const msg = (e as Error).message;
    const message = /call stack/i.test(msg)
      ? 'the config nests lists and mappings too deeply to read'
      : /alias count/i.test(msg)
        ? 'aliases expand to too many nodes (an alias bomb?)'
        : `YAML syntax error: ${msg}`;
    return { config: {}, problems: [{ path: '', message }] };
  }
  return validateSiteConfig(raw);
}
