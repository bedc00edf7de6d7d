import type { Problem } from '@govscore/core';
import { intOption, parse, UsageError } from '../args';
import { examine, loadSet } from '../inputs';
import { EXIT, hasErrors, type Io, printProblems } from '../output';
import { progress } from '../progress';
import type { Command } from './index';

const help = `govscore validate <set.yaml> [--data <file>] [--year Y] [--json]

Checks an indicator-set YAML file, and the data against it when --data is given.
With --data it does everything \`govscore assess\` does short of writing files — reading, checking and
scoring the data — and prints every problem and warning assess would print, from the same code: values
outside their range, values truncated by goalposts, values missing after imputation (and what happened
to their parent), imputed values, raters who disagree (W311)...
Prints every problem, one per line as 'file:line:col CODE message — hint'.
Exit 0 when there is no error (warnings may be printed), 1 when there is any. Data workbooks from
govscore template are read sheet by sheet (merged by unit id): problems name the cell, as in
data.xlsx!在线服务!D7. Progress goes to stderr (a bar on a terminal, lines otherwise; none with --json).

Options:
  --data <file>   data file (.csv, .tsv, .xlsx, .json; wide or long form)
  --year <Y>      year assess would score (default: the latest in the data)
  --json          print the problems as a JSON array on stdout

Examples:
  govscore validate indicators/cn-provincial-digital-government.yaml
  govscore validate indicators/coinr-asem.yaml --data samples/coinr-asem/asem.csv
  govscore validate indicator-set.yaml --data data.xlsx --json`;

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    data: { type: 'string' },
    year: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [setPath, ...extra] = positionals;
  if (!setPath || extra.length) throw new UsageError('give exactly one indicator-set file');
  const year = intOption(values.year, 'year');
  if (year !== undefined && !values.data) throw new UsageError('--year needs --data');
  let problems: Problem[];
  const p = progress(io, {
    command: 'validate',
    total: values.data ? 4 : 1,
    quiet: false,
    json: values.json,
  });
  p.step(`reading ${setPath}`);
  if (values.data) {
    const data = values.data;
    const steps = {
      data: `reading ${data}`,
      check: 'checking the data against the set',
      assess: 'scoring the data as assess would',
    } as const;
    ({ problems } = await examine(setPath, data, year !== undefined ? { year } : {}, (what) =>
      p.step(steps[what]),
    ));
  } else problems = loadSet(setPath).problems;
  p.done();
  if (values.json) io.out(JSON.stringify(problems, null, 2));
  else {
    printProblems(io, problems);
    if (!hasErrors(problems)) io.err(`${setPath}${values.data ? ` and ${values.data}` : ''}: valid`);
  }
  return hasErrors(problems) ? EXIT.invalid : EXIT.ok;
}

export const validate: Command = {
  name: 'validate',
  summary: 'check an indicator set and data; list every problem assess would report',
  help,
  run,
};
