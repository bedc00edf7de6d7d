/**
 * Distribution of scores per node: a box (quartiles, whiskers to the lowest and highest), a tick for
 * every unit, and one unit highlighted with a larger mark in another colour and its name written.
 */
import type { Result } from '@govscore/core';
import { fullNames, paren, sentences, t, unitKind } from '../i18n';
import { roles } from '../palette';
import {
  childrenOf,
  digitsOf,
  medianOf,
  nodeName,
  ranksOf,
  rootNode,
  scoresOf,
  unitIndex,
  unitsOf,
} from '../result-access';
import { fitLabels, fmt, unitName } from '../text';
import type { BaseOptions, VegaLiteChart } from '../types';
import { vlTop } from '../vl';

export interface DistributionOptions extends BaseOptions {
  /** Nodes, one row each (default: the root, then its children). */
  nodes?: string[];
  /** Unit id to highlight. */
  highlight?: string;
  digits?: number;
}

/**
 * Box-and-tick chart of scores per node, optionally highlighting one unit.
 * Box: VL `boxplot` with `extent: 'min-max'` (quartiles by vega's R-7 quantiles; whiskers to min and max).
 * @throws GovscoreError E501 for an unknown node or highlighted unit
 * @example toSvg(distributionChart(result, { highlight: '110000', lang: 'en' }))
 */
export function distributionChart(result: Result, options: DistributionOptions = {}): VegaLiteChart {
  const lang = options.lang ?? 'zh';
  const root = rootNode(result);
  const nodeIds = options.nodes ?? [root.id, ...childrenOf(result, root.id).map((n) => n.id)];
  const hi = options.highlight !== undefined ? unitIndex(result, options.highlight) : -1;
  const labels = fitLabels(
    nodeIds.map((id) => ({ id, name: nodeName(result, id, lang) })),
    130,
    11,
  );
  const units = unitsOf(result, lang);
  const scores = nodeIds.map((id) => scoresOf(result, id));
  const digits = options.digits ?? digitsOf(result, nodeIds);
  const values = nodeIds.flatMap((_, ni) =>
    units.flatMap((u) => {
      const v = scores[ni]![u.index];
      return v === null || v === undefined ? [] : [{ node: labels[ni]!.label, score: v }];
    }),
  );
  const hiName = hi >= 0 ? unitName(result.units[hi]!, lang) : '';
  const marked =
    hi >= 0
      ? nodeIds.flatMap((_, ni) => {
          const v = scores[ni]![hi];
          return v === null || v === undefined
            ? []
            : [{ node: labels[ni]!.label, score: v, text: `${hiName} ${fmt(v, digits)}` }];
        })
      : [];
  const y = {
    field: 'node',
    type: 'nominal' as const,
    sort: labels.map((l) => l.label),
    axis: { title: null, labelLimit: 0 },
  };
  const x = {
    field: 'score',
    type: 'quantitative' as const,
    title: t('score', lang),
    scale: { zero: false },
  };
  const spec: VegaLiteChart['spec'] = {
    ...vlTop(lang),
    width: options.width ?? 420,
    height: { step: 44 },
    layer: [
      {
        data: { values },
        mark: {
          type: 'boxplot',
          extent: 'min-max',
          size: 22,
          color: '#cfe3f2',
          median: { color: '#0072B2', strokeWidth: 2 },
          rule: { color: '#7a9cb8' },
          ticks: false,
        },
        encoding: { y, x },
      },
      {
        data: { values },
        mark: { type: 'tick', color: '#444444', thickness: 1, size: 14, opacity: 0.8 },
        encoding: { y, x },
      },
      ...(marked.length
        ? [
            {
              data: { values: marked },
              mark: {
                type: 'point' as const,
                filled: true,
                size: 120,
                color: roles.unit,
                stroke: 'white',
                strokeWidth: 1,
              },
              encoding: { y, x },
            },
            {
              data: { values: marked },
              mark: {
                type: 'text' as const,
                dy: -16,
                fontSize: 10,
                color: roles.unit,
                fontWeight: 'bold' as const,
              },
              encoding: { y, x, text: { field: 'text', type: 'nominal' as const } },
            },
          ]
        : []),
    ],
  };
  const kind = unitKind(result.set.unit, lang);
  const per = nodeIds.map((id, ni) => {
    const s = scores[ni]!;
    const present = s.filter((v): v is number => v !== null);
    if (present.length === 0) return '';
    const base =
      lang === 'zh'
        ? `${labels[ni]!.name}：中位数${fmt(medianOf(present), digits)}，范围${fmt(Math.min(...present), digits)}至${fmt(Math.max(...present), digits)}`
        : `${labels[ni]!.name}: median ${fmt(medianOf(present), digits)}, range ${fmt(Math.min(...present), digits)} to ${fmt(Math.max(...present), digits)}`;
    if (hi < 0) return base;
    const r = ranksOf(result, id)[hi];
    const v = s[hi] ?? null;
    const rank =
      r !== null && r !== undefined ? (lang === 'zh' ? `第${r}名` : `rank ${r}`) : t('noData', lang);
    return `${base}${lang === 'zh' ? '；' : '; '}${paren(`${hiName} ${fmt(v, digits)}`, rank, lang)}`;
  });
  const head =
    lang === 'zh'
      ? `${units.length}个${kind}在${nodeIds.length}项指标上的得分分布（箱线图与每个地区的刻度线）${hi >= 0 ? `，突出显示${hiName}` : ''}`
      : `Distribution of the scores of ${units.length} ${kind} on ${nodeIds.length} measures (box plot and one tick per unit)${hi >= 0 ? `, ${hiName} highlighted` : ''}`;
  const description = sentences([head, ...per, fullNames(labels, lang)], lang);
  const title =
    options.title ??
    (lang === 'zh'
      ? `得分分布${hi >= 0 ? `：${hiName}的位置` : ''}`
      : `Distribution of scores${hi >= 0 ? `: where ${hiName} stands` : ''}`);
  return { kind: 'vega-lite', name: 'distribution', lang, title, description, spec };
}
