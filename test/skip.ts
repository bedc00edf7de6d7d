/**
 * The one way a test is skipped: it says why, and under CI (`CI` set, as `.ci/run` runs) it is not
 * skipped at all but fails, so that a machine lacking something never passes by checking less.
 */

/**
 * Returns true (skip) when `reason` is given, after printing `[skipped] <reason>`; throws instead when
 * `CI` is set. Returns false when there is no reason to skip.
 * @example it.skipIf(skipBecause(disk ? undefined : 'no tmpfs'))('…', () => {})
 */
export function skipBecause(reason: string | undefined): boolean {
  if (reason === undefined) return false;
  if (process.env['CI']) throw new Error(`${reason} (CI is set: nothing may be skipped)`);
  console.warn(`[skipped] ${reason}`);
  return true;
}
