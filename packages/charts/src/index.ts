/**
 * @govscore/charts — every chart of the report as accessible static SVG. Builders are pure: a Result
 * (or part of it) and options in, a Vega-Lite spec or an Observable Plot figure out; `toSvg()` renders
 * any of them to an SVG string in Node (no browser, no canvas).
 *
 * @module @govscore/charts
 */

export { escapeXml, flattenAria, injectA11y, stabiliseIds } from './a11y';
export { type CorrelationInput, type CorrelationOptions, correlationHeatmap } from './charts/correlation';
export { type DistributionOptions, distributionChart } from './charts/distribution';
export { type FrameworkOptions, frameworkChart, type IcicleCell, icicle } from './charts/framework';
export { captionLines, featureKey, type GeoMapOptions, geoMap, rewind, toFeatures } from './charts/geo-map';
export { dimensionHeatmap, type HeatmapOptions } from './charts/heatmap';
export type { LegendEntry, MapColourOptions, MapColours, UnitFill } from './charts/map-common';
export { type ProfileData, type ProfileOptions, type ProfileRow, profileData } from './charts/profile-data';
export { profileDots } from './charts/profile-dots';
export { polarPoint, profileRadar, radarDomain } from './charts/profile-radar';
export { type RankInterval, type RankIntervalOptions, rankIntervalChart } from './charts/rank-interval';
// charts
export { type RankingOptions, rankingChart } from './charts/ranking';
export { type SensitivityIndex, type SensitivityOptions, sensitivityChart } from './charts/sensitivity';
export { type RankChange, rankChanges, type SlopeOptions, slopeChart } from './charts/slope';
export { provinceCode, type TileMapOptions, tileMap } from './charts/tile-map';
export { byYear, type TrendOptions, trendChart } from './charts/trend';
export { isoNumeric, type WorldMapOptions, worldCountries, worldMap } from './charts/world-map';
// data, words, colours
export { type ChinaTile, chinaTiles } from './data/china-tiles';
export { iso3ToNumeric } from './data/iso3-numeric';
export { fonts, t, unitKind, type WordKey } from './i18n';
export { dodge } from './layout';
export {
  binPalette,
  luminance,
  okabeIto,
  roles,
  series,
  textOn,
  tierPalette,
  tierPattern,
  tierPatternDefs,
  viridis,
} from './palette';
// rendering
export { clearRenderCache, renderPlot, renderVegaLite, type ToSvgOptions, toSvg } from './render/to-svg';
export { digitsFor, fitLabels, fmt, pickText, textWidth, truncate, unitName, wrapLines } from './text';
// chart types
export type { BaseOptions, Chart, ChartMeta, Lang, PlotChart, VegaLiteChart } from './types';
export { VL_SCHEMA } from './vl';
