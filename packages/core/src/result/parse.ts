import { fail } from '../errors';
import { RESULT_VERSION, type Result } from './types';

/**
 * Parses a Result file's text.
 * @throws GovscoreError E401 when the text is not JSON, or not a Result of version 1
 */
export function parseResult(text: string, file?: string): Result {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    fail(
      'E401',
      `not JSON: ${(e as Error).message}`,
      file ? { file } : {},
      'pass a file written by `govscore assess --out`',
    );
  }
  const v = value as Partial<Result> | null;
  if (
    !v ||
    typeof v !== 'object' ||
    v.govscore_result !== RESULT_VERSION ||
    !v.set ||
    !v.values ||
    !v.units
  ) {
    fail(
      'E401',
      'not a govscore Result (version 1)',
      file ? { file } : {},
      'pass a file written by `govscore assess --out`',
    );
  }
  return v as Result;
}
