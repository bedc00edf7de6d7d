import { GovscoreError, type Problem, raterAgreement, ratingWarnings } from '@govscore/core';
import { parse, UsageError } from '../args';
import { loadSet, readAndCheckData } from '../inputs';
import { EXIT, hasErrors, type Io, printProblems } from '../output';
import { progress } from '../progress';
import type { Command } from './index';

const help = `govscore validate <set.yaml> [--data <file>] [--json]

Checks an indicator-set YAML file, and the data against it when --data is given.
Prints every problem, one per line as 'file:line:col CODE message — hint'.
Exit 0 when there is no error (warnings may be printed), 1 when there is any. Data workbooks from
govscore template are read sheet by sheet (merged by unit id): problems name the cell, as in
data.xlsx!在线服务!D7. With several raters, values they disagree on and the rule leaves missing are
listed (W311). Progress goes to stderr (a bar on a terminal, lines otherwise; none with --json).

Options:
  --data <file>   data file (.csv, .tsv, .xlsx, .json; wide or long form)
  --json          print the problems as a JSON array on stdout

Examples:
  govscore validate indicators/cn-provincial-digital-government.yaml
  govscore validate indicators/coinr-asem.yaml --data samples/coinr-asem/asem.csv
  govscore validate indicator-set.yaml --data data.xlsx --json`;

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { data: { type: 'string' }, json: { type: 'boolean' } });
  const [setPath, ...extra] = positionals;
  if (!setPath || extra.length) throw new UsageError('give exactly one indicator-set file');
  const problems: Problem[] = [];
  const p = progress(io, {
    command: 'validate',
    total: values.data ? 3 : 1,
    quiet: false,
    json: values.json,
  });
  p.step(`reading ${setPath}`);
  const s = loadSet(setPath);
  problems.push(...s.problems);
  if (values.data && !hasErrors(s.problems)) {
    try {
      p.step(`reading ${values.data}`);
      const d = await readAndCheckData(s.set, values.data, () => p.step('checking the data against the set'));
      problems.push(...d.problems);
      // several raters: values left missing for adjudication, too few raters
      const ratings = d.dataset.ratings;
      if (ratings?.length) {
        const ids = d.dataset.units.map((u) => u.id);
        const years = d.dataset.years.length ? d.dataset.years : [undefined];
        for (const y of years)
          problems.push(
            ...ratingWarnings(raterAgreement(ratings, s.set.methodology?.raters, ids, y)).map((x) => ({
              ...x,
              file: values.data,
            })),
          );
      }
    } catch (e) {
      if (!(e instanceof GovscoreError)) throw e;
      problems.push(...e.problems);
    }
  }
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
  summary: 'check an indicator set and data; list every problem',
  help,
  run,
};
