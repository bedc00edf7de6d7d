/**
 * Charts of the site, rendered to SVG at build time by `@govscore/charts`. A chart that cannot be
 * drawn (too few dimensions for a radar, no data) gives null: the page then shows its data table
 * alone, and the reason is printed once as a build warning.
 */
import {
  type Chart,
  dimensionHeatmap,
  distributionChart,
  frameworkChart,
  geoMap,
  type Lang,
  profileDots,
  profileRadar,
  rankIntervalChart,
  rankingChart,
  sensitivityChart,
  slopeChart,
  tileMap,
  toSvg,
  worldMap,
} from '@govscore/charts';
import { uiLang } from './i18n';

export {
  dimensionHeatmap,
  distributionChart,
  frameworkChart,
  geoMap,
  profileDots,
  profileRadar,
  rankIntervalChart,
  rankingChart,
  sensitivityChart,
  slopeChart,
  tileMap,
  worldMap,
};

const warned = new Set<string>();

/** The charts' language for a site language. */
export function chartLang(lang: string): Lang {
  return uiLang(lang);
}

/**
 * Makes the chart one image for assistive technology: the root `<svg role="img">` keeps its
 * `aria-label`, `<title>` and `<desc>`, and the ARIA roles and labels vega and Plot put on inner marks
 * are removed (axe-core reports them: `aria-label` on a `<g>` without a role, `graphics-symbol`
 * marks without a name). What the marks show is in the data table after every chart.
 */
export function flattenAria(svg: string): string {
  const end = svg.indexOf('>');
  if (end < 0) return svg;
  const inner = svg
    .slice(end + 1)
    .replace(/\s(?:aria-label|aria-roledescription|aria-describedby)="[^"]*"/g, '')
    .replace(/\srole="graphics-[a-z-]+"/g, '')
    .replace(/\srole="(?:group|img|presentation|none|list|listitem)"/g, '');
  return svg.slice(0, end + 1) + inner;
}

/**
 * Builds and renders a chart; null when it cannot be drawn.
 * @param idPrefix unique per chart on a page (ids inside the SVG start with it)
 */
export async function svg(make: () => Chart, idPrefix: string): Promise<string | null> {
  try {
    return flattenAria(await toSvg(make(), { idPrefix }));
  } catch (e) {
    const msg = `chart '${idPrefix}' not drawn: ${(e as Error).message.split('\n')[0]}`;
    if (!warned.has(msg)) {
      warned.add(msg);
      console.warn(`[govscore report] ${msg}`);
    }
    return null;
  }
}
