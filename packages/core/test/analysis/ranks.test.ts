import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/analysis/prng';
import { rankScores } from '../../src/steps/rank';
import { RankScratch } from '../../src/steps/rank-scratch';

const N = Number.NaN;

describe('RankScratch', () => {
  it.each([
    ['competition', [90, 80, 90, N, 70], [1, 3, 1, N, 4]],
    ['dense', [90, 80, 90, N, 70], [1, 2, 1, N, 3]],
    ['competition', [N, N], [N, N]],
    ['competition', [0, -0, 1], [2, 2, 1]],
  ] as const)('%s ties of %j', (ties, scores, want) => {
    const out = new Float64Array(scores.length);
    new RankScratch(scores.length).rank(Float64Array.from(scores), out, ties);
    expect(Array.from(out)).toEqual(want);
  });

  it('rounds like rankScores: 96.705 and 96.71 tie at 2 decimals', () => {
    const out = new Float64Array(3);
    new RankScratch(3).rank(Float64Array.of(96.705, 96.71, 96.7), out, 'competition', 2);
    expect(Array.from(out)).toEqual([1, 1, 3]);
  });

  it('equals rankScores on random data with ties, missing values and rounding', () => {
    const rng = new Prng(3);
    for (let t = 0; t < 300; t++) {
      const n = 1 + (t % 2 ? rng.int(60) : rng.int(400));
      const x = Float64Array.from({ length: n }, () => {
        const u = rng.next();
        if (u < 0.1) return N;
        if (u < 0.12) return -0;
        if (u < 0.3) return rng.int(5) - 2;
        return (rng.next() - 0.5) * 100;
      });
      const round = t % 3 === 0 ? rng.int(3) : undefined;
      const scratch = new RankScratch(n);
      for (const ties of ['competition', 'dense'] as const) {
        const want = new Float64Array(n);
        const got = new Float64Array(n);
        rankScores(x, want, ties, round);
        scratch.rank(x, got, ties, round);
        expect(Array.from(got)).toEqual(Array.from(want));
      }
    }
  });
});
