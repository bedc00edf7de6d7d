/**
 * Several raters: Krippendorff's alpha (against hand-computed values and the published example of
 * Krippendorff 2011), percent agreement, the resolution rules, and the agreement summary.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset, Rating } from '../../src/load/dataset-types';
import {
  type Answer,
  applyRatings,
  coincidences,
  krippendorffAlpha,
  percentAgreement,
  raterAgreement,
  ratingWarnings,
  resolveAnswers,
} from '../../src/steps/raters';

const N = Number.NaN;

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: 4 observers, 12 units,
 * values 1–5 with missing answers (rows are observers A–D, columns units 1–12).
 */
const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N];
const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3];
const C = [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N];
const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N];
const paper = A.map((_, u) => [A[u]!, B[u]!, C[u]!, D[u]!]);

describe("Krippendorff's alpha: the published example (Krippendorff 2011, C)", () => {
  it('builds the published coincidence matrix', () => {
    const { values, o, counts, n } = coincidences(paper);
    expect(values).toEqual([1, 2, 3, 4, 5]);
    // the matrix printed in the paper
    const t = 1 / 3;
    const expected = [
      [7, 4 * t, t, t, 0],
      [4 * t, 10, 4 * t, t, 0],
      [t, 4 * t, 8, t, 0],
      [t, t, t, 4, 0],
      [0, 0, 0, 0, 3],
    ];
    for (let c = 0; c < 5; c++)
      for (let k = 0; k < 5; k++) expect(o[c * 5 + k]).toBeCloseTo(expected[c]![k]!, 12);
    expect([...counts].map((x) => Math.round(x * 1e9) / 1e9)).toEqual([9, 13, 10, 5, 3]);
    expect(n).toBeCloseTo(40, 12);
  });

  it('nominal α = 0.743 (by hand: 1 − 39·8/1216 = 113/152)', () => {
    // Σ_{c≠k} o_ck = 40 − (7+10+8+4+3) = 8; Σ_{c≠k} n_c n_k = 40² − (81+169+100+25+9) = 1216
    expect(krippendorffAlpha(paper, 'nominal')).toBeCloseTo(113 / 152, 12);
    expect(krippendorffAlpha(paper, 'nominal').toFixed(3)).toBe('0.743');
  });

  it('interval α = 0.849 (by hand: 1 − 39·(52/3)/4480 = 951/1120)', () => {
    // Σ o δ² = 2·(4/3·1 + 1/3·4 + 1/3·9 + 4/3·1 + 1/3·4 + 1/3·1) = 52/3
    // Σ n_c n_k δ² = 2·(117 + 360 + 405 + 432 + 130 + 260 + 351 + 50 + 120 + 15) = 4480
    expect(krippendorffAlpha(paper, 'interval')).toBeCloseTo(951 / 1120, 12);
    expect(krippendorffAlpha(paper, 'interval').toFixed(3)).toBe('0.849');
  });

  it('ordinal α = 0.815 and ratio α = 0.797, as published', () => {
    expect(krippendorffAlpha(paper, 'ordinal').toFixed(3)).toBe('0.815');
    expect(krippendorffAlpha(paper, 'ratio').toFixed(3)).toBe('0.797');
  });
});

describe("Krippendorff's alpha: hand-computed small cases", () => {
  // two raters, four units, yes/no: o_00 = 4, o_01 = o_10 = 1, o_11 = 2; n_0 = 5, n_1 = 3, n = 8
  // nominal: 1 − 7·2 / (2·5·3) = 1 − 14/30
  const binary = [
    [1, 1],
    [1, 0],
    [0, 0],
    [0, 0],
  ];
  // scale 1–3: n_1 = 3, n_2 = 2, n_3 = 3, n = 8, o_12 = o_21 = o_23 = o_32 = 1
  // nominal: 1 − 7·4/42 = 1/3; interval: Σoδ² = 4, Σnnδ² = 2·(6 + 36 + 6) = 96 → 1 − 28/96 = 17/24
  // ordinal: δ²(1,2) = (5 − 2.5)² = 6.25, δ²(2,3) = 6.25, δ²(1,3) = (8 − 3)² = 25;
  //          Σoδ² = 25, Σnnδ² = 2·(6·6.25 + 9·25 + 6·6.25) = 600 → 1 − 175/600 = 17/24
  const scale = [
    [1, 1],
    [1, 2],
    [2, 3],
    [3, 3],
  ];
  const cases: [string, number[][], 'nominal' | 'ordinal' | 'interval', number][] = [
    ['binary nominal', binary, 'nominal', 1 - 14 / 30],
    ['binary interval (same as nominal for 0/1)', binary, 'interval', 1 - 14 / 30],
    ['scale nominal', scale, 'nominal', 1 / 3],
    ['scale interval', scale, 'interval', 17 / 24],
    ['scale ordinal', scale, 'ordinal', 17 / 24],
    [
      'perfect agreement',
      [
        [1, 1],
        [0, 0, 0],
        [2, 2],
      ],
      'nominal',
      1,
    ],
    // every pair disagrees: o_01 = o_10 = 2, n = 4 → 1 − 3·4/(2·2·2) = −0.5
    [
      'systematic disagreement',
      [
        [0, 1],
        [1, 0],
      ],
      'nominal',
      -0.5,
    ],
  ];
  it.each(cases)('%s', (_name, units, level, expected) => {
    expect(krippendorffAlpha(units, level)).toBeCloseTo(expected, 12);
  });

  it('is undefined (NaN) without variation or without pairable units', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [1, 1],
        ],
        'nominal',
      ),
    ).toBeNaN();
    expect(krippendorffAlpha([[1], [0, N]], 'nominal')).toBeNaN();
    expect(krippendorffAlpha([], 'ordinal')).toBeNaN();
  });

  it('leaves out units with a single answer', () => {
    expect(krippendorffAlpha([...binary, [1, N], [N, 0]], 'nominal')).toBeCloseTo(1 - 14 / 30, 12);
  });
});

