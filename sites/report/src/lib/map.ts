/**
 * The overview's map: a tile-grid cartogram of Chinese provinces (GB/T 2260 codes; no boundaries, see
 * DESIGN.md "Maps of China") or a world choropleth for ISO 3166 alpha-3 codes, drawn by
 * `@govscore/charts`. `map: none` in the config, or ids that are neither, give no map.
 */
import { chartLang, svg, tileMap, worldMap } from './charts';
import { t } from './i18n';
import type { ReportModel } from './model';

/** Which map suits the units: `china-tiles` for six-digit province codes, `world` for ISO3 codes. */
export function mapKind(model: ReportModel): 'china-tiles' | 'world' | 'none' {
  const want = model.config.map ?? 'auto';
  if (want !== 'auto') return want;
  const ids = model.units.map((u) => u.id);
  if (ids.length && ids.every((id) => /^[1-8]\d0000$/.test(id))) return 'china-tiles';
  if (ids.length && ids.every((id) => /^[A-Z]{3}$/.test(id))) return 'world';
  return 'none';
}

/**
 * The overview's map as SVG with its caption; null when there is none.
 */
export async function mapSvg(
  model: ReportModel,
  lang: string,
  idPrefix: string,
): Promise<{ svg: string | null; caption: string } | null> {
  const kind = mapKind(model);
  if (kind === 'none') return null;
  const cl = chartLang(lang);
  if (kind === 'china-tiles') {
    return {
      svg: await svg(() => tileMap(model.current, { lang: cl }), idPrefix),
      caption: t('mapTiles', lang),
    };
  }
  return {
    svg: await svg(() => worldMap(model.current, { lang: cl }), idPrefix),
    caption: t('mapWorld', lang),
  };
}
