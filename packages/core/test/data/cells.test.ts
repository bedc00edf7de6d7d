import { describe, expect, it } from 'vitest';
import { readCell, readNumberText, setVariables, valueProblem } from '../../src/load/check-data';
import { testSet } from './test-set';

const specs = setVariables(testSet).specs;
const spec = (id: string) => specs.get(id)!;

describe('readNumberText: exact numbers', () => {
  it('keeps neighbouring doubles apart (17 significant digits)', () => {
    const a = readNumberText('5.1000000000000005');
    const b = readNumberText('5.0999999999999996');
    expect(a).toEqual({ ok: true, value: 5.1000000000000005 });
    expect(b).toEqual({ ok: true, value: 5.1 }); // 5.0999999999999996 is the double nearest 5.1
    expect(a.ok && b.ok && a.value !== b.value).toBe(true);
    expect(a.ok && a.value - 5.1).toBeCloseTo(8.881784197001252e-16, 30);
  });
  it.each([
    ['0', 0],
    ['-0.5', -0.5],
    ['+3', 3],
    ['.25', 0.25],
    ['7.', 7],
    ['1e3', 1000],
    ['2.5E-3', 0.0025],
    ['  42  ', 42],
    ['390.79999114746801', 390.799991147468],
    ['0.1', 0.1],
  ])('%j → %d', (text, value) => {
    expect(readNumberText(text)).toEqual({ ok: true, value });
  });
  it.each(['', 'NA', 'na', 'N/A', 'n/a', '#N/A', '..', '-', '—', '  NA '])(
    '%j is missing (NaN, never 0)',
    (t) => {
      const r = readNumberText(t);
      expect(r.ok && Number.isNaN(r.value)).toBe(true);
    },
  );
  it.each([
    ['1,234.5', 'remove the thousands separators: 1234.5'],
    ['1,234,567', 'remove the thousands separators: 1234567'],
    ['5,1', 'use a dot as the decimal separator: 5.1'],
    ['NaN', 'leave the cell empty'],
    ['Infinity', 'infinite values are not data'],
    ['-inf', 'infinite values are not data'],
    ['1 234', 'remove the spaces: 1234'],
    ['１２', 'ASCII digits'],
    ['−3', 'ASCII hyphen: -3'],
    ['12%', 'without the % sign'],
    ['abc', 'write a number such as 12.5'],
    ['0x10', 'write a number such as 12.5'],
  ])('%j is refused (E204) with hint %j', (text, hint) => {
    const r = readNumberText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('E204');
      expect(r.hint).toContain(hint);
    }
  });
  it('reads 12% as 12 only when percentages are allowed', () => {
    expect(readNumberText('12%', true)).toEqual({ ok: true, value: 12 });
    expect(readNumberText('12.5 %', true)).toEqual({ ok: true, value: 12.5 });
  });
});

describe('readCell by variable kind', () => {
  const cases: [string, string | undefined, unknown, number | 'NaN' | string][] = [
    // [case, variable, raw, expected value or error code]
    ['number text', 'response_days', '3.5', 3.5],
    ['JS number', 'response_days', 3.5, 3.5],
    ['null is missing', 'response_days', null, 'NaN'],
    ['percent sign on a percentage', 'online_service', '95.5%', 95.5],
    ['percent sign elsewhere', 'response_days', '5%', 'E204'],
    ['Infinity number', 'response_days', Number.POSITIVE_INFINITY, 'E204'],
    ['boolean on a number', 'response_days', true, 'E204'],
    ['binary yes', 'has_portal', 'yes', 1],
    ['binary 是', 'has_portal', '是', 1],
    ['binary 否', 'has_portal', '否', 0],
    ['binary TRUE', 'has_portal', 'TRUE', 1],
    ['binary N', 'has_portal', 'N', 0],
    ['binary boolean', 'has_portal', false, 0],
    ['binary 1', 'has_portal', '1', 1],
    ['binary 2 is read (range checked later)', 'has_portal', '2', 2],
    ['binary unknown answer', 'has_portal', 'maybe', 'E208'],
    ['checklist item yes', 'portal.search', 'Yes', 1],
    ['ordinal key', 'maturity', 'partial', 1],
    ['ordinal key, other case', 'maturity', 'FULL', 2],
    ['ordinal value as number', 'maturity', '2', 2],
    ['ordinal unknown', 'maturity', 'excellent', 'E208'],
    ['no spec: number', undefined, '7', 7],
    ['no spec: yes is not a number', undefined, 'yes', 'E204'],
    ['object', 'response_days', { a: 1 }, 'E204'],
  ];
  it.each(cases)('%s', (_n, v, raw, expected) => {
    const r = readCell(v === undefined ? undefined : spec(v), raw);
    if (expected === 'NaN') expect(r.ok && Number.isNaN(r.value)).toBe(true);
    else if (typeof expected === 'string') expect(r.ok ? 'ok' : r.code).toBe(expected);
    else expect(r).toEqual({ ok: true, value: expected });
  });
});

describe('valueProblem', () => {
  const cases: [string, number, string | undefined][] = [
    ['online_service', 100, undefined],
    ['online_service', 100.5, 'E205'],
    ['online_service', -1, 'E205'],
    ['response_days', 365, undefined],
    ['response_days', 366, 'E205'],
    ['apps', -3, 'E205'],
    ['apps', 0, undefined],
    ['has_portal', 2, 'E205'],
    ['has_portal', 0, undefined],
    ['portal.api', 0.5, undefined], // a partial answer: a share of the item's points
    ['portal.api', 1.5, 'E205'],
    ['portal.api', -0.5, 'E205'],
    ['maturity', 3, 'E208'],
    ['maturity', 1, undefined],
    ['population', -5, undefined], // a denominator has no declared range
    ['response_days', Number.NaN, undefined],
  ];
  it.each(cases)('%s = %d → %s', (v, x, code) => {
    expect(valueProblem(spec(v), x)?.code).toBe(code);
  });
});
