import { describe, expect, it } from 'vitest';
import { GovscoreError } from '../../src/errors';
import type { ImputeSpec } from '../../src/schema/indicator-set';
import { impute } from '../../src/steps/impute';

const N = Number.NaN;

/** Runs impute on frames given as rows (`frames[f][i]`), returns plain arrays. */
function imp(
  frames: number[][],
  frame: number,
  method: ImputeSpec['method'],
  groups?: (string | undefined)[],
  times?: number[],
) {
  const nUnits = frames[0]?.length ?? 0;
  const col = Float64Array.from(frames.flat());
  const before = Array.from(col);
  const r = impute(col, nUnits, frame, { method }, groups, times);
  expect(Array.from(col)).toEqual(before);
  return { values: Array.from(r.values), imputed: Array.from(r.imputed) };
}

describe('impute within a frame', () => {
  it.each([
    // frames, frame, method, values, imputed
    [[[1, N, 3]], 0, 'mean', [1, 2, 3], [0, 1, 0]],
    [[[1, N, 3, 10]], 0, 'mean', [1, 14 / 3, 3, 10], [0, 1, 0, 0]],
    [[[1, N, 3, 10]], 0, 'median', [1, 3, 3, 10], [0, 1, 0, 0]],
    [[[1, N, 3, 10, 4]], 0, 'median', [1, 3.5, 3, 10, 4], [0, 1, 0, 0, 0]],
    [[[1, N, 3]], 0, 'none', [1, N, 3], [0, 0, 0]],
    [[[N, N]], 0, 'mean', [N, N], [0, 0]],
    [[[1, 2]], 0, 'mean', [1, 2], [0, 0]],
    // only the assessed frame's units count
    [
      [
        [100, 100, 100],
        [1, N, 3],
      ],
      1,
      'mean',
      [1, 2, 3],
      [0, 1, 0],
    ],
    [
      [
        [1, N, 3],
        [100, 100, 100],
      ],
      0,
      'median',
      [1, 2, 3],
      [0, 1, 0],
    ],
  ] as [number[][], number, ImputeSpec['method'], number[], number[]][])(
    '%j frame %d %s',
    (frames, frame, method, values, imputed) => {
      const r = imp(frames, frame, method);
      expect(r.values).toEqual(values.map((v) => (Number.isNaN(v) ? N : expect.closeTo(v, 12))));
      expect(r.imputed).toEqual(imputed);
    },
  );

  it('group mean: within the group; no group or an empty group → overall mean', () => {
    const r = imp([[1, N, 3, 10, N, N, N]], 0, 'group_mean', ['a', 'a', 'a', 'b', undefined, 'c', 'c']);
    // group a: mean(1, 3) = 2; unit 4 has no group, group c has no data: overall mean(1, 3, 10) = 14/3
    expect(r.values).toEqual([
      1,
      2,
      3,
      10,
      expect.closeTo(14 / 3, 12),
      expect.closeTo(14 / 3, 12),
      expect.closeTo(14 / 3, 12),
    ]);
    expect(r.imputed).toEqual([0, 1, 0, 0, 1, 1, 1]);
  });

  it('group median', () => {
    const r = imp([[1, N, 3, 10, 20, N, 5]], 0, 'group_median', ['a', 'a', 'a', 'b', 'b', 'b', 'a']);
    // a: median(1, 3, 5) = 3; b: median(10, 20) = 15
    expect(r.values).toEqual([1, 3, 3, 10, 20, 15, 5]);
  });

  it('group mean: a unit without a group but with a value enters no group’s mean, only the overall one', () => {
    // u5 has no group and the value 1000: group a = mean(1, 3) = 2, group b = mean(10) = 10;
    // u7 (no group, missing) gets the overall mean (1 + 3 + 10 + 1000) / 4 = 253.5
    const r = imp([[1, N, 3, N, 1000, 10, N]], 0, 'group_mean', [
      'a',
      'a',
      'a',
      'b',
      undefined,
      'b',
      undefined,
    ]);
    expect(r.values).toEqual([1, 2, 3, 10, 1000, 10, 253.5]);
    expect(r.imputed).toEqual([0, 1, 0, 1, 0, 0, 1]);
    // the same for the median: a = median(1, 3) = 2, b = 10, overall = median(1, 3, 10, 1000) = 6.5
    const m = imp([[1, N, 3, N, 1000, 10, N]], 0, 'group_median', [
      'a',
      'a',
      'a',
      'b',
      undefined,
      'b',
      undefined,
    ]);
    expect(m.values).toEqual([1, 2, 3, 10, 1000, 10, 6.5]);
  });

  it('group mean and median over years: only the assessed frame’s values, never the first year’s', () => {
    // 2023 (frame 0) is far from 2024 (frame 1): a mean taken from frame 0 would be 100 or 200
    const frames = [
      [100, 100, 100, 200, 200, 200],
      [1, N, 5, 20, N, 40],
    ];
    const groups = ['a', 'a', 'a', 'b', 'b', 'b'];
    // frame 1: a = mean(1, 5) = 3, b = mean(20, 40) = 30
    expect(imp(frames, 1, 'group_mean', groups).values).toEqual([1, 3, 5, 20, 30, 40]);
    expect(imp(frames, 1, 'group_median', groups).values).toEqual([1, 3, 5, 20, 30, 40]);
    // frame 0 has nothing missing: unchanged, nothing flagged
    expect(imp(frames, 0, 'group_mean', groups)).toEqual({ values: frames[0], imputed: [0, 0, 0, 0, 0, 0] });
    // a group with no value in the assessed frame falls back to that frame's overall mean:
    // b is all missing in frame 1 (its frame-0 values are 200), overall = mean(1, 5) = 3
    const empty = imp(
      [
        [100, 100, 100, 200, 200],
        [1, N, 5, N, N],
      ],
      1,
      'group_mean',
      ['a', 'a', 'a', 'b', 'b'],
    );
    expect(empty.values).toEqual([1, 3, 5, 3, 3]);
    expect(empty.imputed).toEqual([0, 1, 0, 1, 1]);
  });

  it('group methods need the groups', () => {
    expect(() => imp([[1, N]], 0, 'group_mean')).toThrow(GovscoreError);
    expect(() => imp([[1, N]], 0, 'group_mean', ['a'])).toThrow(GovscoreError);
  });
});

