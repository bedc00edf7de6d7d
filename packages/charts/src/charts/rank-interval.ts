/**
 * Rank intervals of the uncertainty analysis: per unit a line from its 5th to its 95th percentile rank,
 * a diamond at the median rank and a circle at the nominal rank; units in nominal order.
 */
import type { Result } from '@govscore/core';
import { fail } from '../errors';
import { fullNames, list, paren, sentences, t } from '../i18n';
import { roles } from '../palette';
import { fitLabels, unitName } from '../text';
import type { BaseOptions, VegaLiteChart } from '../types';
import { vlTop } from '../vl';

/** One unit's rank interval (ranks: 1 = best). */
export interface RankInterval {
  unit: string;
  nominal: number;
  q05: number;
  q95: number;
  median: number;
}

export interface RankIntervalOptions extends BaseOptions {
  /** The Result the analysis was run on: gives unit names (else ids are shown). */
  result?: Result;
  /** Longest unit label in px (default 120). */
  labelWidth?: number;
}

/**
 * Rank-interval chart.
 * @param intervals one entry per unit: nominal, median, 5th and 95th percentile rank
 * @throws GovscoreError E500 when an entry has q05 > q95 or a rank below 1
 * @example toSvg(rankIntervalChart(uncertainty.ranks, { result, lang: 'en' }))
 */
export function rankIntervalChart(
  intervals: readonly RankInterval[],
  options: RankIntervalOptions = {},
): VegaLiteChart {
  const lang = options.lang ?? 'zh';
  for (const r of intervals) {
    if (!(r.q05 <= r.q95) || r.q05 < 1 || r.nominal < 1 || r.median < 1) {
      fail(
        'E500',
        `rank interval of unit "${r.unit}" is not valid (nominal ${r.nominal}, median ${r.median}, q05 ${r.q05}, q95 ${r.q95})`,
        { unit: r.unit },
        'ranks start at 1 and the 5th percentile is at most the 95th',
      );
    }
  }
  const names = new Map((options.result?.units ?? []).map((u) => [u.id, unitName(u, lang)]));
  const sorted = [...intervals].sort(
    (a, b) => a.nominal - b.nominal || a.median - b.median || a.unit.localeCompare(b.unit),
  );
  const labels = fitLabels(
    sorted.map((r) => ({ id: r.unit, name: names.get(r.unit) ?? r.unit })),
    options.labelWidth ?? 120,
    11,
  );
  const maxRank = Math.max(1, ...sorted.map((r) => Math.max(r.q95, r.nominal, r.median)));
  const rows = sorted.map((r, i) => ({ label: labels[i]!.label, q05: r.q05, q95: r.q95 }));
  const nominalWord = t('nominal', lang);
  const medianWord = t('median', lang);
  const points = sorted.flatMap((r, i) => [
    { label: labels[i]!.label, kind: medianWord, rank: r.median },
    { label: labels[i]!.label, kind: nominalWord, rank: r.nominal },
  ]);
  const y = {
    field: 'label',
    type: 'nominal' as const,
    sort: labels.map((l) => l.label),
    axis: { title: null, labelLimit: 0 },
  };
  const xScale = { domain: [1, maxRank], nice: false, zero: false };
  const spec: VegaLiteChart['spec'] = {
    ...vlTop(lang),
    width: options.width ?? 380,
    height: { step: 20 },
    layer: [
      {
        data: { values: rows },
        mark: { type: 'rule', strokeWidth: 3, color: '#9bbbd4', strokeCap: 'round' },
        encoding: {
          y,
          x: {
            field: 'q05',
            type: 'quantitative',
            scale: xScale,
            title: t('rankInterval', lang),
            axis: { tickMinStep: 1, format: 'd' },
          },
          x2: { field: 'q95' },
        },
      },
      ...(
        [
          [medianWord, 110, false],
          [nominalWord, 45, true],
        ] as const
      ).map(([kind, size, filled]) => ({
        data: { values: points.filter((p) => p.kind === kind) },
        mark: { type: 'point' as const, filled, size, strokeWidth: 1.5, opacity: 1 },
        encoding: {
          y,
          x: { field: 'rank', type: 'quantitative' as const, scale: xScale },
          color: {
            field: 'kind',
            type: 'nominal' as const,
            scale: { domain: [nominalWord, medianWord], range: [roles.unit, roles.average] },
            legend: { title: null, orient: 'bottom' as const, direction: 'horizontal' as const },
          },
          shape: {
            field: 'kind',
            type: 'nominal' as const,
            scale: { domain: [nominalWord, medianWord], range: ['circle', 'diamond'] },
            legend: { title: null, orient: 'bottom' as const, direction: 'horizontal' as const },
          },
        },
      })),
    ],
  };
  const span = (r: RankInterval) => (r.q05 === r.q95 ? `${r.q05}` : `${r.q05}–${r.q95}`);
  const widest = [...sorted].sort((a, b) => b.q95 - b.q05 - (a.q95 - a.q05) || a.nominal - b.nominal)[0];
  const certain = sorted.filter((r) => r.q05 === r.q95).map((r) => names.get(r.unit) ?? r.unit);
  const nameOf = (r: RankInterval) => names.get(r.unit) ?? r.unit;
  const head =
    lang === 'zh'
      ? `${sorted.length}个地区在不确定性分析中的排名区间（5%至95%分位）、中位排名与名义排名`
      : `Rank intervals (5th to 95th percentile), median and nominal ranks of ${sorted.length} units in the uncertainty analysis`;
  const top = sorted
    .slice(0, 3)
    .map((r) =>
      paren(
        nameOf(r),
        lang === 'zh' ? `名义第${r.nominal}名，区间${span(r)}` : `nominal ${r.nominal}, interval ${span(r)}`,
        lang,
      ),
    );
  const description = sentences(
    [
      head,
      top.length ? `${lang === 'zh' ? '前三名' : 'Top three'}${t('colon', lang)}${list(top, lang)}` : '',
      widest && widest.q95 > widest.q05
        ? lang === 'zh'
          ? `区间最宽：${nameOf(widest)}（第${span(widest)}名）`
          : `Widest interval: ${nameOf(widest)} (ranks ${span(widest)})`
        : '',
      certain.length
        ? lang === 'zh'
          ? `5%至95%区间只有一个名次：${list(certain, lang)}`
          : `5th to 95th percentile is a single rank for: ${list(certain, lang)}`
        : '',
      fullNames(labels, lang),
    ],
    lang,
  );
  const title = options.title ?? (lang === 'zh' ? '排名的不确定性区间' : 'Uncertainty of ranks');
  return { kind: 'vega-lite', name: 'rank-interval', lang, title, description, spec };
}
