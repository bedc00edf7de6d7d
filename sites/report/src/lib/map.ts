/**
 * The overview's map: a tile-grid cartogram of Chinese provinces (GB/T 2260 codes; no boundaries, see
 * DESIGN.md "Maps of China") or a world choropleth for ISO 3166 alpha-3 codes, drawn by
 * `@govscore/charts`. `map: none` in the config, or ids that are neither, give no map.
 */
import { chartLang, geoMap, svg, tileMap, worldMap } from './charts';
import { t } from './i18n';
import { bundleFile, loadReport } from './load';
import type { ReportModel } from './model';

/** Which map suits the units: `china-tiles` for six-digit province codes, `world` for ISO3 codes. */
export function mapKind(model: ReportModel, hasBoundaries = false): 'geo' | 'china-tiles' | 'world' | 'none' {
  const want = model.config.map ?? 'auto';
  if (want === 'none') return 'none';
  if (hasBoundaries) return 'geo';
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
  const { manifest } = loadReport();
  const kind = mapKind(model, manifest.boundaries !== undefined);
  if (kind === 'none') return null;
  const cl = chartLang(lang);
  if (kind === 'geo') {
    const b = model.config.boundaries;
    const shapes = JSON.parse(bundleFile(manifest.boundaries!).toString('utf8'));
    const opts = {
      lang: cl,
      ...(b?.approval ? { approval: b.approval } : {}),
      ...(b?.source ? { source: b.source } : {}),
      ...(b?.id_property ? { idProperty: b.id_property } : {}),
      ...(b?.object ? { object: b.object } : {}),
    };
    let caption = t('mapGeo', lang);
    if (b?.approval) caption += ' ' + t('approval', lang) + b.approval;
    if (b?.source) caption += ' · ' + b.source;
    return { svg: await svg(() => geoMap(model.current, shapes, opts), idPrefix), caption };
  }
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
