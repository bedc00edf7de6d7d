/**
 * Writes `packages/core/schema/indicator-set.schema.json` from the TypeBox definition in
 * `src/schema/indicator-set.ts`, the single source of the indicator-set language. Run `pnpm schema`
 * after changing the language; `test/load/schema-file.test.ts` fails while the file is stale.
 *
 * YAML files point editors at it with a first line
 * `# yaml-language-server: $schema=../packages/core/schema/indicator-set.schema.json`.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IndicatorSet } from '../src/schema/indicator-set';

const here = dirname(fileURLToPath(import.meta.url));
/** Where the JSON Schema file lives. */
export const schemaFile = resolve(here, '../schema/indicator-set.schema.json');

/**
 * The JSON Schema of an indicator set as a plain object: the TypeBox schema with its symbol keys
 * dropped, the draft it follows first, and recursive parts (TypeBox's `$id: 'TreeNode'` with
 * `$ref: 'TreeNode'`) moved to `definitions` and referenced as `#/definitions/TreeNode`, a form every
 * editor's schema resolver follows.
 */
export function indicatorSetJsonSchema(): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(IndicatorSet)) as Record<string, unknown>;
  const definitions: Record<string, unknown> = {};
  const hoist = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(hoist);
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = hoist(x);
    const ref = out['$ref'];
    if (typeof ref === 'string' && isLocalName(ref)) out['$ref'] = `#/definitions/${ref}`;
    const id = out['$id'];
    if (typeof id === 'string' && isLocalName(id)) {
      delete out['$id'];
      definitions[id] = out;
      return { $ref: `#/definitions/${id}` };
    }
    return out;
  };
  const body = hoist(plain) as Record<string, unknown>;
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...body, definitions };
}

/** A bare name such as `TreeNode` (not a URL, not a JSON pointer). */
const isLocalName = (s: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);

function main(): void {
  writeFileSync(schemaFile, `${JSON.stringify(indicatorSetJsonSchema(), null, 2)}\n`);
  // Format as the repository's formatter would, so that `biome check` stays clean.
  const root = resolve(here, '../../..');
  execFileSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', schemaFile], {
    cwd: root,
    stdio: 'inherit',
  });
  process.stdout.write(`wrote ${schemaFile}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
