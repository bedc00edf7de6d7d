/**
 * The `govscore` command. Each command lives in `commands/`; this file parses the command name,
 * prints help, and maps errors to exit codes: 0 ok, 1 invalid input, 2 usage error, 3 internal error.
 */
import { GovscoreError, VERSION } from '@govscore/core';
import { ENCODING_NAMES, encodingName, type TextEncodingName } from '@govscore/core/io';
import { UsageError } from './args';
import { type Command, commands } from './commands';
import { withStagedOutputs } from './fs';
import { DEFAULT_MAX_BYTES, setDataEncoding, setMaxDataBytes } from './inputs';
import { EXIT, type Io, printProblems, stdio } from './output';

/** The top-level help text. */
export function mainHelp(): string {
  const lines = [
    'govscore — score regions against YAML indicator sets and publish the report',
    '',
    'Usage: govscore <command> [options]',
    '',
    'Commands:',
    ...Object.values(commands).map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    "Run `govscore <command> --help` for a command's options and examples.",
    '',
    'Options of every command that reads data:',
    `  --max-bytes <n>  largest data file read, in bytes (default ${DEFAULT_MAX_BYTES}); larger: E209`,
    '  --encoding <e>   read text data files (CSV, TSV, JSON) in this encoding instead of choosing it on',
    `                   the evidence (UTF-8, or GB18030 when plausible: W201): ${ENCODING_NAMES}`,
    '',
    'Exit codes: 0 ok · 1 invalid input (problems printed as file:line:col CODE message) ·',
    '            2 usage error · 3 internal error',
  ];
  return lines.join('\n');
}

/**
 * Takes the options every command accepts out of `argv`: `--max-bytes <n>` (or `--max-bytes=<n>`),
 * the largest data file read in this run, and `--encoding <name>` (or `--encoding=<name>`), the
 * encoding of its text data files.
 * @throws UsageError when the size is not a positive whole number, or the encoding is not supported
 */
export function globalOptions(argv: string[]): {
  argv: string[];
  maxBytes?: number;
  encoding?: TextEncodingName;
} {
  const out: string[] = [];
  let maxBytes: number | undefined;
  let encoding: TextEncodingName | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.startsWith('--max-bytes') ? '--max-bytes' : a.startsWith('--encoding') ? '--encoding' : '';
    let v: string | undefined;
    if (name !== '' && a === name) v = argv[++i] ?? '';
    else if (name !== '' && a.startsWith(`${name}=`)) v = a.slice(name.length + 1);
    else {
      out.push(a);
      continue;
    }
    if (name === '--encoding') {
      encoding = encodingName(v);
      if (!encoding)
        throw new UsageError(`--encoding '${v}' is not supported; use one of: ${ENCODING_NAMES}`);
      continue;
    }
    const n = Number(v);
    if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n <= 0)
      throw new UsageError(`--max-bytes must be a positive whole number of bytes, got '${v}'`);
    maxBytes = n;
  }
  return {
    argv: out,
    ...(maxBytes !== undefined ? { maxBytes } : {}),
    ...(encoding !== undefined ? { encoding } : {}),
  };
}

/**
 * Runs the CLI with the given arguments (without `node` and the script).
 * @returns the exit code
 */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(VERSION);
    return EXIT.ok;
  }
  const command: Command | undefined = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.err(
      `govscore: unknown command '${name}'. Commands: ${Object.keys(commands).join(', ')}. See govscore --help.`,
    );
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return EXIT.ok;
  }
  try {
    const { argv: args, maxBytes, encoding } = globalOptions(rest);
    setMaxDataBytes(maxBytes);
    setDataEncoding(encoding);
    // outputs get their names only when the command succeeds: a failed run changes no file
    return await withStagedOutputs(() => command.run(args, io));
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`govscore ${name}: ${e.message}\nSee govscore ${name} --help.`);
      return EXIT.usage;
    }
    if (e instanceof GovscoreError) {
      printProblems(io, e.problems);
      return EXIT.invalid;
    }
    io.err(`govscore ${name}: internal error: ${(e as Error).stack ?? String(e)}`);
    return EXIT.internal;
  }
}
