import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { indicatorSetJsonSchema, schemaFile } from '../../scripts/write-schema';
import { discriminate } from '../../src/load/indicator-set';
import { IndicatorSet } from '../../src/schema/indicator-set';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const ajv = () => new Ajv({ allErrors: true, strict: false, logger: false });

describe('schema/indicator-set.schema.json', () => {
  it('is up to date with src/schema/indicator-set.ts (run `pnpm schema` if not)', () => {
    const onDisk = JSON.parse(readFileSync(schemaFile, 'utf8'));
    expect(onDisk).toEqual(indicatorSetJsonSchema());
  });

  it('is a draft-07 schema with the tree in definitions', () => {
    const s = indicatorSetJsonSchema();
    expect(s['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(Object.keys(s['definitions'] as object)).toEqual(['TreeNode']);
    expect(JSON.stringify(s)).not.toContain('"$ref":"TreeNode"');
  });

  const docs = [
    ...['valid-small.yaml', 'valid-full.yaml', 'several.yaml'],
    ...readdirSync(join(fixtures, 'mistakes')).map((f) => `mistakes/${f}`),
  ]
    .map((f) => {
      try {
        return [f, parse(readFileSync(join(fixtures, f), 'utf8'), { maxAliasCount: 100 })] as const;
      } catch {
        return undefined; // not YAML a schema can see
      }
    })
    .filter((x) => x !== undefined);

  it('accepts the valid examples (as an editor would check them)', () => {
    const validate = ajv().compile(indicatorSetJsonSchema());
    for (const f of ['valid-small.yaml', 'valid-full.yaml']) {
      const doc = docs.find(([name]) => name === f)![1];
      expect(validate(doc), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('the loader’s discriminated unions accept and refuse exactly what the schema does', () => {
    const plain = ajv().compile(indicatorSetJsonSchema());
    const disc = ajv().compile(discriminate(JSON.parse(JSON.stringify(IndicatorSet))) as object);
    expect(docs.length).toBeGreaterThan(20);
    for (const [f, doc] of docs) expect(disc(doc), f).toBe(plain(doc));
  });
});
