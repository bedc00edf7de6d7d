/**
 * Trend lines over years: one line per unit through its score (or rank) in each year's Result.
 * Highlighted units are coloured and named at the end of their line; the others are thin grey lines.
 */
import type { Result } from '@govscore/core';
import { fail } from '../errors';
import { list, paren, sentences, t, unitKind } from '../i18n';
import { dodge } from '../layout';
import { roles, series } from '../palette';
import { digitsOf, nodeName, rootNode } from '../result-access';
import { fmt, truncate, unitName } from '../text';
import type { BaseOptions, VegaLiteChart } from '../types';
import { vlTop } from '../vl';

export interface TrendOptions extends BaseOptions {
  /** Node followed (default: the root). */
  node?: string;
  /** Plot scores (default) or ranks. */
  value?: 'score' | 'rank';
  /** Unit ids drawn in colour and named (default: all when at most 8, else the 5 best in the last year). */
  highlight?: string[];
  digits?: number;
}

/** Results sorted by year; E500 when one has no year or two share a year. */
export function byYear(results: readonly Result[]): (Result & { year: number })[] {
  const out = results.map((r, i) => {
    if (r.year === undefined)
      fail('E500', `Result ${i} has no year`, {}, 'trend charts need Results of data with a year column');
    return r as Result & { year: number };
  });
  out.sort((a, b) => a.year - b.year);
  for (let i = 1; i < out.length; i++) {
    if (out[i]!.year === out[i - 1]!.year)
      fail('E500', `two Results have the year ${out[i]!.year}`, {}, 'pass one Result per year');
  }
  return out;
}

/**
 * Trend chart of a node over several years' Results.
 * @param results one Result per year (any order)
 * @throws GovscoreError E500 without years or with fewer than 2 Results
 * @example toSvg(trendChart([r2022, r2023, r2024], { lang: 'en' }))
 */
