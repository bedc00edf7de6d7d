/**
 * What the three maps share: each unit's fill (its tier's colour, or a bin of its score), a pattern per
 * tier so that tiers differ without colour, legend entries, and the words of the description.
 */
import type { Result } from '@govscore/core';
import * as Plot from '@observablehq/plot';
import { list, paren, sentences, t, unitKind } from '../i18n';
import { binPalette, missing, tierPattern, tierPatternDefs } from '../palette';
import { digitsOf, nodeName, ranksOf, rootNode, scoresOf, tiersOf, unitsOf } from '../result-access';
import { fmt } from '../text';
import type { Lang } from '../types';

export interface MapColourOptions {
  /** Node shown (default: the tiered node, else the root). */
  node?: string;
  /** Colour by tier (default when the node has tiers) or by score in 5 equal-width bins. */
  colorBy?: 'tier' | 'score';
  digits?: number;
  /** Tier colours: the set's own when it gives them (default), or always the viridis palette. */
  tierColors?: 'set' | 'palette';
}

export interface UnitFill {
  index: number;
  id: string;
  name: string;
  score: number | null;
  rank: number | null;
  fill: string;
  /** `url(#tier-pattern-i)` or null. */
  pattern: string | null;
  /** Legend class label (tier name or score bin). */
  cls: string | null;
}

export interface LegendEntry {
  label: string;
  fill: string;
  pattern: string | null;
}

export interface MapColours {
  node: string;
  nodeName: string;
  by: 'tier' | 'score';
  units: UnitFill[];
  legend: LegendEntry[];
  defs: string;
  digits: number;
}

/**
 * Fills of every unit. Score bins: 5 of equal width from the lowest to the highest score; a score on
 * an inner edge goes to the upper bin; labels `a–b`.
 */
export function mapColours(result: Result, options: MapColourOptions, lang: Lang): MapColours {
  const tiers = tiersOf(result, lang, options.tierColors);
  const node = options.node ?? tiers?.node ?? rootNode(result).id;
  const scores = scoresOf(result, node);
  const ranks = ranksOf(result, node);
  const digits = options.digits ?? digitsOf(result, [node]);
  const canTier = tiers !== null && tiers.node === node;
  const by = options.colorBy ?? (canTier ? 'tier' : 'score');
  const units = unitsOf(result, lang);
  const legend: LegendEntry[] = [];
  let fills: UnitFill[];
  let defs = '';
  if (by === 'tier' && canTier) {
    defs = tierPatternDefs(tiers.levels.length);
    const vetoId = result.set.tiers?.veto?.id;
    for (const l of tiers.levels) {
      // the veto tier is listed only when a unit is in it
      if (l.id === vetoId && !tiers.unitTier.some((x) => x?.id === l.id)) continue;
      legend.push({ label: l.label, fill: l.color, pattern: tierPattern(l.index) });
    }
    fills = units.map((u) => {
      const tier = tiers.unitTier[u.index] ?? null;
      return {
        index: u.index,
        id: u.id,
        name: u.name,
        score: scores[u.index] ?? null,
        rank: ranks[u.index] ?? null,
        fill: tier?.color ?? missing,
        pattern: tier ? tierPattern(tier.index) : null,
        cls: tier?.label ?? null,
      };
    });
  } else {
    const xs = scores.filter((v): v is number => v !== null);
    const lo = xs.length ? Math.min(...xs) : 0;
    const hi = xs.length ? Math.max(...xs) : 1;
    const k = lo === hi ? 1 : 5;
    const colours = binPalette(k);
    const edges = Array.from({ length: k + 1 }, (_, i) => lo + ((hi - lo) * i) / k);
    const labels = colours.map((_, i) => `${fmt(edges[i]!, digits)}–${fmt(edges[i + 1]!, digits)}`);
    for (let i = 0; i < k; i++) legend.push({ label: labels[i]!, fill: colours[i]!, pattern: null });
    fills = units.map((u) => {
      const v = scores[u.index] ?? null;
      const b = v === null ? -1 : Math.min(k - 1, Math.floor(hi === lo ? 0 : ((v - lo) / (hi - lo)) * k));
      return {
        index: u.index,
        id: u.id,
        name: u.name,
        score: v,
        rank: ranks[u.index] ?? null,
        fill: b < 0 ? missing : colours[b]!,
        pattern: null,
        cls: b < 0 ? null : labels[b]!,
      };
    });
  }
  legend.push({ label: t('noData', lang), fill: missing, pattern: null });
  return {
    node,
    nodeName: nodeName(result, node, lang),
    by: by === 'tier' && canTier ? 'tier' : 'score',
    units: fills,
    legend,
    defs,
    digits,
  };
}

/** Sentences: what is coloured, the top three, and the units of each class. */
export function describeMap(
  result: Result,
  c: MapColours,
  lang: Lang,
  what: string,
  notShown: string[],
): string {
  const kind = unitKind(result.set.unit, lang);
  const shown = c.units.filter((u) => u.score !== null);
  const ranked = [...shown].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.index - b.index);
  const top = ranked.slice(0, 3).map((u) => paren(u.name, fmt(u.score, c.digits), lang));
  const classes = c.legend
    .filter((l) => l.label !== t('noData', lang))
    .map((l) => {
      const members = c.units.filter((u) => u.cls === l.label).map((u) => u.name);
      return members.length ? `${l.label}${t('colon', lang)}${list(members, lang)}` : '';
    })
    .filter(Boolean);
  const head =
    lang === 'zh'
      ? `${what}，按${c.nodeName}${c.by === 'tier' ? '等级' : '得分分段'}着色，共${shown.length}个${kind}有数据`
      : `${what}, coloured by ${c.nodeName} ${c.by === 'tier' ? 'tier' : 'score band'}; ${shown.length} ${kind} with data`;
  return sentences(
    [
      head,
      top.length ? `${lang === 'zh' ? '前三名' : 'Top three'}${t('colon', lang)}${list(top, lang)}` : '',
      ...classes,
      notShown.length
        ? lang === 'zh'
          ? `不在地图上：${list(notShown, lang)}`
          : `Not on the map: ${list(notShown, lang)}`
        : '',
    ],
    lang,
  );
}

/**
 * Legend marks in frame coordinates (works with or without a projection): a swatch with the
 * class's pattern over its colour, and the label, one row per entry, from the frame's bottom-left.
 */
export function legendMarks(legend: readonly LegendEntry[], dx: number, bottom: number): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  legend.forEach((l, i) => {
    const dy = -bottom + i * 16 - (legend.length - 1) * 16;
    const at = { frameAnchor: 'bottom-left' as const, dx, dy };
    marks.push(
      Plot.dot([0], { ...at, symbol: 'square', r: 6, fill: l.fill, stroke: '#666666', strokeWidth: 0.5 }),
    );
    if (l.pattern) marks.push(Plot.dot([0], { ...at, symbol: 'square', r: 6, fill: l.pattern }));
    marks.push(
      Plot.text([l.label], {
        ...at,
        dx: dx + 12,
        text: (d) => d,
        textAnchor: 'start',
        fontSize: 11,
        fill: '#222222',
      }),
    );
  });
  return marks;
}
