/**
 * XLSX (Office Open XML spreadsheet) reading and writing, written directly on `fflate` (zip): no
 * spreadsheet library, hence no prototype pollution (nothing read from the file becomes an object
 * key), no formula evaluation, no external entities. Pure (bytes in, bytes out): usable in Node and
 * the browser.
 *
 * Reading gives every worksheet's cells as values (numbers, text, booleans; dates stay Excel serial
 * numbers, listed per sheet so that the loader can warn (W202); a formula without a computed value is
 * listed too (E215); error cells such as `#N/A` are text; the apostrophe `neutralise` puts before
 * formula-like text is taken off again). A number formatted as a percentage (Excel shows
 * `12%` and stores 0.12) is read as the text `12%`, as shown, so that the loaders read it as 12 for
 * `type: percentage` indicators and refuse it (E204, with a hint) elsewhere, as in CSV. Writing is deterministic: the same sheets give the
 * same bytes (fixed zip timestamps, fixed document properties, shared strings in first-seen order).
 */
import { unzipSync, zipSync } from 'fflate';
import { GovscoreError, type Location, type Problem, problem } from '../errors';
import {
  cleanHeader,
  columnLetters,
  type DatasetOptions,
  datasetFromTable,
  identicalColumns,
  type LoadedDataset,
  mappingOf,
  type Table,
  unitColumnOf,
  type ValueLocator,
} from '../load/dataset';
import { type DatasetPart, mergeDatasets } from '../load/merge';
import { formatNumber } from '../result/format';
import { neutralise, unneutralise } from '../util/formula-guard';
import { sha256Hex } from '../util/sha256';
import { attributes, decodeEntities, decodeExcelEscapes, escapeXml, runText } from './xml';

export { neutralise, unneutralise };

/** A cell value read from or written to a sheet; null = empty. */
export type XlsxCell = string | number | boolean | null;

/** One row of a sheet as read: its 1-based row number and its cells from column A (dense, null = empty). */
export interface XlsxRow {
  row: number;
  cells: XlsxCell[];
}

export interface XlsxSheet {
  name: string;
  rows: XlsxRow[];
  /**
   * Cells holding a formula but no computed value (a workbook written by a script and never opened in
   * a spreadsheet program): they read as empty, and the dataset loader refuses them (E215).
   */
  formulas?: { row: number; col: number; formula: string }[];
  /**
   * Number cells formatted as a date or time: read as their serial number (days since 1899-12-30, or
   * 1904-01-01 in a 1904 workbook), and a warning where they are data (W202). `date` is the day shown.
   */
  dates?: { row: number; col: number; serial: number; date: string }[];
}

export interface XlsxReadOptions {
  /** Most uncompressed bytes accepted (default 256 MiB): a guard against zip bombs (E209). */
  maxBytes?: number;
  /** File name, for messages. */
  file?: string;
  /** Read only this sheet (by name). */
  sheet?: string;
}

/** `sheet!A1`-style reference of a cell: `cellRef(2, 5)` → `C5` (column index from 0, row from 1). */
export function cellRef(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}

/** Column index (from 0) of letters: `A` → 0, `AA` → 26. */
function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

const dec = new TextDecoder('utf-8');

