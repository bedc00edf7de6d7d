/**
 * The files `govscore init` writes besides the workbook: the indicator set made a real assessment's
 * (the template's sample markers taken out), the npm project (package.json pinning govscore, with
 * scripts), the .gitignore of its outputs, the site config with group names, and the README.
 * Pure text in, text out; init.ts writes them.
 * @internal
 */
import { type IndicatorSet, type LangText, langText, VERSION } from '@govscore/core';
import { isMap, isScalar, parseDocument } from 'yaml';

/** The commands of a new assessment, run from its folder (also its npm scripts). */
export const COMMANDS = {
  validate: 'govscore validate indicator-set.yaml --data data.xlsx',
  assess: 'govscore assess indicator-set.yaml --data data.xlsx --out out/result.json --csv out/scores.csv',
  report: 'govscore report indicator-set.yaml --data data.xlsx --config site.yaml --out out/report',
} as const;

/** Words that mark a sample: "（示例）", "(illustrative)", "（2019 年版，示例）" → "（2019 年版）". */
function unmarkTitle(s: string): string {
  return s
    .replace(/\s*\(\s*(示例|illustrative|sample)\s*\)|（\s*(示例|illustrative|sample)\s*）/gi, '')
    .replace(/[，,、]\s*(示例|illustrative|sample)\s*(?=[）)])/gi, '')
    .replace(/\s+$/, '');
}

/** Sentences about the bundled sample data ("随附的样例数据为示例数据……", "The bundled sample data are…"). */
function unmarkDescription(s: string): string {
  return s
    .replace(/[^。！？]*(示例数据|样例数据)[^。！？]*[。！？]/g, '')
    .replace(/[^.!?。]*\b(illustrative|sample) data\b[^.!?]*[.!?]\s*/gi, '')
    .trim();
}

/**
 * The template's YAML as a real assessment's: without `illustrative: true`, and without the sample
 * markers in the title and the sample-data sentences of the description (in every language). The
 * rest of the text, comments included, is kept as it was; a template that is not illustrative is
 * returned unchanged.
 */
export function realAssessmentYaml(src: string): string {
  const doc = parseDocument(src);
  if (!isMap(doc.contents) || doc.get('illustrative') !== true) return src;
  const edits: { from: number; to: number; text: string }[] = [];
  const line = /^illustrative:[^\n]*\n/m.exec(src); // a top-level key: at the start of a line
  if (line) edits.push({ from: line.index, to: line.index + line[0].length, text: '' });
  for (const [key, clean] of [
    ['title', unmarkTitle],
    ['description', unmarkDescription],
  ] as const) {
    const node = doc.get(key, true);
    const scalars = isScalar(node) ? [node] : isMap(node) ? node.items.map((p) => p.value) : [];
    for (const s of scalars) {
      if (!isScalar(s) || typeof s.value !== 'string' || !s.range) continue;
      const text = clean(s.value);
      if (text === s.value) continue;
      // a block scalar's range ends after its line break, which the quoted text keeps
      const tail = /\s*$/.exec(src.slice(s.range[0], s.range[1]))?.[0] ?? '';
      edits.push({ from: s.range[0], to: s.range[1], text: JSON.stringify(text) + tail });
    }
  }
  // the comment block above the first key (the template's own description of itself)
  const head = /^(#[^\n]*\n)+/.exec(src);
  if (head)
    edits.push({ from: 0, to: head[0].length, text: unmarkTitle(head[0].replace(/\s+$/, '')) + '\n' });
  let out = src;
  for (const e of edits.sort((a, b) => b.from - a.from))
    out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}

/** A package name npm accepts, from the folder's name. */
export function packageName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|[-_.]+$/g, '');
  return name.slice(0, 214) || 'assessment';
}

