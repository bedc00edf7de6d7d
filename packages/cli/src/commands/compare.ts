import {
  assess as assessCore,
  type CompareResult,
  compare as compareCore,
  parseResult,
  type Result,
  resultToJson,
} from '@govscore/core';
import { toCsv } from '@govscore/core/io';
import { intOption, parse, UsageError } from '../args';
import { writeFileAtomic } from '../fs';
import { loadInputs, readText } from '../inputs';
import { EXIT, type Io, printProblems } from '../output';
import type { Command } from './index';

const help = `govscore compare <a> <b> [--data <file>] [--year Y] [--out compare.json] [--csv shifts.csv]
                 [--quiet] [--json]

Compares two Results — two years, or two versions of an indicator set: score and rank shifts per
region and node, Spearman rank correlation per node, tier changes. <a> and <b> are Result files
(.json, from govscore assess --out) or indicator sets (.yaml), which are then assessed on --data.

Options:
  --data <file>   data file, to assess <a> and <b> when they are indicator sets
  --year <Y>      year to assess (indicator sets only; default: the latest)
  --out <file>    the comparison as JSON
  --csv <file>    region_id,node_id,score_a,score_b,score_change,rank_a,rank_b,rank_change
                  (rank_change = rank_a − rank_b: positive when the region moved up)
  --quiet         print nothing but errors
  --json          print a JSON summary on stdout

Examples:
  govscore compare out/cn-2023.json out/cn-2024.json --csv out/cn-shifts.csv
  govscore compare indicators/coinr-asem.yaml indicators/coinr-asem-pipeline.yaml \\
    --data samples/coinr-asem/asem.csv`;

/** @internal A Result from a Result file, or by assessing an indicator set on the data. */
async function resultOf(
  path: string,
  dataPath: string | undefined,
  year: number | undefined,
): Promise<Result> {
  if (/\.json$/i.test(path)) return parseResult(readText(path), path);
  if (!dataPath) throw new UsageError(`'${path}' is not a Result (.json): give --data to assess it`);
  const { set, data } = await loadInputs(path, dataPath);
  return assessCore(set, data, year !== undefined ? { year } : {});
}

const fmt = (v: number | null | undefined, d = 2) => (v === null || v === undefined ? '-' : v.toFixed(d));

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    data: { type: 'string' },
    year: { type: 'string' },
    out: { type: 'string' },
    csv: { type: 'string' },
    quiet: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 2) throw new UsageError('give two Results or two indicator sets');
  const year = intOption(values.year, 'year');
  const a = await resultOf(positionals[0]!, values.data, year);
  const b = await resultOf(positionals[1]!, values.data, year);
  const c: CompareResult = compareCore(a, b);
  const written: string[] = [];
  if (values.out) {
    writeFileAtomic(values.out, resultToJson(c));
    written.push(values.out);
  }
  if (values.csv) {
    const rows: (string | number | null)[][] = [
      ['region_id', 'node_id', 'score_a', 'score_b', 'score_change', 'rank_a', 'rank_b', 'rank_change'],
    ];
    for (const node of c.nodes) {
      const s = c.shifts[node]!;
      c.units.forEach((u, i) => {
        rows.push([
          u,
          node,
          s.score_a[i]!,
          s.score_b[i]!,
          s.score_change[i]!,
          s.rank_a[i]!,
          s.rank_b[i]!,
          s.rank_change[i]!,
        ]);
      });
    }
    writeFileAtomic(values.csv, toCsv(rows));
    written.push(values.csv);
  }
  const root = c.nodes[0]!;
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          a: c.a,
          b: c.b,
          units: c.units.length,
          only_a: c.only_a,
          only_b: c.only_b,
          rank_correlation: c.rank_correlation[root] ?? null,
          tier_changes: c.tiers?.changes.length ?? null,
          written,
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  if (values.quiet) return EXIT.ok;
  printProblems(
    io,
    [...a.warnings, ...b.warnings].filter((p) => p.severity === 'error'),
  );
  const label = (s: CompareResult['a']) =>
    `${s.set}${s.version ? ` ${s.version}` : ''}${s.year !== undefined ? ` (${s.year})` : ''}`;
  const s = c.shifts[root]!;
  const lines = [
    `${label(c.a)} → ${label(c.b)}: ${c.units.length} regions in both, ${c.nodes.length} nodes in both`,
    `Spearman rank correlation of '${root}': ${fmt(c.rank_correlation[root], 3)}`,
  ];
  if (c.only_a.length) lines.push(`only in a: ${c.only_a.join(', ')}`);
  if (c.only_b.length) lines.push(`only in b: ${c.only_b.join(', ')}`);
  const movers = c.units
    .map((u, i) => ({ u, i, d: s.rank_change[i] ?? 0 }))
    .filter((m) => m.d !== 0)
    .sort((x, y) => Math.abs(y.d) - Math.abs(x.d) || x.i - y.i)
    .slice(0, 10);
  if (movers.length) {
    lines.push('', 'largest rank changes:', 'rank a\trank b\tchange\tscore change\tregion');
    for (const m of movers) {
      lines.push(
        `${fmt(s.rank_a[m.i], 0)}\t${fmt(s.rank_b[m.i], 0)}\t${m.d > 0 ? '+' : ''}${m.d}\t${fmt(s.score_change[m.i])}\t${m.u}`,
      );
    }
  }
  if (c.tiers?.changes.length) {
    lines.push('', 'tier changes:');
    for (const t of c.tiers.changes)
      lines.push(`  ${t.unit}: ${t.from ?? '-'} → ${t.to ?? '-'}${t.direction ? ` (${t.direction})` : ''}`);
  }
  if (written.length) lines.push('', `wrote ${written.join(', ')}`);
  io.out(lines.join('\n'));
  return EXIT.ok;
}

export const compare: Command = {
  name: 'compare',
  summary: 'compare two Results (years or set versions): rank shifts, rank correlation, tiers',
  help,
  run,
};
