/**
 * Argument parsing on top of node:util's parseArgs, turning its errors into usage errors.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A mistake in the command line: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `argv` against the options; throws UsageError for unknown or malformed options. */
export function parse<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** A numeric option, or undefined. */
export function intOption(value: string | boolean | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n))
    throw new UsageError(`--${name} must be an integer, got '${String(value)}'`);
  return n;
}
