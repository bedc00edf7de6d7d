/**
 * The overview's map: a tile-grid cartogram of Chinese provinces (GB/T 2260 codes; no boundaries, see
 * DESIGN.md "Maps of China") or a world choropleth for ISO 3166 alpha-3 codes, drawn by
 * `@govscore/charts`. `map: none` in the config, or ids that are neither, give no map.
 */
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

export async function mapSvg(
  model: ReportModel,
  _lang: string,
  _idPrefix: string,
): Promise<{ svg: string | null; caption: string } | null> {
  if (mapKind(model) === 'none') return null;
  return null;
}
