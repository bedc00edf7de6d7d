/**
 * Seeded generators of large indicator sets and datasets for benchmarks (no files written).
 */
import type { Dataset, IndicatorSet, TreeNode } from '@govscore/core';

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A set of `nInd` indicators in `nDim` dimensions of `nSub` sub-dimensions each, min-max 0–100,
 * arithmetic means, and a dataset of `nUnits` units with ~2% missing values.
 */
export function generate(
  nUnits: number,
  nInd: number,
  seed = 1,
  nDim = 5,
  nSub = 4,
): { set: IndicatorSet; data: Dataset } {
  const rnd = prng(seed);
  const dims: TreeNode[] = [];
  let k = 0;
  for (let d = 0; d < nDim; d++) {
    const subs: TreeNode[] = [];
    for (let s = 0; s < nSub; s++) {
      const inds: TreeNode[] = [];
      const count = Math.floor(nInd / (nDim * nSub)) + (d * nSub + s < nInd % (nDim * nSub) ? 1 : 0);
      for (let i = 0; i < count; i++) {
        inds.push({ id: `i${k}`, direction: k % 7 === 0 ? 'lower' : 'higher', weight: 1 + (k % 3) });
        k++;
      }
      subs.push({ id: `d${d}_s${s}`, children: inds });
    }
    dims.push({ id: `d${d}`, children: subs, weight: 1 + d });
  }
  const set: IndicatorSet = {
    id: 'bench',
    title: 'Benchmark',
    methodology: { normalise: { method: 'minmax', params: { min: 0, max: 100 } }, aggregate: 'arithmetic' },
    tree: { id: 'index', children: dims },
  };
  const values = new Map<string, Float64Array>();
  const latent = Array.from({ length: nUnits }, () => rnd());
  for (let i = 0; i < k; i++) {
    const col = new Float64Array(nUnits);
    for (let u = 0; u < nUnits; u++)
      col[u] = rnd() < 0.02 ? Number.NaN : 100 * (0.6 * (latent[u] as number) + 0.4 * rnd());
    values.set(`i${i}`, col);
  }
  const units = Array.from({ length: nUnits }, (_, u) => ({ id: `U${u}`, groups: { group: `g${u % 4}` } }));
  return { set, data: { units, years: [], variables: [...values.keys()], values } };
}
