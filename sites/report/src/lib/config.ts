/**
 * The site config (`site.yaml`): title, publisher, logo, languages, colours, which pages, narrative
 * templates. Every key is optional; the indicator set supplies the defaults.
 */
import type { LangText } from '@govscore/core';
import Handlebars from 'handlebars';

/** Pages a site can have; `pages` in the config picks some (default: all). */
export const PAGE_KEYS = [
  'overview',
  'ranking',
  'dimensions',
  'profiles',
  'methodology',
  'robustness',
  'downloads',
  'whatif',
] as const;
export type PageKey = (typeof PAGE_KEYS)[number];

export interface SiteConfig {
  /** Title of the report (default: the indicator set's title). */
  title?: LangText;
  /** A line under the title. */
  subtitle?: LangText;
  /** Who publishes the report. */
  publisher?: LangText;
  /** A local image file (PNG, JPEG, SVG, WebP) shown in the header; copied into the site. */
  logo?: string;
  /** Alternative text of the logo (default: the publisher). */
  logo_alt?: LangText;
  /** Languages of the site, default first (default: the set's languages, Chinese first). */
  languages?: string[];
  /** Colours: `#rrggbb` only. `tiers` by tier id overrides the set's tier colours. */
  colours?: { primary?: string; accent?: string; tiers?: Record<string, string> };
  /** Which pages to build (overview is always built). */
  pages?: PageKey[];
  /** Handlebars narrative templates by key (`profile`, `overview`), overriding the set's. */
  templates?: Record<string, LangText>;
  /** The map on the overview: `auto` (tile grid for Chinese provinces, world map for ISO3 codes), or none. */
  map?: 'auto' | 'china-tiles' | 'world' | 'none';
  /** Rows of the headline ranking on the overview (default 10). */
  top?: number;
  /** Text at the foot of every page. */
  footer?: LangText;
  /**
   * Approved boundaries for the map (GeoJSON or TopoJSON, local file), drawn instead of the tile grid
   * or world map, with the map-approval number (审图号) written under the map.
   */
  boundaries?: { file: string; approval?: string; source?: string; id_property?: string; object?: string };
  /** Display names of group values (`{east: {zh: 东部, en: East}}`); the values themselves otherwise. */
  groups?: Record<string, LangText>;
}

/** A problem in the config: where (a key path) and what. */
export interface ConfigProblem {
  path: string;
  message: string;
  hint?: string;
}

const HEX = /^#[0-9a-fA-F]{6}$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/;

function isLangText(v: unknown): v is LangText {
  if (typeof v === 'string') return true;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const entries = Object.entries(v);
  return entries.length > 0 && entries.every(([k, s]) => LANG.test(k) && typeof s === 'string');
}

/**
 * Checks a parsed config object; returns the config and every problem (never throws).
 * Unknown keys are problems, so that a typo (`colors`) does not pass silently.
 * @example validateSiteConfig({ title: { zh: '报告' }, pages: ['overview'] }).problems // []
 */
