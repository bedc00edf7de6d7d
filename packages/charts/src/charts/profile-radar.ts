/**
 * Profile as a radar: one spoke per dimension, polygons for the unit, the average and the peer group.
 * Plot has no radar mark, so polar positions are computed here and drawn on identity scales.
 * Series differ by colour, dash pattern and marker shape (never colour alone).
 */

import type { Result } from '@govscore/core';
import * as Plot from '@observablehq/plot';
import { fail } from '../errors';
import { fonts, sentences, t } from '../i18n';
import { roles } from '../palette';
import { fmt, wrapLines } from '../text';
import type { PlotChart } from '../types';
import { describeProfile, type ProfileOptions, profileData } from './profile-data';

/**
 * Position of `value` on spoke `i` of `n`: angle θ = −π/2 + 2πi/n (spoke 0 points up, then clockwise),
 * radius r = R · (value − lo) / (hi − lo), clamped to [0, R]; x = cx + r cos θ, y = cy + r sin θ.
 * @example polarPoint(1, 4, 50, 0, 100, 100, 100) // spoke 1 of 4 points right: { x: 125, y: 100 }
 */
export function polarPoint(
  i: number,
  n: number,
  value: number,
  lo: number,
  hi: number,
  R: number,
  cx: number,
  cy: number,
): { x: number; y: number } {
  const theta = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const f = hi === lo ? 0 : Math.min(1, Math.max(0, (value - lo) / (hi - lo)));
  const r = R * f;
  // round to 1e-6 px so that cos(π/2) noise does not leak into the SVG
  const q = (v: number) => Math.round(v * 1e6) / 1e6;
  return { x: q(cx + r * Math.cos(theta)), y: q(cy + r * Math.sin(theta)) };
}

/**
 * Radial domain: [0, 100] when every value is within it and one exceeds 1; [0, 1] when all are within
 * [0, 1]; otherwise from min(0, lowest) to the highest.
 */
export function radarDomain(values: readonly (number | null)[]): [number, number] {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return [0, 1];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  if (lo >= 0 && hi <= 1) return [0, 1];
  if (lo >= 0 && hi <= 100) return [0, 100];
  return [Math.min(0, lo), hi];
}

/**
 * Radar of one unit's profile (needs at least 3 dimensions).
 * @throws GovscoreError E500 with fewer than 3 nodes (use `profileDots`); E501 for an unknown unit or node
 * @example toSvg(profileRadar(result, '310000', { lang: 'en' }))
 */
