import { describe, expect, it } from 'vitest';
import {
  averageRanks,
  correlationMatrix,
  correlationTable,
  pearson,
  spearman,
  treeCorrelations,
} from '../../src/analysis/correlation';
import { model, N, tinyData, tinySet } from './helpers';

describe('pearson and spearman', () => {
  it.each([
    // x, y, pearson, spearman (R: cor(x, y, use = "pairwise.complete.obs"))
    [[1, 2, 3, 4], [2, 4, 5, 9], 11 / Math.sqrt(130), 1],
    [[1, 2, N, 3, 4, 5], [2, 4, 7, 5, 9, N], 11 / Math.sqrt(130), 1],
    [[1, 2, 3, 4], [1, 3, 2, 4], 0.8, 0.8],
    // Σdxdy = 3, Σdx² = 2, Σdy² = 5; ranks of x: 1, 2.5, 2.5, 4
    [[1, 2, 2, 3], [1, 2, 3, 4], 3 / Math.sqrt(10), 4.5 / Math.sqrt(22.5)],
    [[1, 2, 3], [3, 2, 1], -1, -1],
    [[1, 1, 1], [1, 2, 3], N, N],
    [[1, N], [2, 3], N, N],
  ])('%j with %j', (x, y, p, s) => {
    const gp = pearson(x, y);
    const gs = spearman(x, y);
    if (Number.isNaN(p)) expect(gp).toBeNaN();
    else expect(gp).toBeCloseTo(p, 12);
    if (Number.isNaN(s)) expect(gs).toBeNaN();
    else expect(gs).toBeCloseTo(s, 12);
  });

  it('averageRanks gives ties their mean rank (R rank)', () => {
    expect(Array.from(averageRanks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
    expect(Array.from(averageRanks([N, 1]))).toEqual([N, 1]);
  });

  it('correlationMatrix is symmetric with pairwise-complete entries', () => {
    const m = correlationMatrix(
      [
        [1, 2, 3],
        [3, 2, 1],
        [1, N, 2],
      ],
      'pearson',
    );
    expect(m[0]![1]).toBeCloseTo(-1, 12);
    expect(m[1]![0]).toBeCloseTo(-1, 12);
    expect(m[0]![2]).toBeCloseTo(1, 12); // pairs (1,1), (3,2)
    expect(m[2]![2]).toBeCloseTo(1, 12);
  });
});

describe('tree correlations', () => {
  // normalised: i1 [0, 50, 100], i2 [0, 100, 50], i3 [100, 50, 0]; A = [0, 75, 75], B = i3,
  // index = [50, 62.5, 37.5]
  const m = model(tinySet(), tinyData());

  it('within A, with the parent and with the index (by hand)', () => {
    const t = treeCorrelations(m);
    expect(t.within['A']!.rows).toEqual(['i1', 'i2']);
    expect(t.within['A']!.r[0]![1]).toBeCloseTo(0.5, 12);
    expect(t.within['A']!.r[0]![0]).toBe(1);
    expect(t.within['A']!.n[0]![1]).toBe(3);
    expect(t.with_parent['i1']).toBeCloseTo(Math.sqrt(3) / 2, 12);
    expect(t.with_index['B']).toBeCloseTo(0.5, 12);
    // i3 is B's only child: perfectly correlated with it
    expect(t.with_parent['i3']).toBeCloseTo(1, 12);
    expect(t.within['B']!.r).toEqual([[1]]);
  });

  it('across levels: indicators (level 1) against the aggregates of level 2, Spearman', () => {
    const t = correlationTable(m, { level: 1 }, { level: 2 }, 'spearman');
    expect(t.rows).toEqual(['i1', 'i2', 'i3']);
    expect(t.cols).toEqual(['A', 'B']);
    // i3 ranks 3,2,1 against B's 3,2,1: 1; i1 against B: −1
    expect(t.r[2]![1]).toBeCloseTo(1, 12);
    expect(t.r[0]![1]).toBeCloseTo(-1, 12);
  });

  it('an unknown node is E400', () => {
    expect(() => correlationTable(m, ['nope'])).toThrow(/E400 unknown node 'nope'/);
  });
});
