/**
 * Issue 12, "make the class impossible": for random sets and data with missing values, every input cell
 * is accounted for exactly once by what the Result reports — used as it is, treated (in
 * `treatments`), imputed (`imputed`), missing (a W313 warning naming its unit and indicator), or
 * excluded (its unit in `screened_out`) — and every aggregate a unit has no score on is a W314, with
 * coverage counts that match the children's scores. Nothing vanishes unaccounted.
 */
import { assess, type Dataset, GovscoreError, type Result } from '@govscore/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validSet } from './arbitraries';
import { check, outcome, reportCases } from './helpers';

const FILE = 'accounting';
reportCases(FILE);

const cell = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 6 }) },
  { weight: 3, arbitrary: fc.double({ min: -50, max: 1000, noNaN: true, noDefaultInfinity: true }) },
  { weight: 3, arbitrary: fc.constant(Number.NaN) },
);

const setAndData = validSet().chain(({ set, indicators }) =>
  fc.integer({ min: 2, max: 10 }).chain((n) =>
    fc
      .record({
        cols: fc.array(fc.array(cell, { minLength: n, maxLength: n }), {
          minLength: indicators.length,
          maxLength: indicators.length,
        }),
        groups: fc.array(fc.constantFrom('east', 'west'), { minLength: n, maxLength: n }),
      })
      .map(({ cols, groups }) => {
        const data: Dataset = {
          units: groups.map((g, i) => ({ id: `u${i + 1}`, groups: { region: g } })),
          years: [],
          variables: [...indicators],
          values: new Map(indicators.map((v, j) => [v, Float64Array.from(cols[j]!)])),
        };
        return { set, data, indicators };
      }),
  ),
);

type Fate = 'used' | 'treated' | 'imputed' | 'missing' | 'excluded';

/** What the Result says happened to the cell of unit `unit` and indicator `node`, checked on the way. */
function fateOf(r: Result, unit: string, node: string, input: number): Fate {
  if (r.screened_out.some((s) => s.unit === unit)) {
    expect(r.units.some((u) => u.id === unit)).toBe(false);
    return 'excluded';
  }
  const i = r.units.findIndex((u) => u.id === unit);
  expect(i, unit).toBeGreaterThanOrEqual(0);
  const v = r.values[node]!;
  const treated = r.treatments
    .filter((t) => t.indicator === node)
    .flatMap((t) => t.changed)
    .filter((c) => c.unit === unit);
  const w313 = r.warnings.filter((w) => w.code === 'W313' && w.unit === unit && w.node === node);
  expect(treated.length).toBeLessThanOrEqual(1);
  if (Number.isNaN(input)) {
    expect(v.raw![i]).toBeNull();
    if (v.imputed![i]) {
      // an imputed value may be treated after (it is listed in treatments too): it is an imputed cell
      expect(v.score[i]).not.toBeNull();
      expect(w313).toEqual([]);
      return 'imputed';
    }
    expect(treated).toEqual([]);
    expect(v.score[i]).toBeNull();
    expect(w313).toHaveLength(1);
    return 'missing';
  }
  expect(v.raw![i]).toBe(input);
  expect(v.imputed![i]).toBe(false);
  expect(v.score[i]).not.toBeNull();
  expect(w313).toEqual([]);
  return treated.length ? 'treated' : 'used';
}

describe('every input cell is accounted for exactly once (properties)', () => {
  it('used, treated, imputed, missing (W313) or excluded; every aggregate without a score a W314', async () => {
    const seen: Record<Fate, number> = { used: 0, treated: 0, imputed: 0, missing: 0, excluded: 0 };
    await check(
      FILE,
      fc.property(setAndData, ({ set, data, indicators }) => {
        const r = outcome(() => assess(set, data));
        if (r instanceof GovscoreError) return; // errors are located (engine.test.ts)
        let cells = 0;
        for (const node of indicators)
          data.units.forEach((u, k) => {
            seen[fateOf(r, u.id, node, data.values.get(node)![k]!)]++;
            cells++;
          });
        expect(cells).toBe(data.units.length * indicators.length);
        // no warning names a cell that is not missing, and each missing cell is named once
        const missing = r.warnings.filter((w) => w.code === 'W313');
        const keys = new Set(missing.map((w) => `${w.unit}\u0000${w.node}`));
        expect(keys.size).toBe(missing.length);
        for (const w of missing) {
          const i = r.units.findIndex((u) => u.id === w.unit);
          expect(r.values[w.node!]!.score[i]).toBeNull();
        }
        // aggregates: coverage counts the children with a score; no score is a W314, once
        for (const n of r.set.nodes) {
          if (n.kind === 'indicator') continue;
          const cov = r.values[n.id]!.coverage!;
          expect(cov.total).toBe(n.children.length);
          r.units.forEach((u, i) => {
            const present = n.children.filter((c) => r.values[c]!.score[i] !== null).length;
            expect(cov.present[i], `${n.id} ${u.id}`).toBe(present);
            const w314 = r.warnings.filter((w) => w.code === 'W314' && w.unit === u.id && w.node === n.id);
            expect(w314).toHaveLength(r.values[n.id]!.score[i] === null ? 1 : 0);
          });
        }
      }),
      150,
    );
    // the generators reach every fate
    expect(
      Object.values(seen).every((k) => k > 0),
      JSON.stringify(seen),
    ).toBe(true);
  });
});