export function trendChart(results: readonly Result[], options: TrendOptions = {}): VegaLiteChart {
  const lang = options.lang ?? 'zh';
  const value = options.value ?? 'score';
  if (results.length < 2)
    fail('E500', `a trend needs at least 2 Results, got ${results.length}`, {}, 'pass one Result per year');
  const years = byYear(results);
  const last = years[years.length - 1]!;
  const node = options.node ?? rootNode(last).id;
  // units in the order of the latest Result, then any that only appear earlier
  const ids: string[] = [];
  const names = new Map<string, string>();
  for (const r of [...years].reverse()) {
    for (const u of r.units) {
      if (!names.has(u.id)) {
        ids.push(u.id);
        names.set(u.id, unitName(u, lang));
      }
    }
  }
  const get = (r: Result, id: string, what: 'score' | 'rank'): number | null => {
    const i = r.units.findIndex((u) => u.id === id);
    const v = r.values[node]?.[what][i];
    return i < 0 || v === null || v === undefined || !Number.isFinite(v) ? null : v;
  };
  const lastRank = (id: string) => get(last, id, 'rank') ?? Infinity;
  const ranked = [...ids].sort((a, b) => lastRank(a) - lastRank(b) || ids.indexOf(a) - ids.indexOf(b));
  const highlight = options.highlight ?? (ids.length <= 8 ? ranked : ranked.slice(0, 5));
  const hi = new Set(highlight);
  const label = (id: string) => truncate(names.get(id) ?? id, 110, 11);
  const rows = years.flatMap((r) =>
    ids.flatMap((id) => {
      const v = get(r, id, value);
      return v === null ? [] : [{ year: r.year, unit: id, name: label(id), value: v, hi: hi.has(id) }];
    }),
  );
  const digits = options.digits ?? (value === 'rank' ? 0 : digitsOf(years, [node]));
  // y domain fixed here so that end labels can be moved apart in pixels and placed back in data units
  const H = 260;
  const vs = rows.map((r) => r.value);
  const vlo = vs.length ? Math.min(...vs) : 0;
  const vhi = vs.length ? Math.max(...vs) : 1;
  const pad = value === 'rank' ? 0.5 : (vhi - vlo) * 0.06 || 1;
  const dom: [number, number] = [vlo - pad, vhi + pad];
  const toPx = (v: number) =>
    (value === 'rank' ? (v - dom[0]) / (dom[1] - dom[0]) : (dom[1] - v) / (dom[1] - dom[0])) * H;
  const fromPx = (px: number) =>
    value === 'rank' ? dom[0] + (px / H) * (dom[1] - dom[0]) : dom[1] - (px / H) * (dom[1] - dom[0]);
  const endRows = ranked
    .filter((id) => hi.has(id))
    .flatMap((id) => {
      const mine = rows.filter((r) => r.unit === id);
      const end = mine[mine.length - 1];
      return end ? [end] : [];
    });
  const placed = dodge(
    endRows.map((e) => toPx(e.value)),
    12,
    0,
    H,
  );
  const ends = endRows.map((e, i) => ({ ...e, text: e.name, at: fromPx(placed[i]!) }));
  const hiList = ranked.filter((id) => hi.has(id));
  const colorScale = { domain: hiList.map(label), range: hiList.map((_, i) => series[i % series.length]!) };
  const x = {
    field: 'year',
    type: 'quantitative' as const,
    title: t('year', lang),
    scale: { zero: false, nice: false, domain: [years[0]!.year, last.year] },
    // vega caps the tick count at span / tickMinStep, and vega-lite sets tickMinStep 1 for format 'd':
    // 3 years span 2 and would keep 2 ticks; 0.5 keeps every year given in values
    axis: { format: 'd', values: years.map((r) => r.year), tickMinStep: 0.5 },
  };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: `${nodeName(last, node, lang)}${lang === 'zh' ? '' : ' '}${value === 'score' ? t('score', lang) : t('rank', lang)}`,
    scale: { domain: dom, nice: false, zero: false, ...(value === 'rank' ? { reverse: true } : {}) },
    ...(value === 'rank' ? { axis: { tickMinStep: 1, format: 'd' } } : {}),
  };
  const others = rows.filter((r) => !r.hi);
  const mainRows = rows.filter((r) => r.hi);
  const spec: VegaLiteChart['spec'] = {
    ...vlTop(lang),
    width: options.width ?? 420,
    height: H,
    layer: [
      ...(others.length
        ? [
            {
              data: { values: others },
              mark: { type: 'line' as const, color: roles.other, strokeWidth: 1, opacity: 0.6 },
              encoding: { x, y, detail: { field: 'unit', type: 'nominal' as const } },
            },
          ]
        : []),
      {
        data: { values: mainRows },
        mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 36 } },
        encoding: {
          x,
          y,
          detail: { field: 'unit', type: 'nominal' },
          color: { field: 'name', type: 'nominal', scale: colorScale, legend: null },
        },
      },
      {
        data: { values: ends },
        mark: { type: 'text', align: 'left', dx: 7, baseline: 'middle', fontSize: 11 },
        encoding: {
          x,
          y: { field: 'at', type: 'quantitative', scale: y.scale },
          text: { field: 'text', type: 'nominal' },
          color: { field: 'name', type: 'nominal', scale: colorScale, legend: null },
        },
      },
    ],
  };
  // description: first and last year, biggest rise and fall between them
  const first = years[0]!;
  const changes = ids.flatMap((id) => {
    const a = get(first, id, value);
    const b = get(last, id, value);
    return a === null || b === null ? [] : [{ id, d: value === 'score' ? b - a : a - b, a, b }];
  });
  const up = [...changes].sort((p, q) => q.d - p.d)[0];
  const down = [...changes].sort((p, q) => p.d - q.d)[0];
  const nm = (id: string) => names.get(id) ?? id;
  const sign = (v: number) =>
    v > 0 ? `+${fmt(v, value === 'rank' ? 0 : digits)}` : fmt(v, value === 'rank' ? 0 : digits);
  const kind = unitKind(last.set.unit, lang);
  const what = value === 'score' ? t('score', lang) : t('rank', lang);
  const nName = nodeName(last, node, lang);
  const head =
    lang === 'zh'
      ? `${ids.length}个${kind}${nName}${what}的变化，${first.year}年至${last.year}年（${years.length}年）`
      : `${nName} ${what.toLowerCase()} of ${ids.length} ${kind} from ${first.year} to ${last.year} (${years.length} years)`;
  const topLast = ranked
    .slice(0, 3)
    .map((id) => paren(nm(id), fmt(get(last, id, value), value === 'rank' ? 0 : digits), lang));
  const description = sentences(
    [
      head,
      `${lang === 'zh' ? `${last.year}年前三名` : `Top three in ${last.year}`}${t('colon', lang)}${list(topLast, lang)}`,
      up && up.d > 0
        ? `${lang === 'zh' ? '进步最大' : 'Largest rise'}${t('colon', lang)}${paren(nm(up.id), sign(up.d), lang)}`
        : '',
      down && down.d < 0
        ? `${lang === 'zh' ? '下降最多' : 'Largest fall'}${t('colon', lang)}${paren(nm(down.id), sign(down.d), lang)}`
        : '',
      hi.size < ids.length
        ? lang === 'zh'
          ? `彩色显示：${list(hiList.map(nm), lang)}；其余为灰线`
          : `In colour: ${list(hiList.map(nm), lang)}; others in grey`
        : '',
    ],
    lang,
  );
  const title =
    options.title ??
    (lang === 'zh'
      ? `${nName}${what}趋势，${first.year}–${last.year}年`
      : `${nName} ${what.toLowerCase()}, ${first.year}–${last.year}`);
  return { kind: 'vega-lite', name: 'trend', lang, title, description, spec };
}
