import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indicatorSetJsonSchema } from '../../scripts/write-schema';
import { codes } from '../../src/errors';
import { parseIndicatorSet } from '../../src/load/indicator-set';
import { aggregators } from '../../src/steps/aggregate';
import { normalisers } from '../../src/steps/normalise';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../../..');
const reference = readFileSync(join(root, 'docs/indicator-sets.md'), 'utf8');
const errorsDoc = readFileSync(join(root, 'docs/errors.md'), 'utf8');

/** Every property name and every constant value of a JSON Schema, walked recursively. */
function schemaWords(schema: unknown): { keys: Set<string>; values: Set<string> } {
  const keys = new Set<string>();
  const values = new Set<string>();
  const walk = (s: unknown): void => {
    if (Array.isArray(s)) {
      for (const x of s) walk(x);
      return;
    }
    if (s === null || typeof s !== 'object') return;
    const o = s as Record<string, unknown>;
    if (o['properties'] && typeof o['properties'] === 'object') {
      for (const [k, v] of Object.entries(o['properties'] as object)) {
        keys.add(k);
        walk(v);
      }
    }
    if ('const' in o && o['const'] !== 1) values.add(String(o['const']));
    for (const [k, v] of Object.entries(o)) if (k !== 'properties') walk(v);
  };
  walk(schema);
  return { keys, values };
}

describe('docs/indicator-sets.md', () => {
  const { keys, values } = schemaWords(indicatorSetJsonSchema());

  it('finds the keys it should in the schema (sanity)', () => {
    for (const k of ['tree', 'children', 'min_quantile', 'bonus_above', 'subclasses', 'max_zero_share'])
      expect(keys.has(k), k).toBe(true);
    expect(keys.size).toBeGreaterThan(60);
    expect(values.has('interpolate_constant')).toBe(true);
  });

  it('names every key of the language, in backticks', () => {
    const missing = [...keys].filter((k) => !reference.includes(`\`${k}\``));
    expect(missing).toEqual([]);
  });

  it('names every allowed value of the language', () => {
    const missing = [...values].filter(
      (v) => !reference.includes(`\`${v}\``) && !reference.includes(` ${v}`),
    );
    expect(missing).toEqual([]);
  });

  it('names every normalisation and aggregation method', () => {
    const missing = [...Object.keys(normalisers), ...Object.keys(aggregators)].filter(
      (k) => !new RegExp(`^\\| \`${k}\` +\\|`, 'm').test(reference),
    );
    expect(missing).toEqual([]);
  });

  it('tells editors where the schema is', () => {
    expect(reference).toContain(
      '# yaml-language-server: $schema=../packages/core/schema/indicator-set.schema.json',
    );
  });

  it('has a small and a complete example that load without a problem', () => {
    const blocks = [...reference.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const whole = blocks.filter((b) => /^id: /m.test(b) && /^tree:/m.test(b));
    expect(whole.length).toBe(2);
    for (const b of whole) expect(parseIndicatorSet(b).problems).toEqual([]);
    const complete = parseIndicatorSet(whole[1]!).set;
    const fixture = parseIndicatorSet(readFileSync(join(here, 'fixtures/valid-full.yaml'), 'utf8')).set;
    expect({ ...complete, $schema: '' }).toEqual({ ...fixture, $schema: '' });
  });
});

describe('docs/errors.md', () => {
  it('explains every E1xx code', () => {
    const e1 = Object.keys(codes).filter((c) => c.startsWith('E1'));
    expect(e1.length).toBeGreaterThanOrEqual(13);
    for (const c of e1) expect(errorsDoc, c).toContain(`### ${c} — ${codes[c as keyof typeof codes]}`);
  });
});
