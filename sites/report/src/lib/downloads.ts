/**
 * The files offered on the downloads page, made at build time from the Results (nothing recomputed):
 * per year the Result JSON, the long and wide CSV and an XLSX workbook; the indicator set's YAML.
 */
import { longTable, nodesTable, resultToJson, wideTable } from '@govscore/core';
import { toCsv, writeXlsx } from '@govscore/core/io';
import type { WordKey } from './i18n';
import { bundleFile, loadReport } from './load';

export interface DownloadFile {
  /** File name under `downloads/`. */
  name: string;
  /** Word key of its description. */
  label: WordKey;
  format: 'JSON' | 'CSV' | 'XLSX' | 'YAML';
  year: number | undefined;
  type: string;
  bytes: () => Uint8Array;
}

const enc = new TextEncoder();
const memo = <T>(f: () => T): (() => T) => {
  let v: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      v = f();
      done = true;
    }
    return v as T;
  };
};

/**
 * Most rows of the long table put in the workbook. Beyond it (3,000 units × 200 indicators is 660,000
 * rows: a minute of compression and a workbook Excel struggles with) the workbook holds the wide and
 * nodes sheets, and the long table is offered as CSV only.
 */
export const XLSX_LONG_MAX = 100_000;

function longRows(r: { units: unknown[]; set: { nodes: unknown[] } }): number {
  return r.units.length * r.set.nodes.length;
}

let cached: DownloadFile[] | undefined;

/** Every downloadable file, newest year first; each file's bytes are made once, when first asked for. */
export function downloadFiles(): DownloadFile[] {
  if (cached) return cached;
  const { model, manifest } = loadReport();
  const files: DownloadFile[] = [];
  const setId = model.current.set.id;
  // model.results and manifest.results are in the same (year) order
  const resultFiles = new Map(model.results.map((r, i) => [r, manifest.results[i]]));
  for (const r of [...model.results].reverse()) {
    const bundled = resultFiles.get(r);
    const stem = r.year !== undefined ? `${setId}-${r.year}` : setId;
    const y = r.year;
    files.push(
      {
        name: `${stem}-result.json`,
        label: 'resultJson',
        format: 'JSON',
        year: y,
        type: 'application/json',
        // the bundle's file is `resultToJson(r)` already
        bytes: memo(() => (bundled ? new Uint8Array(bundleFile(bundled)) : enc.encode(resultToJson(r)))),
      },
      {
        name: `${stem}-long.csv`,
        label: 'longCsv',
        format: 'CSV',
        year: y,
        type: 'text/csv; charset=utf-8',
        bytes: memo(() => {
          const t = longTable(r);
          return enc.encode(toCsv([t.header, ...t.rows], { bom: true }));
        }),
      },
      {
        name: `${stem}-wide.csv`,
        label: 'wideCsv',
        format: 'CSV',
        year: y,
        type: 'text/csv; charset=utf-8',
        bytes: memo(() => {
          const t = wideTable(r);
          return enc.encode(toCsv([t.header, ...t.rows], { bom: true }));
        }),
      },
      {
        name: `${stem}.xlsx`,
        label: longRows(r) <= XLSX_LONG_MAX ? 'xlsx' : 'xlsxNoLong',
        format: 'XLSX',
        year: y,
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        bytes: memo(() => {
          const tables =
            longRows(r) <= XLSX_LONG_MAX
              ? [longTable(r), wideTable(r), nodesTable(r)]
              : [wideTable(r), nodesTable(r)];
          return writeXlsx(tables.map((t) => ({ name: t.name, rows: [t.header, ...t.rows] })));
        }),
      },
    );
  }
  if (manifest.set_yaml) {
    const f = manifest.set_yaml.file;
    files.push({
      name: manifest.set_yaml.name,
      label: 'setYaml',
      format: 'YAML',
      year: undefined,
      type: 'text/yaml; charset=utf-8',
      bytes: memo(() => new Uint8Array(bundleFile(f))),
    });
  }
  cached = files;
  return files;
}

/** Size for display: 12.3 KB, 4.5 MB. */
export function sizeLabel(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
