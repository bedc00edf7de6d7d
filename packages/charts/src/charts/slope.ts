/**
 * Slope chart of rank changes between two Results (two years, or two versions of a set): each unit's
 * rank before on the left and after on the right, joined by a line; colour, an arrow and the signed
 * change tell rise from fall.
 */
import type { Result } from '@govscore/core';
import { fail } from '../errors';
import { list, paren, sentences, t, unitKind } from '../i18n';
import { nodeName, rootNode } from '../result-access';
import { truncate, unitName } from '../text';
import type { BaseOptions, VegaLiteChart } from '../types';
import { vlTop } from '../vl';

export interface SlopeOptions extends BaseOptions {
  /** Node whose rank is compared (default: the root of `after`). */
  node?: string;
  /** Column headings (default: the Results' years, else 'before' / 'after'). */
  labels?: [string, string];
}

/** Rank change of one unit: positive = moved up (a smaller rank number). */
export interface RankChange {
  id: string;
  name: string;
  before: number;
  after: number;
  change: number;
}

/**
 * Rank changes of units present with a rank in both Results, in order of the `after` rank.
 * change = before − after (moving from 5th to 2nd is +3).
 */
export function rankChanges(before: Result, after: Result, node: string, lang: 'zh' | 'en'): RankChange[] {
  const rankIn = (r: Result, id: string) => {
    const i = r.units.findIndex((u) => u.id === id);
    const v = i < 0 ? null : r.values[node]?.rank[i];
    return v === null || v === undefined || !Number.isFinite(v) ? null : v;
  };
  return after.units
    .flatMap((u) => {
      const a = rankIn(before, u.id);
      const b = rankIn(after, u.id);
      return a === null || b === null
        ? []
        : [{ id: u.id, name: unitName(u, lang), before: a, after: b, change: a - b }];
    })
    .sort((p, q) => p.after - q.after || p.before - q.before || p.id.localeCompare(q.id));
}

/**
 * Slope chart of ranks between two Results.
 * @throws GovscoreError E500 when the node is missing from either Result or no unit is in both
 * @example toSvg(slopeChart(r2023, r2024, { lang: 'en' }))
 */
export function slopeChart(before: Result, after: Result, options: SlopeOptions = {}): VegaLiteChart {
  const lang = options.lang ?? 'zh';
  const node = options.node ?? rootNode(after).id;
  for (const r of [before, after]) {
    if (!r.values[node])
      fail('E500', `node "${node}" is not in both Results`, { node }, 'compare a node both Results have');
  }
  const changes = rankChanges(before, after, node, lang);
  if (changes.length === 0)
    fail('E500', 'no unit has a rank in both Results', { node }, 'compare Results of the same units');
  const [l0, l1] =
    options.labels ??
    (before.year !== undefined && after.year !== undefined && before.year !== after.year
      ? [
          lang === 'zh' ? `${before.year}年` : String(before.year),
          lang === 'zh' ? `${after.year}年` : String(after.year),
        ]
      : [lang === 'zh' ? '之前' : 'Before', lang === 'zh' ? '之后' : 'After']);
  const upW = t('up', lang);
  const downW = t('down', lang);
  const sameW = t('same', lang);
  const dir = (c: number) => (c > 0 ? upW : c < 0 ? downW : sameW);
  const arrow = (c: number) => (c > 0 ? `▲${c}` : c < 0 ? `▼${-c}` : '＝');
  const rows = changes.flatMap((c) => {
    const nm = truncate(c.name, 100, 11);
    return [
      { unit: c.id, period: l0, rank: c.before, dir: dir(c.change), text: `${nm} ${c.before}` },
      {
        unit: c.id,
        period: l1,
        rank: c.after,
        dir: dir(c.change),
        text: `${c.after} ${nm} ${arrow(c.change)}`,
      },
    ];
  });
  const maxRank = Math.max(...changes.flatMap((c) => [c.before, c.after]));
  const x = {
    field: 'period',
    type: 'ordinal' as const,
    sort: [l0, l1],
    scale: { padding: 0 },
    axis: {
      title: null,
      orient: 'top' as const,
      labelAngle: 0,
      domain: false,
      ticks: false,
      labelFontSize: 12,
      labelPadding: 4,
    },
  };
  const y = {
    field: 'rank',
    type: 'quantitative' as const,
    scale: { reverse: true, domain: [0.4, maxRank + 0.4], nice: false, zero: false },
    axis: null,
  };
  const color = {
    field: 'dir',
    type: 'nominal' as const,
    scale: { domain: [upW, downW, sameW], range: ['#009E73', '#D55E00', '#999999'] },
    legend: { title: t('change', lang), orient: 'bottom' as const, direction: 'horizontal' as const },
  };
  const spec: VegaLiteChart['spec'] = {
    ...vlTop(lang),
    width: options.width ?? 180,
    height: Math.max(120, (changes.length + 0.8) * 20),
    layer: [
      {
        data: { values: rows },
        mark: { type: 'line', strokeWidth: 1.8, point: { filled: true, size: 30 } },
        encoding: { x, y, detail: { field: 'unit', type: 'nominal' }, color },
      },
      {
        data: { values: rows.filter((r) => r.period === l0) },
        mark: { type: 'text', align: 'right', dx: -8, baseline: 'middle', fontSize: 11, color: '#222222' },
        encoding: { x, y, text: { field: 'text', type: 'nominal' } },
      },
      {
        data: { values: rows.filter((r) => r.period === l1) },
        mark: { type: 'text', align: 'left', dx: 8, baseline: 'middle', fontSize: 11, color: '#222222' },
        encoding: { x, y, text: { field: 'text', type: 'nominal' } },
      },
    ],
  };
  const ups = changes.filter((c) => c.change > 0).sort((a, b) => b.change - a.change || a.after - b.after);
  const downs = changes.filter((c) => c.change < 0).sort((a, b) => a.change - b.change || a.after - b.after);
  const fmtMove = (c: RankChange) =>
    paren(c.name, lang === 'zh' ? `${c.before}→${c.after}` : `${c.before} to ${c.after}`, lang);
  const nName = nodeName(after, node, lang);
  const head =
    lang === 'zh'
      ? `${changes.length}个${unitKind(after.set.unit, lang)}${nName}排名从${l0}到${l1}的变化：上升${ups.length}个，下降${downs.length}个，不变${changes.length - ups.length - downs.length}个`
      : `${nName} rank of ${changes.length} ${unitKind(after.set.unit, lang)} from ${l0} to ${l1}: ${ups.length} up, ${downs.length} down, ${changes.length - ups.length - downs.length} unchanged`;
  const description = sentences(
    [
      head,
      ups.length
        ? `${lang === 'zh' ? '上升最多' : 'Largest rises'}${t('colon', lang)}${list(ups.slice(0, 3).map(fmtMove), lang)}`
        : '',
      downs.length
        ? `${lang === 'zh' ? '下降最多' : 'Largest falls'}${t('colon', lang)}${list(downs.slice(0, 3).map(fmtMove), lang)}`
        : '',
    ],
    lang,
  );
  const title =
    options.title ??
    (lang === 'zh' ? `${nName}排名变化：${l0}至${l1}` : `Change in ${nName} rank, ${l0} to ${l1}`);
  return { kind: 'vega-lite', name: 'slope', lang, title, description, spec };
}
