/**
 * Issue 12, item 1: a value missing after imputation never leaves its parent's average silently. The
 * Result carries each aggregate's coverage per unit (children with a value of all, their share of the
 * weight), and a warning names the unit, the node and what happened to the parent (W313, W314).
 */
import { describe, expect, it } from 'vitest';
import { assess, type IndicatorSet } from '../src/index';
import { columnsData } from './columns';

const N = Number.NaN;

const data = columnsData;

/** index → A (weight 1: a1 weight 1, a2 weight 3), B (weight 1: b1); values as given. */
function set(coverageA?: number): IndicatorSet {
  return {
    id: 'cov',
    title: 'Coverage',
    methodology: { normalise: 'none', aggregate: 'arithmetic', impute: { method: 'mean' } },
    tree: {
      id: 'index',
      children: [
        {
          id: 'A',
          ...(coverageA !== undefined ? { coverage: coverageA } : {}),
          children: [
            { id: 'a1', impute: { method: 'none' } },
            { id: 'a2', weight: 3, impute: { method: 'none' } },
          ],
        },
        { id: 'B', children: [{ id: 'b1' }] },
      ],
    },
  };
}

// u1 has everything; u2 lacks a1; u3 lacks a1 and a2
const values = data({ a1: [10, N, N], a2: [20, 20, N], b1: [30, 30, 40] });

describe('coverage in the Result (issue 12, item 1)', () => {
  it('every aggregate carries, per unit, the children present of all and their share of the weight', () => {
    const r = assess(set(), values);
    const A = { total: 2, present: [2, 1, 0], weight: [1, 0.75, 0], data: [1, 0.75, 0] };
    expect(r.values.A!.coverage).toEqual(A);
    expect(r.values.B!.coverage).toEqual({
      total: 1,
      present: [1, 1, 1],
      weight: [1, 1, 1],
      data: [1, 1, 1],
    });
    // the index: both dimensions present for u1 and u2, only B for u3; down to the indicators, u2 has
    // (0.75 + 1)/2 of the weight on data and u3 (0 + 1)/2
    expect(r.values.index!.coverage).toEqual({
      total: 2,
      present: [2, 2, 1],
      weight: [1, 1, 0.5],
      data: [1, 0.875, 0.5],
    });
    // the scores it describes: A = (10·1 + 20·3)/4, renormalised to a2 alone, missing
    expect(r.values.A!.score).toEqual([17.5, 20, null]);
    expect(r.values.index!.score).toEqual([23.75, 25, 40]);
    // indicators have no coverage
    expect(r.values.a1!.coverage).toBeUndefined();
  });

  it('a weight share is exact: 2 of 3 equal children carry exactly 2/3 of the weight', () => {
    const s: IndicatorSet = {
      id: 't',
      title: 'T',
      methodology: { normalise: 'none' },
      tree: { id: 'index', children: [{ id: 'x' }, { id: 'y' }, { id: 'z' }] },
    };
    const r = assess(s, data({ x: [1, 1], y: [2, N], z: [3, 3] }));
    expect(r.values.index!.coverage!.weight).toEqual([1, 2 / 3]);
  });

  it('each value missing after imputation is a W313 naming unit, indicator and the effect on the parent', () => {
    const r = assess(set(), values);
    const w = r.warnings.filter((p) => p.code === 'W313' || p.code === 'W314');
    expect(w.map((p) => [p.code, p.node, p.unit, p.message])).toEqual([
      [
        'W314',
        'A',
        'u3',
        "'A' has no score for unit 'u3' (none of its 2 children has a value); 'index' is computed from 1 of its 2 children (50% of its weight), the weights renormalised over them",
      ],
      [
        'W313',
        'a1',
        'u2',
        "'a1' has no value for unit 'u2' (missing in the data); 'A' is computed from 1 of its 2 children (75% of its weight), the weights renormalised over them",
      ],
      [
        'W313',
        'a1',
        'u3',
        "'a1' has no value for unit 'u3' (missing in the data); 'A' has no score: none of its 2 children has a value",
      ],
      [
        'W313',
        'a2',
        'u3',
        "'a2' has no value for unit 'u3' (missing in the data); 'A' has no score: none of its 2 children has a value",
      ],
    ]);
    expect(w.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('a coverage threshold leaves the parent without a score, and the warnings say so (W313, W314, W300)', () => {
    const r = assess(set(0.6), values);
    expect(r.values.A!.score).toEqual([17.5, null, null]);
    expect(r.values.A!.coverage!.present).toEqual([2, 1, 0]);
    const msg = (code: string, node: string, unit: string) =>
      r.warnings.find((p) => p.code === code && p.node === node && p.unit === unit)?.message;
    expect(msg('W313', 'a1', 'u2')).toBe(
      "'a1' has no value for unit 'u2' (missing in the data); 'A' has no score: only 1 of its 2 children has a value, below its coverage threshold of 60%",
    );
    expect(msg('W314', 'A', 'u2')).toBe(
      "'A' has no score for unit 'u2' (only 1 of its 2 children has a value, below its coverage threshold of 60%); 'index' is computed from 1 of its 2 children (50% of its weight), the weights renormalised over them",
    );
    expect(r.warnings.filter((p) => p.code === 'W300').map((p) => p.message)).toEqual([
      "'A' not computed for u2: fewer than 60% of its children have data",
    ]);
  });

  it('an imputed value is not missing; a value imputation cannot fill says so', () => {
    const r = assess(set(), data({ a1: [10, 12, 14], a2: [20, 20, 20], b1: [30, N, N] }));
    // b1 imputed by the mean: no W313
    expect(r.warnings.filter((p) => p.code === 'W313')).toEqual([]);
    const all = assess(set(), data({ a1: [10, 12], a2: [20, 20], b1: [N, N] }));
    expect(all.warnings.filter((p) => p.code === 'W313').map((p) => p.message)).toEqual([
      "'b1' has no value for unit 'u1' (missing in the data, and imputation 'mean' found no value to fill it); 'B' has no score: its only child has no value",
      "'b1' has no value for unit 'u2' (missing in the data, and imputation 'mean' found no value to fill it); 'B' has no score: its only child has no value",
    ]);
  });

  it('a unit with no index score is told it gets no rank', () => {
    const s: IndicatorSet = {
      id: 't',
      title: 'T',
      methodology: { normalise: 'none' },
      tree: { id: 'index', children: [{ id: 'x' }] },
    };
    const r = assess(s, data({ x: [1, N] }));
    expect(r.warnings.filter((p) => p.code === 'W314').map((p) => p.message)).toEqual([
      "'index' has no score for unit 'u2' (its only child has no value); unit 'u2' gets no score and no rank on 'index'",
    ]);
    expect(r.values.index!.rank).toEqual([1, null]);
  });
});
