/**
 * Comparing two Results — two years of one indicator set, or two versions of a set on the same data:
 * score and rank shifts per unit and node, Spearman rank correlation per node, tier changes.
 */
import { fail } from '../errors';
import type { Result } from '../result/types';
import { spearman } from './correlation';

/** Shifts of one node, arrays aligned with `CompareResult.units`; null where a side has no value. */
export interface NodeShift {
  score_a: (number | null)[];
  score_b: (number | null)[];
  /** score_b − score_a. */
  score_change: (number | null)[];
  rank_a: (number | null)[];
  rank_b: (number | null)[];
  /** rank_a − rank_b: positive when the unit moved up (to a better rank) in b. */
  rank_change: (number | null)[];
}

/** A unit whose tier differs between the two Results. */
export interface TierChange {
  unit: string;
  from: string | null;
  to: string | null;
  /** up: to a better tier (earlier in the tier list), down: to a worse one; null when unknown. */
  direction: 'up' | 'down' | null;
}

/** Side-by-side comparison of two Results (JSON-ready). */
export interface CompareResult {
  a: { set: string; version?: string; year?: number };
  b: { set: string; version?: string; year?: number };
  /** Units in both, in the order of a. */
  units: string[];
  only_a: string[];
  only_b: string[];
  /** Node ids in both, in the order of a. */
  nodes: string[];
  nodes_only_a: string[];
  nodes_only_b: string[];
  shifts: Record<string, NodeShift>;
  /** Spearman's ρ of the two rankings of each node over the units ranked in both; null when undefined. */
  rank_correlation: Record<string, number | null>;
  /** Per node: number of units ranked in both. */
  ranked_in_both: Record<string, number>;
  /** When both Results have tiers: the tiered nodes and every unit whose tier changed. */
  tiers?: { node_a: string; node_b: string; changes: TierChange[] };
}

const fin = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/**
 * Compares Result `b` with Result `a`, unit by unit (matched by id) and node by node (matched by id).
 *
 * @param a the earlier year or the first version
 * @param b the later year or the second version
 * @returns shifts (b − a for scores, a − b for ranks so that moving up is positive), Spearman's ρ of the
 *   rankings per node, and tier changes
 * @throws GovscoreError E401 when the Results share no unit or no node
 * @example
 * const c = compare(result2023, result2024);
 * c.shifts.index.rank_change // +3: moved up three places
 * c.rank_correlation.index  // 0.97
 */
export function compare(a: Result, b: Result): CompareResult {
  const idsA = a.units.map((u) => u.id);
  const idsB = b.units.map((u) => u.id);
  const posB = new Map(idsB.map((id, i) => [id, i]));
  const setA = new Set(idsA);
  const units = idsA.filter((id) => posB.has(id));
  if (units.length === 0) {
    fail(
      'E401',
      `the Results share no unit ('${a.set.id}' has ${idsA.slice(0, 3).join(', ')}…, '${b.set.id}' has ${idsB.slice(0, 3).join(', ')}…)`,
      {},
      'compare Results of the same units (regions) — check the unit ids',
    );
  }
  const nodesA = a.set.nodes.map((n) => n.id);
  const nodesB = new Set(b.set.nodes.map((n) => n.id));
  const nodes = nodesA.filter((id) => nodesB.has(id));
  if (nodes.length === 0) {
    fail(
      'E401',
      `the Results share no node id ('${a.set.id}' and '${b.set.id}')`,
      {},
      'compare Results of indicator sets with common node ids',
    );
  }
  const ia = units.map((id) => idsA.indexOf(id));
  const ib = units.map((id) => posB.get(id)!);
  const shifts: Record<string, NodeShift> = Object.create(null);
  const rho: Record<string, number | null> = Object.create(null);
  const both: Record<string, number> = Object.create(null);
  for (const node of nodes) {
    const va = a.values[node];
    const vb = b.values[node];
    const sa = ia.map((i) => fin(va?.score[i]));
    const sb = ib.map((i) => fin(vb?.score[i]));
    const ra = ia.map((i) => fin(va?.rank[i]));
    const rb = ib.map((i) => fin(vb?.rank[i]));
    shifts[node] = {
      score_a: sa,
      score_b: sb,
      score_change: sa.map((x, k) => (x === null || sb[k] === null ? null : (sb[k] as number) - x)),
      rank_a: ra,
      rank_b: rb,
      rank_change: ra.map((x, k) => (x === null || rb[k] === null ? null : x - (rb[k] as number))),
    };
    const xa = Float64Array.from(ra, (x) => x ?? Number.NaN);
    const xb = Float64Array.from(rb, (x) => x ?? Number.NaN);
    rho[node] = fin(spearman(xa, xb));
    both[node] = ra.filter((x, k) => x !== null && rb[k] !== null).length;
  }
  const side = (r: Result) => ({
    set: r.set.id,
    ...(r.set.version !== undefined ? { version: r.set.version } : {}),
    ...(r.year !== undefined ? { year: r.year } : {}),
  });
  const out: CompareResult = {
    a: side(a),
    b: side(b),
    units,
    only_a: idsA.filter((id) => !posB.has(id)),
    only_b: idsB.filter((id) => !setA.has(id)),
    nodes,
    nodes_only_a: nodesA.filter((id) => !nodesB.has(id)),
    nodes_only_b: b.set.nodes.map((n) => n.id).filter((id) => !nodesA.includes(id)),
    shifts,
    rank_correlation: rho,
    ranked_in_both: both,
  };
  if (a.tiers && b.tiers) {
    const order = [...(a.set.tiers?.levels ?? []), ...(b.set.tiers?.levels ?? [])].map((l) => l.id);
    const pos = (t: string | null) => (t === null ? -1 : order.indexOf(t));
    const changes: TierChange[] = [];
    units.forEach((u, k) => {
      const from = a.tiers!.tier[ia[k]!] ?? null;
      const to = b.tiers!.tier[ib[k]!] ?? null;
      if (from === to) return;
      const pf = pos(from);
      const pt = pos(to);
      changes.push({ unit: u, from, to, direction: pf < 0 || pt < 0 ? null : pt < pf ? 'up' : 'down' });
    });
    out.tiers = { node_a: a.tiers.node, node_b: b.tiers.node, changes };
  }
  return out;
}
