/**
 * Chart objects: what every builder returns. A builder is pure (a Result or part of it and options in,
 * a chart out); `toSvg()` renders any chart to an SVG string in Node.
 */
import type { PlotOptions } from '@observablehq/plot';
import type { TopLevelSpec } from 'vega-lite';

/** Language of labels and descriptions. */
export type Lang = 'zh' | 'en';

/** Options every builder accepts. */
export interface BaseOptions {
  /** Language of labels, titles and the description (default `'zh'`). */
  lang?: Lang;
  /** Width of the plotting area in px (each builder has its own default). */
  width?: number;
  /** Replaces the generated title (the SVG `<title>` and `aria-label`). */
  title?: string;
}

/** What every chart carries besides its spec: the words that make it accessible. */
export interface ChartMeta {
  /** Kind of chart (`ranking`, `heatmap`...): the default prefix of ids in the SVG. */
  name: string;
  lang: Lang;
  /** Short name of the chart: the SVG `<title>` and `aria-label`. */
  title: string;
  /** What the chart shows, in sentences (top three, spread, full names of truncated labels): `<desc>`. */
  description: string;
}

/** A chart drawn by Vega-Lite: `spec` validates against the Vega-Lite JSON schema. */
export interface VegaLiteChart extends ChartMeta {
  kind: 'vega-lite';
  spec: TopLevelSpec;
}

/** A chart drawn by Observable Plot: `options` go to `Plot.plot()` (add `document` in Node). */
export interface PlotChart extends ChartMeta {
  kind: 'plot';
  options: PlotOptions;
  /** Static SVG `<defs>` (patterns) the marks refer to with `url(#id)`; never holds user text. */
  defs?: string;
}

export type Chart = VegaLiteChart | PlotChart;
