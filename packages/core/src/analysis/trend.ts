/**
 * Trends over several years: per unit and node, the change and the compound annual growth rate between
 * the first and the last year with a score, from one Result per year.
 */
import { fail } from '../errors';
import type { Result } from '../result/types';

/**
 * Compound annual growth rate: (last / first)^(1 / years) − 1.
 * @returns NaN when years ≤ 0, first ≤ 0, last < 0 or a value is missing (growth is undefined there)
 * @example cagr(100, 121, 2) // 0.1
 */
export function cagr(first: number, last: number, years: number): number {
  if (!(years > 0) || !(first > 0) || !(last >= 0)) return Number.NaN;
  return (last / first) ** (1 / years) - 1;
}

/** Trend of one node, arrays aligned with `TrendResult.units`. */
export interface NodeTrend {
  /** score[i][y]: unit i's score in years[y]; null when it has none. */
  score: (number | null)[][];
  rank: (number | null)[][];
  /** First and last year in which the unit has a score. */
  first_year: (number | null)[];
  last_year: (number | null)[];
  /** Score in the last year − score in the first year. */
  change: (number | null)[];
  /** Rank in the first year − rank in the last year: positive when the unit moved up. */
  rank_change: (number | null)[];
  /** Compound annual growth of the score between the first and last year (null when undefined). */
  cagr: (number | null)[];
}

/** Trends over the years of several Results (JSON-ready). */
export interface TrendResult {
  set: string;
  years: number[];
  /** Every unit in any year, in order of first appearance. */
  units: string[];
  /** Nodes present in every Result, in the order of the first. */
  nodes: string[];
  trends: Record<string, NodeTrend>;
}

const fin = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/**
 * Trends of every node over one Result per year (sorted by year here).
 * @param results at least two Results, each with a different `year`
 * @throws GovscoreError E401 when a Result has no year, two have the same year, fewer than two are given
 *   or they share no node
 * @example trends([r2022, r2023, r2024]).trends.index.cagr
 */
export function trends(results: readonly Result[]): TrendResult {
  if (results.length < 2)
    fail('E401', `trends need at least two Results, got ${results.length}`, {}, 'give one Result per year');
  for (const r of results) {
    if (r.year === undefined) {
      fail(
        'E401',
        `a Result of '${r.set.id}' has no year`,
        {},
        'assess data with a year column, one Result per year',
      );
    }
  }
  const sorted = [...results].sort((x, y) => (x.year as number) - (y.year as number));
  const years = sorted.map((r) => r.year as number);
  for (let k = 1; k < years.length; k++) {
    if (years[k] === years[k - 1])
      fail('E401', `two Results are of year ${years[k]}`, {}, 'give one Result per year');
  }
  const units: string[] = [];
  const seen = new Set<string>();
  for (const r of sorted)
    for (const u of r.units)
      if (!seen.has(u.id)) {
        seen.add(u.id);
        units.push(u.id);
      }
  const nodes = sorted[0]!.set.nodes
    .map((n) => n.id)
    .filter((id) => sorted.every((r) => r.values[id] !== undefined));
  if (nodes.length === 0)
    fail('E401', 'the Results share no node', {}, 'use Results of the same indicator set');
  const pos = sorted.map((r) => new Map(r.units.map((u, i) => [u.id, i])));
  const out: Record<string, NodeTrend> = Object.create(null);
  for (const node of nodes) {
    const t: NodeTrend = {
      score: [],
      rank: [],
      first_year: [],
      last_year: [],
      change: [],
      rank_change: [],
      cagr: [],
    };
    for (const u of units) {
      const s = sorted.map((r, y) => {
        const i = pos[y]!.get(u);
        return i === undefined ? null : fin(r.values[node]!.score[i]);
      });
      const rk = sorted.map((r, y) => {
        const i = pos[y]!.get(u);
        return i === undefined ? null : fin(r.values[node]!.rank[i]);
      });
      const f = s.findIndex((v) => v !== null);
      let l = -1;
      for (let y = s.length - 1; y >= 0; y--)
        if (s[y] !== null) {
          l = y;
          break;
        }
      t.score.push(s);
      t.rank.push(rk);
      t.first_year.push(f < 0 ? null : years[f]!);
      t.last_year.push(l < 0 ? null : years[l]!);
      const ok = f >= 0 && l > f;
      t.change.push(ok ? (s[l] as number) - (s[f] as number) : null);
      t.rank_change.push(
        ok && rk[f] !== null && rk[l] !== null ? (rk[f] as number) - (rk[l] as number) : null,
      );
      t.cagr.push(ok ? fin(cagr(s[f] as number, s[l] as number, years[l]! - years[f]!)) : null);
    }
    out[node] = t;
  }
  return { set: sorted[0]!.set.id, years, units, nodes, trends: out };
}
