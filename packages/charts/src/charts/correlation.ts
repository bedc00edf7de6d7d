/**
 * Correlation-matrix heatmap: a diverging colour from −1 to 1 (purple–orange, readable with colour
 * blindness) and the coefficient written in every cell; the lower triangle by default.
 */
import type { LangText, Result } from '@govscore/core';
import { fail } from '../errors';
import { fullNames, paren, sentences, t } from '../i18n';
import { nodeName } from '../result-access';
import { fitLabels, fmt, pickText } from '../text';
import type { BaseOptions, VegaLiteChart } from '../types';
import { vlTop } from '../vl';

/** A correlation matrix: `matrix[i][j]` is the coefficient between `ids[i]` and `ids[j]`. */
export interface CorrelationInput {
  ids: string[];
  matrix: (number | null)[][];
  /** Name of the coefficient, e.g. Pearson or Spearman (shown in the description). */
  method?: string;
}

export interface CorrelationOptions extends BaseOptions {
  /** Result whose node names label the ids (else `labels`, else the ids). */
  result?: Result;
  labels?: Record<string, LangText>;
  /** Show the full matrix instead of the lower triangle with the diagonal. */
  full?: boolean;
  digits?: number;
}

/**
 * Heatmap of a correlation matrix.
 * @throws GovscoreError E500 when the matrix is not square with one row per id
 * @example toSvg(correlationHeatmap({ ids, matrix, method: 'Pearson' }, { result }))
 */
export function correlationHeatmap(input: CorrelationInput, options: CorrelationOptions = {}): VegaLiteChart {
  const lang = options.lang ?? 'zh';
  const n = input.ids.length;
  if (input.matrix.length !== n || input.matrix.some((row) => row.length !== n)) {
    fail(
      'E500',
      `the correlation matrix is not ${n} × ${n} (one row and column per id)`,
      {},
      'pass ids and a square matrix in the same order',
    );
  }
  const digits = options.digits ?? 2;
  const name = (id: string) =>
    options.labels?.[id] !== undefined
      ? pickText(options.labels[id], lang, id)
      : options.result?.set.nodes.some((x) => x.id === id)
        ? nodeName(options.result, id, lang)
        : id;
  const labels = fitLabels(
    input.ids.map((id) => ({ id, name: name(id) })),
    120,
    11,
  );
  const cells: { row: string; col: string; r: number | null; text: string; ink: string }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (!options.full && j > i) continue;
      const v = input.matrix[i]![j];
      const r = v === null || v === undefined || !Number.isFinite(v) ? null : v;
      cells.push({
        row: labels[i]!.label,
        col: labels[j]!.label,
        r,
        text: fmt(r, digits),
        ink: r !== null && Math.abs(r) >= 0.6 ? '#ffffff' : '#000000',
      });
    }
  }
  const step = n > 12 ? 30 : 44;
  const spec: VegaLiteChart['spec'] = {
    ...vlTop(lang),
    data: { values: cells },
    width: { step },
    height: { step },
    encoding: {
      x: {
        field: 'col',
        type: 'nominal',
        sort: labels.map((l) => l.label),
        axis: {
          title: null,
          labelAngle: -40,
          labelAlign: 'right',
          labelLimit: 0,
          domain: false,
          ticks: false,
        },
      },
      y: {
        field: 'row',
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
            field: 'r',
            type: 'quantitative',
            scale: { scheme: 'purpleorange', domain: [-1, 1], reverse: true },
            legend: {
              title: input.method ?? t('correlation', lang),
              orient: 'right',
              gradientLength: Math.min(160, n * step),
            },
          },
        },
      },
      {
        mark: { type: 'text', baseline: 'middle', fontSize: n > 12 ? 8 : 10 },
        encoding: {
          text: { field: 'text', type: 'nominal' },
          color: { field: 'ink', type: 'nominal', scale: null },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
  const pairs: { a: string; b: string; r: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const v = input.matrix[i]![j];
      if (v !== null && v !== undefined && Number.isFinite(v))
        pairs.push({ a: labels[i]!.name, b: labels[j]!.name, r: v });
    }
  }
  const strongest = [...pairs].sort((p, q) => q.r - p.r)[0];
  const weakest = [...pairs].sort((p, q) => p.r - q.r)[0];
  const pair = (p: { a: string; b: string; r: number }) => paren(`${p.a} – ${p.b}`, fmt(p.r, digits), lang);
  const method = input.method ? (lang === 'zh' ? `（${input.method}）` : ` (${input.method})`) : '';
  const description = sentences(
    [
      lang === 'zh'
        ? `${n}项指标之间的相关系数${method}`
        : `Correlation coefficients${method} between ${n} measures`,
      strongest ? `${lang === 'zh' ? '相关最强' : 'Highest'}${t('colon', lang)}${pair(strongest)}` : '',
      weakest && weakest !== strongest
        ? `${lang === 'zh' ? '相关最弱' : 'Lowest'}${t('colon', lang)}${pair(weakest)}`
        : '',
      fullNames(labels, lang),
    ],
    lang,
  );
  const title = options.title ?? (lang === 'zh' ? '指标相关矩阵' : 'Correlation matrix');
  return { kind: 'vega-lite', name: 'correlation', lang, title, description, spec };
}
