/**
 * The install smoke test (run by `pnpm test` after vitest; alone: `pnpm smoke`). What a new user does,
 * with nothing from the workspace:
 *
 * 1. `pnpm build`, then `pnpm pack` every workspace package that is not private into a temporary folder;
 *    `publint --strict` and `attw --profile esm-only` must find no problem in any tarball;
 * 2. in an empty folder outside the repository, plain `npm install <tarballs>` (their dependencies
 *    come from the registry; the tarballs' own links between each other are resolved to the tarballs);
 *    no installed govscore package may be a link, nor lead back into the repository;
 * 3. `node -e "import('@govscore/core')…"` assesses a tiny set: the scores are the hand-computed ones;
 *    the charts render it to SVG;
 * 4. a TypeScript file using the types compiles with `moduleResolution: nodenext` and with `bundler`;
 * 5. `npx govscore init my-assessment --template cn-provincial-digital-government`, the workbook filled
 *    in (the sample's 2024 values), then in that folder `npx govscore validate …`, `npm run assess` and
 *    `npm run report`: the Result's scores equal the sources' on the same data, and the site is built
 *    by the installed Astro, without the sample banner, with group names in the narratives.
 *
 * It prints its figures (tarball sizes, install time, scores, page count) and exits non-zero on the
 * first failure, naming the step. Needs the npm registry (as CI reaches it); talks to no other server.
 */
import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { assess, loadIndicatorSet, parseDatasetCsv, parseResult, VERSION } from '@govscore/core';

const root = realpathSync(join(import.meta.dirname, '..', '..'));
const keep = process.env['GOVSCORE_SMOKE_KEEP'] === '1';
const work = realpathSync(mkdtempSync(join(tmpdir(), 'govscore-smoke-')));
const figures: [string, string][] = [];
const t0 = performance.now();

/** The environment of the user's shell: no pnpm or npm settings of the repo's run, no loader flags. */
const userEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^(npm_|pnpm_|PNPM_|NODE_OPTIONS$|NODE_PATH$|INIT_CWD$|VITEST)/i.test(k),
  ),
);
userEnv['ASTRO_TELEMETRY_DISABLED'] = '1';
userEnv['NO_COLOR'] = '1';

function fail(step: string, message: string): never {
  console.error(`\nsmoke test FAILED at ${step}: ${message}`);
  if (keep) console.error(`(kept ${work})`);
  else rmSync(work, { recursive: true, force: true });
  process.exit(1);
}

function check(step: string, ok: boolean, message: string): void {
  if (!ok) fail(step, message);
}

/** Runs a command; fails the test with its output unless it exits 0. Returns stdout and seconds. */
function run(
  step: string,
  cmd: string,
  args: string[],
  opts: SpawnSyncOptions & { cwd: string },
): { out: string; err: string; s: number } {
  const start = performance.now();
  console.error(`smoke: ${step}`);
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: userEnv, maxBuffer: 64 << 20, ...opts });
  const s = (performance.now() - start) / 1000;
  const out = String(r.stdout ?? '');
  const err = String(r.stderr ?? '');
  if (r.status !== 0)
    fail(step, `\`${cmd} ${args.join(' ')}\` in ${opts.cwd} exited ${r.status ?? r.signal}\n${out}\n${err}`);
  return { out, err, s };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const inside = (dir: string, p: string) => p === dir || p.startsWith(dir + sep);

// 1. build and pack ---------------------------------------------------------------------------------
const build = run('build', 'pnpm', ['build'], { cwd: root, env: process.env });
figures.push(['pnpm build', `${build.s.toFixed(1)} s`]);

interface WorkspacePackage {
  name: string;
  version: string;
  path: string;
  private?: boolean;
}
const listed = JSON.parse(
  run('list', 'pnpm', ['ls', '-r', '--depth', '-1', '--json'], { cwd: root, env: process.env }).out,
) as WorkspacePackage[];
const packages = listed.filter((p) => !p.private && realpathSync(p.path) !== root);
check('list', packages.length >= 4, `expected at least 4 packages, found ${packages.map((p) => p.name)}`);
for (const p of packages)
  check('list', p.version === VERSION, `${p.name} is ${p.version}, core is ${VERSION}`);

