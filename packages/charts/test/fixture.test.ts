import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resultSmall, resultYears } from './fixtures/build-result';
import { updating } from './golden';

const file = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'result-small.json');

describe('fixture result-small.json', () => {
  it('is the typed builder output (UPDATE_GOLDEN=1 rewrites it)', () => {
    const json = `${JSON.stringify(resultSmall(), null, 2)}\n`;
    if (updating) writeFileSync(file, json);
    expect(readFileSync(file, 'utf8')).toBe(json);
  });

  // hand-computed: goalposts 0–100 (response_days: (30 − x) / 29 · 100), means of two indicators,
  // index = 0.6 · service + 0.4 · governance
  it.each([
    ['110000', 96.5, 91, 94.3],
    ['310000', 98, (94 + 27.5 / 0.29) / 2, 0.6 * 98 + 0.4 * ((94 + 27.5 / 0.29) / 2)],
    ['620000', 75, 60, 69],
  ])('unit %s: service %d, governance %d, index %d', (id, service, governance, index) => {
    const r = resultSmall();
    const i = r.units.findIndex((u) => u.id === id);
    expect(r.values['service']!.score[i]).toBeCloseTo(service, 6);
    expect(r.values['governance']!.score[i]).toBeCloseTo(governance, 6);
    expect(r.values['dgi']!.score[i]).toBeCloseTo(index, 6);
  });

  it('ranks and tiers 2024: 上海 1, 北京 2, 浙江 3 非常高; 湖北 4, 四川 5 高; 甘肃 6 中', () => {
    const r = resultSmall();
    expect(r.values['dgi']!.rank).toEqual([2, 1, 3, 4, 5, 6]);
    expect(r.tiers!.tier).toEqual(['very_high', 'very_high', 'very_high', 'high', 'high', 'medium']);
  });

  it('2023 has a missing value (Gansu open_data) and governance skips it', () => {
    const r = resultYears()[1]!;
    const i = r.units.findIndex((u) => u.id === '620000');
    expect(r.values['open_data']!.score[i]).toBeNull();
    expect(r.values['open_data']!.rank[i]).toBeNull();
    expect(r.values['governance']!.score[i]).toBeCloseTo(((30 - 14) / 29) * 100, 9);
  });
});
