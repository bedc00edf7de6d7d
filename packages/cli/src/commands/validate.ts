import { checkDataset, GovscoreError, type Problem } from '@govscore/core';
import { readDataset } from '@govscore/core/io';
import { parse, UsageError } from '../args';
import { loadSet } from '../inputs';
import { EXIT, hasErrors, type Io, printProblems } from '../output';
import type { Command } from './index';

const help = `govscore validate <set.yaml> [--data <file>] [--json]

Checks an indicator-set YAML file, and the data against it when --data is given.
Prints every problem, one per line as 'file:line:col CODE message — hint'.
Exit 0 when there is no error (warnings may be printed), 1 when there is any.

Options:
  --data <file>   data file (.csv, .tsv, .xlsx, .json; wide or long form)
  --json          print the problems as a JSON array on stdout

Examples:
  govscore validate indicators/cn-provincial-digital-government.yaml
  govscore validate indicators/coinr-asem.yaml --data samples/coinr-asem/asem.csv`;

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { data: { type: 'string' }, json: { type: 'boolean' } });
  const [setPath, ...extra] = positionals;
  if (!setPath || extra.length) throw new UsageError('give exactly one indicator-set file');
  const problems: Problem[] = [];
  const s = loadSet(setPath);
  problems.push(...s.problems);
  if (values.data && !hasErrors(s.problems)) {
    try {
      const d = await readDataset(values.data, { set: s.set });
      problems.push(...d.problems);
      problems.push(...checkDataset(s.set, d.dataset).map((p) => ({ ...p, file: p.file ?? values.data })));
    } catch (e) {
      if (!(e instanceof GovscoreError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (values.json) io.out(JSON.stringify(problems, null, 2));
  else {
    printProblems(io, problems);
    if (!hasErrors(problems)) io.err(`${setPath}${values.data ? ` and ${values.data}` : ''}: valid`);
  }
  return hasErrors(problems) ? EXIT.invalid : EXIT.ok;
}

export const validate: Command = {
  name: 'validate',
  summary: 'check an indicator set and data; list every problem',
  help,
  run,
};
