/**
 * Golden files under `test/__golden__/`: a test compares its output with the stored file; run with
 * `UPDATE_GOLDEN=1` to write the files instead (`UPDATE_GOLDEN=1 pnpm exec vitest run packages/charts`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const goldenDir = join(dirname(fileURLToPath(import.meta.url)), '__golden__');
export const updating = process.env['UPDATE_GOLDEN'] === '1';

/** Compares `content` with `__golden__/<name>`, or writes it when UPDATE_GOLDEN=1. */
export function expectGolden(name: string, content: string): void {
  const file = join(goldenDir, name);
  if (updating) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(
      `golden file ${name} is missing: run UPDATE_GOLDEN=1 pnpm exec vitest run packages/charts`,
    );
  }
  expect(content, `output differs from golden ${name} (UPDATE_GOLDEN=1 to accept)`).toBe(
    readFileSync(file, 'utf8'),
  );
}
