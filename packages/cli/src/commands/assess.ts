import {
  agreementTable,
  disagreementsTable,
  evidenceTable,
  formatFixed,
  GovscoreError,
  langText,
  longTable,
  nodesTable,
  resultToJson,
  shownDecimals,
  wideTable,
} from '@govscore/core';
import { toCsv, writeXlsx } from '@govscore/core/io';
import { agreementLines, agreementSummary } from '../agreement';
import { intOption, parse, UsageError } from '../args';
import { writeFileAtomic } from '../fs';
import { examine } from '../inputs';
import { EXIT, type Io, printable, printProblems } from '../output';
import { progress } from '../progress';
import type { Command } from './index';

const help = `govscore assess <set.yaml> --data <file> [--out result.json] [--csv long.csv]
                [--wide-csv wide.csv] [--xlsx result.xlsx] [--disagreements list.csv] [--year Y]
                [--quiet] [--json]

Scores every unit of the data against the indicator set and writes the Result.
Outputs are written to a temporary file and renamed, so a failed run leaves old files intact.

Options:
  --data <file>      data file (.csv, .tsv, .xlsx, .json; wide or long form)   [required]
  --out <file>       Result JSON (every value, rank, tier, warning, provenance)
  --csv <file>       long CSV: region_id,node_id,kind,score,rank,tier,raw,treated,imputed
  --wide-csv <file>  wide CSV: one row per region, score and rank of every node
  --xlsx <file>      XLSX workbook: sheets long, wide, nodes (and evidence, agreement,
                     disagreements when the data have them)
  --disagreements <file>  CSV of the values raters answered differently, for adjudication:
                     region_id,variable,indicator,item,answers,final,by
  --year <Y>         year to assess when the data have years (default: the latest)
  --quiet            print nothing but errors
  --json             print a JSON summary on stdout (for scripts)
With no output option, the ranking of the index is printed. When the data have several raters per
value (a rater column), the agreement between them (percent agreement, Krippendorff's alpha) and the
disagreements to adjudicate are printed on stderr and kept in the Result (agreement), with the
evidence of every answer (evidence). Progress goes to stderr: a bar on a terminal, lines otherwise.

Examples:
  govscore assess indicators/coinr-asem.yaml --data samples/coinr-asem/asem.csv --csv out/asem.csv
  govscore assess indicators/cn-provincial-digital-government.yaml \\
    --data samples/cn-provincial/data.csv --year 2024 --out out/cn-2024.json
  govscore assess indicators/cn-website-inspection-2019.yaml \
    --data samples/cn-website-inspection/answers.csv --out out/inspection.json --json`;

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    data: { type: 'string' },
    out: { type: 'string' },
    csv: { type: 'string' },
    'wide-csv': { type: 'string' },
    xlsx: { type: 'string' },
    disagreements: { type: 'string' },
    year: { type: 'string' },
    quiet: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const [setPath, ...extra] = positionals;
  if (!setPath || extra.length) throw new UsageError('give exactly one indicator-set file');
  if (!values.data) throw new UsageError('--data <file> is required');
  const year = intOption(values.year, 'year');
  const nOut = [values.out, values.csv, values['wide-csv'], values.xlsx, values.disagreements].filter(
    Boolean,
  ).length;
  const p = progress(io, { command: 'assess', total: 2 + nOut, quiet: values.quiet, json: values.json });
  p.step(`reading ${setPath} and ${values.data}`);
  // the same path as validate --data: the same problems, in the same order
  const ex = await examine(setPath, values.data, year !== undefined ? { year } : {}, (what) => {
    if (what === 'assess') p.step('assessing');
  });
  const result = ex.result;
  if (!result) {
    p.done();
    throw new GovscoreError(ex.problems);
  }
  const written: string[] = [];
  const writing = (f: string) => p.step(`writing ${f}`);
  if (values.out) {
    writing(values.out);
    writeFileAtomic(values.out, resultToJson(result));
    written.push(values.out);
  }
  if (values.csv) {
    writing(values.csv);
    const t = longTable(result);
    writeFileAtomic(values.csv, toCsv([t.header, ...t.rows]));
    written.push(values.csv);
  }
  if (values['wide-csv']) {
    writing(values['wide-csv']);
    const t = wideTable(result);
    writeFileAtomic(values['wide-csv'], toCsv([t.header, ...t.rows]));
    written.push(values['wide-csv']);
  }
  if (values.xlsx) {
    writing(values.xlsx);
    const extra = [evidenceTable(result), agreementTable(result), disagreementsTable(result)].filter(
      (t) => t.rows.length > 0,
    );
    const sheets = [longTable(result), wideTable(result), nodesTable(result), ...extra].map((t) => ({
      name: t.name,
      rows: [t.header, ...t.rows],
    }));
    writeFileAtomic(values.xlsx, writeXlsx(sheets));
    written.push(values.xlsx);
  }
  if (values.disagreements) {
    writing(values.disagreements);
    const t = disagreementsTable(result);
    writeFileAtomic(values.disagreements, toCsv([t.header, ...t.rows], { bom: true }));
    written.push(values.disagreements);
  }
  p.done();
  const all = result.warnings;
  const root = result.set.nodes[0]!.id;
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          set: result.set.id,
          year: result.year ?? null,
          units: result.units.length,
          written,
          warnings: all,
          ...(result.agreement ? { agreement: agreementSummary(result.agreement) } : {}),
        },
        null,
        2,
      ),
    );
  } else {
    if (!values.quiet) printProblems(io, all);
    if (!values.quiet && result.agreement) for (const l of agreementLines(result.agreement)) io.err(l);
    if (written.length === 0) {
      const v = result.values[root]!;
      const lang = result.set.languages[0];
      // at the precision the ranks were decided (rank.round), as every output shows it
      const decimals = shownDecimals(result, root);
      const order = result.units
        .map((u, i) => ({ u, i }))
        .sort((a, b) => (v.rank[a.i] ?? Infinity) - (v.rank[b.i] ?? Infinity));
      const line = (u: (typeof order)[number]['u'], i: number) =>
        printable(
          `${v.rank[i] ?? '-'}\t${formatFixed(v.score[i] ?? Number.NaN, decimals) || '-'}\t${u.id}\t${langText(u.name, lang)}`,
        );
      io.out(['rank\tscore\tid\tname', ...order.map(({ u, i }) => line(u, i))].join('\n'));
    } else if (!values.quiet) {
      const year = result.year !== undefined ? ` (${result.year})` : '';
      io.err(
        `assessed ${result.units.length} units on '${result.set.id}'${year}: wrote ${written.join(', ')}`,
      );
    }
  }
  return EXIT.ok;
}

export const assess: Command = {
  name: 'assess',
  summary: 'score the data; write the Result (JSON), CSV, XLSX',
  help,
  run,
};
