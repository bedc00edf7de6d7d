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
import { flattenAria, injectA11y, safePrefix, stabiliseIds } from '../a11y';
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

/** Inline data of a spec pulled out: the spec with named empty data, and the values by name. */
interface Split {
  key: string;
  spec: VegaLiteChart['spec'];
  values: Map<string, unknown[]>;
}

/**
 * Replaces every inline `data: {values}` (top level and layers) with `{name: 'data-k', values: []}`, so
 * that two specs that differ only in their data share one compiled and parsed Vega runtime.
 */
function splitData(spec: VegaLiteChart['spec']): Split {
  const values = new Map<string, unknown[]>();
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (
        k === 'data' &&
        v !== null &&
        typeof v === 'object' &&
        Array.isArray((v as { values?: unknown }).values)
      ) {
        const name = `data-${values.size}`;
        values.set(name, (v as { values: unknown[] }).values);
        out[k] = { ...(v as object), name, values: [] };
      } else if (k === 'layer' || k === 'spec' || k === 'hconcat' || k === 'vconcat' || k === 'concat') {
        out[k] = strip(v);
      } else {
        out[k] = v;
      }
    }
    return out;
  };
  const stripped = strip(spec) as VegaLiteChart['spec'];
  return { key: JSON.stringify(stripped), spec: stripped, values };
}

/** Compiled and parsed Vega runtimes by data-free spec, most recently used last (at most 64). */
const runtimes = new Map<string, ReturnType<typeof vega.parse>>();

/** Empties the cache of compiled specs (benchmarks of first renders). */
export function clearRenderCache(): void {
  runtimes.clear();
}

function runtimeFor(split: Split, logger: ReturnType<typeof collector>): ReturnType<typeof vega.parse> {
  const hit = runtimes.get(split.key);
  if (hit) {
    runtimes.delete(split.key);
    runtimes.set(split.key, hit);
    return hit;
  }
  // biome-ignore lint/suspicious/noExplicitAny: vega-lite's Logger type is not exported by name
  const vgSpec = compile(split.spec, { logger: logger as any }).spec;
  const rt = vega.parse(vgSpec);
  runtimes.set(split.key, rt);
  if (runtimes.size > 64) runtimes.delete(runtimes.keys().next().value as string);
  return rt;
}

/**
 * Vega-Lite → SVG string (raw: without the accessibility additions). The spec is compiled and parsed
 * once per data-free structure (cached), and each run gets its own View with the chart's data.
 */
export async function renderVegaLite(chart: VegaLiteChart, onWarning?: (m: string) => void): Promise<string> {
  useOurTextMetrics();
  const logger = collector(onWarning);
  const split = splitData(chart.spec);
  const view = new vega.View(runtimeFor(split, logger), { renderer: 'none', logLevel: vega.Warn });
  // biome-ignore lint/suspicious/noExplicitAny: vega's logger type wants a full LoggerInterface
  view.logger(logger as any);
  try {
    for (const [name, values] of split.values)
      view.data(
        name,
        values.map((v) => ({ ...(v as object) })),
      );
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
 * @returns SVG with `role="img"`, `aria-label`, `<title>`, `<desc>`, stable ids, and no ARIA on inner
 *   marks (the chart is one image; its data table carries the values)
 * @throws Error when vega or Plot fails on the spec
 * @example const svg = await toSvg(rankingChart(result, { lang: 'en' }));
 */
export async function toSvg(chart: Chart, options: ToSvgOptions = {}): Promise<string> {
  const raw = chart.kind === 'vega-lite' ? await renderVegaLite(chart, options.onWarning) : renderPlot(chart);
  const prefix = safePrefix(options.idPrefix ?? chart.name);
  const stable = stabiliseIds(flattenAria(raw), prefix);
  return injectA11y(stable, {
    title: chart.title,
    description: chart.description,
    lang: chart.lang,
    idPrefix: prefix,
  });
}
