/**
 * Dimension heatmap: units (rows, best overall first) × nodes (columns: the index and its dimensions),
 * each cell coloured by score or rank and labelled with the value (colour is never the only carrier).
 */
import type { Result } from '@govscore/core';
import { fullNames, list, paren, sentences, t, unitKind } from '../i18n';
import { textOn, viridis } from '../palette';
import { childrenOf, digitsOf, nodeName, ranksOf, rootNode, scoresOf, unitsOf } from '../result-access';
import { fitLabels, fmt } from '../text';
import type { BaseOptions, VegaLiteChart } from '../types';
import { vlTop } from '../vl';

export interface HeatmapOptions extends BaseOptions {
  /** Columns (default: the root, then its children). */
  nodes?: string[];
  /** Colour and label cells by score (default) or by rank. */
  value?: 'score' | 'rank';
  digits?: number;
  /** Longest unit label in px (default 120). */
  labelWidth?: number;
}

/**
 * Heatmap of units × nodes. Rows follow the rank on the first column's node (the root by default).
 * Colours: viridis, darker is better (higher score, or rank closer to 1).
 * @throws GovscoreError E501 for an unknown node
 * @example toSvg(dimensionHeatmap(result, { lang: 'en', value: 'rank' }))
 */
export function dimensionHeatmap(result: Result, options: HeatmapOptions = {}): VegaLiteChart {
  const lang = options.lang ?? 'zh';
  const value = options.value ?? 'score';
  const root = rootNode(result);
  const nodeIds = options.nodes ?? [root.id, ...childrenOf(result, root.id).map((n) => n.id)];
  const first = nodeIds[0] ?? root.id;
  const orderRanks = ranksOf(result, first);
  const units = unitsOf(result, lang).sort(
    (a, b) => (orderRanks[a.index] ?? Infinity) - (orderRanks[b.index] ?? Infinity) || a.index - b.index,
  );
  const labels = fitLabels(units, options.labelWidth ?? 120, 11);
  const cols = fitLabels(
    nodeIds.map((id) => ({ id, name: nodeName(result, id, lang) })),
    nodeIds.length > 6 ? 110 : 86,
    11,
  );
  const allScores = nodeIds.map((id) => scoresOf(result, id));
  const allRanks = nodeIds.map((id) => ranksOf(result, id));
  const digits = options.digits ?? digitsOf(result, nodeIds);
  const vals = (value === 'score' ? allScores : allRanks).flat().filter((v): v is number => v !== null);
  const lo = vals.length ? Math.min(...vals) : 0;
  const hi = vals.length ? Math.max(...vals) : 1;
  const rows: { unit: string; node: string; value: number | null; text: string; ink: string }[] = [];
  units.forEach((u, ui) => {
    nodeIds.forEach((_, ni) => {
      const v = (value === 'score' ? allScores : allRanks)[ni]![u.index] ?? null;
      // position on the colour ramp, 0 = best = dark end of viridis
      const pos =
        v === null || hi === lo ? 0.5 : value === 'score' ? (hi - v) / (hi - lo) : (v - lo) / (hi - lo);
      rows.push({
        unit: labels[ui]!.label,
        node: cols[ni]!.label,
        value: v,
        text: v === null ? '—' : value === 'score' ? fmt(v, digits) : String(v),
        ink: v === null ? '#000000' : textOn(viridis(pos)),
      });
    });
  });
  const step = 22;
  const spec: VegaLiteChart['spec'] = {
    ...vlTop(lang),
    data: { values: rows },
    width: { step: nodeIds.length > 6 ? 48 : 88 },
    height: { step },
    encoding: {
      x: {
        field: 'node',
        type: 'nominal',
        sort: cols.map((c) => c.label),
        axis: {
          title: null,
          orient: 'top',
          labelAngle: nodeIds.length > 6 ? -40 : 0,
          labelAlign: nodeIds.length > 6 ? 'left' : 'center',
          labelLimit: 0,
          domain: false,
          ticks: false,
        },
      },
      y: {
        field: 'unit',
        type: 'nominal',
        sort: labels.map((l) => l.label),
        axis: { title: null, labelLimit: 0, domain: false, ticks: false },
      },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'value',
            type: 'quantitative',
            scale: { scheme: 'viridis', reverse: value === 'score', domain: [lo, hi] },
            legend: {
              title: value === 'score' ? t('score', lang) : t('rank', lang),
              orient: 'bottom',
              direction: 'horizontal',
              gradientLength: 160,
            },
          },
        },
      },
      {
        mark: { type: 'text', baseline: 'middle', fontSize: 10 },
        encoding: {
          text: { field: 'text', type: 'nominal' },
          color: { field: 'ink', type: 'nominal', scale: null },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };

  const kind = unitKind(result.set.unit, lang);
  const nodeNames = cols.map((c) => c.name);
  const head =
    lang === 'zh'
      ? `${units.length}个${kind}在${nodeIds.length}项指标上的${value === 'score' ? '得分' : '排名'}：${list(nodeNames, lang)}`
      : `${value === 'score' ? 'Scores' : 'Ranks'} of ${units.length} ${kind} on ${nodeIds.length} measures: ${list(nodeNames, lang)}`;
  const perNode = nodeIds.map((_id, ni) => {
    const s = allScores[ni]!;
    const r = allRanks[ni]!;
    const present = units.filter((u) => s[u.index] !== null);
    if (present.length === 0) return '';
    const best = [...present].sort((a, b) => (r[a.index] ?? 0) - (r[b.index] ?? 0) || a.index - b.index)[0]!;
    const worst = [...present].sort((a, b) => (r[b.index] ?? 0) - (r[a.index] ?? 0) || a.index - b.index)[0]!;
    const nm = cols[ni]!.name;
    return lang === 'zh'
      ? `${nm}最高${paren(best.name, fmt(s[best.index], digits), lang)}，最低${paren(worst.name, fmt(s[worst.index], digits), lang)}`
      : `${nm}: highest ${paren(best.name, fmt(s[best.index], digits), lang)}, lowest ${paren(worst.name, fmt(s[worst.index], digits), lang)}`;
  });
  const description = sentences([head, ...perNode, fullNames([...labels, ...cols], lang)], lang);
  const title =
    options.title ??
    (lang === 'zh'
      ? `各维度${value === 'score' ? '得分' : '排名'}热力图`
      : `${value === 'score' ? 'Scores' : 'Ranks'} by dimension`);
  return { kind: 'vega-lite', name: 'heatmap', lang, title, description, spec };
}