describe('percent agreement', () => {
  it('counts agreeing pairs within each unit', () => {
    // pairs 1 + 1 + 3 = 5, agreeing 1 + 0 + 3 = 4; unanimous 2 of 3 units
    expect(
      percentAgreement([
        [1, 1],
        [1, 0],
        [0, 0, 0],
        [1, N],
      ]),
    ).toEqual({
      units: 3,
      pairs: 5,
      agree: 4,
      percent: 0.8,
      unanimous: 2 / 3,
    });
  });
  it('the published example: 55 pairs, 43 agree', () => {
    // answers per unit: u1 3, u2–u9 4 each, u10 3, u11 2 (u12 has 1: left out) → pairs 3 + 8·6 + 3 + 1 = 55
    const r = percentAgreement(paper);
    expect(r.units).toBe(11);
    expect(r.pairs).toBe(3 + 6 * 8 + 3 + 1);
    // agreeing: u1 3, u2 3, u3 6, u4 6, u5 6, u6 0, u7 6, u8 3, u9 6, u10 3, u11 1 = 43
    expect(r.agree).toBe(43);
  });
});

describe('resolving several answers', () => {
  const a = (rater: string, value: number, na = false): Answer => ({ rater, value, ...(na ? { na } : {}) });
  const cases: [string, Answer[], 'adjudicated' | 'majority' | 'median', number | 'na', string, boolean][] = [
    ['raters agree', [a('x', 1), a('y', 1)], 'majority', 1, 'agreed', false],
    ['majority of three', [a('x', 1), a('y', 0), a('z', 1)], 'majority', 1, 'majority', true],
    ['a tie leaves it missing', [a('x', 1), a('y', 0)], 'majority', Number.NaN, 'unresolved', true],
    ['lower median of two', [a('x', 1), a('y', 0)], 'median', 0, 'median', true],
    ['median of three', [a('x', 1), a('y', 0.5), a('z', 0)], 'median', 0.5, 'median', true],
    [
      'adjudicated answer wins',
      [a('x', 1), a('y', 0), a('adjudicated', 0.5)],
      'majority',
      0.5,
      'adjudicated',
      true,
    ],
    ['仲裁 is the adjudicator too', [a('x', 1), a('y', 1), a('仲裁', 0)], 'median', 0, 'adjudicated', false],
    ['rule adjudicated waits for one', [a('x', 1), a('y', 0)], 'adjudicated', Number.NaN, 'unresolved', true],
    ['not applicable agreed', [a('x', N, true), a('y', N, true)], 'majority', 'na', 'agreed', false],
    [
      'not applicable by majority',
      [a('x', N, true), a('y', 1), a('z', N, true)],
      'majority',
      'na',
      'majority',
      true,
    ],
    ['median ignores a minority of n/a', [a('x', N, true), a('y', 1)], 'median', 1, 'median', true],
    ['an empty answer is no answer', [a('x', N), a('y', 1)], 'majority', 1, 'agreed', false],
    ['no answer at all', [a('x', N)], 'majority', Number.NaN, 'none', false],
  ];
  it.each(cases)('%s', (_name, answers, rule, value, by, disagree) => {
    const r = resolveAnswers(answers, rule);
    if (value === 'na') {
      expect(r.na).toBe(true);
      expect(r.value).toBeNaN();
    } else if (Number.isNaN(value)) {
      expect(r.value).toBeNaN();
      expect(r.na).toBe(false);
    } else expect(r.value).toBe(value);
    expect(r.by).toBe(by);
    expect(r.disagree).toBe(disagree);
  });
});