export function profileRadar(result: Result, unitId: string, options: ProfileOptions = {}): PlotChart {
  const lang = options.lang ?? 'zh';
  const p = profileData(result, unitId, options, lang);
  const n = p.rows.length;
  if (n < 3) {
    fail(
      'E500',
      `a radar needs at least 3 dimensions, got ${n}`,
      { unit: unitId },
      'pass options.nodes with 3 or more nodes, or use profileDots()',
    );
  }
  const width = options.width ?? 480;
  const R = Math.round(width * 0.25);
  const cx = width / 2;
  const cy = R + 50;
  const [lo, hi] = radarDomain(p.rows.flatMap((r) => [r.unit, r.average, r.peers, r.max, r.min]));
  const rings = [0.2, 0.4, 0.6, 0.8, 1].map((f) => lo + (hi - lo) * f);
  const ringPts = rings.flatMap((v, ri) =>
    p.rows.map((_, i) => ({ ring: ri, ...polarPoint(i, n, v, lo, hi, R, cx, cy) })),
  );
  const spokes = p.rows.map((_, i) => ({
    from: { x: cx, y: cy },
    to: polarPoint(i, n, hi, lo, hi, R, cx, cy),
  }));
  const axisLabels = p.rows.map((r, i) => {
    const pt = polarPoint(i, n, hi, lo, hi, R + 12, cx, cy);
    const dx = pt.x - cx;
    const dy = pt.y - cy;
    const anchor: 'start' | 'middle' | 'end' = Math.abs(dx) < 1 ? 'middle' : dx > 0 ? 'start' : 'end';
    const lineAnchor: 'top' | 'middle' | 'bottom' =
      Math.abs(dy) < R * 0.3 ? 'middle' : dy < 0 ? 'bottom' : 'top';
    const room = anchor === 'middle' ? 2 * R : Math.max(60, width / 2 - R - 20);
    return { ...pt, anchor, lineAnchor, text: wrapLines(r.name, room, 11).join('\n') };
  });
  const series = [
    {
      key: 'unit' as const,
      label: p.unitName,
      color: roles.unit,
      dash: 'none',
      symbol: 'circle',
      width: 2.5,
    },
    {
      key: 'average' as const,
      label: t('average', lang),
      color: roles.average,
      dash: '6,3',
      symbol: 'diamond',
      width: 1.8,
    },
    ...(p.peerLabel !== null
      ? [
          {
            key: 'peers' as const,
            label: t('peers', lang),
            color: roles.peers,
            dash: '2,3',
            symbol: 'square',
            width: 1.8,
          },
        ]
      : []),
  ];
  const marks: Plot.Markish[] = [
    Plot.line(ringPts, {
      x: 'x',
      y: 'y',
      z: 'ring',
      curve: 'linear-closed',
      stroke: '#dddddd',
      strokeWidth: 1,
    }),
    Plot.link(spokes, {
      x1: (d) => d.from.x,
      y1: (d) => d.from.y,
      x2: (d) => d.to.x,
      y2: (d) => d.to.y,
      stroke: '#cccccc',
    }),
    Plot.text(
      rings.map((v) => ({ ...polarPoint(0, n, v, lo, hi, R, cx, cy), text: fmt(v, hi - lo < 10 ? 1 : 0) })),
      { x: 'x', y: 'y', text: 'text', dx: 4, textAnchor: 'start', fontSize: 9, fill: '#777777' },
    ),
    // Plot's textAnchor and lineAnchor are constants, not channels: one text mark per combination
    ...(['start', 'middle', 'end'] as const).flatMap((anchor) =>
      (['top', 'middle', 'bottom'] as const).map((lineAnchor) =>
        Plot.text(
          axisLabels.filter((l) => l.anchor === anchor && l.lineAnchor === lineAnchor),
          { x: 'x', y: 'y', text: 'text', textAnchor: anchor, lineAnchor, fontSize: 11, fill: '#222222' },
        ),
      ),
    ),
  ];
  for (const s of [...series].reverse()) {
    const pts = p.rows.flatMap((r, i) => {
      const v = r[s.key];
      return v === null ? [] : [polarPoint(i, n, v, lo, hi, R, cx, cy)];
    });
    marks.push(
      Plot.line(pts, {
        x: 'x',
        y: 'y',
        curve: 'linear-closed',
        stroke: s.color,
        strokeWidth: s.width,
        strokeDasharray: s.dash,
        fill: s.key === 'unit' ? s.color : 'none',
        fillOpacity: s.key === 'unit' ? 0.12 : 0,
      }),
      Plot.dot(pts, {
        x: 'x',
        y: 'y',
        symbol: s.symbol,
        fill: s.color,
        r: 3.5,
        stroke: 'white',
        strokeWidth: 0.8,
      }),
    );
  }
  // legend: a short line with its marker and the label, one row per series
  const ly = cy + R + 40;
  series.forEach((s, i) => {
    const y = ly + i * 16;
    const x0 = 24;
    marks.push(
      Plot.line(
        [
          { x: x0, y },
          { x: x0 + 26, y },
        ],
        { x: 'x', y: 'y', stroke: s.color, strokeWidth: s.width, strokeDasharray: s.dash },
      ),
      Plot.dot([{ x: x0 + 13, y }], { x: 'x', y: 'y', symbol: s.symbol, fill: s.color, r: 3.5 }),
      Plot.text([{ x: x0 + 34, y, text: s.label }], {
        x: 'x',
        y: 'y',
        text: 'text',
        textAnchor: 'start',
        fontSize: 11,
        fill: '#222222',
      }),
    );
  });
  const options2: Plot.PlotOptions = {
    width,
    height: ly + series.length * 16 + 8,
    margin: 0,
    x: { type: 'identity', axis: null },
    y: { type: 'identity', axis: null },
    style: { fontFamily: fonts[lang], background: 'white', color: '#222222' },
    marks,
  };
  const description = sentences(
    [
      ...describeProfile(p, lang, lang === 'zh' ? '雷达图' : 'Radar chart'),
      lang === 'zh'
        ? `径向刻度${fmt(lo, 0)}至${fmt(hi, 0)}`
        : `Radial scale from ${fmt(lo, 0)} to ${fmt(hi, 0)}`,
    ],
    lang,
  );
  const title =
    options.title ??
    (lang === 'zh' ? `${p.unitName}：各维度得分雷达图` : `${p.unitName}: radar of scores by dimension`);
  return { kind: 'plot', name: 'profile-radar', lang, title, description, options: options2 };
}
