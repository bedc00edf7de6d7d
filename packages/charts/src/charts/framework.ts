/**
 * Indicator framework overview: an icicle of the tree (`result.set.nodes`), the root on the left and
 * each level a column (indicators stretch to the last column); a node's height is its effective weight (its share of the index), and each
 * label gives the name and the weight in per cent.
 */
import type { ResolvedNode, Result } from '@govscore/core';
import { list, paren, sentences } from '../i18n';
import { series, textOn } from '../palette';
import { rootNode } from '../result-access';
import { pickText, truncate } from '../text';
import type { BaseOptions, VegaLiteChart } from '../types';
import { vlTop } from '../vl';

export interface FrameworkOptions extends BaseOptions {
  /** Height in px (default: 18 px per indicator, at least 240). */
  height?: number;
}

/** One rectangle of the icicle: depth column and [y0, y1] share of the index. */
export interface IcicleCell {
  id: string;
  depth: number;
  y0: number;
  y1: number;
  /** Index of the top-level dimension the node belongs to (−1 for the root). */
  branch: number;
}

/**
 * Icicle layout: the root spans [0, 1]; children split their parent's span in order, each taking
 * `local_weight` of it, so a node's span is its effective weight (product of local weights).
 * @example a root with children of local weight 0.6 and 0.4 → spans [0, 0.6] and [0.6, 1]
 */
export function icicle(nodes: readonly ResolvedNode[]): IcicleCell[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const root = nodes.find((n) => n.parent === null);
  if (!root) return [];
  const out: IcicleCell[] = [];
  const visit = (n: ResolvedNode, y0: number, y1: number, branch: number) => {
    out.push({ id: n.id, depth: n.depth, y0, y1, branch });
    let y = y0;
    n.children.forEach((c, i) => {
      const k = byId.get(c);
      if (!k) return;
      const h = (y1 - y0) * k.local_weight;
      visit(k, y, y + h, n.parent === null ? i : branch);
      y += h;
    });
  };
  visit(root, 0, 1, -1);
  return out;
}

/** `color` mixed with white: share 0 is the colour, 1 is white. */
function tint(color: string, share: number): string {
  const c = color.replace('#', '');
  const ch = (i: number) => Number.parseInt(c.slice(i, i + 2), 16);
  const m = (v: number) =>
    Math.round(v + (255 - v) * share)
      .toString(16)
      .padStart(2, '0');
  return `#${m(ch(0))}${m(ch(2))}${m(ch(4))}`;
}

const pct = (w: number) => `${(Math.round(w * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;

/**
 * Icicle chart of the indicator framework by effective weight.
 * @example toSvg(frameworkChart(result, { lang: 'en' }))
 */
export function frameworkChart(result: Result, options: FrameworkOptions = {}): VegaLiteChart {
  const lang = options.lang ?? 'zh';
  const nodes = result.set.nodes;
  const cells = icicle(nodes);
  const maxDepth = Math.max(0, ...cells.map((c) => c.depth));
  const leaves = nodes.filter((n) => n.children.length === 0);
  const width = options.width ?? 640;
  const height = options.height ?? Math.max(240, leaves.length * 18);
  const colW = width / (maxDepth + 1);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const rows = cells.map((c) => {
    const node = byId.get(c.id)!;
    const fill =
      c.branch < 0
        ? '#555555'
        : tint(series[c.branch % series.length]!, Math.min(0.75, 0.28 * (c.depth - 1)));
    const name = pickText(node.name, lang, node.id) || node.id;
    const full = `${name} ${pct(c.y1 - c.y0)}`;
    const px = (c.y1 - c.y0) * height;
    const fits = px >= 13;
    // leaves reach the last column, so that indicators of a shallow branch get the room for their names
    const x1 = node.children.length === 0 ? maxDepth + 1 : c.depth + 1;
    const text = fits ? truncate(full, (x1 - c.depth) * colW - 10, 11) : '';
    return {
      id: c.id,
      x0: c.depth,
      x1,
      y0: c.y0,
      y1: c.y1,
      fill,
      ink: textOn(fill),
      text,
      ym: (c.y0 + c.y1) / 2,
    };
  });
  const xs = { domain: [0, maxDepth + 1], nice: false, zero: true };
  const ys = { domain: [0, 1], nice: false, reverse: true };
  const spec: VegaLiteChart['spec'] = {
    ...vlTop(lang),
    data: { values: rows },
    width,
    height,
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          x: { field: 'x0', type: 'quantitative', scale: xs, axis: null },
          x2: { field: 'x1' },
          y: { field: 'y0', type: 'quantitative', scale: ys, axis: null },
          y2: { field: 'y1' },
          color: { field: 'fill', type: 'nominal', scale: null },
        },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 5, fontSize: 11 },
        encoding: {
          x: { field: 'x0', type: 'quantitative', scale: xs, axis: null },
          y: { field: 'ym', type: 'quantitative', scale: ys, axis: null },
          text: { field: 'text', type: 'nominal' },
          color: { field: 'ink', type: 'nominal', scale: null },
        },
      },
    ],
  };
  const root = rootNode(result);
  const dims = root.children.map((id) => byId.get(id)!).filter(Boolean);
  const countLeaves = (n: ResolvedNode): number =>
    n.children.length === 0
      ? 1
      : n.children.reduce((s, c) => s + (byId.has(c) ? countLeaves(byId.get(c)!) : 0), 0);
  const nm = (n: ResolvedNode) => pickText(n.name, lang, n.id) || n.id;
  const title0 = pickText(result.set.title, lang, result.set.id);
  const head =
    lang === 'zh'
      ? `${title0}指标体系：${dims.length}个维度、${leaves.length}项指标、${maxDepth + 1}个层级，矩形高度为有效权重`
      : `Indicator framework of ${title0}: ${dims.length} dimensions, ${leaves.length} indicators, ${maxDepth + 1} levels; heights are effective weights`;
  const dimText = dims.map((d) =>
    paren(
      nm(d),
      lang === 'zh'
        ? `${pct(d.effective_weight)}，${countLeaves(d)}项指标`
        : `${pct(d.effective_weight)}, ${countLeaves(d)} indicators`,
      lang,
    ),
  );
  const leafText = leaves.map((l) => `${nm(l)} ${pct(l.effective_weight)}`);
  const description = sentences(
    [
      head,
      `${lang === 'zh' ? '维度' : 'Dimensions'}${lang === 'zh' ? '：' : ': '}${list(dimText, lang)}`,
      `${lang === 'zh' ? '指标权重' : 'Indicator weights'}${lang === 'zh' ? '：' : ': '}${list(leafText, lang)}`,
    ],
    lang,
  );
  const title = options.title ?? (lang === 'zh' ? '指标体系与权重' : 'Indicator framework and weights');
  return { kind: 'vega-lite', name: 'framework', lang, title, description, spec };
}
