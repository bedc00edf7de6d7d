/**
 * Issue 12, items 5, 9, 10 and 12: weights the engine cannot compute with are refused where they are
 * written; sums are exact, so real ties tie; a score is written and shown at the precision its rank was
 * decided, by one formatter.
 */
import { describe, expect, it } from 'vitest';
import {
  assess,
  formatFixed,
  formatNumber,
  GovscoreError,
  type IndicatorSet,
  longTable,
  parseIndicatorSet,
  shownDecimals,
  wideTable,
} from '../src/index';
import { toCsv, writeXlsx } from '../src/io/index';
import { readXlsxRows } from '../src/io/xlsx';
import { aggregators } from '../src/steps/aggregate';
import { ExactSum } from '../src/util/stats';
import { columnsData } from './columns';

const data = columnsData;

describe('weights the engine cannot compute with (item 5)', () => {
  it('1e308, 1e308, 1: E113 at each weight (was: valid, then every score empty)', () => {
    const text =
      'id: t\ntitle: T\ntree:\n  id: index\n  children:\n    - {id: a, weight: 1e308}\n    - {id: b, weight: 1e308}\n    - {id: c, weight: 1}\n';
    const { problems } = parseIndicatorSet(text, 'w.yaml');
    expect(problems.map((p) => [p.code, p.line, p.col, p.path])).toEqual([
      ['E113', 6, 23, 'tree.children[0].weight'],
      ['E113', 7, 23, 'tree.children[1].weight'],
    ]);
    expect(problems[0]!.message).toBe(
      'weight of `a` is 1e+308: beyond what the engine computes with (0, or 1e-9 to 1e9: sums of such weights stay finite and exact)',
    );
  });

  it.each([
    [1e10, 'E113'],
    [1e-10, 'E113'],
    [0, null],
    [1e9, null],
    [1e-9, null],
    [0.333, null],
  ])('weight %s: %s', (w, code) => {
    const text = `id: t\ntitle: T\ntree: {id: index, children: [{id: a, weight: ${w}}, {id: b}]}\n`;
    const { problems } = parseIndicatorSet(text, 'w.yaml');
    expect(problems.map((p) => p.code)).toEqual(code ? [code] : []);
  });

  it('a set built in code whose weights sum to infinity is E113 naming the node, not empty scores', () => {
    const set: IndicatorSet = {
      id: 't',
      title: 'T',
      tree: { id: 'index', children: [{ id: 'a', weight: 1e308 }, { id: 'b', weight: 1e308 }, { id: 'c' }] },
    };
    let e: unknown;
    try {
      assess(set, data({ a: [1, 2], b: [3, 4], c: [5, 6] }));
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(GovscoreError);
    expect((e as GovscoreError).problems.map((p) => [p.code, p.node])).toEqual([['E113', 'index']]);
  });
});

describe('sums are exact: real ties tie, whatever the order (item 10)', () => {
  // AUT's Political children in ASEM with percentile ranks, in three orders: summed left to right in
  // floating point, the mean is 0.7066666666666666 in one order and 0.7066666666666667 in another
  const rows = [
    [0.8, 0.72, 0.6],
    [0.6, 0.72, 0.8],
    [0.72, 0.6, 0.8],
  ];
  it.each(['arithmetic', 'sum', 'geometric', 'harmonic', 'generalised'] as const)('%s', (key) => {
    const m = aggregators[key];
    const cols = [0, 1, 2].map((j) => Float64Array.from(rows.map((r) => r[j]!)));
    const out = new Float64Array(3);
    const w = Float64Array.from([1 / 3, 1 / 3, 1 / 3]);
    m.run(cols, w, out, (m.resolve({ p: 2 }).params ?? {}) as never, {
      node: 'n',
      units: ['a', 'b', 'c'],
      warn: () => {},
    });
    expect(out[1]).toBe(out[0]);
    expect(out[2]).toBe(out[0]);
    if (key === 'arithmetic') expect(out[0]).toBe(106 / 150);
    if (key === 'sum') expect(out[0]).toBe(2.12);
  });

  it('the index of children with equal sums ties in rank', () => {
    const set: IndicatorSet = {
      id: 't',
      title: 'T',
      methodology: { normalise: 'none' },
      tree: { id: 'index', children: [{ id: 'x' }, { id: 'y' }, { id: 'z' }] },
    };
    // AUT, DNK and POL's children: each mean is 106/150 (was: AUT 0.7066666666666666, 3rd)
    const r = assess(set, data({ x: [0.8, 0.52, 0.78], y: [0.72, 0.82, 0.78], z: [0.6, 0.78, 0.56] }));
    expect(r.values.index!.rank).toEqual([1, 1, 1]);
    expect(r.values.index!.score).toEqual([106 / 150, 106 / 150, 106 / 150]);
  });
});

describe('one formatter, the precision ranks are decided (items 9 and 12)', () => {
  it.each([
    [98.50000000000001, 2, '98.5'],
    [98.50000000000001, undefined, '98.50000000000001'],
    [88.545, 2, '88.55'],
    [-0.001, 2, '0'],
    [1e-7, undefined, '1e-7'],
    [Number.NaN, 2, ''],
  ])('formatNumber(%s, %s) = %j', (x, d, s) => {
    expect(formatNumber(x, d)).toBe(s);
  });

  it.each([
    [94.15, 1, '94.2'],
    [88.545, 2, '88.55'], // toFixed gives 88.54
    [2.675, 2, '2.68'],
    [-0.001, 2, '0.00'],
    [90, 2, '90.00'],
  ])('formatFixed(%s, %s) = %j (half away from zero, as ranks round)', (x, d, s) => {
    expect(formatFixed(x, d)).toBe(s);
  });

  /** Scores given as they are (normalise none): index = the mean of x and y. */
  const set = (round?: number): IndicatorSet => ({
    id: 't',
    title: 'T',
    methodology: {
      normalise: 'none',
      rank: round === undefined ? { ties: 'competition' } : { ties: 'competition', round },
    },
    tree: { id: 'index', children: [{ id: 'x' }, { id: 'y' }] },
  });
  const values = data({ x: [98.4, 88.6, 88.5, 10], y: [98.6, 88.48, 88.5, 20] });

  it('with rank.round 2, every output holds the score rounded to 2 decimals: CSV, wide CSV, XLSX', () => {
    const r = assess(set(2), values);
    // the mean of 98.4 and 98.6 is 98.50000000000001 in floating point (exact sums: 98.5)
    expect(shownDecimals(r, 'index')).toBe(2);
    const long = longTable(r);
    const scoreAt = long.header.indexOf('score');
    const index = long.rows.filter((row) => row[1] === 'index').map((row) => row[scoreAt]);
    expect(index).toEqual([98.5, 88.54, 88.5, 15]);
    expect(toCsv([long.header, ...long.rows])).not.toMatch(/\d\.\d{3,}/);
    const wide = wideTable(r);
    const csv = toCsv([wide.header, ...wide.rows]);
    // region_id, name_en (none), index, index.rank, x, x.rank, y, y.rank
    expect(csv.split('\r\n')[2]).toBe('u2,,88.54,2,88.6,2,88.48,3');
    const x = readXlsxRows(writeXlsx([{ name: 'wide', rows: [wide.header, ...wide.rows] }]))[0]!;
    expect(x.rows[2]!.cells).toEqual(['u2', null, 88.54, 2, 88.6, 2, 88.48, 3]);
  });

  it('without a declared precision: the fewest decimals at which different scores show differently', () => {
    const r = assess(set(), values);
    // index: 98.5, 88.54, 88.5, 15 — 88.54 and 88.5 need 2 decimals; y: 88.48 and 88.5 need 2; x needs 1
    expect(shownDecimals(r, 'index')).toBe(2);
    expect(shownDecimals(r, 'x')).toBe(1);
    expect(shownDecimals(r, 'y')).toBe(2);
    // within ±1: at least 3 decimals
    const small = assess(set(), data({ x: [0.5, 0.25], y: [0.5, 0.25] }));
    expect(shownDecimals(small, 'index')).toBe(3);
    // exports write the shortest round trip of every score, unrounded: the doubles 88.6 and 88.48 sum
    // to 177.07999999999998 exactly, whose half is 88.53999999999999
    const long = longTable(r);
    expect(long.rows.find((row) => row[0] === 'u2' && row[1] === 'index')?.[3]).toBe(88.53999999999999);
    expect(formatFixed(88.53999999999999, shownDecimals(r, 'index'))).toBe('88.54');
  });
});

describe('ExactSum: the fast double-double path always gives the exactly rounded sum', () => {
  it("equals Shewchuk's exact summation, in every order, on sums built to be hard", async () => {
    const fc = (await import('fast-check')).default;
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      fc.integer({ min: -1000, max: 1000 }).map((k) => k / 100),
      fc.constantFrom(0.1, 0.2, 0.3, 0.7, 1e16, -1e16, 1, 2 ** -53, -(2 ** -53), 3 * 2 ** -54),
    );
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 40 }),
        fc.array(value, { maxLength: 5 }),
        (xs, ws) => {
          const a = new ExactSum();
          for (const x of xs) a.add(x);
          for (let k = 0; k < ws.length; k++) a.addProduct(ws[k]!, xs[k % xs.length]!);
          const fast = a.value();
          expect(Object.is(fast, a.exactValue()) || (fast === 0 && a.exactValue() === 0)).toBe(true);
          const b = new ExactSum();
          for (let k = ws.length - 1; k >= 0; k--) b.addProduct(xs[k % xs.length]!, ws[k]!);
          for (const x of [...xs].reverse()) b.add(x);
          expect(b.value()).toBe(fast);
        },
      ),
      { seed: 20261122, numRuns: 3000 },
    );
  });
});