describe('ratings in a dataset', () => {
  const ratings: Rating[] = [
    { unit: 'A', variable: 'site.a', rater: 'x', value: 1 },
    { unit: 'A', variable: 'site.a', rater: 'y', value: 1 },
    { unit: 'A', variable: 'site.b', rater: 'x', value: 1 },
    { unit: 'A', variable: 'site.b', rater: 'y', value: 0 },
    { unit: 'A', variable: 'site.b', rater: 'z', value: 0 },
    { unit: 'B', variable: 'site.a', rater: 'x', value: 0 },
    { unit: 'B', variable: 'site.a', rater: 'y', value: 1 },
    { unit: 'B', variable: 'site.b', rater: 'x', value: N, na: true },
    { unit: 'B', variable: 'site.b', rater: 'y', value: N, na: true },
    { unit: 'B', variable: 'site.a', rater: 'adjudicated', value: 1 },
  ];
  const data: Dataset = {
    units: [
      { id: 'A', groups: {} },
      { id: 'B', groups: {} },
    ],
    years: [],
    variables: ['site.a', 'other'],
    values: new Map([
      ['site.a', Float64Array.from([N, N])],
      ['other', Float64Array.from([3, 4])],
    ]),
    ratings,
  };

  it('takes the final values by the rule, marking not applicable answers', () => {
    const d = applyRatings(data, { rule: 'majority' });
    expect([...d.values.get('site.a')!]).toEqual([1, 1]);
    expect(d.values.get('site.b')![0]).toBe(0);
    expect(d.values.get('site.b')![1]).toBeNaN();
    expect([...d.notApplicable!.get('site.b')!]).toEqual([0, 1]);
    expect(d.notApplicable!.has('site.a')).toBe(false);
    expect(d.variables).toEqual(['site.a', 'other', 'site.b']);
    expect([...d.values.get('other')!]).toEqual([3, 4]);
    // the input is untouched
    expect(data.values.get('site.a')![0]).toBeNaN();
    expect(data.values.has('site.b')).toBe(false);
  });

  it('measures agreement and lists the disagreements', () => {
    const g = raterAgreement(ratings, { rule: 'majority', min_raters: 3 }, ['A', 'B']);
    expect(g.raters).toEqual(['x', 'y', 'z']);
    // site.a: A [1,1], B [0,1] → pairs 2, agree 1; site.b: A [1,0,0] (B not applicable: left out)
    expect(g.variables['site.a']).toMatchObject({ values: 2, answers: 4, percent: 0.5, unanimous: 0.5 });
    // site.a nominal: o_00 = 0, o_01 = o_10 = 1, o_11 = 2; n_0 = 1, n_1 = 3, n = 4 → 1 − 3·2/6 = 0
    expect(g.variables['site.a']!.alpha_nominal).toBeCloseTo(0, 12);
    // pooled: units [1,1], [0,1], [1,0,0]: pairs 1 + 1 + 3 = 5, agree 1 + 0 + 1 = 2
    expect(g.overall.percent).toBeCloseTo(2 / 5, 12);
    expect(g.indicators['site']!.percent).toBeCloseTo(2 / 5, 12);
    // pooled nominal: o_00 = 1, o_01 = o_10 = 2, o_11 = 2; n_0 = 3, n_1 = 4, n = 7 → 1 − 6·4/(2·12) = 0
    expect(g.overall.alpha_nominal).toBeCloseTo(0, 12);
    expect(g.disagreements.map((d) => [d.unit, d.variable, d.by, d.final])).toEqual([
      ['A', 'site.b', 'majority', 0],
      ['B', 'site.a', 'adjudicated', 1],
    ]);
    expect(g.disagreements[1]!.answers).toEqual([
      { rater: 'x', value: 0 },
      { rater: 'y', value: 1 },
      { rater: 'adjudicated', value: 1 },
    ]);
    // min_raters 3: site.a of A and B (2 raters), site.b of B (2)
    expect(g.too_few).toEqual([
      { unit: 'A', variable: 'site.a', raters: 2 },
      { unit: 'B', variable: 'site.a', raters: 2 },
      { unit: 'B', variable: 'site.b', raters: 2 },
    ]);
    expect(ratingWarnings(g).map((p) => p.code)).toEqual(['W312']);
  });

  it('warns about values left missing for adjudication', () => {
    const g = raterAgreement(ratings, { rule: 'adjudicated' }, ['A', 'B']);
    expect(g.disagreements.find((d) => d.unit === 'A')!.by).toBe('unresolved');
    const w = ratingWarnings(g);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: 'W311', node: 'site', severity: 'warning' });
    expect(w[0]!.message).toContain('A site.b');
  });
});
