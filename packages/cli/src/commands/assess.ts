import {
  assess as assessCore,
  langText,
  longTable,
  nodesTable,
  resultToJson,
  wideTable,
} from '@govscore/core';
import { toCsv, writeXlsx } from '@govscore/core/io';
import { intOption, parse, UsageError } from '../args';
import { writeFileAtomic } from '../fs';
import { loadInputs } from '../inputs';
import { EXIT, type Io, printProblems } from '../output';
import type { Command } from './index';

const help = `govscore assess <set.yaml> --data <file> [--out result.json] [--csv long.csv]
                [--wide-csv wide.csv] [--xlsx result.xlsx] [--year Y] [--quiet] [--json]

Scores every unit of the data against the indicator set and writes the Result.
Outputs are written to a temporary file and renamed, so a failed run leaves old files intact.

Options:
  --data <file>      data file (.csv, .tsv, .xlsx, .json; wide or long form)   [required]
  --out <file>       Result JSON (every value, rank, tier, warning, provenance)
  --csv <file>       long CSV: region_id,node_id,kind,score,rank,tier,raw,treated,imputed
  --wide-csv <file>  wide CSV: one row per region, score and rank of every node
  --xlsx <file>      XLSX workbook: sheets long, wide, nodes
  --year <Y>         year to assess when the data have years (default: the latest)
  --quiet            print nothing but errors
  --json             print a JSON summary on stdout (for scripts)
With no output option, the ranking of the index is printed.

Examples:
  govscore assess indicators/coinr-asem.yaml --data samples/coinr-asem/asem.csv --csv out/asem.csv
  govscore assess indicators/cn-provincial-digital-government.yaml \\
    --data samples/cn-provincial/data.csv --year 2024 --out out/cn-2024.json`;

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    data: { type: 'string' },
    out: { type: 'string' },
    csv: { type: 'string' },
    'wide-csv': { type: 'string' },
    xlsx: { type: 'string' },
    year: { type: 'string' },
    quiet: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const [setPath, ...extra] = positionals;
  if (!setPath || extra.length) throw new UsageError('give exactly one indicator-set file');
  if (!values.data) throw new UsageError('--data <file> is required');
  const year = intOption(values.year, 'year');
  const { set, data, warnings } = await loadInputs(setPath, values.data);
  const result = assessCore(set, data, year !== undefined ? { year } : {});
  const written: string[] = [];
  if (values.out) {
    writeFileAtomic(values.out, resultToJson(result));
    written.push(values.out);
  }
  if (values.csv) {
    const t = longTable(result);
    writeFileAtomic(values.csv, toCsv([t.header, ...t.rows]));
    written.push(values.csv);
  }
  if (values['wide-csv']) {
    const t = wideTable(result);
    writeFileAtomic(values['wide-csv'], toCsv([t.header, ...t.rows]));
    written.push(values['wide-csv']);
  }
  if (values.xlsx) {
    const sheets = [longTable(result), wideTable(result), nodesTable(result)].map((t) => ({
      name: t.name,
      rows: [t.header, ...t.rows],
    }));
    writeFileAtomic(values.xlsx, writeXlsx(sheets));
    written.push(values.xlsx);
  }
  const all = [...warnings, ...result.warnings];
  const root = result.set.nodes[0]!.id;
  if (values.json) {
    io.out(
      JSON.stringify(
        { set: result.set.id, year: result.year ?? null, units: result.units.length, written, warnings: all },
        null,
        2,
      ),
    );
  } else {
    if (!values.quiet) printProblems(io, all);
    if (written.length === 0) {
      const v = result.values[root]!;
      const lang = result.set.languages[0];
      const order = result.units
        .map((u, i) => ({ u, i }))
        .sort((a, b) => (v.rank[a.i] ?? Infinity) - (v.rank[b.i] ?? Infinity));
      const line = (u: (typeof order)[number]['u'], i: number) =>
        `${v.rank[i] ?? '-'}\t${v.score[i]?.toFixed(2) ?? '-'}\t${u.id}\t${langText(u.name, lang)}`;
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
