/**
 * Cronbach's alpha: how consistently the children of a node measure one thing.
 */
import { columnOf, type Model, type Stage } from './model';

/** @internal Rows (unit indices) where every column has a value. */
export function completeRows(cols: readonly ArrayLike<number>[]): number[] {
  const n = cols.length ? cols[0]!.length : 0;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (const c of cols) {
      if (Number.isNaN(c[i] as number)) {
        ok = false;
        break;
      }
    }
    if (ok) rows.push(i);
  }
  return rows;
}

/** @internal Sample variance (n − 1) of the given rows of a column. */
function varianceOf(x: ArrayLike<number>, rows: readonly number[]): number {
  const m = rows.length;
  let s = 0;
  for (const i of rows) s += x[i] as number;
  const mu = s / m;
  let ss = 0;
  for (const i of rows) {
    const d = (x[i] as number) - mu;
    ss += d * d;
  }
  return ss / (m - 1);
}

/**
 * Cronbach's alpha of k columns on the rows complete in all of them:
 * α = k / (k − 1) · (1 − Σ σ²ᵢ / σ²ₜ), σ²ᵢ the sample variance of column i and σ²ₜ that of the row sums
 * (COINr `get_cronbach`, R `psych::alpha` raw alpha).
 *
 * @returns alpha, k and the number of complete rows n; alpha is NaN when k < 2, n < 2 or the sums
 *   have no spread.
 * @example cronbachAlpha([[1, 2, 3], [1, 2, 3]]).alpha // 1 (two identical columns)
 * @example cronbachAlpha([[1, 2, 3], [3, 2, 1]]).alpha // NaN: the row sums have no spread
 */
export function cronbachAlpha(cols: readonly ArrayLike<number>[]): { alpha: number; k: number; n: number } {
  const k = cols.length;
  const rows = completeRows(cols);
  const n = rows.length;
  if (k < 2 || n < 2) return { alpha: Number.NaN, k, n };
  let sumVar = 0;
  for (const c of cols) sumVar += varianceOf(c, rows);
  const total = new Float64Array(cols[0]!.length);
  for (const i of rows) {
    let s = 0;
    for (const c of cols) s += c[i] as number;
    total[i] = s;
  }
  const vt = varianceOf(total, rows);
  if (!(vt > 0)) return { alpha: Number.NaN, k, n };
  return { alpha: (k / (k - 1)) * (1 - sumVar / vt), k, n };
}

/** Cronbach's alpha of the children of one aggregate. */
export interface NodeAlpha {
  node: string;
  /** null when undefined (fewer than two children or complete rows, or no spread). */
  alpha: number | null;
  /** Number of children. */
  k: number;
  /** Units with every child present. */
  n: number;
}

/**
 * Cronbach's alpha of every aggregate's children (indicators at `stage`, default normalised scores).
 * @example nodeAlphas(model).find((a) => a.node === 'Physical')?.alpha
 */
export function nodeAlphas(model: Model, stage: Stage = 'score'): NodeAlpha[] {
  const { tree } = model.plan;
  return tree.nodes
    .filter((nd) => nd.kind !== 'indicator')
    .map((nd) => {
      const r = cronbachAlpha(nd.children.map((c) => columnOf(model, c, stage)));
      return { node: nd.id, alpha: Number.isFinite(r.alpha) ? r.alpha : null, k: r.k, n: r.n };
    });
}
