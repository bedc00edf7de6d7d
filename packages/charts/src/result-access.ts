/**
 * Reading a Result for charts: nodes, scores, tiers with their labels and colours, averages.
 * Nothing here computes what the engine computed; it only looks values up.
 */
import { type ResolvedNode, type Result, shownDecimals } from '@govscore/core';
import { fail } from './errors';
import { isHexColor, tierPalette, vetoColor } from './palette';
import { pickText, unitName } from './text';
import type { Lang } from './types';

/**
 * Decimals to show scores of these nodes with: the most any of them needs (`shownDecimals`: the
 * set's `rank.round`, or the fewest at which different scores show differently), so that a chart
 * shows scores at the precision their ranks were decided.
 */
export function digitsOf(results: Result | readonly Result[], nodeIds: readonly string[]): number {
  let d = 0;
  for (const r of Array.isArray(results) ? results : [results as Result])
    for (const id of nodeIds) if (r.values[id]) d = Math.max(d, shownDecimals(r, id));
  return d;
}

/** The root node (parent null). */
export function rootNode(result: Result): ResolvedNode {
  const root = result.set.nodes.find((n) => n.parent === null);
  if (!root)
    fail(
      'E500',
      'the Result has no root node (a node whose parent is null)',
      {},
      'pass a Result made by assess()',
    );
  return root;
}

/** A node by id, or an E501 error listing the known ids. */
export function nodeById(result: Result, id: string): ResolvedNode {
  const node = result.set.nodes.find((n) => n.id === id);
  if (!node) {
    const known = result.set.nodes.map((n) => n.id);
    fail(
      'E501',
      `unknown node "${id}"`,
      { node: id },
      `use one of: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}`,
    );
  }
  return node;
}

/** Index of a unit in `result.units`, or an E501 error listing the known ids. */
export function unitIndex(result: Result, id: string): number {
  const i = result.units.findIndex((u) => u.id === id);
  if (i < 0) {
    const known = result.units.map((u) => u.id);
    fail(
      'E501',
      `unknown unit "${id}"`,
      { unit: id },
      `use one of: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}`,
    );
  }
  return i;
}

/** Display name of a node in `lang`; its id when unnamed. */
export function nodeName(result: Result, id: string, lang: Lang): string {
  const node = result.set.nodes.find((n) => n.id === id);
  return pickText(node?.name, lang, id) || id;
}

/** Scores of a node, aligned with units; NaN-free: missing is null. */
export function scoresOf(result: Result, id: string): (number | null)[] {
  nodeById(result, id);
  const v = result.values[id];
  if (!v)
    fail('E500', `the Result has no values for node "${id}"`, { node: id }, 'pass a Result made by assess()');
  return v.score.map((s) => (s === null || !Number.isFinite(s) ? null : s));
}

/** Ranks of a node, aligned with units. */
export function ranksOf(result: Result, id: string): (number | null)[] {
  nodeById(result, id);
  const v = result.values[id];
  if (!v)
    fail('E500', `the Result has no values for node "${id}"`, { node: id }, 'pass a Result made by assess()');
  return v.rank.map((s) => (s === null || !Number.isFinite(s) ? null : s));
}

/** Children of a node, in set order. */
export function childrenOf(result: Result, id: string): ResolvedNode[] {
  const node = nodeById(result, id);
  return node.children.map((c) => nodeById(result, c));
}

/** Arithmetic mean of the numbers present; null when none. */
export function meanOf(values: readonly (number | null)[]): number | null {
  let s = 0;
  let n = 0;
  for (const v of values) {
    if (v !== null && Number.isFinite(v)) {
      s += v;
      n++;
    }
  }
  return n > 0 ? s / n : null;
}

/** Median (average of the middle two for even counts); null when none. */
export function medianOf(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const m = xs.length >> 1;
  return xs.length % 2 ? xs[m]! : (xs[m - 1]! + xs[m]!) / 2;
}

/** One tier as charts show it. */
export interface TierView {
  id: string;
  label: string;
  color: string;
  /** Position best-first (0 = best); the veto tier comes last. */
  index: number;
  /** Lowest score (thresholds), when known. */
  min?: number;
  exclusive?: boolean;
}

/**
 * Tiers of a Result in order (best first, veto last) and each unit's tier, or null without tiers.
 * Colours: the set's own (`levels[].color`) when `colors` is 'set' and it gives one, else viridis.
 */
export function tiersOf(
  result: Result,
  lang: Lang,
  colors: 'set' | 'palette' = 'set',
): { levels: TierView[]; unitTier: (TierView | null)[]; node: string } | null {
  const spec = result.set.tiers;
  const assigned = result.tiers;
  if (!spec || !assigned) return null;
  const palette = tierPalette(spec.levels.length);
  const levels: TierView[] = spec.levels.map((l, i) => {
    const v: TierView = {
      id: l.id,
      label: pickText(l.name, lang, l.id) || l.id,
      color: colors === 'set' && isHexColor(l.color) ? l.color : palette[i]!,
      index: i,
    };
    if (l.min !== undefined) v.min = l.min;
    if (l.exclusive !== undefined) v.exclusive = l.exclusive;
    return v;
  });
  if (spec.veto) {
    levels.push({
      id: spec.veto.id,
      label: pickText(spec.veto.name, lang, spec.veto.id) || spec.veto.id,
      color: vetoColor,
      index: levels.length,
    });
  }
  const byId = new Map(levels.map((l) => [l.id, l]));
  const unitTier = assigned.tier.map((t) => (t === null ? null : (byId.get(t) ?? null)));
  return { levels, unitTier, node: assigned.node };
}

/** Units with index, id and display name. */
export function unitsOf(result: Result, lang: Lang): { index: number; id: string; name: string }[] {
  return result.units.map((u, index) => ({ index, id: u.id, name: unitName(u, lang) }));
}
