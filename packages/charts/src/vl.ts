/**
 * What every Vega-Lite spec of this package shares: the schema URL, white background, fonts per
 * language, fixed font sizes (stable output), no per-mark ARIA (the SVG root is one `role="img"`).
 */
import type { Config } from 'vega-lite';
import { fonts } from './i18n';
import type { Lang } from './types';

export const VL_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Config shared by all specs. */
export function vlConfig(lang: Lang): Config {
  return {
    font: fonts[lang],
    aria: false,
    view: { stroke: null },
    axis: {
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: 'normal',
      labelColor: '#333333',
      titleColor: '#333333',
      domainColor: '#888888',
      tickColor: '#888888',
      gridColor: '#e5e5e5',
    },
    legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', labelLimit: 0 },
    text: { fontSize: 11 },
  };
}

/** Top-level properties of a spec: schema, background, padding, config. */
export function vlTop(lang: Lang): {
  readonly $schema: typeof VL_SCHEMA;
  readonly background: 'white';
  readonly padding: 8;
  readonly config: Config;
} {
  return {
    $schema: VL_SCHEMA,
    background: 'white',
    padding: 8,
    config: vlConfig(lang),
  } as const;
}