function resolvePath(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `${baseDir}${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/**
 * Reads the worksheets of an XLSX file.
 *
 * @param bytes the file
 * @param opts size guard, file name for messages, one sheet by name
 * @returns sheets in workbook order, each with its non-empty rows
 * @throws GovscoreError E200 when the bytes are not an XLSX file (or the sheet is not there), E209
 *   when it unpacks to more than `maxBytes`
 * @example readXlsxRows(writeXlsx([{ name: 'a', rows: [['id', 'x'], ['A', 1]] }]))
 *   // [{ name: 'a', rows: [{ row: 1, cells: ['id', 'x'] }, { row: 2, cells: ['A', 1] }] }]
 * Reference: ECMA-376 Part 1, §18.3 (worksheets) and §18.4 (shared strings).
 */
export function readXlsxRows(bytes: Uint8Array, opts: XlsxReadOptions = {}): XlsxSheet[] {
  const where: Location = opts.file !== undefined ? { file: opts.file } : {};
  const maxBytes = opts.maxBytes ?? 256 * 1024 * 1024;
  let total = 0;
  let tooBig = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!/\.(xml|rels)$/i.test(f.name)) return false;
        total += f.originalSize;
        if (total > maxBytes) {
          tooBig = true;
          return false;
        }
        return true;
      },
    });
  } catch (e) {
    throw new GovscoreError([
      problem(
        'E200',
        `not an XLSX file (zip): ${e instanceof Error ? e.message : String(e)}`,
        where,
        'save the workbook as .xlsx (Excel 2007 or later), or as CSV',
      ),
    ]);
  }
  if (tooBig)
    throw new GovscoreError([
      problem(
        'E209',
        `the XLSX file unpacks to more than ${maxBytes} bytes`,
        where,
        'split the workbook, or raise maxBytes',
      ),
    ]);
  const part = (name: string): string | undefined => {
    // zip entry names are compared ignoring case (some writers differ)
    const exact = Object.hasOwn(files, name) ? files[name] : undefined;
    if (exact) return dec.decode(exact);
    const lower = name.toLowerCase();
    for (const k of Object.keys(files)) if (k.toLowerCase() === lower) return dec.decode(files[k]!);
    return undefined;
  };

  // the workbook part, from the package relationships
  let wbPath = 'xl/workbook.xml';
  const rootRels = part('_rels/.rels');
  if (rootRels) {
    for (const m of rootRels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
      const a = attributes(m[1]!);
      if ((a.get('Type') ?? '').endsWith('/officeDocument'))
        wbPath = resolvePath('', a.get('Target') ?? wbPath);
    }
  }
  const wb = part(wbPath);
  if (wb === undefined)
    throw new GovscoreError([
      problem('E200', 'not an XLSX file: no workbook part', where, 'save the workbook as .xlsx, or as CSV'),
    ]);
  const wbDir = wbPath.includes('/') ? wbPath.slice(0, wbPath.lastIndexOf('/') + 1) : '';
  const wbRelsPath = `${wbDir}_rels/${wbPath.slice(wbDir.length)}.rels`;
  const targets = new Map<string, { target: string; type: string }>();
  const wbRels = part(wbRelsPath) ?? '';
  let sstPath: string | undefined;
  let stylesPath: string | undefined;
  for (const m of wbRels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]!);
    const type = a.get('Type') ?? '';
    const target = resolvePath(wbDir, a.get('Target') ?? '');
    targets.set(a.get('Id') ?? '', { target, type });
    if (type.endsWith('/sharedStrings')) sstPath = target;
    if (type.endsWith('/styles')) stylesPath = target;
  }

  // shared strings
  const shared: string[] = [];
  const sst = part(sstPath ?? `${wbDir}sharedStrings.xml`);
  if (sst)
    for (const m of sst.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g))
      shared.push(runText(m[1] ?? ''));

  // styles: which cell formats show numbers as percentages, which as dates
  const stylesXml = part(stylesPath ?? `${wbDir}styles.xml`) ?? '';
  const percentStyles = percentStyleIndexes(stylesXml);
  const dateStyles = dateStyleIndexes(stylesXml);
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(wb);

  const sheets: XlsxSheet[] = [];
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]!);
    const name = a.get('name') ?? `Sheet${sheets.length + 1}`;
    if (opts.sheet !== undefined && name !== opts.sheet) continue;
    const rel = targets.get(a.get('r:id') ?? a.get('id') ?? '');
    if (!rel?.type.endsWith('/worksheet')) continue;
    const xml = part(rel.target);
    if (xml === undefined) continue;
    sheets.push({ name, ...parseSheet(xml, shared, percentStyles, dateStyles, date1904) });
  }
  if (opts.sheet !== undefined && sheets.length === 0) {
    const names = [...wb.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)].map(
      (m) => attributes(m[1]!).get('name') ?? '',
    );
    throw new GovscoreError([
      problem(
        'E200',
        `the workbook has no worksheet named ${opts.sheet}`,
        where,
        `sheets are: ${names.join(', ')}`,
      ),
    ]);
  }
  return sheets;
}

/**
 * Indexes of the cell formats (`cellXfs`) that show numbers as percentages: built-in formats 9
 * (`0%`) and 10 (`0.00%`), and custom formats with a `%` outside quotes.
 */
function percentStyleIndexes(styles: string): Set<number> {
  return styleIndexes(styles, new Set([9, 10]), (code) =>
    code
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .includes('%'),
  );
}

/**
 * Indexes of the cell formats (`cellXfs`) that show numbers as dates or times: the built-in formats
 * 14–22 and 45–47, the East Asian ones 27–36 and 50–58 (年月日), and custom formats with y, m, d, h or s
 * outside quotes, escapes and brackets (`yyyy"年"m"月"d"日"`, `[$-804]yyyy/m/d`).
 */
function dateStyleIndexes(styles: string): Set<number> {
  const builtIn = new Set<number>();
  for (const [lo, hi] of [
    [14, 22],
    [27, 36],
    [45, 47],
    [50, 58],
  ] as const)
    for (let k = lo; k <= hi; k++) builtIn.add(k);
  return styleIndexes(styles, builtIn, (code) => {
    const c = decodeEntities(code)
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .replace(/\[[^\]]*\]/g, '');
    return /[ymdhs]/i.test(c) && !c.includes('%');
  });
}

/**
 * @internal Indexes of the cell formats (`cellXfs`) whose number format is one of `builtIn` or a custom
 * format (`numFmt`) whose code `is` accepts (a custom format replaces a built-in one of its id).
 */
function styleIndexes(styles: string, builtIn: Set<number>, is: (code: string) => boolean): Set<number> {
  const out = new Set<number>();
  if (styles === '') return out;
  const fmts = new Set(builtIn);
  for (const m of styles.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]!);
    const id = Number(a.get('numFmtId'));
    if (is(a.get('formatCode') ?? '')) fmts.add(id);
    else fmts.delete(id);
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles);
  if (!xfs) return out;
  let k = 0;
  for (const m of xfs[1]!.matchAll(/<(?:\w+:)?xf\b([^>]*?)(?:\/>|>)/g)) {
    if (fmts.has(Number(attributes(m[1]!).get('numFmtId')))) out.add(k);
    k++;
  }
  return out;
}

/** @internal The day an Excel serial number shows, as `yyyy-mm-dd` (1900 or 1904 date system). */
function serialDate(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + Math.floor(serial) * 86_400_000);
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

/** A number shown as a percentage, as Excel shows it: 0.955 → `95.5%` (15 significant digits). */
function percentText(x: number): string {
  return `${Number((x * 100).toPrecision(15))}%`;
}

function parseSheet(
  xml: string,
  shared: readonly string[],
  percentStyles: ReadonlySet<number>,
  dateStyles: ReadonlySet<number>,
  date1904: boolean,
): Pick<XlsxSheet, 'rows' | 'formulas' | 'dates'> {
  const rows: XlsxRow[] = [];
  const formulas: NonNullable<XlsxSheet['formulas']> = [];
  const dates: NonNullable<XlsxSheet['dates']> = [];
  const done = () => ({
    rows,
    ...(formulas.length ? { formulas } : {}),
    ...(dates.length ? { dates } : {}),
  });
  const dataStart = xml.search(/<(?:\w+:)?sheetData\b/);
  if (dataStart < 0) return done();
  const body = xml.slice(dataStart);
  let lastRow = 0;
  const rowRe = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
  const cellRe = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  for (let m = rowRe.exec(body); m !== null; m = rowRe.exec(body)) {
    const ra = attributes(m[1]!);
    const rn = Number(ra.get('r'));
    const rowNo = Number.isInteger(rn) && rn > 0 ? rn : lastRow + 1;
    lastRow = rowNo;
    const inner = m[2];
    if (!inner) continue;
    const cells: XlsxCell[] = [];
    let col = -1;
    cellRe.lastIndex = 0;
    for (let c = cellRe.exec(inner); c !== null; c = cellRe.exec(inner)) {
      const ca = attributes(c[1]!);
      const ref = ca.get('r');
      const letters = ref ? /^([A-Z]+)/.exec(ref)?.[1] : undefined;
      col = letters ? columnIndex(letters) : col + 1;
      const inner = c[2] ?? '';
      let value = cellValue(ca.get('t') ?? 'n', inner, shared);
      if (value === null || value === '') {
        const f = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(inner);
        if (f) formulas.push({ row: rowNo, col, formula: decodeEntities(f[1] ?? '') });
        if (value === null || f) continue;
      }
      const style = Number(ca.get('s') ?? 0);
      if (typeof value === 'number' && percentStyles.size > 0 && percentStyles.has(style))
        value = percentText(value);
      else if (typeof value === 'number' && dateStyles.has(style))
        dates.push({ row: rowNo, col, serial: value, date: serialDate(value, date1904) });
      while (cells.length < col) cells.push(null);
      cells[col] = value;
    }
    if (cells.some((v) => v !== null && v !== '')) rows.push({ row: rowNo, cells });
  }
  return done();
}

function cellValue(type: string, inner: string, shared: readonly string[]): XlsxCell {
  if (type === 'inlineStr') {
    const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner);
    return is ? unneutralise(runText(is[1]!)) : null;
  }
  const v = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner);
  if (!v) return null;
  const raw = decodeEntities(v[1]!);
  switch (type) {
    case 's': {
      const i = Number(raw);
      return Number.isInteger(i) && i >= 0 && i < shared.length ? unneutralise(shared[i]!) : null;
    }
    case 'b':
      return raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
    case 'str':
      return unneutralise(decodeExcelEscapes(raw));
    case 'e':
    case 'd':
      return decodeExcelEscapes(raw);
    default: {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? n : decodeExcelEscapes(raw);
    }
  }
}

/** True when a row is a note: its first non-empty cell is text starting with `#`. */
function isNoteRow(r: XlsxRow): boolean {
  const first = r.cells.find((c) => c !== null && c !== '');
  return typeof first === 'string' && first.trimStart().startsWith('#');
}

/** The header row of a sheet: its first row that is not a note row. */
function headerIndex(sheet: XlsxSheet): number {
  return sheet.rows.findIndex((r) => !isNoteRow(r));
}

/** Value columns of long data (as the loader names them). */
const VALUE_COLUMNS = new Set(['value', 'val', '值', '数值']);

/** One sheet read as a dataset, with a locator of its values for messages. */
function sheetDataset(
  sheet: XlsxSheet,
  opts: DatasetOptions,
  hash: string,
  problems: Problem[],
): DatasetPart | undefined {
  const base: Location = opts.file !== undefined ? { file: opts.file } : {};
  const h = headerIndex(sheet);
  const headerRow = h >= 0 ? sheet.rows[h] : undefined;
  if (!headerRow) return undefined;
  const body = sheet.rows.slice(h + 1);
  const at = (row: number, col: number): Location => ({
    ...base,
    sheet: sheet.name,
    row,
    column: columnLetters(col),
  });
  const { keep, columns } = cleanHeader(
    headerRow.cells,
    body.map((r) => r.cells),
    (j) => at(headerRow.row, j),
    (p) => problems.push(p),
    identicalColumns(opts, (i) => body[i]!.cells, body.length),
  );
  const colIndex = new Map(columns.map((c, k) => [c, keep[k]!]));
  const table: Table = {
    columns,
    rows: body.map((r) => keep.map((j) => r.cells[j] ?? null)),
    where: (ri, col) => at(ri < 0 ? headerRow.row : body[ri]!.row, colIndex.get(col) ?? 0),
  };
  const out = datasetFromTable(table, { ...opts, sourceHash: hash });
  problems.push(...out.problems);
  for (const f of sheet.formulas ?? []) {
    if (f.row < headerRow.row) continue; // a note above the header
    problems.push(
      problem(
        'E215',
        `cell ${cellRef(f.col, f.row)} has a formula (=${f.formula}) but no computed value, so it would read as empty`,
        at(f.row, f.col),
        'open the workbook in Excel or LibreOffice and save it (the value is then stored with the formula), or write the value instead of the formula',
      ),
    );
  }
  const variables = new Set(out.dataset.variables);
  for (const d of sheet.dates ?? []) {
    const k = keep.indexOf(d.col);
    const name = k >= 0 ? columns[k]! : '';
    // a variable's column (wide), or the value column (long)
    if (d.row <= headerRow.row || k < 0 || !(variables.has(name) || VALUE_COLUMNS.has(name.toLowerCase())))
      continue;
    problems.push(
      problem(
        'W202',
        `cell ${cellRef(d.col, d.row)} of column ${name} is formatted as a date (${d.date}): read as its serial number ${d.serial}`,
        at(d.row, d.col),
        'format the column as a number (Format Cells ▸ Number) and check the value',
      ),
    );
  }
  return out.locate ? { dataset: out.dataset, locate: out.locate } : { dataset: out.dataset };
}

/**
 * Reads a dataset from an XLSX workbook. The first rows of a sheet whose first cell starts with `#`
 * are notes (templates put indicator names, units and allowed ranges there); the next row is the
 * header; the rest are read as in CSV (see `parseDatasetCsv`), cells keeping their XLSX types
 * (numbers stay numbers). An unanswered template row (long data: no unit and no value) is skipped.
 *
 * Which sheets: `opts.sheet` when given; else every sheet whose header has a unit id column, merged by
 * unit id (`mergeDatasets`: a data-entry workbook from `govscore template` has one sheet per dimension
 * and one for checklist answers; a value given on two sheets is E212); a sheet without a unit id
 * column (instructions) is left out. When no sheet has one, the first sheet is read (and its
 * problems say why). Problems name `sheet`, `row` and `column` (letters): `data.xlsx!在线服务!D7`.
 *
 * @param bytes the file
 * @param opts dataset options, plus `sheet` and `maxBytes`
 * @throws GovscoreError E200 / E209 when the file is not a readable workbook (see readXlsxRows)
 */
export function parseDatasetXlsx(
  bytes: Uint8Array,
  opts: DatasetOptions & { sheet?: string; maxBytes?: number } = {},
): LoadedDataset {
  const base: Location = opts.file !== undefined ? { file: opts.file } : {};
  const sheets = readXlsxRows(bytes, {
    ...(opts.file !== undefined ? { file: opts.file } : {}),
    ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
    ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
  });
  const hash = opts.sourceHash ?? sha256Hex(bytes);
  const problems: Problem[] = [];
  const source: { file?: string; hash?: string } = { hash };
  if (opts.file !== undefined) source.file = opts.file;
  const empty = (): LoadedDataset => ({
    dataset: { units: [], years: [], variables: [], values: new Map(), source },
    problems,
  });
  // the mapping's sheets, when it names them
  const named = opts.sheet === undefined ? mappingOf(opts)?.sheet : undefined;
  const wanted = named === undefined ? undefined : Array.isArray(named) ? named : [named];
  if (wanted !== undefined) {
    const missing = wanted.filter((w) => !sheets.some((s) => s.name === w));
    if (missing.length > 0) {
      problems.push(
        problem(
          'E225',
          `sheet ${missing.join(', ')} named by data.sheet is not in the workbook`,
          base,
          `the sheets are: ${sheets.map((s) => s.name).join(', ')}`,
        ),
      );
      return empty();
    }
  }
  const withHeader = sheets.filter(
    (s) => headerIndex(s) >= 0 && (wanted === undefined || wanted.includes(s.name)),
  );
  const dataSheets = withHeader.filter((s) => {
    const cells = s.rows[headerIndex(s)]!.cells.map((c) => (c === null ? '' : String(c).trim()));
    return unitColumnOf(cells, opts) !== undefined;
  });
  if (dataSheets.length >= 2) {
    const parts: DatasetPart[] = [];
    for (const s of dataSheets) {
      const part = sheetDataset(s, opts, hash, problems);
      if (part) parts.push(part);
    }
    const merged = mergeDatasets(parts, {
      ...(opts.file !== undefined ? { file: opts.file } : {}),
      hash,
      ...(opts.set?.methodology?.raters ? { raters: opts.set.methodology.raters } : {}),
    });
    problems.push(...merged.problems);
    // a value is where the first sheet holding it says
    const locate: ValueLocator = (unit, variable, year) => {
      for (const p of parts) {
        const at = p.locate?.(unit, variable, year);
        if (at) return at;
      }
      return undefined;
    };
    return { dataset: merged.dataset, problems, locate };
  }
  const sheet = dataSheets[0] ?? withHeader[0];
  if (!sheet) {
    problems.push(
      problem(
        'E200',
        'the workbook has no data (no worksheet with a header row)',
        base,
        'put a header row and one row per unit on the first sheet',
      ),
    );
    return empty();
  }
  const part = sheetDataset(sheet, opts, hash, problems);
  if (!part) return empty();
  return part.locate
    ? { dataset: part.dataset, problems, locate: part.locate }
    : { dataset: part.dataset, problems };
}

// ---------------------------------------------------------------------------------------------
// writing

/**
 * A data-validation rule of a sheet (what Excel's Data ▸ Validation sets): numbers in a range, or one
 * of a list of answers offered in a drop-down.
 */
export interface DataValidation {
  /** Cells it applies to: `C4:C53`, or several ranges separated by spaces (`C4 C9 E4:E8`). */
  ref: string;
  /** `decimal` or `whole` numbers (between `min` and `max`, either optional), or one of `list`. */
  type: 'decimal' | 'whole' | 'list';
  min?: number;
  max?: number;
  /** Allowed answers (no commas; at most 255 characters in all, Excel's limit). */
  list?: readonly string[];
  /** Message shown when a cell is selected (title ≤ 32 characters, text ≤ 255). */
  prompt?: { title?: string; text: string };
  /** Message shown when a value does not fit (Excel then refuses it). */
  error?: { title?: string; text: string };
  /** Empty cells are allowed (default true). */
  allowBlank?: boolean;
}

/** A sheet to write: its name and rows of cells (null or NaN = empty cell). */
export interface SheetData {
  name: string;
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[];
  /** Data validation rules (number ranges, answer lists). */
  validations?: readonly DataValidation[];
  /** Rows and columns kept in view when scrolling (frozen panes): e.g. `{rows: 3, cols: 2}`. */
  freeze?: { rows?: number; cols?: number };
  /** Column widths in characters, from column A (undefined = default width). */
  widths?: readonly (number | undefined)[];
}

/** @internal The `<dataValidations>` element of a sheet, or '' when there is none. */
export function dataValidationsXml(rules: readonly DataValidation[] | undefined): string {
  const items: string[] = [];
  const clip = (t: string, n: number) => (t.length > n ? t.slice(0, n) : t);
  for (const v of rules ?? []) {
    if (!/^[A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?(?: [A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)*$/.test(v.ref))
      throw new Error(`data validation: invalid cell range '${v.ref}'`);
    const a: string[] = [`type="${v.type}"`];
    let f = '';
    if (v.type === 'list') {
      const list = v.list ?? [];
      const text = list.join(',');
      if (list.length === 0 || list.some((x) => x.includes(',') || x.includes('"')) || text.length > 255)
        throw new Error(`data validation: list of ${v.ref} is empty, too long, or has a comma or quote`);
      f = `<formula1>${escapeXml(`"${text}"`)}</formula1>`;
    } else {
      const lo = v.min;
      const hi = v.max;
      if (lo !== undefined && hi !== undefined) {
        a.push('operator="between"');
        f = `<formula1>${String(lo)}</formula1><formula2>${String(hi)}</formula2>`;
      } else if (lo !== undefined) {
        a.push('operator="greaterThanOrEqual"');
        f = `<formula1>${String(lo)}</formula1>`;
      } else if (hi !== undefined) {
        a.push('operator="lessThanOrEqual"');
        f = `<formula1>${String(hi)}</formula1>`;
      } else {
        // any number
        a.push('operator="between"');
        f = '<formula1>-1E+307</formula1><formula2>1E+307</formula2>';
      }
    }
    if (v.allowBlank !== false) a.push('allowBlank="1"');
    if (v.prompt) {
      a.push('showInputMessage="1"');
      if (v.prompt.title) a.push(`promptTitle="${escapeXml(clip(v.prompt.title, 32))}"`);
      a.push(`prompt="${escapeXml(clip(v.prompt.text, 255))}"`);
    }
    a.push('showErrorMessage="1"');
    if (v.error) {
      if (v.error.title) a.push(`errorTitle="${escapeXml(clip(v.error.title, 32))}"`);
      a.push(`error="${escapeXml(clip(v.error.text, 255))}"`);
    }
    a.push(`sqref="${v.ref}"`);
    items.push(`<dataValidation ${a.join(' ')}>${f}</dataValidation>`);
  }
  return items.length ? `<dataValidations count="${items.length}">${items.join('')}</dataValidations>` : '';
}

/** @internal `<sheetViews>` with frozen panes and `<cols>` with widths, or ''. */
function sheetLayoutXml(s: SheetData): string {
  let out = '';
  const ys = s.freeze?.rows ?? 0;
  const xs = s.freeze?.cols ?? 0;
  if (ys > 0 || xs > 0) {
    const pane = ys > 0 && xs > 0 ? 'bottomRight' : ys > 0 ? 'bottomLeft' : 'topRight';
    out += `<sheetViews><sheetView workbookViewId="0"><pane${xs > 0 ? ` xSplit="${xs}"` : ''}${ys > 0 ? ` ySplit="${ys}"` : ''} topLeftCell="${cellRef(xs, ys + 1)}" activePane="${pane}" state="frozen"/></sheetView></sheetViews>`;
  }
  const cols = (s.widths ?? [])
    .map((w, i) =>
      w !== undefined && Number.isFinite(w) && w > 0
        ? `<col min="${i + 1}" max="${i + 1}" width="${Math.min(255, w)}" customWidth="1"/>`
        : '',
    )
    .join('');
  if (cols) out += `<cols>${cols}</cols>`;
  return out;
}

function sheetNames(sheets: readonly SheetData[]): string[] {
  const used = new Set<string>();
  return sheets.map((s, i) => {
    // Excel: 1-31 characters, none of : \ / ? * [ ], not starting or ending with '
    let base = s.name
      .replace(/[:\\/?*[\]]/g, '_')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31);
    if (base.trim() === '') base = `Sheet${i + 1}`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) {
      const suffix = ` (${k})`;
      name = base.slice(0, 31 - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

const FIXED_TIME = '1980-01-01T00:00:00Z';

/**
 * Writes sheets as an XLSX workbook, deterministically (same sheets → same bytes).
 *
 * - text → shared strings, neutralised against formula injection (see `neutralise`); characters XML
 *   cannot hold are written as Excel's `_xHHHH_` escapes; numbers → numeric cells written with
 *   `formatNumber(x)` (shortest round-trip, the CSV writer's formatter); booleans → boolean cells; null, undefined, NaN, ±Infinity →
 *   no cell (empty).
 * - sheet names are made valid for Excel (31 characters, no `:\/?*[]`, unique ignoring case).
 * - optional per sheet: data validation (`validations`: number ranges, drop-down answer lists), frozen
 *   panes (`freeze`) and column widths (`widths`).
 * - zip entries dated 1980-01-01 00:00 (local DOS time), document properties dated 1980-01-01T00:00:00Z.
 *
 * @param sheets sheets in order, each with rows of cells (first row usually the header)
 * @returns the .xlsx file bytes
 * @example writeFileSync('out.xlsx', writeXlsx([{ name: 'scores', rows: [['id', 'score'], ['A', 81.5]] }]))
 * Reference: ECMA-376 Part 1 (SpreadsheetML); the minimal package Excel, LibreOffice and openpyxl open.
 */
export function writeXlsx(sheets: readonly SheetData[]): Uint8Array {
  const names = sheetNames(sheets.length > 0 ? sheets : [{ name: 'Sheet1', rows: [] }]);
  const list = sheets.length > 0 ? sheets : [{ name: 'Sheet1', rows: [] }];
  const sst: string[] = [];
  const sstIndex = new Map<string, number>();
  let sstCount = 0;
  const sheetXml = list.map((s) => {
    const out: string[] = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
      sheetLayoutXml(s),
      '<sheetData>',
    ];
    s.rows.forEach((row, ri) => {
      const r = ri + 1;
      let cells = '';
      row.forEach((v, ci) => {
        if (v === null || v === undefined) return;
        const ref = cellRef(ci, r);
        if (typeof v === 'number') {
          if (Number.isFinite(v)) cells += `<c r="${ref}"><v>${formatNumber(v)}</v></c>`;
        } else if (typeof v === 'boolean') {
          cells += `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
        } else {
          const text = neutralise(String(v));
          let k = sstIndex.get(text);
          if (k === undefined) {
            k = sst.length;
            sst.push(text);
            sstIndex.set(text, k);
          }
          sstCount++;
          cells += `<c r="${ref}" t="s"><v>${k}</v></c>`;
        }
      });
      out.push(cells === '' ? `<row r="${r}"/>` : `<row r="${r}">${cells}</row>`);
    });
    out.push('</sheetData>', dataValidationsXml(s.validations), '</worksheet>');
    return out.join('');
  });

  const sheetOverrides = list
    .map(
      (_s, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const parts: Record<string, string> = {
    '[Content_Types].xml': `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetOverrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    '_rels/.rels': `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    'docProps/core.xml': `${xmlHead}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>govscore</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_TIME}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_TIME}</dcterms:modified></cp:coreProperties>`,
    'docProps/app.xml': `${xmlHead}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>govscore</Application></Properties>`,
    'xl/workbook.xml': `${xmlHead}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names
      .map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list
      .map(
        (_s, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        '',
      )}<Relationship Id="rId${list.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${list.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': `${xmlHead}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    'xl/sharedStrings.xml': `${xmlHead}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sstCount}" uniqueCount="${sst.length}">${sst
      .map((t) => `<si><t${/^\s|\s$/.test(t) ? ' xml:space="preserve"' : ''}>${escapeXml(t)}</t></si>`)
      .join('')}</sst>`,
  };
  sheetXml.forEach((x, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = x;
  });
  const enc = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) files[k] = enc.encode(v);
  // DOS times are local: a Date built from local fields always writes 1980-01-01 00:00.
  return zipSync(files, { level: 6, mtime: new Date(1980, 0, 1, 0, 0, 0) });
}
