/**
 * Principal component analysis of a node's children (COINr `get_PCA`, R `prcomp(center = TRUE,
 * scale. = TRUE)` on the complete rows), and the "PCA weights" COINr derives from it.
 */
import { fail } from '../errors';
import { completeRows } from './alpha';
import { columnOf, type Model, nodeIndex, type Stage } from './model';

/**
 * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations.
 * @param a k × k symmetric matrix (row-major, not modified)
 * @returns eigenvalues in descending order and the matching unit eigenvectors as columns of `vectors`
 *   (`vectors[i][j]`: component i of eigenvector j)
 * @example symmetricEigen([[2, 1], [1, 2]]).values // [3, 1]
 */
export function symmetricEigen(a: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const k = a.length;
  const m = a.map((row) => [...row]);
  const v: number[][] = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)),
  );
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += m[p]![q]! * m[p]![q]!;
    if (off < 1e-30) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = m[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q]![q]! - m[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = m[r]![p]!;
          const arq = m[r]![q]!;
          m[r]![p] = c * arp - s * arq;
          m[r]![q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = m[p]![r]!;
          const aqr = m[q]![r]!;
          m[p]![r] = c * apr - s * aqr;
          m[q]![r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r]![p]!;
          const vrq = v[r]![q]!;
          v[r]![p] = c * vrp - s * vrq;
          v[r]![q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => m[y]![y]! - m[x]![x]! || x - y);
  return {
    values: order.map((i) => m[i]![i]!),
    vectors: Array.from({ length: k }, (_, r) => order.map((j) => v[r]![j]!)),
  };
}

/** Result of a PCA; arrays follow the variables' order, components by decreasing variance. */
export interface PcaResult {
  variables: string[];
  /** Complete rows used. */
  n: number;
  /** Eigenvalues of the correlation matrix (variances of the components). */
  eigenvalues: number[];
  /** Share of the total variance explained by each component. */
  variance_explained: number[];
  cumulative: number[];
  /**
   * Unit eigenvectors (R `prcomp(...)$rotation`): `rotation[i][j]` is the coefficient of variable i in
   * component j. Signs are arbitrary in PCA; here each component is oriented so that its coefficients
   * sum to a positive number.
   */
  rotation: number[][];
  /** Correlations of each variable with each component: rotation · √eigenvalue. */
  loadings: number[][];
}

/**
 * PCA of columns on the rows complete in all of them, centred and scaled (the eigen-decomposition of
 * their correlation matrix), as R `prcomp(x, center = TRUE, scale. = TRUE)`.
 * @param names variable names, for the result
 * @returns null with fewer than two complete rows, or when a column has no spread on those rows
 * @example pca([[1, 2, 3, 4], [2, 4, 6, 8.5]], ['a', 'b'])?.variance_explained[0] // ≈ 0.9996
 */
export function pca(cols: readonly ArrayLike<number>[], names: readonly string[]): PcaResult | null {
  const k = cols.length;
  const rows = completeRows(cols);
  const n = rows.length;
  if (k === 0 || n < 2) return null;
  const z: Float64Array[] = [];
  for (const c of cols) {
    let s = 0;
    for (const i of rows) s += c[i] as number;
    const mu = s / n;
    let ss = 0;
    for (const i of rows) ss += ((c[i] as number) - mu) ** 2;
    const sdv = Math.sqrt(ss / (n - 1));
    if (!(sdv > 0)) return null;
    z.push(Float64Array.from(rows, (i) => ((c[i] as number) - mu) / sdv));
  }
  const corr: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let s = 0;
      for (let r = 0; r < n; r++) s += z[a]![r]! * z[b]![r]!;
      corr[a]![b] = s / (n - 1);
      corr[b]![a] = s / (n - 1);
    }
  }
  const { values, vectors } = symmetricEigen(corr);
  for (let j = 0; j < k; j++) {
    let s = 0;
    let big = 0;
    for (let i = 0; i < k; i++) {
      s += vectors[i]![j]!;
      if (Math.abs(vectors[i]![j]!) > Math.abs(big)) big = vectors[i]![j]!;
    }
    if (s < -1e-12 || (Math.abs(s) <= 1e-12 && big < 0))
      for (let i = 0; i < k; i++) vectors[i]![j] = -vectors[i]![j]!;
  }
  const eig = values.map((x) => Math.max(0, x));
  const total = eig.reduce((s, x) => s + x, 0);
  const explained = eig.map((x) => x / total);
  let acc = 0;
  return {
    variables: [...names],
    n,
    eigenvalues: eig,
    variance_explained: explained,
    cumulative: explained.map((x) => (acc += x)),
    rotation: vectors,
    loadings: vectors.map((row) => row.map((x, j) => x * Math.sqrt(eig[j]!))),
  };
}

/** PCA of a node's children and the weights derived from the first component. */
export interface PcaWeights {
  node: string;
  pca: PcaResult | null;
  /**
   * COINr's "PCA weights": the coefficients of the first component (`rotation[, 1]`), which may be
   * negative. null when the PCA is undefined.
   */
  pc1: number[] | null;
  /**
   * Squared coefficients of the first component (they sum to 1): each child's share of the first
   * component (OECD/JRC Handbook, 2008, step 6). Non-negative, usable as weights in the YAML.
   */
  weights: number[] | null;
}

/**
 * PCA of the children of `node` (indicators at `stage`, default normalised scores) and the weights
 * it suggests. Read the caveats in `docs/analysis.md` before using them: PCA weights reward the children
 * that correlate most and can neglect the rest; they describe the data, not what matters.
 * @throws GovscoreError E400 for an unknown node or an indicator
 * @example pcaWeights(model, 'Physical').weights
 */
export function pcaWeights(model: Model, node: string, stage: Stage = 'score'): PcaWeights {
  const idx = nodeIndex(model.plan, node);
  const nd = model.plan.tree.nodes[idx]!;
  if (nd.kind === 'indicator') {
    fail(
      'E400',
      `'${node}' is an indicator: PCA weights are for an aggregate's children`,
      { node },
      'name an aggregate',
    );
  }
  const kids = nd.children;
  const res = pca(
    kids.map((c) => columnOf(model, c, stage)),
    kids.map((c) => model.plan.tree.nodes[c]!.id),
  );
  if (!res) return { node, pca: null, pc1: null, weights: null };
  const pc1 = res.rotation.map((row) => row[0]!);
  return { node, pca: res, pc1, weights: pc1.map((x) => x * x) };
}
