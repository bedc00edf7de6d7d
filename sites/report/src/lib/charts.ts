/**
 * Charts of the site, rendered to SVG at build time by `@govscore/charts`. A chart that cannot be
 * drawn (too few dimensions for a radar, no data) gives null: the page then shows its data table
 * alone, and the reason is printed once as a build warning.
 */
// TEMP until @govscore/charts has its index: import the builders from their files.

import { distributionChart } from '../../../../packages/charts/src/charts/distribution';
import { frameworkChart } from '../../../../packages/charts/src/charts/framework';
import { dimensionHeatmap } from '../../../../packages/charts/src/charts/heatmap';
import { profileData } from '../../../../packages/charts/src/charts/profile-data';
import { profileDots } from '../../../../packages/charts/src/charts/profile-dots';
import { profileRadar } from '../../../../packages/charts/src/charts/profile-radar';
import { rankIntervalChart } from '../../../../packages/charts/src/charts/rank-interval';
import { rankingChart } from '../../../../packages/charts/src/charts/ranking';
import { sensitivityChart } from '../../../../packages/charts/src/charts/sensitivity';
import { slopeChart } from '../../../../packages/charts/src/charts/slope';
import { toSvg } from '../../../../packages/charts/src/render/to-svg';
import type { Chart, Lang } from '../../../../packages/charts/src/types';
import { uiLang } from './i18n';

export {
  dimensionHeatmap,
  distributionChart,
  frameworkChart,
  profileData,
  profileDots,
  profileRadar,
  rankIntervalChart,
  rankingChart,
  sensitivityChart,
  slopeChart,
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