/** package.json of a new assessment: govscore pinned to this version, the commands as npm scripts. */
export function packageJson(folder: string, set: IndicatorSet): string {
  const pkg = {
    name: packageName(folder),
    version: '0.0.0',
    private: true,
    description: `${langText(set.title, set.languages?.[0])} — assessment (govscore)`,
    scripts: { ...COMMANDS },
    devDependencies: { govscore: VERSION },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** .gitignore of a new assessment: what npm installs and what the commands write. */
export const GITIGNORE = `# installed by npm install
node_modules/
# written by npm run assess / npm run report (govscore writes only there)
out/
`;

/** Names of common group values: the four regions of China as the National Bureau of Statistics names them. */
const KNOWN_GROUPS: Record<string, { zh: string; en: string }> = {
  east: { zh: '东部', en: 'East' },
  central: { zh: '中部', en: 'Central' },
  west: { zh: '西部', en: 'West' },
  northeast: { zh: '东北', en: 'Northeast' },
};

function yamlText(t: LangText): string {
  return JSON.stringify(t);
}

/**
 * The site config of a new assessment: title, publisher, languages, and the name of every group value
 * of the units (narratives and tables show names, not ids): known values are named, the others are
 * named by themselves with a note to rename them. `provinces`: the set groups China's provinces, whose
 * group column holds the four regions (used when no units are given).
 */
export function siteYaml(set: IndicatorSet, groupValues: readonly string[], provinces = false): string {
  const langs = set.languages ?? (typeof set.title === 'string' ? ['en'] : Object.keys(set.title));
  const zh = langs[0]?.startsWith('zh');
  const lines = [
    '# Config of the report site (govscore report --config site.yaml). Every key is optional.',
    `title: ${yamlText(set.title)}`,
    `publisher: ${yamlText(zh ? { zh: '（评估机构名称）', en: '(assessment centre)' } : '(assessment centre)')}`,
    `languages: ${JSON.stringify(langs)}`,
    '# logo: logo.png',
    '# colours: { primary: "#1f4e79" }',
    '# pages: [overview, ranking, dimensions, profiles, methodology, robustness, downloads, whatif]',
  ];
  // without units: a provincial set's group column holds the four regions
  const known = groupValues.length ? groupValues : provinces ? Object.keys(KNOWN_GROUPS) : [];
  if (known.length) {
    lines.push('# The name of each value of the group column, as the report shows it:');
    lines.push('groups:');
    for (const g of known) {
      const name = KNOWN_GROUPS[g];
      lines.push(
        name
          ? `  ${JSON.stringify(g)}: ${yamlText(name)}`
          : `  ${JSON.stringify(g)}: ${JSON.stringify(g)} # rename: the name shown in the report`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
}

/** The evaluator's README of a new assessment; every command runs from the assessment's folder. */
export function readme(set: IndicatorSet, template: string, sample: boolean): string {
  const title = langText(set.title, set.languages?.[0]);
  return `# ${title} — assessment

Scaffolded by \`govscore init\` (govscore ${VERSION}) from the indicator set \`${template}\`${
    sample ? ', as the illustrative sample (`--sample`): the report says it is sample data' : ''
  }.

| file | what it is |
|---|---|
| \`indicator-set.yaml\` | the indicator set: the tree of dimensions and indicators, weights, checklist items and their points, methods, tiers. Edit it first if your assessment differs. |
| \`data.xlsx\` | the data-entry workbook: one sheet per dimension, one for checklist answers |
| \`site.yaml\` | the report site's title, publisher, languages and group names |
| \`evidence/\` | screenshots, named in the workbook's \`file\` column |
| \`package.json\` | pins govscore ${VERSION}; \`npm run validate\`, \`npm run assess\`, \`npm run report\` |
| \`out/\` | what \`assess\` and \`report\` write (ignored by git, see \`.gitignore\`) |

Run every command below in this folder. First install govscore (Node.js 20.19 or later):

\`\`\`sh
npm install
\`\`\`

## Steps

1. **Check the indicator set.** Edit \`indicator-set.yaml\` if needed, then check it:

   \`\`\`sh
   npx govscore validate indicator-set.yaml
   \`\`\`

   If you changed the indicators, write a new workbook: \`npx govscore template indicator-set.yaml --out data.xlsx --force\`.

2. **Fill in \`data.xlsx\`.** Do not change the ids in row 3 of each dimension sheet (rows 1–2 show
   each indicator's name, unit and allowed range). One row per unit. Numbers with a dot for decimals;
   percentages 0–100; yes/no questions as yes/no (是/否); leave a cell empty when the value is unknown.
   Name each value of the \`group\` column in \`site.yaml\` (\`groups:\`): the report shows the names.

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
   npm run validate      # ${COMMANDS.validate}
   \`\`\`

4. **Assess.** This writes the Result (every score, rank and tier, the evidence, and the agreement
   between raters with the disagreements to adjudicate) and a long CSV:

   \`\`\`sh
   npm run assess        # ${COMMANDS.assess}
   \`\`\`

5. **Publish** the report site (open \`out/report/index.html\`, or serve the folder):

   \`\`\`sh
   npm run report        # ${COMMANDS.report}
   \`\`\`

Exit codes: 0 ok; 1 invalid input (problems printed as \`file:line:col CODE message\`); 2 usage error;
3 internal error. Add \`--json\` to any command for output a script can read; \`npx govscore <command> --help\`
lists its options.
`;
}
