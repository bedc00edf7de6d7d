/**
 * Renders any chart to an SVG string in Node, at build time: Vega-Lite specs through vega's
 * `View.toSVG()` with renderer 'none' (no canvas: text is measured by `textWidth`, which knows CJK),
 * Plot figures with a linkedom document. The result has `role="img"`, an `aria-label`, `<title>`,
 * `<desc>`, ids that are stable and unique per chart, and every user string escaped.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { injectA11y, safePrefix, stabiliseIds } from '../a11y';
import { fonts } from '../i18n';
import { textWidth } from '../text';
import type { Chart, PlotChart, VegaLiteChart } from '../types';
import { serializeXml } from './serialize';

export interface ToSvgOptions {
  /** Prefix of every id in the SVG (default: the chart's name). Give each chart on a page its own. */
  idPrefix?: string;
  /** Receives warnings of the Vega-Lite compiler and of vega (default: dropped). */
  onWarning?: (message: string) => void;
}

interface VegaItem {
  fontSize?: number | string;
  limit?: number;
}
interface VegaTextMetrics {
  width: (item: VegaItem, text: unknown) => number;
}

let metricsSet = false;
/**
 * Makes vega measure text with `textWidth` (CJK one em wide) instead of its 0.8 em per character guess.
 * This sets vega's module-level `textMetrics.width`, as vl-convert does; idempotent.
 */
function useOurTextMetrics(): void {
  if (metricsSet) return;
  const tm = (vega as unknown as { textMetrics: VegaTextMetrics }).textMetrics;
  tm.width = (item, text) => {
    const size = item.fontSize != null ? +item.fontSize || 0 : 11;
    const s = text == null ? '' : String(text).trim();
    const w = textWidth(s, size);
    return item.limit && item.limit > 0 ? Math.min(w, item.limit) : w;
  };
  metricsSet = true;
}

function collector(onWarning: ((m: string) => void) | undefined) {
  const say = (...args: unknown[]) => onWarning?.(args.map(String).join(' '));
  let lvl = 2;
  const logger = {
    level(l?: number) {
      if (l === undefined) return lvl;
      lvl = l;
      return logger;
    },
    error: (...a: unknown[]) => {
      say(...a);
      return logger;
    },
    warn: (...a: unknown[]) => {
      say(...a);
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** Vega-Lite → SVG string (raw: without the accessibility additions). */
export async function renderVegaLite(chart: VegaLiteChart, onWarning?: (m: string) => void): Promise<string> {
  useOurTextMetrics();
  const logger = collector(onWarning);
  // biome-ignore lint/suspicious/noExplicitAny: vega-lite's Logger type is not exported by name
  const vgSpec = compile(chart.spec, { logger: logger as any }).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none', logLevel: vega.Warn });
  // biome-ignore lint/suspicious/noExplicitAny: vega's logger type wants a full LoggerInterface
  view.logger(logger as any);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

let docCache: Document | undefined;
function serverDocument(): Document {
  if (!docCache) {
    docCache = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>')
      .document as unknown as Document;
  }
  return docCache;
}

/** Plot → SVG string (raw: without the accessibility additions); `defs` are added to the root. */
export function renderPlot(chart: PlotChart): string {
  const el = Plot.plot({ ...chart.options, document: serverDocument() });
  // Plot writes font-family="system-ui, sans-serif" on the root; use the language's stack there too
  (el as unknown as Element).setAttribute('font-family', fonts[chart.lang]);
  // biome-ignore lint/suspicious/noExplicitAny: linkedom nodes are structurally DOM nodes
  let svg = serializeXml(el as any);
  if (!svg.startsWith('<svg')) {
    throw new Error(
      `renderPlot: Plot returned <${(el as { localName?: string }).localName}>, not <svg> (no legends or captions in options)`,
    );
  }
  if (chart.defs) {
    const end = svg.indexOf('>');
    svg = `${svg.slice(0, end + 1)}<defs>${chart.defs}</defs>${svg.slice(end + 1)}`;
  }
  return svg;
}

/**
 * Renders a chart to a standalone SVG string.
 * @param chart any chart returned by a builder of this package
 * @param options id prefix (default the chart's name) and a warning sink
 * @returns SVG with `role="img"`, `aria-label`, `<title>`, `<desc>`, stable ids
 * @throws Error when vega or Plot fails on the spec
 * @example const svg = await toSvg(rankingChart(result, { lang: 'en' }));
 */
export async function toSvg(chart: Chart, options: ToSvgOptions = {}): Promise<string> {
  const raw = chart.kind === 'vega-lite' ? await renderVegaLite(chart, options.onWarning) : renderPlot(chart);
  const prefix = safePrefix(options.idPrefix ?? chart.name);
  const stable = stabiliseIds(raw, prefix);
  return injectA11y(stable, {
    title: chart.title,
    description: chart.description,
    lang: chart.lang,
    idPrefix: prefix,
  });
}
