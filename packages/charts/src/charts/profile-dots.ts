/**
 * Profile as a dot chart (the accessible alternative to the radar): per dimension a grey line from the
 * lowest to the highest score of all units, and marks of different shape and colour for the unit, the
 * average and the peer group's average.
 */
import type { Result } from '@govscore/core';
import { fullNames, sentences, t } from '../i18n';
import { roles } from '../palette';
import { fitLabels, fmt } from '../text';
import type { VegaLiteChart } from '../types';
import { vlTop } from '../vl';
import { describeProfile, type ProfileOptions, profileData } from './profile-data';

/**
 * Dot chart of one unit's profile.
 * @param unitId id of the unit (`Result.units[i].id`)
 * @throws GovscoreError E501 for an unknown unit or node
 * @example toSvg(profileDots(result, '310000', { peers: 'region' }))
 */
export function profileDots(result: Result, unitId: string, options: ProfileOptions = {}): VegaLiteChart {
  const lang = options.lang ?? 'zh';
  const p = profileData(result, unitId, options, lang);
  const labels = fitLabels(
    p.rows.map((r) => ({ id: r.node, name: r.name })),
    130,
    11,
  );
  const series: { key: 'unit' | 'average' | 'peers'; label: string; color: string; shape: string }[] = [
    { key: 'unit', label: p.unitName, color: roles.unit, shape: 'circle' },
    { key: 'average', label: t('average', lang), color: roles.average, shape: 'diamond' },
    ...(p.peerLabel !== null
      ? [{ key: 'peers' as const, label: t('peers', lang), color: roles.peers, shape: 'square' }]
      : []),
  ];
  // the unit's own label may clash with the words "Average" / "Peer group average": keep domain unique
  const seriesLabels = series.map((s, i) =>
    series.findIndex((o) => o.label === s.label) < i ? `${s.label} (${s.key})` : s.label,
  );
  // the unit is drawn last, on top of the averages
  const drawOrder = series.map((_, si) => si).reverse();
  const points = p.rows.flatMap((r, i) =>
    drawOrder.flatMap((si) => {
      const s = series[si]!;
      const v = r[s.key];
      return v === null
        ? []
        : [{ node: labels[i]!.label, series: seriesLabels[si]!, value: v, text: fmt(v, p.digits) }];
    }),
  );
  const ranges = p.rows.flatMap((r, i) =>
    r.min === null || r.max === null ? [] : [{ node: labels[i]!.label, min: r.min, max: r.max }],
  );
  const y = {
    field: 'node',
    type: 'nominal' as const,
    sort: labels.map((l) => l.label),
    axis: { title: null, labelLimit: 0 },
  };
  const spec: VegaLiteChart['spec'] = {
    ...vlTop(lang),
    width: options.width ?? 360,
    height: { step: 30 },
    layer: [
      {
        data: { values: ranges },
        mark: { type: 'rule', color: '#bbbbbb', strokeWidth: 6, strokeCap: 'round' },
        encoding: {
          y,
          x: {
            field: 'min',
            type: 'quantitative',
            title: lang === 'zh' ? '得分（灰线：最低至最高）' : 'Score (grey line: lowest to highest)',
          },
          x2: { field: 'max' },
        },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 90, opacity: 0.95, stroke: 'white', strokeWidth: 1 },
        encoding: {
          y,
          x: { field: 'value', type: 'quantitative' },
          color: {
            field: 'series',
            type: 'nominal',
            scale: { domain: seriesLabels, range: series.map((s) => s.color) },
            legend: { title: null, orient: 'bottom', direction: 'horizontal' },
          },
          shape: {
            field: 'series',
            type: 'nominal',
            scale: { domain: seriesLabels, range: series.map((s) => s.shape) },
            legend: { title: null, orient: 'bottom', direction: 'horizontal' },
          },
        },
      },
    ],
  };
  const description = sentences(
    [...describeProfile(p, lang, lang === 'zh' ? '点图' : 'Dot chart'), fullNames(labels, lang)],
    lang,
  );
  const title =
    options.title ??
    (lang === 'zh'
      ? `${p.unitName}：各维度得分与平均比较`
      : `${p.unitName}: scores by dimension against the average`);
  return { kind: 'vega-lite', name: 'profile-dots', lang, title, description, spec };
}