export function validateSiteConfig(raw: unknown): { config: SiteConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (raw === null || raw === undefined) return { config: {}, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { config: {}, problems: [{ path: '', message: 'the site config must be a mapping of keys' }] };
  }
  const o = raw as Record<string, unknown>;
  const config: SiteConfig = {};
  const known = new Set([
    'title',
    'subtitle',
    'publisher',
    'logo',
    'logo_alt',
    'languages',
    'colours',
    'pages',
    'templates',
    'map',
    'top',
    'footer',
    'groups',
    'boundaries',
  ]);
  for (const k of Object.keys(o)) {
    if (!known.has(k))
      problems.push({ path: k, message: `unknown key '${k}'`, hint: `use one of: ${[...known].join(', ')}` });
  }
  for (const k of ['title', 'subtitle', 'publisher', 'logo_alt', 'footer'] as const) {
    const v = o[k];
    if (v === undefined) continue;
    if (isLangText(v)) config[k] = v;
    else problems.push({ path: k, message: `'${k}' must be text or text per language ({zh: …, en: …})` });
  }
  if (o['logo'] !== undefined) {
    const v = o['logo'];
    if (typeof v === 'string' && /\.(png|jpe?g|svg|webp|gif)$/i.test(v)) config.logo = v;
    else
      problems.push({
        path: 'logo',
        message: `logo '${String(v)}' is not an image file name`,
        hint: 'give a local .png, .jpg, .svg, .webp or .gif file',
      });
  }
  if (o['languages'] !== undefined) {
    const v = o['languages'];
    if (Array.isArray(v) && v.length > 0 && v.every((l) => typeof l === 'string' && LANG.test(l))) {
      config.languages = [...new Set(v as string[])];
    } else
      problems.push({
        path: 'languages',
        message: `languages must be a non-empty list of language codes, got ${JSON.stringify(v)}`,
        hint: 'e.g. [zh, en]',
      });
  }
  if (o['colours'] !== undefined) {
    const v = o['colours'];
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      problems.push({ path: 'colours', message: 'colours must be a mapping' });
    } else {
      const c = v as Record<string, unknown>;
      const colours: NonNullable<SiteConfig['colours']> = {};
      for (const k of Object.keys(c)) {
        const val = c[k];
        if (k === 'primary' || k === 'accent') {
          if (typeof val === 'string' && HEX.test(val)) colours[k] = val;
          else
            problems.push({
              path: `colours.${k}`,
              message: `colour '${String(val)}' is not #rrggbb`,
              hint: 'e.g. #1f4e79',
            });
        } else if (k === 'tiers') {
          const tiers: Record<string, string> = {};
          if (val && typeof val === 'object' && !Array.isArray(val)) {
            for (const [id, col] of Object.entries(val)) {
              if (typeof col === 'string' && HEX.test(col)) tiers[id] = col;
              else
                problems.push({
                  path: `colours.tiers.${id}`,
                  message: `colour '${String(col)}' is not #rrggbb`,
                  hint: 'e.g. #1a7f37',
                });
            }
          } else
            problems.push({ path: 'colours.tiers', message: 'colours.tiers must map tier ids to colours' });
          colours.tiers = tiers;
        } else
          problems.push({
            path: `colours.${k}`,
            message: `unknown colour '${k}'`,
            hint: 'use primary, accent or tiers',
          });
      }
      config.colours = colours;
    }
  }
  if (o['pages'] !== undefined) {
    const v = o['pages'];
    const all = PAGE_KEYS as readonly string[];
    if (Array.isArray(v) && v.every((p) => typeof p === 'string' && all.includes(p))) {
      config.pages = v as PageKey[];
    } else
      problems.push({
        path: 'pages',
        message: `pages must list page names, got ${JSON.stringify(v)}`,
        hint: `use some of: ${PAGE_KEYS.join(', ')}`,
      });
  }
  if (o['templates'] !== undefined) {
    const v = o['templates'];
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(isLangText)) {
      config.templates = v as Record<string, LangText>;
      // a template that does not parse is reported now, not half-way through the build
      for (const [key, text] of Object.entries(config.templates)) {
        const texts: [string, string][] =
          typeof text === 'string'
            ? [[`templates.${key}`, text]]
            : Object.entries(text).map(([l, t]) => [`templates.${key}.${l}`, t]);
        for (const [path, t] of texts) {
          try {
            Handlebars.parse(t);
          } catch (e) {
            problems.push({
              path,
              message: `template does not parse: ${(e as Error).message.split('\n')[0]}`,
              hint: 'close every {{#if}}/{{#each}} with {{/if}}/{{/each}} and every {{ with }}',
            });
          }
        }
      }
    } else
      problems.push({
        path: 'templates',
        message: 'templates must map template names to text or text per language',
        hint: 'e.g. templates: {profile: {zh: "{{name}}…", en: "{{name}}…"}}',
      });
  }
  if (o['map'] !== undefined) {
    const v = o['map'];
    if (v === 'auto' || v === 'china-tiles' || v === 'world' || v === 'none') config.map = v;
    else
      problems.push({
        path: 'map',
        message: `unknown map '${String(v)}'`,
        hint: 'use auto, china-tiles, world or none',
      });
  }
  if (o['groups'] !== undefined) {
    const v = o['groups'];
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(isLangText)) {
      config.groups = v as Record<string, LangText>;
    } else
      problems.push({
        path: 'groups',
        message: 'groups must map group values to names',
        hint: 'e.g. groups: {east: {zh: 东部, en: East}}',
      });
  }
  if (o['boundaries'] !== undefined) {
    const v = o['boundaries'];
    const keys = ['file', 'approval', 'source', 'id_property', 'object'];
    if (
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      typeof (v as Record<string, unknown>)['file'] === 'string' &&
      Object.entries(v).every(([k, x]) => keys.includes(k) && typeof x === 'string')
    ) {
      config.boundaries = v as NonNullable<SiteConfig['boundaries']>;
    } else
      problems.push({
        path: 'boundaries',
        message: 'boundaries must give a file and optionally approval, source, id_property, object (text)',
        hint: 'e.g. boundaries: {file: provinces.topojson, approval: GS(2024)1234号, id_property: adcode}',
      });
  }
  if (o['top'] !== undefined) {
    const v = o['top'];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 100) config.top = v;
    else
      problems.push({ path: 'top', message: `top must be a whole number from 1 to 100, got ${String(v)}` });
  }
  return { config, problems };
}