describe('impute over frames (panel)', () => {
  // COINr's test-impute_panel.R, one unit per series: i2 = (3, NA, 5), i3 = (NA, 5, 6), i4 = (7, 8, NA)
  const panel = [
    [3, N, 7],
    [N, 5, 8],
    [5, 6, N],
  ];

  it.each([
    ['interpolate_linear', 0, [3, 5, 7], [0, 1, 0]],
    ['interpolate_linear', 1, [4, 5, 8], [1, 0, 0]],
    ['interpolate_linear', 2, [5, 6, 8], [0, 0, 1]],
    ['interpolate_constant', 0, [3, 5, 7], [0, 1, 0]],
    ['interpolate_constant', 1, [3, 5, 8], [1, 0, 0]],
    ['interpolate_constant', 2, [5, 6, 8], [0, 0, 1]],
    ['latest', 0, [3, N, 7], [0, 0, 0]],
    ['latest', 1, [3, 5, 8], [1, 0, 0]],
    ['latest', 2, [5, 6, 8], [0, 0, 1]],
  ] as [ImputeSpec['method'], number, number[], number[]][])(
    '%s frame %d',
    (method, frame, values, imputed) => {
      const r = imp(panel, frame, method);
      expect(r.values).toEqual(values);
      expect(r.imputed).toEqual(imputed);
    },
  );

  it('latest looks back past missing frames', () => {
    expect(imp([[1], [N], [N]], 2, 'latest').values).toEqual([1]);
  });

  it('linear interpolation between frames two apart', () => {
    expect(imp([[2], [N], [N], [8]], 1, 'interpolate_linear').values).toEqual([4]);
    expect(imp([[2], [N], [N], [8]], 2, 'interpolate_linear').values).toEqual([6]);
  });

  it('linear interpolation in time when the frame times are given', () => {
    // years 2020, 2021, 2024: 2 + (8 − 2)·(1/4) = 3.5
    expect(imp([[2], [N], [8]], 1, 'interpolate_linear', undefined, [2020, 2021, 2024]).values).toEqual([
      3.5,
    ]);
    expect(() => imp([[2], [N], [8]], 1, 'interpolate_linear', undefined, [2020, 2021])).toThrow(
      GovscoreError,
    );
  });

  it('a series without any value stays missing', () => {
    for (const m of ['latest', 'interpolate_linear', 'interpolate_constant'] as const) {
      const r = imp(
        [
          [N, 1],
          [N, 2],
        ],
        1,
        m,
      );
      expect(r.values[0], m).toBeNaN();
      expect(r.imputed[0], m).toBe(0);
    }
  });
});

describe('impute: bad calls', () => {
  it.each([
    ['frame past the end', 3],
    ['negative frame', -1],
  ])('%s → E304', (_name, frame) => {
    try {
      imp(
        [
          [1, 2],
          [3, 4],
        ],
        frame,
        'mean',
      );
      expect.unreachable();
    } catch (e) {
      expect((e as GovscoreError).code).toBe('E304');
    }
  });

  it('a column that is not whole frames → E304', () => {
    expect(() => impute(Float64Array.of(1, 2, 3), 2, 0, { method: 'mean' })).toThrow(GovscoreError);
  });
});