const tarballs = join(work, 'tarballs');
mkdirSync(tarballs);
const packed: { name: string; file: string; bytes: number; files: number }[] = [];
for (const p of packages) {
  const before = new Set(readdirSync(tarballs));
  run(`pack ${p.name}`, 'pnpm', ['pack', '--pack-destination', tarballs], { cwd: p.path, env: process.env });
  const file = readdirSync(tarballs).find((f) => !before.has(f));
  check(`pack ${p.name}`, file !== undefined, 'no tarball written');
  const listing = run('tar', 'tar', ['tzf', join(tarballs, file!)], { cwd: work })
    .out.trim()
    .split('\n');
  check(
    `pack ${p.name}`,
    !listing.some((f) => /(^|\/)(test|node_modules)\//.test(f) || f.endsWith('.tsbuildinfo')),
    `the tarball holds files it should not:\n${listing.join('\n')}`,
  );
  packed.push({
    name: p.name,
    file: file!,
    bytes: statSync(join(tarballs, file!)).size,
    files: listing.length,
  });
}
for (const t of packed) figures.push([`tarball ${t.name}`, `${kb(t.bytes)}, ${t.files} files`]);

const publint = join(root, 'node_modules/.bin/publint');
const attw = join(root, 'node_modules/.bin/attw');
for (const t of packed) {
  const r = run(`publint ${t.name}`, publint, ['run', '--strict', join(tarballs, t.file)], { cwd: work });
  check(`publint ${t.name}`, /All good!/.test(r.out + r.err), r.out + r.err);
  // ESM-only packages: the CommonJS resolutions (node10, node16 from require) are not checked
  run(`attw ${t.name}`, attw, [join(tarballs, t.file), '--profile', 'esm-only', '--format', 'json'], {
    cwd: work,
  });
}
figures.push(['publint --strict', `${packed.length} packages: all good`]);
figures.push(['attw --profile esm-only', `${packed.length} packages: no problem`]);

// 2. install into an empty folder outside the repository ----------------------------------------------
const project = join(work, 'project');
mkdirSync(project);
check('install', !inside(root, project), `${project} is inside the repository`);
writeFileSync(
  join(project, 'package.json'),
  `${JSON.stringify({ name: 'smoke', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
);
const install = run(
  'npm install',
  'npm',
  [
    'install',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
    ...packed.map((t) => `../tarballs/${t.file}`),
    'typescript@5.9.3',
    '@types/node@20',
    '@types/d3@7', // @observablehq/plot's own .d.ts import d3 (checked with skipLibCheck: false)
  ],
  { cwd: project },
);
figures.push(['npm install (tarballs + registry)', `${install.s.toFixed(1)} s`]);

const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { resolved?: string; link?: boolean }>;
};
for (const [where, entry] of Object.entries(lock.packages)) {
  check('no links', entry.link !== true, `${where} is a link to ${entry.resolved}`);
  check('no links', !entry.resolved?.includes(root), `${where} comes from the repository: ${entry.resolved}`);
}
for (const p of packages) {
  const dir = join(project, 'node_modules', ...p.name.split('/'));
  check('no links', !lstatSync(dir).isSymbolicLink(), `${dir} is a symbolic link`);
  check('no links', inside(project, realpathSync(dir)), `${p.name} resolves outside the project`);
}
const astro = realpathSync(join(project, 'node_modules/astro/package.json'));
check('no links', inside(project, astro), `astro is not the installed one: ${astro}`);

// 3. the library, from plain Node -------------------------------------------------------------------
writeFileSync(
  join(project, 'tiny.yaml'),
  `id: tiny
title: Tiny
methodology:
  normalise: {method: minmax, params: {min: 0, max: 100}}
tree:
  id: index
  children:
    - id: a
    - id: b
      direction: lower
`,
);
writeFileSync(join(project, 'tiny.csv'), 'id,name,a,b\nx,X,1,10\ny,Y,2,30\nz,Z,3,20\n');
const library = `
import { readFileSync } from 'node:fs';
import { assess, loadIndicatorSet } from '@govscore/core';
import { readDataset } from '@govscore/core/io';
import { rankingChart, toSvg } from '@govscore/charts';
const set = loadIndicatorSet(readFileSync('tiny.yaml', 'utf8'), 'tiny.yaml');
const { dataset } = await readDataset('tiny.csv', { set });
const r = assess(set, dataset);
const index = r.values.index;
const svg = await toSvg(rankingChart(r, { lang: 'en' }));
console.log(JSON.stringify({ units: r.units.map((u) => u.id), score: index.score, rank: index.rank, svg: svg.startsWith('<svg') }));
`;
const lib = JSON.parse(run('library', 'node', ['--input-type=module', '-e', library], { cwd: project }).out);
// hand-computed: a min-max → x 0, y 50, z 100; b (lower is better) → x 100, y 0, z 50; means 50, 25, 75
check(
  'library',
  JSON.stringify(lib) ===
    JSON.stringify({ units: ['x', 'y', 'z'], score: [50, 25, 75], rank: [2, 3, 1], svg: true }),
  `assess on the tiny set gave ${JSON.stringify(lib)}, expected scores 50, 25, 75 and ranks 2, 3, 1`,
);
figures.push(['tiny set (x, y, z)', `scores ${lib.score.join(', ')}; ranks ${lib.rank.join(', ')}`]);

// 4. the types, with nodenext and bundler resolution --------------------------------------------------
writeFileSync(
  join(project, 'check.ts'),
  `import { readFileSync } from 'node:fs';
import { assess, type IndicatorSet, loadIndicatorSet, type Result } from '@govscore/core';
import { readDataset, toCsv } from '@govscore/core/io';
import { rankingChart, toSvg } from '@govscore/charts';
import { buildReport, type ReportInputs, type SiteConfig } from '@govscore/report-site';
import { main } from 'govscore';

const set: IndicatorSet = loadIndicatorSet(readFileSync('tiny.yaml', 'utf8'), 'tiny.yaml');
const { dataset } = await readDataset('tiny.csv', { set });
const result: Result = assess(set, dataset);
const score: number | null | undefined = result.values['index']?.score[0];
const svg: string = await toSvg(rankingChart(result, { lang: 'en' }));
const config: SiteConfig = { title: 'Tiny' };
const inputs: ReportInputs = { results: [result], config };
const build: typeof buildReport = buildReport;
const code: number = await main(['--version']);
const csv: string = toCsv([['a', 1]]);
// @ts-expect-error: a Result's units are not numbers
const wrong: number = result.units[0];
export { build, code, csv, inputs, score, svg, wrong };
`,
);
// the library example of the README, as written there
const readmeMd = readFileSync(join(root, 'README.md'), 'utf8');
const example = /## Use it in your own project[\s\S]*?```ts\n([\s\S]*?)```/.exec(readmeMd)?.[1];
check('README', example !== undefined, "README has no TypeScript example under 'Use it in your own project'");
writeFileSync(join(project, 'readme.ts'), `${example}export {};\n`);
for (const [resolution, module] of [
  ['nodenext', 'nodenext'],
  ['bundler', 'esnext'],
] as const) {
  writeFileSync(
    join(project, `tsconfig.${resolution}.json`),
    `${JSON.stringify(
      {
        compilerOptions: {
          module,
          moduleResolution: resolution,
          target: 'es2022',
          lib: ['es2023', 'dom'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
        },
        files: ['check.ts', 'readme.ts'],
      },
      null,
      2,
    )}\n`,
  );
  const tsc = run(`tsc ${resolution}`, 'npx', ['tsc', '-p', `tsconfig.${resolution}.json`], { cwd: project });
  figures.push([`tsc --moduleResolution ${resolution}`, `no error (${tsc.s.toFixed(1)} s)`]);
}
// the tsconfig files must not be read by the site's Vite when it builds below
for (const f of ['tsconfig.nodenext.json', 'tsconfig.bundler.json']) rmSync(join(project, f));

// 5. npx govscore init, then validate, assess and report inside it --------------------------------------
run('init', 'npx', ['govscore', 'init', 'my-assessment', '--template', 'cn-provincial-digital-government'], {
  cwd: project,
});
const dir = join(project, 'my-assessment');
for (const f of ['indicator-set.yaml', 'data.xlsx', 'site.yaml', 'package.json', '.gitignore', 'README.md'])
  check('init', existsSync(join(dir, f)), `init did not write ${f}`);
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
check('init', pkg.devDependencies?.govscore === VERSION, `package.json does not pin govscore ${VERSION}`);
const setText = readFileSync(join(dir, 'indicator-set.yaml'), 'utf8');
check('init', !/^illustrative:/m.test(setText), 'the indicator set is still illustrative');
const readmeText = readFileSync(join(dir, 'README.md'), 'utf8');
check('init', !readmeText.includes(root) && !readmeText.includes(project), 'README names an absolute path');

copyFileSync(join(root, 'samples/cn-provincial/cn-provincial.csv'), join(project, 'sample.csv'));
copyFileSync(join(import.meta.dirname, 'fill-workbook.mjs'), join(project, 'fill-workbook.mjs'));
run('fill in', 'node', ['fill-workbook.mjs', 'my-assessment/data.xlsx', 'sample.csv', '2024'], {
  cwd: project,
});

const validate = run(
  'validate',
  'npx',
  ['govscore', 'validate', 'indicator-set.yaml', '--data', 'data.xlsx'],
  {
    cwd: dir,
  },
);
check('validate', /valid/.test(validate.out + validate.err), validate.out + validate.err);
run('npm run assess', 'npm', ['run', 'assess'], { cwd: dir });
const result = parseResult(readFileSync(join(dir, 'out/result.json'), 'utf8'));

// the same data through the repository's sources
const csv = readFileSync(join(root, 'samples/cn-provincial/cn-provincial.csv'), 'utf8').trim().split('\n');
const yearCol = csv[0]!.split(',').indexOf('year');
const only2024 = csv
  .filter((l, i) => i === 0 || l.split(',')[yearCol] === '2024')
  .map((l) => l.split(',').filter((_, j) => j !== yearCol && j !== 2)) // without year and name_en
  .map((cells) => cells.join(','))
  .join('\n')
  .replace(/^id,name_zh,/, 'id,name,');
const set = loadIndicatorSet(setText, 'indicator-set.yaml');
const expected = assess(set, parseDatasetCsv(only2024, { set }).dataset);
const rootId = result.set.nodes[0]!.id;
const got = result.values[rootId]!;
const want = expected.values[rootId]!;
check('assess', result.units.length === 31, `${result.units.length} units, expected 31`);
let worst = 0;
result.units.forEach((u, i) => {
  const j = expected.units.findIndex((e) => e.id === u.id);
  worst = Math.max(worst, Math.abs((got.score[i] ?? Number.NaN) - (want.score[j] ?? Number.NaN)));
  check(
    'assess',
    got.rank[i] === want.rank[j],
    `${u.id}: rank ${got.rank[i]}, the sources say ${want.rank[j]}`,
  );
});
check('assess', worst < 1e-9, `scores differ from the sources' by up to ${worst}`);
const top = result.units
  .map((u, i) => ({ name: String(typeof u.name === 'object' ? u.name['zh'] : (u.name ?? u.id)), i }))
  .sort((a, b) => (got.rank[a.i] ?? 99) - (got.rank[b.i] ?? 99))
  .slice(0, 3)
  .map((u) => `${u.name} ${got.score[u.i]?.toFixed(2)}`);
figures.push(['my-assessment, 31 provinces (2024)', `top 3: ${top.join(', ')}; = sources`]);

// the init's own script, with a smaller robustness analysis than its default 1000 replications
const report = run(
  'npm run report',
  'npm',
  ['run', 'report', '--', '--uncertainty', '200', '--sensitivity', '200'],
  {
    cwd: dir,
  },
);
const pages = /wrote (\d+) pages/.exec(report.err)?.[1];
check('report', pages !== undefined && Number(pages) > 31, `no site: ${report.err}`);
const site = join(dir, 'out/report');
const index = readFileSync(join(site, 'zh/index.html'), 'utf8');
check('report', !index.includes('示例数据'), 'the real assessment shows the sample banner');
const profiles = readdirSync(join(site, 'zh/regions'));
const beijing = readFileSync(join(site, 'zh/regions', profiles.find((f) => f.startsWith('110000'))!), 'utf8');
check('report', /在东部组内排名/.test(beijing), 'the narrative does not name the group 东部');
check('report', !/在east组内/.test(beijing), 'the narrative shows the group id');
figures.push(['report (installed Astro)', `${pages} pages in ${report.s.toFixed(1)} s`]);

// ----------------------------------------------------------------------------------------------------
if (keep) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
figures.push(['smoke test', `${((performance.now() - t0) / 1000).toFixed(1)} s`]);
const width = Math.max(...figures.map(([k]) => k.length));
console.log('\ninstall smoke test (packages from their tarballs, in an empty folder with npm):');
for (const [k, v] of figures) console.log(`  ${k.padEnd(width)}  ${v}`);
console.log(`\nsmoke test: every step passed (${figures.length} figures above)`);
console.log(`(${relative(root, import.meta.filename)})`);
