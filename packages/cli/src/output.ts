/**
 * How the CLI talks: problems one per line on stderr as `file:line:col CODE message`, progress and
 * results on stderr/stdout, `--json` for scripts.
 */
import { formatProblem, type Problem } from '@govscore/core';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const stdio: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
};

/** Exit codes, documented in `govscore --help`. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

/** Prints problems, errors first, one per line. */
export function printProblems(io: Io, problems: readonly Problem[]): void {
  const sorted = [...problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  for (const p of sorted) io.err(formatProblem(p));
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
