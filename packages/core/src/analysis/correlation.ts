/**
 * Correlations with pairwise-complete data (R `cor(x, y, use = "pairwise.complete.obs")`):
 * Pearson's r, and Spearman's ρ (Pearson's r of the ranks, ties given their average rank, the ranks
 * taken over the complete pairs only — as R does). Tree-aware tables: among the children of a node,
 * each node with its parent, each node with the index, or any two lists of nodes (across levels).
 */
import type { FlatTree } from '../plan/tree';
import { nodesAtLevel } from './levels';
import { columnOf, type Model, nodeIndex, type Stage } from './model';

export type CorrelationMethod = 'pearson' | 'spearman';

/** @internal Pearson's r of the first `m` entries of two complete arrays. */
function pearsonComplete(x: ArrayLike<number>, y: ArrayLike<number>, m: number): number {
  if (m < 2) return Number.NaN;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < m; i++) {
    sx += x[i] as number;
    sy += y[i] as number;
  }
  const mx = sx / m;
  const my = sy / m;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < m; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.min(1, Math.max(-1, r));
}

/** @internal The pairs where both x and y are present, packed into new arrays. */
function completePairs(x: ArrayLike<number>, y: ArrayLike<number>): [Float64Array, Float64Array] {
  const n = Math.min(x.length, y.length);
  let m = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i] as number) && !Number.isNaN(y[i] as number)) m++;
  const a = new Float64Array(m);
  const b = new Float64Array(m);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const u = x[i] as number;
    const v = y[i] as number;
    if (Number.isNaN(u) || Number.isNaN(v)) continue;
    a[k] = u;
    b[k++] = v;
  }
  return [a, b];
}

/**
 * Ranks, ascending, ties given the average of the ranks they span (R `rank(x)`, ties "average");
 * NaN stays NaN.
 * @example averageRanks([10, 20, 20, 5]) // [2, 3.5, 3.5, 1]
 */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const out = new Float64Array(n).fill(Number.NaN);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i] as number)) idx.push(i);
  idx.sort((a, b) => (x[a] as number) - (x[b] as number) || a - b);
  let p = 0;
  while (p < idx.length) {
    let q = p;
    while (q + 1 < idx.length && x[idx[q + 1]!] === x[idx[p]!]) q++;
    const r = (p + q) / 2 + 1;
    for (let k = p; k <= q; k++) out[idx[k]!] = r;
    p = q + 1;
  }
  return out;
}

/**
 * Pearson's correlation over the pairs where both values are present:
 * r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²), means taken over those pairs.
 * Reference: R `cor(x, y, use = "pairwise.complete.obs")`, Excel CORREL.
 * @returns NaN with fewer than two complete pairs or when either has no spread.
 * @example pearson([1, 2, 3, 4], [2, 4, 5, 9]) // 11 / √130 = 0.96476…
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const [a, b] = completePairs(x, y);
  return pearsonComplete(a, b, a.length);
}

/**
 * Spearman's rank correlation over the pairs where both values are present: Pearson's r of the
 * average ranks of those pairs. Reference: R `cor(x, y, method = "spearman", use = "pairwise.complete.obs")`.
 * @returns NaN with fewer than two complete pairs or when either has no spread.
 * @example spearman([1, 2, 3, 4], [1, 3, 2, 4]) // 0.8
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const [a, b] = completePairs(x, y);
  return pearsonComplete(averageRanks(a), averageRanks(b), a.length);
}

/** Pearson or Spearman, by name. */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>, method: CorrelationMethod): number {
  return method === 'spearman' ? spearman(x, y) : pearson(x, y);
}

/** Number of pairs where both values are present. */
export function completeCount(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = Math.min(x.length, y.length);
  let m = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i] as number) && !Number.isNaN(y[i] as number)) m++;
  return m;
}

/**
 * Correlation matrix of columns, every entry on its own pairwise-complete data.
 * @returns k × k array; entry [a][b] is the correlation of column a with column b (NaN when undefined).
 * @example correlationMatrix([[1, 2, 3], [3, 2, 1]], 'pearson') // [[1, -1], [-1, 1]]
 */
export function correlationMatrix(cols: readonly ArrayLike<number>[], method: CorrelationMethod): number[][] {
  const k = cols.length;
  const r: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(Number.NaN));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const v = correlation(cols[a]!, cols[b]!, method);
      r[a]![b] = v;
      r[b]![a] = v;
    }
  }
  return r;
}

