import { describe, expect, it } from 'vitest';
import { cronbachAlpha, nodeAlphas } from '../../src/analysis/alpha';
import { pca, pcaWeights, symmetricEigen } from '../../src/analysis/pca';
import { model, N, tinyData, tinySet } from './helpers';

describe("Cronbach's alpha", () => {
  it('by hand: a = [1, 2, 3, 4], b = [2, 3, 3, 5]', () => {
    // var a = 5/3, var b = 4.75/3, sums [3, 5, 6, 9]: var 18.75/3 = 6.25
    // α = 2 (1 − (5/3 + 4.75/3) / 6.25) = 0.96
    expect(
      cronbachAlpha([
        [1, 2, 3, 4],
        [2, 3, 3, 5],
      ]),
    ).toEqual({ alpha: expect.closeTo(0.96, 12), k: 2, n: 4 });
    // an incomplete row is left out
    expect(
      cronbachAlpha([
        [1, 2, 3, 4, 9],
        [2, 3, 3, 5, N],
      ]).alpha,
    ).toBeCloseTo(0.96, 12);
    expect(
      cronbachAlpha([
        [1, 2, 3],
        [1, 2, 3],
      ]).alpha,
    ).toBeCloseTo(1, 12);
  });

  it('is undefined with one column, one complete row, or constant sums', () => {
    expect(cronbachAlpha([[1, 2, 3]]).alpha).toBeNaN();
    expect(
      cronbachAlpha([
        [1, N],
        [2, 3],
      ]).alpha,
    ).toBeNaN();
    expect(
      cronbachAlpha([
        [1, 2, 3],
        [3, 2, 1],
      ]).alpha,
    ).toBeNaN();
  });

  it('per aggregate of the tiny set: A from i1, i2 (normalised); B has one child', () => {
    // i1 [0, 50, 100] var 2500, i2 [0, 100, 50] var 2500, sums [0, 150, 150] var 7500
    // α = 2 (1 − 5000/7500) = 2/3
    const a = nodeAlphas(model(tinySet(), tinyData()));
    expect(a.find((x) => x.node === 'A')).toEqual({
      node: 'A',
      alpha: expect.closeTo(2 / 3, 12),
      k: 2,
      n: 3,
    });
    expect(a.find((x) => x.node === 'B')!.alpha).toBeNull();
  });
});

describe('PCA', () => {
  it('symmetricEigen: 2×2 and the equicorrelated 3×3', () => {
    const e = symmetricEigen([
      [2, 1],
      [1, 2],
    ]);
    expect(e.values[0]).toBeCloseTo(3, 12);
    expect(e.values[1]).toBeCloseTo(1, 12);
    expect(Math.abs(e.vectors[0]![0]!)).toBeCloseTo(Math.SQRT1_2, 12);
    const f = symmetricEigen([
      [1, 0.5, 0.5],
      [0.5, 1, 0.5],
      [0.5, 0.5, 1],
    ]);
    // eigenvalues 1 + 2ρ, 1 − ρ, 1 − ρ; the first eigenvector is (1, 1, 1)/√3
    expect(f.values.map((v) => Number(v.toFixed(12)))).toEqual([2, 0.5, 0.5]);
    for (let i = 0; i < 3; i++) expect(Math.abs(f.vectors[i]![0]!)).toBeCloseTo(1 / Math.sqrt(3), 12);
  });

  it('two columns with correlation r: eigenvalues 1 ± r, PC1 = (1, 1)/√2', () => {
    const r = 11 / Math.sqrt(130);
    const p = pca(
      [
        [1, 2, 3, 4],
        [2, 4, 5, 9],
      ],
      ['x', 'y'],
    )!;
    expect(p.n).toBe(4);
    expect(p.eigenvalues[0]).toBeCloseTo(1 + r, 12);
    expect(p.eigenvalues[1]).toBeCloseTo(1 - r, 12);
    expect(p.variance_explained[0]).toBeCloseTo((1 + r) / 2, 12);
    expect(p.cumulative[1]).toBeCloseTo(1, 12);
    expect(p.rotation[0]![0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(p.rotation[1]![0]).toBeCloseTo(Math.SQRT1_2, 12);
    // loading = correlation of the variable with the component = rotation · √λ
    expect(p.loadings[0]![0]).toBeCloseTo(Math.SQRT1_2 * Math.sqrt(1 + r), 12);
  });

  it('is null with a constant column or fewer than two complete rows', () => {
    expect(
      pca(
        [
          [1, 1, 1],
          [1, 2, 3],
        ],
        ['a', 'b'],
      ),
    ).toBeNull();
    expect(
      pca(
        [
          [1, N],
          [N, 2],
        ],
        ['a', 'b'],
      ),
    ).toBeNull();
  });

  it('PCA weights of A: equal, from r(i1, i2) = 0.5 (variance explained 0.75)', () => {
    const w = pcaWeights(model(tinySet(), tinyData()), 'A');
    expect(w.pca!.variance_explained[0]).toBeCloseTo(0.75, 12);
    expect(w.pc1!.map((x) => Number(x.toFixed(12)))).toEqual([
      Number(Math.SQRT1_2.toFixed(12)),
      Number(Math.SQRT1_2.toFixed(12)),
    ]);
    expect(w.weights!.map((x) => Number(x.toFixed(12)))).toEqual([0.5, 0.5]);
  });
});

describe('PCA weights: errors', () => {
  it('an indicator or an unknown node is E400', () => {
    const m = model(tinySet(), tinyData());
    expect(() => pcaWeights(m, 'i1')).toThrow(/E400 'i1' is an indicator/);
    expect(() => pcaWeights(m, 'Z')).toThrow(/E400 unknown node 'Z'/);
  });
});
