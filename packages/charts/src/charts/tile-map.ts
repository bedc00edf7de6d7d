/**
 * Tile-grid cartogram of China's provincial-level divisions: one square per division at a fixed grid
 * position (`data/china-tiles.ts`), coloured by tier or score band, with the name, the score and the
 * tier written on the tile. No boundaries are drawn, so no map-approval number is needed.
 */
import type { Result } from '@govscore/core';
import * as Plot from '@observablehq/plot';
import { type ChinaTile, chinaTiles } from '../data/china-tiles';
import { fonts } from '../i18n';
import { missing, textOn } from '../palette';
import { fmt } from '../text';
import type { BaseOptions, PlotChart } from '../types';
import { describeMap, legendMarks, type MapColourOptions, mapColours } from './map-common';

export interface TileMapOptions extends BaseOptions, MapColourOptions {
  /** GB/T 2260 code by unit id, for ids that are not codes (`{bj: '110000'}`). */
  codes?: Record<string, string>;
  /** Draw Hong Kong, Macao and Taiwan even without data (default: only those in the Result). */
  showOptional?: boolean;
}

/**
 * GB/T 2260 province code of a unit id: the id itself when it is 6 digits (a prefecture or county code
 * gives its province: first two digits + 0000), `11` → `110000`; otherwise null.
 * @example provinceCode('110105') // '110000'
 */
export function provinceCode(id: string): string | null {
  if (/^\d{6}$/.test(id)) return `${id.slice(0, 2)}0000`;
  if (/^\d{2}$/.test(id)) return `${id}0000`;
  return null;
}

/**
 * Tile map of the Result's units on China's provinces.
 * @example toSvg(tileMap(result, { lang: 'en' }))
 */
export function tileMap(result: Result, options: TileMapOptions = {}): PlotChart {
  const lang = options.lang ?? 'zh';
  const c = mapColours(result, options, lang);
  const byCode = new Map<string, (typeof c.units)[number]>();
  const notShown: string[] = [];
  for (const u of c.units) {
    const code = options.codes?.[u.id] ?? provinceCode(u.id);
    if (code && chinaTiles.some((t) => t.code === code) && !byCode.has(code)) byCode.set(code, u);
    else notShown.push(u.name);
  }
  const tiles = chinaTiles.filter((t) => !t.optional || options.showOptional || byCode.has(t.code));
  const size = Math.round((options.width ?? 520) / 8.6);
  const gap = Math.max(2, Math.round(size / 16));
  const pad = 6;
  const step = size + gap;
  const cols = Math.max(...chinaTiles.map((t) => t.col)) + 1;
  const rows = Math.max(...chinaTiles.map((t) => t.row)) + 1;
  const width = pad * 2 + cols * step;
  const height = pad * 2 + rows * step;
  const fs = Math.max(9, Math.round(size / 5.6));
  const data = tiles.map((tile: ChinaTile) => {
    const u = byCode.get(tile.code);
    const fill = u?.fill ?? missing;
    const x1 = pad + tile.col * step;
    const y1 = pad + tile.row * step;
    return {
      x1,
      x2: x1 + size,
      y1,
      y2: y1 + size,
      cx: x1 + size / 2,
      fill,
      ink: textOn(fill),
      name: lang === 'zh' ? tile.zh : tile.abbr,
      score: u && u.score !== null ? fmt(u.score, c.digits) : '—',
      cls: u?.score !== null && c.by === 'tier' ? (u?.cls ?? '') : '',
      cy: y1 + size / 2,
    };
  });
  const marks: Plot.Markish[] = [
    Plot.rect(data, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'fill', rx: 3 }),
    Plot.text(data, {
      x: 'cx',
      y: (d) => d.cy - fs * 1.3,
      text: 'name',
      fill: 'ink',
      fontSize: fs + 1,
      fontWeight: 'bold',
    }),
    Plot.text(data, { x: 'cx', y: 'cy', text: 'score', fill: 'ink', fontSize: fs }),
    Plot.text(data, { x: 'cx', y: (d) => d.cy + fs * 1.25, text: 'cls', fill: 'ink', fontSize: fs - 1 }),
    // tiles carry the tier in words, so neither tiles nor legend use patterns here
    ...legendMarks(
      c.legend.map((l) => ({ ...l, pattern: null })),
      pad + 8,
      pad + 4,
    ),
  ];
  const options2: Plot.PlotOptions = {
    width,
    height,
    margin: 0,
    x: { type: 'identity', axis: null },
    y: { type: 'identity', axis: null },
    color: { type: 'identity' },
    style: { fontFamily: fonts[lang], background: 'white' },
    marks,
  };
  const what =
    lang === 'zh'
      ? '中国省级行政区方块地图（每块一个省份，无边界）'
      : "Tile map of China's provinces (one square each, no boundaries)";
  const description = describeMap(result, c, lang, what, notShown);
  const title = options.title ?? (lang === 'zh' ? `${c.nodeName}：各省份分布` : `${c.nodeName} by province`);
  return { kind: 'plot', name: 'tile-map', lang, title, description, options: options2 };
}
