/**
 * Errors of the chart builders: `@govscore/core`'s `fail` (a `GovscoreError` with a stable code from
 * the core catalogue — E500 invalid chart input, E501 unknown unit or node — a message naming the bad
 * value, and a hint with the fix).
 */
export { fail } from '@govscore/core';
