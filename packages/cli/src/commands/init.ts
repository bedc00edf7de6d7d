import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { GovscoreError, parseIndicatorSet } from '@govscore/core';
import type { TemplateOptions } from '@govscore/core/io';
import { intOption, parse, UsageError } from '../args';
import { writeFileAtomic } from '../fs';
import { EXIT, type Io } from '../output';
import { indicatorsDir } from '../paths';
import { progress } from '../progress';
import type { Command } from './index';
import { GITIGNORE, packageJson, readme, realAssessmentYaml, siteYaml } from './init-files';
import { readUnits, writeTemplate } from './template';

/** The indicator sets shipped with govscore (`indicators/` of the repository, copied into dist/). */
export const INDICATORS_DIR = indicatorsDir();
/**
 * The JSON Schema of indicator sets, for editor completion in the copied set: where `npm install` puts
 * it in the assessment's folder (its package.json depends on govscore, which depends on the core).
 */
const SCHEMA_REF = 'node_modules/@govscore/core/schema/indicator-set.schema.json';
const DEFAULT_TEMPLATE = 'cn-provincial-digital-government';

/** Ids of the shipped indicator sets, sorted. */
export function templateIds(): string[] {
  return readdirSync(INDICATORS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

const help = `govscore init [dir] [--template <set id>] [--units units.csv] [--year Y] [--sample] [--list]
              [--quiet] [--json]

Scaffolds an assessment in <dir> (default: the current folder):
  indicator-set.yaml  a copy of the chosen indicator set, to edit (weights, items, tiers)
  data.xlsx           the data-entry workbook for it (see govscore template)
  site.yaml           the report site's config (title, publisher, languages, group names)
  package.json        pins this govscore version; npm run validate | assess | report
  .gitignore          node_modules/ and out/ (what assess and report write)
  README.md           what to do next, step by step, with the commands to run in <dir>
  evidence/           a folder for screenshots named in the workbook's file column
Refuses to overwrite: every one of these must not exist yet. The copy is a real assessment's: a
template's sample markers (illustrative, "（示例）" in the title, sample-data notes) are left out,
unless --sample keeps the illustrative demo as it is.

Options:
  --template <id>   the indicator set to start from (default ${DEFAULT_TEMPLATE}); see --list
  --units <file>    units to list in the workbook: a CSV or XLSX with id and name columns
  --year <Y>        add a year column filled with Y to the workbook
  --sample          keep the template as the illustrative sample (the report says so on every page)
  --list            list the indicator sets to start from, and exit
  --quiet           print nothing but errors
  --json            print a JSON summary on stdout

Examples:
  govscore init assessment-2025 --template cn-website-inspection-2019
  npx govscore init my-assessment --template cn-provincial-digital-government
  govscore init provinces --units units.csv --year 2025
  govscore init --list`;

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    template: { type: 'string' },
    units: { type: 'string' },
    year: { type: 'string' },
    sample: { type: 'boolean' },
    list: { type: 'boolean' },
    quiet: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (values.list) {
    const ids = templateIds();
    if (values.json) io.out(JSON.stringify(ids));
    else io.out(ids.join('\n'));
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError('give at most one folder');
  const dir = positionals[0] ?? '.';
  const id = values.template ?? DEFAULT_TEMPLATE;
  const ids = templateIds();
  if (!ids.includes(id))
    throw new UsageError(`unknown template '${id}'; the indicator sets are: ${ids.join(', ')}`);
  const year = intOption(values.year, 'year');
  const files = [
    'indicator-set.yaml',
    'data.xlsx',
    'site.yaml',
    'package.json',
    '.gitignore',
    'README.md',
    'evidence',
  ];
  const existing = files.filter((f) => existsSync(join(dir, f)));
  if (existing.length)
    throw new UsageError(
      `${existing.map((f) => join(dir, f)).join(', ')} already exist${existing.length === 1 ? 's' : ''}; init never overwrites: choose a new folder`,
    );
  const p = progress(io, { command: 'init', total: 4, ...values });
  p.step(`reading the indicator set ${id}`);
  const template = readFileSync(join(INDICATORS_DIR, `${id}.yaml`), 'utf8');
  const src = values.sample ? template : realAssessmentYaml(template);
  const { set, problems } = parseIndicatorSet(src, `${id}.yaml`);
  if (problems.some((x) => x.severity === 'error')) {
    p.done();
    throw new GovscoreError(problems);
  }
  const opts: TemplateOptions = {};
  if (values.units) {
    p.step(`reading ${values.units}`);
    opts.units = await readUnits(values.units);
  } else p.step('no units given: the workbook has empty rows');
  if (year !== undefined) opts.year = year;
  p.step('writing the indicator set, site config, package.json and README');
  mkdirSync(join(dir, 'evidence'), { recursive: true });
  writeFileAtomic(
    join(dir, 'indicator-set.yaml'),
    src.replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${SCHEMA_REF}`),
  );
  const groupValues = [...new Set((opts.units ?? []).flatMap((u) => Object.values(u.groups ?? {})))].sort();
  const grouped = set.methodology?.rank?.within !== undefined || set.methodology?.impute?.group !== undefined;
  writeFileAtomic(join(dir, 'site.yaml'), siteYaml(set, groupValues, grouped && set.unit === 'province'));
  writeFileAtomic(join(dir, 'package.json'), packageJson(basename(resolve(dir)), set));
  writeFileAtomic(join(dir, '.gitignore'), GITIGNORE);
  writeFileAtomic(join(dir, 'README.md'), readme(set, id, values.sample === true));
  p.step('writing the data-entry workbook');
  writeTemplate(set, join(dir, 'data.xlsx'), opts);
  p.done();
  const written = files.map((f) => join(dir, f));
  if (values.json)
    io.out(
      JSON.stringify(
        { dir, template: id, sample: values.sample === true, units: opts.units?.length ?? 0, files: written },
        null,
        2,
      ),
    );
  else if (!values.quiet)
    io.err(
      `created ${written.join(', ')}\nNext: ${dir === '.' ? '' : `cd ${dir}, `}npm install, fill in data.xlsx (see README.md), then npm run validate`,
    );
  return EXIT.ok;
}

export const init: Command = {
  name: 'init',
  summary: 'scaffold an assessment: indicator set, data workbook, site config, README',
  help,
  run,
};
