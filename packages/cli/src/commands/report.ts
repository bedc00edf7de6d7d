import { mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import {
  type AnalysisSpec,
  analysePlan,
  assess as assessCore,
  attachAnalysis,
  compile,
  type Dataset,
  GovscoreError,
  type IndicatorSet,
  loadAnalysisSpec,
  type Problem,
  problem,
  type Result,
} from '@govscore/core';
import { intOption, parse, UsageError } from '../args';
import { loadInputs, readText } from '../inputs';
import { EXIT, type Io } from '../output';
import type { Command } from './index';

const help = `govscore report <set.yaml> --data <file> [--data <file>...] --out <dir>
                [--config site.yaml] [--base /reports/2025/] [--assumptions analysis.yaml]
                [--uncertainty N] [--sensitivity N] [--seed S] [--no-analysis] [--pdf]
                [--allow-outside] [--quiet] [--json]

Builds the report site: assesses every year of the data, runs the robustness analysis on the latest
year (rank intervals and Sobol sensitivity indices; by default the weights vary ±25% at each level),
then builds a static site (Astro) with an overview, the full ranking, a page per dimension, a profile
per region, the methodology, robustness, downloads and a what-if page, in every language of the set.
The site is built in a temporary folder and replaces <dir> only on success.

Options:
  --data <file>      data file (.csv, .tsv, .xlsx, .json); repeat for more years     [required]
  --out <dir>        output folder                                                   [required]
  --config <file>    site config (YAML): title, publisher, logo, languages, colours, pages, templates
  --allow-outside    let the site config name files (logo, boundaries) outside its own folder
  --base <path>      base path the site is served under (default /); links are relative, so the
                     site also works from another path and from the file system (without scripts)
  --assumptions <f>  analysis YAML: assumptions, uncertainty, sensitivity (see docs/analysis.md)
  --uncertainty <N>  replications of the uncertainty analysis (default 1000)
  --sensitivity <N>  base sample of the sensitivity analysis, N·(d+2) runs (default 1000)
  --seed <S>         seed of the analysis (default 1): the same seed gives the same site
  --no-analysis      skip the analysis (the robustness page then says "not computed")
  --pdf              also print the overview and every profile to PDF with Chromium (<dir>/pdf/)
  --bundle <dir>     also keep the site's input (Results, config) in <dir>, for working on the
                     site: GOVSCORE_REPORT_BUNDLE=<dir> pnpm --filter @govscore/report-site dev
  --quiet            print nothing but errors
  --json             print a JSON summary on stdout (for scripts)

Open <dir>/index.html in a browser, or serve <dir> with any static web server.

Examples:
  govscore report indicators/cn-provincial-digital-government.yaml \\
    --data samples/cn-provincial/cn-provincial.csv --out out/report
  govscore report indicators/coinr-asem.yaml --data samples/coinr-asem/asem.csv \\
    --out out/asem --config site.yaml --base /reports/asem/`;

/**
 * A file the site config names (logo, boundaries), resolved against the config's folder — the project
 * folder. Refused (E600) when it lies outside that folder (`../`, an absolute path elsewhere, a symbolic
 * link leading out), unless the user allows it with `--allow-outside`: a shared config must not be able
 * to copy any file of the machine into a published site.
 * @throws GovscoreError E600
 */
export function configFile(configPath: string, name: string, key: string, allowOutside = false): string {
  const dir = realpathSync(dirname(resolve(configPath)));
  const file = resolve(dir, name);
  if (allowOutside) return file;
  let real = file;
  try {
    real = realpathSync(file);
  } catch {} // a missing file is reported by the reader
  const rel = relative(dir, real);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
    throw new GovscoreError([
      problem(
        'E600',
        `${key} '${name}' is outside the project folder ${dir}`,
        { file: configPath, path: key },
        'put the file in the folder of the site config (or below it), or pass --allow-outside to use it where it is',
      ),
    ]);
  return file;
}

export interface YearRun {
  result: Result;
  data: Dataset;
  file: string;
}

/** Assesses every year of every data file; one Result per year, oldest first. */
export function assessYears(
  set: IndicatorSet,
  datasets: { file: string; data: Dataset; warnings?: readonly Problem[] }[],
): YearRun[] {
  const byYear = new Map<string, YearRun>();
  const problems: Problem[] = [];
  for (const { file, data, warnings } of datasets) {
    const years: (number | undefined)[] = data.years.length ? data.years : [undefined];
    for (const year of years) {
      const key = year === undefined ? 'none' : String(year);
      const seen = byYear.get(key);
      if (seen) {
        problems.push(
          problem(
            'E601',
            year === undefined
              ? `'${file}' and '${seen.file}' both have data without a year`
              : `year ${year} is in both '${seen.file}' and '${file}'`,
            { file },
            'give each year once: one file per year, or one file with a year column',
          ),
        );
        continue;
      }
      // the file's warnings (read as GB18030, a column ignored...) go into each of its years' Results
      const options = { ...(year !== undefined ? { year } : {}), ...(warnings ? { warnings } : {}) };
      byYear.set(key, { file, data, result: assessCore(set, data, options) });
    }
  }
  if (byYear.has('none') && byYear.size > 1)
    problems.push(
      problem(
        'E601',
        'some data have a year and some do not',
        {},
        'add a year column to every data file of a multi-year report',
      ),
    );
  if (problems.length) throw new GovscoreError(problems);
  return [...byYear.values()].sort((a, b) => (a.result.year ?? 0) - (b.result.year ?? 0));
}

/** The report site package (Astro, Vega), loaded only when a report is built. */
async function loadSite(): Promise<typeof import('@govscore/report-site')> {
  return import('@govscore/report-site');
}

/** The analysis spec of the report: the file's, with the command line's counts and seed. */
function analysisSpec(values: {
  assumptions?: string | undefined;
  uncertainty?: string | undefined;
  sensitivity?: string | undefined;
  seed?: string | undefined;
}): AnalysisSpec {
  const spec: AnalysisSpec = values.assumptions
    ? loadAnalysisSpec(readText(values.assumptions), values.assumptions)
    : {};
  const u = intOption(values.uncertainty, 'uncertainty');
  const n = intOption(values.sensitivity, 'sensitivity');
  const seed = intOption(values.seed, 'seed');
  if (u !== undefined && u < 1) throw new UsageError('--uncertainty must be at least 1');
  if (n !== undefined && n < 1) throw new UsageError('--sensitivity must be at least 1');
  return {
    ...spec,
    uncertainty: { ...spec.uncertainty, replications: u ?? spec.uncertainty?.replications ?? 1000 },
    sensitivity: { ...spec.sensitivity, n: n ?? spec.sensitivity?.n ?? 1000 },
    seed: seed ?? spec.seed ?? 1,
  };
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    data: { type: 'string', multiple: true },
    out: { type: 'string' },
    config: { type: 'string' },
    base: { type: 'string' },
    assumptions: { type: 'string' },
    uncertainty: { type: 'string' },
    sensitivity: { type: 'string' },
    seed: { type: 'string' },
    'no-analysis': { type: 'boolean' },
    pdf: { type: 'boolean' },
    'allow-outside': { type: 'boolean' },
    bundle: { type: 'string' },
    quiet: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const [setPath, ...extra] = positionals;
  if (!setPath || extra.length) throw new UsageError('give exactly one indicator-set file');
  if (!values.data?.length) throw new UsageError('--data <file> is required');
  if (!values.out) throw new UsageError('--out <dir> is required');
  const site = await loadSite();
  let base: string;
  try {
    base = site.normaliseBase(values.base);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }

  // site config
  let config: import('@govscore/report-site').SiteConfig = {};
  let logo: { ext: string; bytes: Uint8Array } | undefined;
  if (values.config) {
    const parsed = site.parseSiteConfig(readText(values.config));
    if (parsed.problems.length) {
      throw new GovscoreError(
        parsed.problems.map((p) =>
          problem('E600', p.message, { file: values.config, ...(p.path ? { path: p.path } : {}) }, p.hint),
        ),
      );
    }
    config = parsed.config;
    if (config.logo) {
      const logoPath = configFile(values.config, config.logo, 'logo', values['allow-outside']);
      try {
        logo = { ext: extname(logoPath).slice(1), bytes: new Uint8Array(readFileSync(logoPath)) };
      } catch (e) {
        throw new GovscoreError([
          problem(
            'E600',
            `logo '${config.logo}' cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
            { file: values.config, path: 'logo' },
            'give a path relative to the config file',
          ),
        ]);
      }
    }
  }

  let boundaries: string | undefined;
  if (values.config && config.boundaries) {
    const file = configFile(
      values.config,
      config.boundaries.file,
      'boundaries.file',
      values['allow-outside'],
    );
    const text = readText(file);
    try {
      JSON.parse(text);
    } catch (e) {
      throw new GovscoreError([
        problem(
          'E600',
          `boundaries '${config.boundaries.file}' are not JSON: ${(e as Error).message}`,
          { file: values.config, path: 'boundaries.file' },
          'give a GeoJSON FeatureCollection or a TopoJSON Topology',
        ),
      ]);
    }
    boundaries = text;
  }

  // assess every year
  const warnings: Problem[] = [];
  let set: IndicatorSet | undefined;
  const datasets: { file: string; data: Dataset; warnings: Problem[] }[] = [];
  for (const file of values.data) {
    const loaded = await loadInputs(setPath, file);
    set = loaded.set;
    datasets.push({ file, data: loaded.data, warnings: loaded.warnings });
  }
  const spec = values['no-analysis'] ? undefined : analysisSpec(values);
  const years = assessYears(set!, datasets);
  for (const y of years) warnings.push(...y.result.warnings);
  // the robustness analysis of the latest year: the year the report is about
  let analysisNote = '';
  if (spec) {
    const last = years[years.length - 1]!;
    try {
      const year = last.result.year;
      const analysis = analysePlan(compile(set!, last.data, year !== undefined ? { year } : {}), spec);
      last.result = attachAnalysis(last.result, analysis);
      warnings.push(...analysis.warnings);
      analysisNote = `; analysis: ${spec.uncertainty?.replications} replications, sensitivity N = ${spec.sensitivity?.n}`;
    } catch (e) {
      if (!(e instanceof GovscoreError)) throw e;
      warnings.push(...e.problems);
      analysisNote = `; analysis not run (${e.problems[0]?.code ?? 'error'}: ${e.problems[0]?.message ?? e.message})`;
    }
  }
  const results = years.map((y) => y.result);
  if (!values.quiet && !values.json) {
    const nWarn = warnings.filter((w) => w.severity === 'warning').length;
    io.err(
      `assessed ${results[0]!.units.length} units on '${results[0]!.set.id}' for ${results.length} year(s)` +
        `${results.some((r) => r.year !== undefined) ? ` (${results.map((r) => r.year).join(', ')})` : ''}` +
        `${analysisNote}${nWarn ? `; ${nWarn} warning(s) (see \`govscore assess\`)` : ''}; building the site…`,
    );
  }

  // build
  const inputs: import('@govscore/report-site').ReportInputs = {
    results,
    config,
    setYaml: { name: basename(setPath), text: readText(setPath) },
    ...(logo ? { logo } : {}),
    ...(boundaries !== undefined ? { boundaries } : {}),
  };
  if (values.bundle) {
    mkdirSync(values.bundle, { recursive: true });
    site.writeBundle(values.bundle, inputs);
  }
  let summary: { outDir: string; pages: number };
  try {
    summary = await site.buildReport(inputs, {
      outDir: values.out,
      base,
      logLevel: values.quiet || values.json ? 'error' : 'warn',
    });
  } catch (e) {
    if (e instanceof GovscoreError) throw e;
    throw new GovscoreError([
      problem(
        'E602',
        `the site failed to build: ${(e as Error).message}`,
        {},
        'the previous output was left as it was; run with a smaller config to find the cause',
      ),
    ]);
  }
  let pdfs: string[] = [];
  if (values.pdf)
    pdfs = await site.printPdfs(summary.outDir, { log: values.quiet || values.json ? undefined : io.err });
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          set: results[0]!.set.id,
          years: results.map((r) => r.year ?? null),
          units: results[results.length - 1]!.units.length,
          out: summary.outDir,
          pages: summary.pages,
          pdfs,
          warnings,
        },
        null,
        2,
      ),
    );
  } else if (!values.quiet) {
    io.err(
      `wrote ${summary.pages} pages to ${summary.outDir}${pdfs.length ? ` and ${pdfs.length} PDF(s)` : ''}\n` +
        `open ${resolve(summary.outDir, 'index.html')} in a browser, or serve the folder` +
        `${base !== '/' ? ` under ${base}` : ''} with any static web server`,
    );
  }
  return EXIT.ok;
}

export const report: Command = {
  name: 'report',
  summary: 'assess every year and build the static report site (Astro)',
  help,
  run,
};
