/**
 * CSV writing for exports: RFC 4180 quoting, text neutralised against formula injection, numbers in
 * their shortest round-trip form. Pure.
 */
import { formatNumber } from '../result/format';
import { neutralise } from '../util/formula-guard';

export interface CsvWriteOptions {
  /** Field delimiter (default `,`). */
  delimiter?: ',' | ';' | '\t';
  /** Line end (default `\r\n`, as RFC 4180 says). */
  eol?: '\r\n' | '\n';
  /** Start with a UTF-8 byte-order mark, so that Excel reads Chinese text as UTF-8 (default false). */
  bom?: boolean;
}

/**
 * Formats rows as CSV text.
 *
 * - numbers: `formatNumber(x)` (the formatter the XLSX writer shares), the shortest text that reads
 *   back as the same double (`0.1`, `-3`, `1e-7`, `5.1000000000000005`; −0 as `0`); NaN and ±Infinity
 *   → empty (missing). Negative numbers stay numbers. Tables round scores before (see `longTable`).
 * - text: neutralised (a leading `=`, `+`, `-`, `@`, tab or CR gets a `'`), then quoted when it
 *   holds the delimiter, a quote, CR or LF (quotes doubled).
 * - booleans: `true` / `false`; null and undefined: empty.
 * - every line ends with `eol`, the last one too.
 *
 * @param rows rows of cells (the first is usually the header)
 * @param opts delimiter, line end, BOM
 * @example toCsv([['id', 'x'], ['A', -1.5], ['=B', null]]) // 'id,x\r\nA,-1.5\r\n\'=B,\r\n'
 * Reference: RFC 4180; OWASP "CSV Injection".
 */
export function toCsv(
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
  opts: CsvWriteOptions = {},
): string {
  const d = opts.delimiter ?? ',';
  const eol = opts.eol ?? '\r\n';
  let out = opts.bom ? '\uFEFF' : '';
  for (const row of rows) {
    const cells = row.map((v) => {
      if (v === null || v === undefined) return '';
      if (typeof v === 'number') return formatNumber(v);
      if (typeof v === 'boolean') return v ? 'true' : 'false';
      const t = neutralise(v);
      return t.includes(d) || t.includes('"') || t.includes('\n') || t.includes('\r')
        ? `"${t.replace(/"/g, '""')}"`
        : t;
    });
    out += cells.join(d) + eol;
  }
  return out;
}
