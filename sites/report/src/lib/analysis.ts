/**
 * Reading what the robustness analysis attached to a Result (`result.analysis`): rank intervals from
 * the uncertainty analysis and Sobol sensitivity indices. Absent or unreadable → null ("not computed").
 */
import type { Result } from '@govscore/core';

export interface RankInterval {
  nominal: number | null;
  median: number | null;
  mean?: number | null;
  q05: number | null;
  q95: number | null;
}

export interface SensitivityRow {
  assumption: string;
  first: number | null;
  total: number | null;
  first_ci?: [number, number];
  total_ci?: [number, number];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const arr = (v: unknown): unknown[] | null => (Array.isArray(v) ? v : null);
const pair = (v: unknown): [number, number] | undefined => {
  const a = arr(v);
  return a && a.length === 2 && n(a[0]) !== null && n(a[1]) !== null
    ? [a[0] as number, a[1] as number]
    : undefined;
};

/** Per-unit rank columns (aligned with `unitIds`) → intervals by unit id. */
function fromColumns(o: Obj, unitIds: readonly string[]): Map<string, RankInterval> | null {
  const q05 = arr(o['q05'] ?? o['q05_rank'] ?? o['p05']);
  const q95 = arr(o['q95'] ?? o['q95_rank'] ?? o['p95']);
  if (!q05 || !q95) return null;
  const ids = (arr(o['units']) as string[] | null) ?? unitIds;
  const nominal = arr(o['nominal'] ?? o['nominal_rank']);
  const median = arr(o['median'] ?? o['median_rank']);
  const meanCol = arr(o['mean'] ?? o['mean_rank']);
  const out = new Map<string, RankInterval>();
  ids.forEach((id, i) => {
    if (typeof id !== 'string') return;
    out.set(id, {
      nominal: n(nominal?.[i]),
      median: n(median?.[i]),
      mean: n(meanCol?.[i]),
      q05: n(q05[i]),
      q95: n(q95[i]),
    });
  });
  return out.size ? out : null;
}

/** Rows `{unit, node?, nominal, median, q05, q95}` → intervals by unit id for one node. */
function fromRows(rows: unknown[], node: string): Map<string, RankInterval> | null {
  const out = new Map<string, RankInterval>();
  for (const r of rows) {
    if (!isObj(r)) continue;
    const unit = r['unit'] ?? r['region_id'] ?? r['id'];
    const rn = r['node'] ?? r['node_id'];
    if (typeof unit !== 'string' || (rn !== undefined && rn !== node)) continue;
    out.set(unit, {
      nominal: n(r['nominal'] ?? r['nominal_rank']),
      median: n(r['median'] ?? r['median_rank']),
      mean: n(r['mean'] ?? r['mean_rank']),
      q05: n(r['q05'] ?? r['q05_rank']),
      q95: n(r['q95'] ?? r['q95_rank']),
    });
  }
  return out.size ? out : null;
}

/**
 * Rank intervals of `node` for every unit, from `result.analysis.uncertainty`: columns aligned with
 * the units (optionally per node under `ranks`/`nodes`), or rows with a unit id.
 */
export function readIntervals(result: Result, node: string): Map<string, RankInterval> | null {
  const u = result.analysis?.['uncertainty'];
  if (u === undefined) return null;
  if (Array.isArray(u)) return fromRows(u, node);
  if (!isObj(u)) return null;
  // the analysis' own unit list (@govscore/core's UncertaintyResult), else the Result's
  const ids =
    Array.isArray(u['units']) && typeof u['units'][0] === 'string'
      ? (u['units'] as string[])
      : result.units.map((x) => x.id);
  for (const key of ['ranks', 'nodes', 'by_node']) {
    const per = u[key];
    if (isObj(per) && isObj(per[node])) return fromColumns(per[node] as Obj, ids);
    if (Array.isArray(per)) return fromRows(per, node);
  }
  if (Array.isArray(u['rows'])) return fromRows(u['rows'] as unknown[], node);
  if (Array.isArray(u['units']) && isObj((u['units'] as unknown[])[0]))
    return fromRows(u['units'] as unknown[], node);
  if (u['node'] === undefined || u['node'] === node) return fromColumns(u, ids);
  return null;
}

/** What the sensitivity analysis measured: `{node, statistic, unit?}`, or null. */
export function sensitivityOutput(
  result: Result,
): { node: string; statistic: string; n: number | null } | null {
  const s = result.analysis?.['sensitivity'];
  if (!isObj(s) || !isObj(s['output'])) return null;
  const o = s['output'];
  if (typeof o['node'] !== 'string' || typeof o['statistic'] !== 'string') return null;
  return { node: o['node'], statistic: o['statistic'], n: n(s['n']) };
}

/** The assumptions the analysis varied: id and type, in order; null when none are recorded. */
export function analysisAssumptions(result: Result): { id: string; type: string; detail: string }[] | null {
  const a = result.analysis?.['assumptions'];
  if (!Array.isArray(a) || a.length === 0) return null;
  return a.filter(isObj).map((x) => {
    const { id, type, ...rest } = x;
    return {
      id: typeof id === 'string' ? id : String(type),
      type: String(type),
      detail: JSON.stringify(rest),
    };
  });
}

/** Replications of the uncertainty analysis, or null. */
export function uncertaintyReplications(result: Result): number | null {
  const u = result.analysis?.['uncertainty'];
  return isObj(u) ? n(u['replications']) : null;
}

/** Sobol indices from `result.analysis.sensitivity`: rows, or `{assumptions, first, total}` columns. */
export function readSensitivity(result: Result): SensitivityRow[] | null {
  const s = result.analysis?.['sensitivity'];
  if (s === undefined) return null;
  const rows: SensitivityRow[] = [];
  const push = (a: unknown, first: unknown, total: unknown, fci?: unknown, tci?: unknown) => {
    if (typeof a !== 'string') return;
    const row: SensitivityRow = { assumption: a, first: n(first), total: n(total) };
    const f = pair(fci);
    const t = pair(tci);
    if (f) row.first_ci = f;
    if (t) row.total_ci = t;
    rows.push(row);
  };
  const list = Array.isArray(s) ? s : isObj(s) ? (arr(s['indices']) ?? arr(s['rows'])) : null;
  if (list) {
    for (const r of list)
      if (isObj(r))
        push(
          r['assumption'] ?? r['name'] ?? r['id'],
          r['first'] ?? r['S1'] ?? r['s1'],
          r['total'] ?? r['ST'] ?? r['st'],
          r['first_ci'] ?? [r['s1_low'], r['s1_high']],
          r['total_ci'] ?? [r['st_low'], r['st_high']],
        );
  } else if (isObj(s)) {
    const names = arr(s['assumptions']);
    const first = arr(s['first']);
    const total = arr(s['total']);
    names?.forEach((a, i) => {
      push(a, first?.[i], total?.[i], arr(s['first_ci'])?.[i], arr(s['total_ci'])?.[i]);
    });
  }
  return rows.length ? rows : null;
}
