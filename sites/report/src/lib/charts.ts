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
 * Builds and renders a chart; null when it cannot be drawn.
 * @param idPrefix unique per chart on a page (ids inside the SVG start with it)
 */
export async function svg(make: () => Chart, idPrefix: string): Promise<string | null> {
  try {
    // toSvg gives one accessible image: ARIA only on the root (inner marks flattened by the charts package)
    return await toSvg(make(), { idPrefix });
  } catch (e) {
    const msg = `chart '${idPrefix}' not drawn: ${(e as Error).message.split('\n')[0]}`;
    if (!warned.has(msg)) {
      warned.add(msg);
      console.warn(`[govscore report] ${msg}`);
    }
    return null;
  }
}
