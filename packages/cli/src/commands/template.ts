import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { GovscoreError, type IndicatorSet, type LangText, problem } from '@govscore/core';
import { type TemplateOptions, templateCsv, templateXlsx } from '@govscore/core/io';
import { intOption, parse, UsageError } from '../args';
import { writeFileAtomic } from '../fs';
import { loadSet, readData } from '../inputs';
import { EXIT, type Io, printProblems } from '../output';
import { progress } from '../progress';
import type { Command } from './index';

const help = `govscore template <set.yaml> --out <data.xlsx|data.csv> [--units units.csv] [--year Y]
                  [--lang zh|en] [--force] [--quiet] [--json]

Writes a data-entry template for an indicator set, for evaluators to fill in:
  .xlsx  a README sheet; one sheet per dimension (one row per unit, one column per indicator, with
         the indicator's name, unit and allowed range above its id, and data validation: number
         ranges, yes/no and level drop-downs); a checklist sheet (one row per unit and item) with
         a rater column and evidence columns: url, file (screenshot), date (checked), note.
  .csv   the same as one long table (id,name,indicator,value,rater,url,file,date,note).
govscore validate and govscore assess read the filled-in file back (sheets merged by unit id;
problems name the cell: data.xlsx!在线服务!D7).

Options:
  --out <file>     the template to write (.xlsx or .csv)                             [required]
  --units <file>   units to list, one row each: a CSV or XLSX with id and name columns, and
                   group columns (default: empty rows to fill in)
  --year <Y>       add a year column filled with Y
  --lang <code>    language of names and labels (default: the set's first language)
  --force          overwrite --out if it exists (default: refuse, to protect filled-in work)
  --quiet          print nothing but errors
  --json           print a JSON summary on stdout

Examples:
  govscore template indicators/cn-website-inspection-2019.yaml --out data.xlsx
  govscore template indicators/cn-provincial-digital-government.yaml --out data.xlsx \\
    --units samples/cn-provincial/provinces.csv --year 2025
  govscore template indicators/global-open-data-index-2015.yaml --out answers.csv --lang en`;

/**
 * Reads a units file (CSV, TSV, XLSX, JSON with an id column and optional name columns).
 * @throws GovscoreError when it cannot be read or has no units
 */
export async function readUnits(
  path: string,
): Promise<{ id: string; name?: LangText; groups?: Record<string, string> }[]> {
  const { dataset, problems } = await readData(path, { form: 'wide' });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new GovscoreError(errors);
  if (dataset.units.length === 0)
    throw new GovscoreError([
      problem('E206', `no units in ${path}`, { file: path }, 'write an id column and one row per unit'),
    ]);
  return dataset.units.map((u) => ({
    id: u.id,
    ...(u.name !== undefined ? { name: u.name } : {}),
    ...(Object.keys(u.groups).length ? { groups: u.groups } : {}),
  }));
}

/** Writes a template for `set` to `out` (.xlsx or .csv); returns the bytes written. */
export function writeTemplate(set: IndicatorSet, out: string, opts: TemplateOptions): number {
  const ext = extname(out).toLowerCase();
  const data = ext === '.csv' ? templateCsv(set, opts) : templateXlsx(set, opts);
  writeFileAtomic(out, data);
  return typeof data === 'string' ? Buffer.byteLength(data) : data.length;
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string' },
    units: { type: 'string' },
    year: { type: 'string' },
    lang: { type: 'string' },
    force: { type: 'boolean' },
    quiet: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const [setPath, ...extra] = positionals;
  if (!setPath || extra.length) throw new UsageError('give exactly one indicator-set file');
  if (!values.out) throw new UsageError('--out <data.xlsx|data.csv> is required');
  const ext = extname(values.out).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv')
    throw new UsageError(`--out must end in .xlsx or .csv, got '${values.out}'`);
  if (existsSync(values.out) && !values.force)
    throw new UsageError(`${values.out} exists; give another --out, or --force to overwrite it`);
  const year = intOption(values.year, 'year');
  const p = progress(io, { command: 'template', total: values.units ? 3 : 2, ...values });
  p.step(`reading ${setPath}`);
  const s = loadSet(setPath);
  if (s.problems.some((x) => x.severity === 'error')) {
    p.done();
    throw new GovscoreError(s.problems);
  }
  const opts: TemplateOptions = {};
  if (values.units) {
    p.step(`reading ${values.units}`);
    opts.units = await readUnits(values.units);
  }
  if (year !== undefined) opts.year = year;
  if (values.lang) opts.lang = values.lang;
  p.step(`writing ${values.out}`);
  const bytes = writeTemplate(s.set, values.out, opts);
  p.done();
  if (values.json)
    io.out(
      JSON.stringify(
        { set: s.set.id, out: values.out, units: opts.units?.length ?? 0, year: year ?? null, bytes },
        null,
        2,
      ),
    );
  else if (!values.quiet) {
    printProblems(io, s.problems);
    io.err(
      `wrote ${values.out}: a data-entry template for '${s.set.id}'${opts.units ? ` with ${opts.units.length} units` : ''}. Fill it in, then run: govscore validate ${setPath} --data ${values.out}`,
    );
  }
  return EXIT.ok;
}

export const template: Command = {
  name: 'template',
  summary: 'write a data-entry workbook (XLSX or CSV) for an indicator set',
  help,
  run,
};
