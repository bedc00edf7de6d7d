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
  const delimiter = opts.delimiter ?? detectDelimiter(text, opts.comment);
  const d = delimiter.charCodeAt(0);
  const problems: Problem[] = [];
  const rows: CsvRow[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const comment = opts.comment !== undefined && opts.comment !== '' ? opts.comment : undefined;

  while (i < n) {
    // skip comment lines before the header
    if (comment !== undefined && rows.length === 0 && text.startsWith(comment, i)) {
      const end = nextLineEnd(text, i);
      if (end >= n) break;
      i = skipNewline(text, end);
      line++;
      continue;
    }
    const startLine = line;
    const cells: string[] = [];
    let rowDone = false;
    while (!rowDone) {
      let value: string;
      if (text.charCodeAt(i) === 34) {
        // quoted field
        const openLine = line;
        let j = i + 1;
        let buf = '';
        let closed = false;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 34) {
            if (text.charCodeAt(j + 1) === 34) {
              buf += '"';
              j += 2;
              continue;
            }
            closed = true;
            j++;
            break;
          }
          if (c === 10 || (c === 13 && text.charCodeAt(j + 1) !== 10)) line++;
          buf += text[j];
          j++;
        }
        if (!closed) {
          problems.push(
            problem(
              'E200',
              `unterminated quoted field starting on line ${openLine}`,
              {
                ...(opts.file !== undefined ? { file: opts.file } : {}),
                line: openLine,
                col: cells.length + 1,
              },
              'close the field with a double quote; write a quote inside a quoted field as ""',
            ),
          );
        }
        // text after the closing quote, up to the delimiter, is kept as written
        let k = j;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === d || c === 10 || c === 13) break;
          k++;
        }
        value = buf + text.slice(j, k);
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
      if (i >= n) {
        rowDone = true;
      } else if (text.charCodeAt(i) === d) {
        i++;
        if (i >= n) {
          cells.push('');
          rowDone = true;
        }
      } else {
        // line end
        i = skipNewline(text, i);
        line++;
        rowDone = true;
      }
    }
    if (cells.length === 1 && cells[0] === '') continue; // blank line
    rows.push({ line: startLine, cells });
  }
  return { rows, delimiter, problems };
}
