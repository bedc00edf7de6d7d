/**
 * Writes a Result as JSON text: objects indented by two spaces, arrays of numbers, strings and
 * booleans on one line (readable diffs, compact files). Numbers use JavaScript's shortest
 * round-trip form, so every double reads back exactly. Same Result → same bytes.
 */
import type { Result } from './types';

/** @internal */
function isFlat(a: unknown[]): boolean {
  return a.every((v) => v === null || typeof v !== 'object');
}

/** @internal */
function write(value: unknown, indent: string): string {
  if (value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (isFlat(value)) return `[${value.map((v) => write(v, inner)).join(', ')}]`;
    return `[\n${value.map((v) => inner + write(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
  if (entries.length === 0) return '{}';
  const body = entries.map(
    (k) => `${inner}${JSON.stringify(k)}: ${write((value as Record<string, unknown>)[k], inner)}`,
  );
  return `{\n${body.join(',\n')}\n${indent}}`;
}

/**
 * Serialises a Result (or any JSON value) deterministically.
 * @example writeFileSync('result.json', resultToJson(assess(set, data)))
 */
export function resultToJson(result: Result | unknown): string {
  return `${write(result, '')}\n`;
}
