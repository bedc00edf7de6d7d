import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess';
import { parseDatasetCsv } from '../../src/load/dataset';
import type { IndicatorSet, RankSpec } from '../../src/schema/indicator-set';
import { rankable, rankedUnits, rankScores, rankWithin, type Ties } from '../../src/steps/rank';

const N = Number.NaN;

function ranks(scores: number[], ties: Ties, round?: number) {
  const s = Float64Array.from(scores);
  const out = new Float64Array(scores.length).fill(-1);
  rankScores(s, out, ties, round);
  expect(Array.from(s)).toEqual(scores);
  return Array.from(out);
}

describe('rankScores', () => {
  it.each([
    // scores, ties, round, ranks
    [[90, 80, 90, N, 70], 'competition', undefined, [1, 3, 1, N, 4]],
    [[90, 80, 90, N, 70], 'dense', undefined, [1, 2, 1, N, 3]],
    [[1, 2, 3], 'competition', undefined, [3, 2, 1]],
    [[5, 5, 5], 'competition', undefined, [1, 1, 1]],
    [[5, 5, 5], 'dense', undefined, [1, 1, 1]],
    [[10, 9, 9, 9, 8], 'competition', undefined, [1, 2, 2, 2, 5]],
    [[10, 9, 9, 9, 8], 'dense', undefined, [1, 2, 2, 2, 3]],
    [[7], 'competition', undefined, [1]],
    [[N, N], 'competition', undefined, [N, N]],
    [[], 'dense', undefined, []],
    [[-1, -0.5, 0], 'competition', undefined, [3, 2, 1]],
    // rounding half away from zero on the decimal digits: 96.705 → 96.71 ties with 96.71
    [[96.705, 96.71, 96.7], 'competition', 2, [1, 1, 3]],
    [[96.705, 96.71, 96.7], 'competition', undefined, [2, 1, 3]],
    [[96.704, 96.71], 'competition', 2, [2, 1]],
    [[0.755, 0.76, 0.75], 'dense', 2, [1, 1, 2]],
    // COINr's ASEM doubles differing in the 16th digit: apart unrounded, together rounded
    [[5.1000000000000005, 5.1], 'competition', undefined, [1, 2]],
    [[5.1000000000000005, 5.1], 'competition', 10, [1, 1]],
    // round 1: 84.4, 84.4, 84.5 (84.45 is a half on its printed digits); round 2: 84.44, 84.45, 84.45
    [[84.44, 84.449, 84.45], 'competition', 1, [2, 2, 1]],
    [[84.44, 84.449, 84.45], 'competition', 2, [3, 1, 1]],
  ] as [number[], Ties, number | undefined, number[]][])(
    '%j %s round %s → %j',
    (scores, ties, round, want) => {
      expect(ranks(scores, ties, round)).toEqual(want);
    },
  );

  it('matches the definitions on 2,000 seeded scores with many ties', () => {
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const scores = Array.from({ length: 2000 }, () => (next() < 0.05 ? N : Math.floor(next() * 300) / 3));
    const present = scores.filter((s) => !Number.isNaN(s));
    const distinct = [...new Set(present)];
    const comp = ranks(scores, 'competition');
    const dense = ranks(scores, 'dense');
    scores.forEach((s, i) => {
      if (Number.isNaN(s)) {
        expect(comp[i]).toBeNaN();
        expect(dense[i]).toBeNaN();
      } else {
        // competition: 1 + number of scores above; dense: 1 + number of distinct scores above
        expect(comp[i]).toBe(1 + present.filter((t) => t > s).length);
        expect(dense[i]).toBe(1 + distinct.filter((t) => t > s).length);
      }
    });
  });
});

describe('rankWithin', () => {
  it('ranks within each group; no group → NaN', () => {
    const s = Float64Array.of(90, 80, 70, 60, 50, N, 70);
    const g = Int32Array.of(0, 1, 0, 1, -1, 0, 0);
    const out = new Float64Array(7);
    rankWithin(s, g, out, 'competition');
    expect(Array.from(out)).toEqual([1, 1, 2, 2, N, N, 2]);
    rankWithin(s, g, out, 'dense');
    expect(Array.from(out)).toEqual([1, 1, 2, 2, N, N, 2]);
  });

  it('competition ties within a group skip ranks; groups restart at 1', () => {
    const s = Float64Array.of(5, 5, 4, 9, 9, 9, 1);
    const g = Int32Array.of(2, 2, 2, 0, 0, 0, 0);
    const out = new Float64Array(7);
    rankWithin(s, g, out, 'competition');
    expect(Array.from(out)).toEqual([1, 1, 3, 1, 1, 1, 4]);
    rankWithin(s, g, out, 'dense');
    expect(Array.from(out)).toEqual([1, 1, 2, 1, 1, 1, 2]);
  });

  it('rounds before comparing', () => {
    const out = new Float64Array(3);
    rankWithin(Float64Array.of(2.675, 2.68, 2.6), Int32Array.of(0, 0, 0), out, 'competition', 2);
    expect(Array.from(out)).toEqual([1, 1, 3]);
  });
});

describe('rank.among: score everyone, rank a subset', () => {
  const set = (among: RankSpec['among']): IndicatorSet => ({
    id: 't',
    title: 'T',
    methodology: { normalise: 'none', rank: { within: 'g', among } },
    tree: { id: 'index', children: [{ id: 'x' }] },
  });
  const data = parseDatasetCsv('id,g,x\nA,p,40\nB,p,30\nC,q,20\nD,q,10').dataset;

  it('a list of ids: the others keep their score and get no rank (overall and within groups)', () => {
    const r = assess(set(['A', 'C', 'D', 'Z']), data);
    expect(r.values['index']!.score).toEqual([40, 30, 20, 10]);
    expect(r.values['index']!.rank).toEqual([1, null, 2, 3]);
    expect(r.values['index']!.group_rank).toEqual([1, null, 1, 2]);
    expect(r.warnings.filter((w) => w.code === 'W215').map((w) => w.message)).toEqual([
      'rank.among names 1 unit(s) that are not assessed: Z',
    ]);
  });

  it('a group column and values', () => {
    const r = assess(set({ group: 'g', values: ['q'] }), data);
    expect(r.values['index']!.rank).toEqual([null, null, 1, 2]);
  });

  it('rankedUnits and rankable', () => {
    const units = data.units;
    expect(Array.from(rankedUnits(['B'], units)!)).toEqual([0, 1, 0, 0]);
    expect(rankedUnits(undefined, units)).toBeUndefined();
    const s = Float64Array.of(1, 2, 3, 4);
    expect(rankable(s, undefined, new Float64Array(4))).toBe(s);
    expect(Array.from(rankable(s, Uint8Array.of(1, 0, 1, 0), new Float64Array(4)))).toEqual([1, N, 3, N]);
  });
});
