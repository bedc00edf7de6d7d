/**
 * Sensitivity indices of the ranking to each assumption: first-order and total Sobol indices as two
 * marks of different shape and colour, with their confidence intervals as lines; largest total first.
 */
import type { LangText } from '@govscore/core';
import { fail } from '../errors';
import { fullNames, sentences, t } from '../i18n';
import { roles } from '../palette';
import { digitsFor, fitLabels, fmt, pickText } from '../text';
import type { BaseOptions, VegaLiteChart } from '../types';
import { vlTop } from '../vl';

/** Sobol indices of one assumption, with optional confidence intervals [low, high]. */
export interface SensitivityIndex {
  assumption: string;
  first: number;
  total: number;
  first_ci?: [number, number];
  total_ci?: [number, number];
}

export interface SensitivityOptions extends BaseOptions {
  /** Display names of assumptions by id (`{weights: {zh: 权重, en: Weights}}`); ids otherwise. */
  labels?: Record<string, LangText>;
  digits?: number;
}

/**
 * Dot-and-whisker chart of first-order and total sensitivity indices.
 * @throws GovscoreError E500 for a non-finite index
 * @example toSvg(sensitivityChart(sobol.indices, { lang: 'en' }))
 */
export function sensitivityChart(
  indices: readonly SensitivityIndex[],
  options: SensitivityOptions = {},
): VegaLiteChart {
  const lang = options.lang ?? 'zh';
  for (const s of indices) {
    if (!Number.isFinite(s.first) || !Number.isFinite(s.total)) {
      fail(
        'E500',
        `sensitivity indices of "${s.assumption}" are not numbers (first ${s.first}, total ${s.total})`,
        {},
        'pass finite first-order and total indices',
      );
    }
  }
  const sorted = [...indices].sort((a, b) => b.total - a.total || a.assumption.localeCompare(b.assumption));
  const labels = fitLabels(
    sorted.map((s) => ({
      id: s.assumption,
      name: pickText(options.labels?.[s.assumption], lang, s.assumption),
    })),
    140,
    11,
  );
  const firstWord = t('firstOrder', lang);
  const totalWord = t('total', lang);
  const points = sorted.flatMap((s, i) => [
    { label: labels[i]!.label, kind: firstWord, value: s.first },
    { label: labels[i]!.label, kind: totalWord, value: s.total },
  ]);
  const cis = sorted.flatMap((s, i) => [
    ...(s.first_ci
      ? [{ label: labels[i]!.label, kind: firstWord, lo: s.first_ci[0], hi: s.first_ci[1] }]
      : []),
    ...(s.total_ci
      ? [{ label: labels[i]!.label, kind: totalWord, lo: s.total_ci[0], hi: s.total_ci[1] }]
      : []),
  ]);
  const all = [...points.map((p) => p.value), ...cis.flatMap((c) => [c.lo, c.hi])];
  const domain = [Math.min(0, ...all), Math.max(1, ...all)];
  const digits = options.digits ?? Math.max(2, digitsFor(all) - 1);
  const y = {
    field: 'label',
    type: 'nominal' as const,
    sort: labels.map((l) => l.label),
    axis: { title: null, labelLimit: 0 },
  };
  const yOffset = { field: 'kind', type: 'nominal' as const, sort: [firstWord, totalWord] };
  const color = {
    field: 'kind',
    type: 'nominal' as const,
    scale: { domain: [firstWord, totalWord], range: [roles.average, roles.unit] },
    legend: { title: null, orient: 'bottom' as const, direction: 'horizontal' as const },
  };
  const spec: VegaLiteChart['spec'] = {
    ...vlTop(lang),
    width: options.width ?? 380,
    height: { step: 36 },
    layer: [
      ...(cis.length
        ? [
            {
              data: { values: cis },
              mark: { type: 'rule' as const, strokeWidth: 1.5 },
              encoding: {
                y,
                yOffset,
                x: { field: 'lo', type: 'quantitative' as const, scale: { domain } },
                x2: { field: 'hi' },
                color,
              },
            },
          ]
        : []),
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 70 },
        encoding: {
          y,
          yOffset,
          x: { field: 'value', type: 'quantitative', scale: { domain }, title: t('sensitivityIndex', lang) },
          color,
          shape: {
            field: 'kind',
            type: 'nominal',
            scale: { domain: [firstWord, totalWord], range: ['circle', 'square'] },
            legend: { title: null, orient: 'bottom', direction: 'horizontal' },
          },
        },
      },
    ],
  };
  const ci = (c: [number, number] | undefined) => (c ? ` [${fmt(c[0], digits)}, ${fmt(c[1], digits)}]` : '');
  const items = sorted.map(
    (s, i) =>
      `${labels[i]!.name}${t('colon', lang)}${firstWord} ${fmt(s.first, digits)}${ci(s.first_ci)}${lang === 'zh' ? '，' : ', '}${totalWord} ${fmt(s.total, digits)}${ci(s.total_ci)}`,
  );
  const top = sorted[0];
  const head =
    lang === 'zh'
      ? `排名对${sorted.length}项假设的敏感性（Sobol一阶指数与总效应指数${cis.length ? '，方括号内为置信区间' : ''}）`
      : `Sensitivity of the ranking to ${sorted.length} assumptions (Sobol first-order and total indices${cis.length ? ', confidence intervals in brackets' : ''})`;
  const description = sentences(
    [
      head,
      top
        ? lang === 'zh'
          ? `影响最大：${labels[0]!.name}`
          : `Largest total effect: ${labels[0]!.name}`
        : '',
      items.join(lang === 'zh' ? '；' : '; '),
      fullNames(labels, lang),
    ],
    lang,
  );
  const title =
    options.title ??
    (lang === 'zh' ? '敏感性分析：各假设的影响' : 'Sensitivity of the ranking to each assumption');
  return { kind: 'vega-lite', name: 'sensitivity', lang, title, description, spec };
}
