/**
 * CSV parsing (RFC 4180) for data files: quoted fields with `""` escapes and embedded newlines,
 * a UTF-8 byte-order mark, CRLF / LF / CR line ends, and `,` `;` or tab as the delimiter (detected
 * from the header line unless given). Pure: text in, rows out; nothing is trimmed or converted here.
 */
import { type Problem, problem } from '../errors';

/** One record of a CSV file. */
export interface CsvRow {
  /** 1-based line of the file where the record starts (records may span lines). */
  line: number;
  /** The fields, as written (quotes removed, `""` unescaped, not trimmed). */
  cells: string[];
}

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvOptions {
  /** Field delimiter; detected from the first line when not given. */
  delimiter?: CsvDelimiter;
  /** File name, for messages only. */
  file?: string;
  /**
   * Lines starting with this text *before the header* are skipped (e.g. `#` for files that carry
   * provenance notes on top). Lines further down are always data.
   */
  comment?: string;
}

export interface CsvParsed {
  rows: CsvRow[];
  delimiter: CsvDelimiter;
  problems: Problem[];
}

/**
 * Guesses the delimiter from the first line that is neither blank nor a comment: the most frequent
 * of `,` `;` and tab outside quotes; ties and lines with none give `,`.
 *
 * @param text CSV text (BOM allowed)
 * @param comment prefix of comment lines to skip before the header
 * @example detectDelimiter('id;name\n1;a') // ';'
 */
export function detectDelimiter(text: string, comment?: string): CsvDelimiter {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // skip blank and comment lines
  for (;;) {
    const end = nextLineEnd(text, i);
    const line = text.slice(i, end);
    if (line.trim() === '' || (comment !== undefined && comment !== '' && line.startsWith(comment))) {
      if (end >= text.length) return ',';
      i = skipNewline(text, end);
      continue;
    }
    break;
  }
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[','] >= counts['\t'] && counts[','] >= counts[';']) return ',';
  return counts['\t'] >= counts[';'] ? '\t' : ';';
}

function nextLineEnd(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return j;
  }
  return text.length;
}

function skipNewline(text: string, at: number): number {
  if (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10) return at + 2;
  return at + 1;
}

/**
 * Reads one record starting at offset `i` (which must not be a skipped comment line).
 *
 * @param text the file's text
 * @param i offset where the record starts
 * @param d delimiter character code
 * @param line 1-based line of offset `i`
 * @param onOpenQuote called for a quoted field that is never closed (line where it opened, 1-based field)
 * @returns the cells, the offset after the record (and its line end) and the line there
 * @internal
 */
export function readRecord(
  text: string,
  i: number,
  d: number,
  line: number,
  onOpenQuote?: (line: number, field: number) => void,
): { cells: string[]; next: number; line: number } {
  const n = text.length;
  const cells: string[] = [];
  for (;;) {
    let value: string;
    if (text.charCodeAt(i) === 34) {
      // quoted field
      const openLine = line;
      let j = i + 1;
      let buf = '';
      let closed = false;
      let from = j;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 34) {
          buf += text.slice(from, j);
          if (text.charCodeAt(j + 1) === 34) {
            buf += '"';
            j += 2;
            from = j;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        if (c === 10 || (c === 13 && text.charCodeAt(j + 1) !== 10)) line++;
        j++;
      }
      if (!closed) {
        buf += text.slice(from, j);
        onOpenQuote?.(openLine, cells.length + 1);
      }
      // text after the closing quote, up to the delimiter, is kept as written
      let k = j;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === d || c === 10 || c === 13) break;
        k++;
      }
      value = k > j ? buf + text.slice(j, k) : buf;
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === d || c === 10 || c === 13) break;
        k++;
      }
      value = text.slice(i, k);
      i = k;
    }
    cells.push(value);
    if (i >= n) return { cells, next: i, line };
    if (text.charCodeAt(i) === d) {
      i++;
      if (i >= n) {
        cells.push('');
        return { cells, next: i, line };
      }
    } else {
      // line end
      return { cells, next: skipNewline(text, i), line: line + 1 };
    }
  }
}

/**
 * Walks the records of CSV text, calling `onRecord` for each one that is not blank (and not a comment
 * line before the first record). The cells passed are not kept: a caller may hold or drop them.
 *
 * @param text the file's text
 * @param opts delimiter (else detected), file name for messages, comment prefix before the header
 * @param onRecord called with each record's cells, its 1-based line, and its start offset
 * @returns the delimiter used and the problems (unterminated quoted fields, E200)
 * @internal
 */
export function eachRecord(
  text: string,
  opts: CsvOptions,
  onRecord: (cells: string[], line: number, start: number) => void,
): { delimiter: CsvDelimiter; problems: Problem[] } {
  const delimiter = opts.delimiter ?? detectDelimiter(text, opts.comment);
  const d = delimiter.charCodeAt(0);
  const problems: Problem[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let records = 0;
  const comment = opts.comment !== undefined && opts.comment !== '' ? opts.comment : undefined;
  const onOpenQuote = (openLine: number, field: number) =>
    problems.push(
      problem(
        'E200',
        `unterminated quoted field starting on line ${openLine}`,
        { ...(opts.file !== undefined ? { file: opts.file } : {}), line: openLine, col: field },
        'close the field with a double quote; write a quote inside a quoted field as ""',
      ),
    );

  while (i < n) {
    // skip comment lines before the header
    if (comment !== undefined && records === 0 && text.startsWith(comment, i)) {
      const end = nextLineEnd(text, i);
      if (end >= n) break;
      i = skipNewline(text, end);
      line++;
      continue;
    }
    const start = i;
    const startLine = line;
    const r = readRecord(text, i, d, line, onOpenQuote);
    i = r.next;
    line = r.line;
    if (r.cells.length === 1 && r.cells[0] === '') continue; // blank line
    records++;
    onRecord(r.cells, startLine, start);
  }
  return { delimiter, problems };
}

/**
 * Parses CSV text into records (RFC 4180, lenient where it is safe to be).
 *
 * - A field starting with `"` is quoted: it ends at the next `"` not followed by `"`; `""` is a quote;
 *   delimiters and line breaks inside are data. Text after the closing quote is kept as written.
 * - A `"` inside an unquoted field is kept as written.
 * - Blank lines are skipped. A BOM at the start is dropped.
 * - An unterminated quoted field is reported (E200, at the line where it opened) and runs to the end.
 *
 * @param text the file's text
 * @param opts delimiter (else detected), file name for messages, comment prefix before the header
 * @returns records with 1-based line numbers, the delimiter used, and problems (never throws)
 * @example parseCsv('id,name\r\n1,"a, b"\r\n').rows // [{line: 1, cells: ['id','name']}, {line: 2, cells: ['1','a, b']}]
 * Reference: RFC 4180 "Common Format and MIME Type for CSV Files".
 */
export function parseCsv(text: string, opts: CsvOptions = {}): CsvParsed {
  const rows: CsvRow[] = [];
  const { delimiter, problems } = eachRecord(text, opts, (cells, line) => rows.push({ line, cells }));
  return { rows, delimiter, problems };
}
