/**
 * How the CLI talks: problems one per line on stderr as `file:line:col CODE message`, progress and
 * results on stderr/stdout, `--json` for scripts.
 */
import { formatProblem, type Problem } from '@govscore/core';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** The terminal behind stderr, when it is one: progress bars are drawn there. */
  tty?: { write: (s: string) => void; columns: number };
}

export const stdio: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
  ...(process.stderr.isTTY
    ? { tty: { write: (s: string) => process.stderr.write(s), columns: process.stderr.columns || 80 } }
    : {}),
};

/**
 * Text from the data made safe for a terminal: control characters (ANSI escapes, carriage returns,
 * bidirectional overrides) shown as `\u{…}` instead of acting on the terminal.
 * @example printable('A\u001b[31m') // 'A\\u{1b}[31m'
 */
export function printable(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const control =
      (c < 0x20 && c !== 0x09 && c !== 0x0a) ||
      (c >= 0x7f && c <= 0x9f) ||
      c === 0x200e ||
      c === 0x200f ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069);
    out += control ? `\\u{${c.toString(16)}}` : ch;
  }
  return out;
}

/** Exit codes, documented in `govscore --help`. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

/** Prints problems, errors first, one per line. */
export function printProblems(io: Io, problems: readonly Problem[]): void {
  const sorted = [...problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  for (const p of sorted) io.err(printable(formatProblem(p)));
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
