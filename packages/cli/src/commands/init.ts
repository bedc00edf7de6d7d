import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { GovscoreError, type IndicatorSet, type LangText, langText, parseIndicatorSet } from '@govscore/core';
import type { TemplateOptions } from '@govscore/core/io';
import { intOption, parse, UsageError } from '../args';
import { writeFileAtomic } from '../fs';
import { EXIT, type Io } from '../output';
import { repoRoot } from '../paths';
import { progress } from '../progress';
import type { Command } from './index';
import { readUnits, writeTemplate } from './template';

/** The indicator sets shipped with govscore (`indicators/` at the repository root). */
export const INDICATORS_DIR = join(repoRoot(), 'indicators');
/** The JSON Schema of indicator sets, for editor completion in the copied set. */
const SCHEMA_FILE = join(repoRoot(), 'packages', 'core', 'schema', 'indicator-set.schema.json');
const DEFAULT_TEMPLATE = 'cn-provincial-digital-government';

/** Ids of the shipped indicator sets, sorted. */
export function templateIds(): string[] {
  return readdirSync(INDICATORS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

const help = `govscore init [dir] [--template <set id>] [--units units.csv] [--year Y] [--list] [--quiet] [--json]

Scaffolds an assessment in <dir> (default: the current folder):
  indicator-set.yaml  a copy of the chosen indicator set, to edit (weights, items, tiers)
  data.xlsx           the data-entry workbook for it (see govscore template)
  site.yaml           the report site's config (title, publisher, languages)
  README.md           what to do next, step by step, with the commands for this folder
  evidence/           a folder for screenshots named in the workbook's file column
Refuses to overwrite: every one of these must not exist yet.

Options:
  --template <id>   the indicator set to start from (default ${DEFAULT_TEMPLATE}); see --list
  --units <file>    units to list in the workbook: a CSV or XLSX with id and name columns
  --year <Y>        add a year column filled with Y to the workbook
  --list            list the indicator sets to start from, and exit
  --quiet           print nothing but errors
  --json            print a JSON summary on stdout

Examples:
  govscore init assessment-2025 --template cn-website-inspection-2019
  govscore init provinces --units samples/cn-provincial/provinces.csv --year 2025
  govscore init --list`;

function yamlText(t: LangText): string {
  return JSON.stringify(t);
}

/** The site config of a new assessment. */
function siteYaml(set: IndicatorSet): string {
  const langs = set.languages ?? (typeof set.title === 'string' ? ['en'] : Object.keys(set.title));
  const zh = langs[0]?.startsWith('zh');
  return [
    '# Config of the report site (govscore report --config site.yaml). Every key is optional.',
    `title: ${yamlText(set.title)}`,
    `publisher: ${yamlText(zh ? { zh: '（评估机构名称）', en: '(assessment centre)' } : '(assessment centre)')}`,
    `languages: ${JSON.stringify(langs)}`,
    '# logo: logo.png',
    '# colours: { primary: "#1f4e79" }',
    '# pages: [overview, ranking, dimensions, profiles, methodology, robustness, downloads, whatif]',
    '',
  ].join('\n');
}

/** The evaluator's README of a new assessment. */
function readme(set: IndicatorSet, dir: string, template: string): string {
  const title = langText(set.title, set.languages?.[0]);
  const d = dir === '.' ? '' : `${dir}/`;
  return `# ${title} — assessment

Scaffolded by \`govscore init\` from the indicator set \`${template}\`.

| file | what it is |
|---|---|
| \`indicator-set.yaml\` | the indicator set: the tree of dimensions and indicators, weights, checklist items and their points, methods, tiers. Edit it first if your assessment differs. |
| \`data.xlsx\` | the data-entry workbook: one sheet per dimension, one for checklist answers |
| \`site.yaml\` | the report site's title, publisher and languages |
| \`evidence/\` | screenshots, named in the workbook's \`file\` column |

## Steps

1. **Check the indicator set.** Edit \`indicator-set.yaml\` if needed, then check it:

   \`\`\`sh
   govscore validate ${d}indicator-set.yaml
   \`\`\`

   If you changed the indicators, write a new workbook: \`govscore template ${d}indicator-set.yaml --out ${d}data.xlsx --force\`.

2. **Fill in \`data.xlsx\`.** Do not change the ids in row 3 of each dimension sheet (rows 1–2 show
   each indicator's name, unit and allowed range). One row per unit. Numbers with a dot for decimals;
   percentages 0–100; yes/no questions as yes/no (是/否); leave a cell empty when the value is unknown.

   In the checklist sheet, answer each item \`yes\`, \`no\`, \`partial\` or \`not applicable\`
   (是/否/部分/不适用). *Not applicable* means the item does not apply to that unit: the checklist is
   rescaled; it is not the same as *unknown* (an empty cell). Record the evidence of each answer: the
   page's \`url\`, the screenshot's \`file\` name (put the file in \`evidence/\`), the \`date\` checked,
   and a \`note\`.

   **Several raters:** copy the rows, write each rater's name in the \`rater\` column. Where raters
   disagree, the final answer follows \`methodology.raters.rule\` in the indicator set (\`majority\`,
   \`median\`, or \`adjudicated\`); add a row with rater \`adjudicated\` to settle a disagreement.

3. **Validate** the data against the set. Every problem is listed with its cell
   (\`data.xlsx!在线服务!D7\`); fix them and run it again until it says *valid*:

   \`\`\`sh
   govscore validate ${d}indicator-set.yaml --data ${d}data.xlsx
   \`\`\`

4. **Assess.** This writes the Result (every score, rank and tier, the evidence, and the agreement
   between raters with the disagreements to adjudicate) and a long CSV:

   \`\`\`sh
   govscore assess ${d}indicator-set.yaml --data ${d}data.xlsx --out ${d}result.json --csv ${d}scores.csv
   \`\`\`

5. **Publish** the report site:

   \`\`\`sh
   govscore report ${d}indicator-set.yaml --data ${d}data.xlsx --config ${d}site.yaml --out ${d}report
   \`\`\`

Exit codes: 0 ok; 1 invalid input (problems printed as \`file:line:col CODE message\`); 2 usage error;
3 internal error. Add \`--json\` to any command for output a script can read.
`;
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    template: { type: 'string' },
    units: { type: 'string' },
    year: { type: 'string' },
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
  const files = ['indicator-set.yaml', 'data.xlsx', 'site.yaml', 'README.md', 'evidence'];
  const existing = files.filter((f) => existsSync(join(dir, f)));
  if (existing.length)
    throw new UsageError(
      `${existing.map((f) => join(dir, f)).join(', ')} already exist${existing.length === 1 ? 's' : ''}; init never overwrites: choose a new folder`,
    );
  const p = progress(io, { command: 'init', total: 4, ...values });
  p.step(`reading the indicator set ${id}`);
  const src = readFileSync(join(INDICATORS_DIR, `${id}.yaml`), 'utf8');
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
  p.step('writing the indicator set, site config and README');
  mkdirSync(join(dir, 'evidence'), { recursive: true });
  const schema = relative(resolve(dir), SCHEMA_FILE).split('\\').join('/');
  writeFileAtomic(
    join(dir, 'indicator-set.yaml'),
    src.replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schema}`),
  );
  writeFileAtomic(join(dir, 'site.yaml'), siteYaml(set));
  writeFileAtomic(join(dir, 'README.md'), readme(set, dir, id));
  p.step('writing the data-entry workbook');
  writeTemplate(set, join(dir, 'data.xlsx'), opts);
  p.done();
  const written = files.map((f) => join(dir, f));
  if (values.json)
    io.out(JSON.stringify({ dir, template: id, units: opts.units?.length ?? 0, files: written }, null, 2));
  else if (!values.quiet)
    io.err(
      `created ${written.join(', ')}\nNext: read ${join(dir, 'README.md')}, fill in ${join(dir, 'data.xlsx')}, then run govscore validate ${join(dir, 'indicator-set.yaml')} --data ${join(dir, 'data.xlsx')}`,
    );
  return EXIT.ok;
}

export const init: Command = {
  name: 'init',
  summary: 'scaffold an assessment: indicator set, data workbook, site config, README',
  help,
  run,
};
