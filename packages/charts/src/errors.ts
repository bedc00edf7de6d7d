/**
 * Errors of the chart builders, in the shape of `@govscore/core`'s `GovscoreError` (stable code from
 * the core catalogue — E500 invalid chart input, E501 unknown unit or node — message naming the bad
 * value, hint with the fix). Kept local so that rendering charts does not load the engine at run time.
 */
import type { ErrorCode, Location, Problem } from '@govscore/core';

/** Thrown by a chart builder; `problems` and `code` as in `GovscoreError`. */
export class ChartError extends Error {
  readonly problems: Problem[];
  readonly code: ErrorCode;
  constructor(p: Problem) {
    super(`${p.code} ${p.message}${p.hint ? ` — ${p.hint}` : ''}`);
    this.name = 'GovscoreError';
    this.problems = [p];
    this.code = p.code;
  }
}

/** Throws a ChartError with one problem. */
export function fail(code: ErrorCode, message: string, where: Location = {}, hint?: string): never {
  const p: Problem = { code, severity: 'error', message, ...where };
  if (hint !== undefined) p.hint = hint;
  throw new ChartError(p);
}