/** A table of correlations between two lists of nodes (JSON: missing = null). */
export interface CorrelationTable {
  method: CorrelationMethod;
  rows: string[];
  cols: string[];
  /** r[i][j]: correlation of rows[i] with cols[j]; null when undefined. */
  r: (number | null)[][];
  /** Pairs used for each entry. */
  n: number[][];
}

/** Nodes to correlate: ids, or every node at a level (1 = indicators, as COINr). */
export type NodeSelection = readonly string[] | { level: number };

/** @internal Node indices of a selection. */
export function selectNodes(model: Model, sel: NodeSelection): number[] {
  if (Array.isArray(sel)) return (sel as readonly string[]).map((id) => nodeIndex(model.plan, id));
  return nodesAtLevel(model.plan.tree, (sel as { level: number }).level);
}

const nullable = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Correlations between two lists of nodes, within or across levels (COINr `get_corr`).
 * Indicators contribute their values at `stage` (default: normalised scores), aggregates their scores.
 *
 * @param rows nodes of the rows (ids, or `{level}`)
 * @param cols nodes of the columns (default: the rows)
 * @throws GovscoreError E400 for an unknown node id
 * @example correlationTable(model, { level: 1 }, ['index'], 'spearman') // each indicator with the index
 */
export function correlationTable(
  model: Model,
  rows: NodeSelection,
  cols: NodeSelection = rows,
  method: CorrelationMethod = 'pearson',
  stage: Stage = 'score',
): CorrelationTable {
  const ri = selectNodes(model, rows);
  const ci = selectNodes(model, cols);
  const nodes = model.plan.tree.nodes;
  const colOf = (i: number) => columnOf(model, i, stage);
  return {
    method,
    rows: ri.map((i) => nodes[i]!.id),
    cols: ci.map((i) => nodes[i]!.id),
    r: ri.map((a) =>
      ci.map((b) => nullable(a === b ? selfCorrelation(colOf(a)) : correlation(colOf(a), colOf(b), method))),
    ),
    n: ri.map((a) => ci.map((b) => completeCount(colOf(a), colOf(b)))),
  };
}

/** @internal 1 when a column has spread, else NaN (as R's cor(x, x)). */
function selfCorrelation(x: Float64Array): number {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) continue;
    m++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return m >= 2 && hi > lo ? 1 : Number.NaN;
}

/** Correlations in and around the tree, as `analyse` reports them. */
export interface TreeCorrelations {
  method: CorrelationMethod;
  /** Per aggregate (by id): the correlation matrix of its children. */
  within: Record<string, CorrelationTable>;
  /** Per non-root node (by id): its correlation with its parent. */
  with_parent: Record<string, number | null>;
  /** Per non-root node (by id): its correlation with the root (the index). */
  with_index: Record<string, number | null>;
}

/**
 * The standard correlation report of a tree: children with each other (per aggregate), each node with
 * its parent, each node with the index (COINr `get_corr(withparent = ...)`, `plot_corr`).
 * @example treeCorrelations(model, 'spearman').with_index['Physical']
 */
export function treeCorrelations(
  model: Model,
  method: CorrelationMethod = 'pearson',
  stage: Stage = 'score',
): TreeCorrelations {
  const tree: FlatTree = model.plan.tree;
  const within: Record<string, CorrelationTable> = Object.create(null);
  const withParent: Record<string, number | null> = Object.create(null);
  const withIndex: Record<string, number | null> = Object.create(null);
  const root = tree.nodes[0]!;
  for (const idx of tree.aggregates) {
    const ids = tree.nodes[idx]!.children.map((c) => tree.nodes[c]!.id);
    within[tree.nodes[idx]!.id] = correlationTable(model, ids, ids, method, stage);
  }
  for (const node of tree.nodes) {
    if (node.parent < 0) continue;
    const x = columnOf(model, node.index, stage);
    withParent[node.id] = nullable(correlation(x, columnOf(model, node.parent, stage), method));
    withIndex[node.id] = nullable(correlation(x, columnOf(model, root.index, stage), method));
  }
  return { method, within, with_parent: withParent, with_index: withIndex };
}
