/**
 * Dataset loaders: CSV text, JSON text, or rows already read (XLSX, JS objects) → a `Dataset` and the
 * problems found while reading, all at once. Pure: no file system (see `@govscore/core/io` for files).
 *
 * ## Forms
 * - **wide**: one row per unit (and year), one column per variable: `id,name_zh,name_en,group,year,x1,x2`.
 *   Checklist items are columns `indicator.item`.
 * - **long**: one row per value: `unit,indicator,value[,year][,name...][,group...][,note,source,url,file,date]`.
 *   Checklist items are rows with indicator `indicator.item`. Evidence columns attach to the value
 *   (latest year only).
 * - `form: 'auto'` (default): long when the table has a unit column, an indicator column and a value
 *   column (any of the aliases below), wide otherwise.
 *
 * ## Columns (names compared ignoring case; a column that is a variable of the set is never taken
 * for a unit, year, name, group, indicator or value column by its name)
 * - unit id: `unitColumn`, else the first of `id, unit, unit_id, region_id, code, ucode, iso3, iso3c,
 *   cc_iso3c`. Ids are trimmed text; a number (XLSX) becomes its decimal text.
 * - names: `nameColumns`, else `name, uname, unit_name, region_name, 名称` and `name_<lang>` /
 *   `uname_<lang>` (e.g. `name_zh`). With language columns the name is `{zh, en}`; a plain `name` then
 *   goes under the set's first language (or `und`); alone it is a plain string.
 * - year: `yearColumn`, else the first of `year, time, ref_year, 年份, 年度`. Years are integers.
 * - groups: `groupColumns` if given, else columns named `group`, `group*`, `*_group`, `region`, `区域`;
 *   plus, in wide form, any other column that is not a variable of the set and holds only text
 *   (no number, no yes/no answer), e.g. `income: high`. Groups are taken from the unit's first row
 *   with a value.
 * - long form: indicator `indicator, variable, indicator_id, icode, var, 指标`; value `value, val, 值, 数值`.
 * - evidence (long) / ignored (wide): `note, notes, comment, remark, 备注` → note; `source, 来源`;
 *   `url, link, 链接`; `file`; `date`.
 * - everything else is a variable: an indicator, checklist item or denominator of the set, or an
 *   extra variable (a column of numbers, or of yes/no answers → 1/0).
 *
 * ## Cells (see `readCell`)
 * Missing: empty, `NA`, `N/A`, `#N/A`, `..`, `-`, `—` → NaN (never 0). Numbers are read exactly
 * (`Number()` of the decimal text, 17 significant digits round-trip). `1,234.5`, `5,1`, `NaN`,
 * `Infinity` → E204 with a hint. `12%` → 12 only for `type: percentage` indicators, else E204 (a
 * percentage is written in points: 12, not 0.12). Binary indicators and checklist items also accept
 * yes/no/是/否/true/false/Y/N; ordinal indicators their `levels` keys.
 *
 * ## Problems reported here (all at once; rows with problems keep what can be read)
 * E200 unreadable text (CSV quote, JSON syntax), E203 duplicate unit (wide: same unit and year; long:
 * same unit, indicator and year; both rows named, the later row skipped), E204 not a number, E206
 * missing unit id (row skipped), E207 missing/unnamed/forbidden column or a row with too many cells,
 * E208 unknown answer, E211 duplicate column name. The fit to the set (E201/W200, E202, E106, ranges)
 * is `checkDataset`'s job.
 */
import { type ErrorCode, type Location, type Problem, problem } from '../errors';
import type { DataMapping } from '../schema/data-mapping';
import type { IndicatorSet, LangText } from '../schema/indicator-set';
import { applyRatings } from '../steps/raters';
import { unneutralise } from '../util/formula-guard';
import { sha256Hex } from '../util/sha256';
import {
  isAnswerText,
  isMissingText,
  readCell,
  readNumberText,
  type SetVariables,
  setVariables,
  showCell,
  type VariableSpec,
} from './check-data';
import { type CsvDelimiter, eachRecord, readRecord } from './csv';
import type { Dataset, Evidence, Rating, Unit } from './dataset-types';
import { applyMapping } from './mapping';

export interface DatasetOptions {
  /** File name as given, for messages and `source.file`. */
  file?: string;
  /** Wide, long, or auto (default). */
  form?: 'wide' | 'long' | 'auto';
  /** Unit id column (default: first of id, unit, unit_id, region_id, code, uCode, iso3, iso3c, cc_iso3c). */
  unitColumn?: string;
  /** Name columns (default: name, name_<lang>, uName...). `name_zh` → `{zh: ...}`. */
  nameColumns?: string[];
  /** Group columns (default: group, group*, *_group, region; plus text-only columns in wide form). */
  groupColumns?: string[];
  /** Year column (default: year, Time, ref_year, 年份). */
  yearColumn?: string;
  /** Indicator set: which columns are indicators, how answers are read. */
  set?: IndicatorSet;
  /** CSV only: delimiter (default: detected from the header line). */
  delimiter?: CsvDelimiter;
  /** sha256 hex of the original file bytes, when the caller has them (default: of the text as UTF-8). */
  sourceHash?: string;
  /**
   * How to read the file as published (see `docs/data.md`): default the set's `data:`; `null` reads the
   * file by the conventions alone.
   */
  mapping?: DataMapping | null;
}

/** The mapping a read applies: `opts.mapping`, else the set's `data:`; none for `null`. */
export function mappingOf(opts: DatasetOptions): DataMapping | undefined {
  return opts.mapping === null ? undefined : (opts.mapping ?? opts.set?.data);
}

export interface LoadedDataset {
  dataset: Dataset;
  problems: Problem[];
  /**
   * Where the value of a unit and variable (and year) is in the file — `{file, line, col, column}` in
   * CSV, `{file, sheet, row, column}` in XLSX, `{file, path}` in JSON — or undefined when no row holds
   * it. `checkDataset(set, dataset, locate)` uses it to place the problems of values (E205).
   */
  locate?: ValueLocator;
}

/** Where a value is in its file; see `LoadedDataset.locate`. */
export type ValueLocator = (unit: string, variable: string, year?: number) => Location | undefined;

/** Where a cell of a table is: row index (0-based, data rows) and column name → file location. */
export type CellLocator = (row: number, column: string) => Location;

/** A table of cells, whatever it was read from. */
export interface Table {
  /** Column names, in order, unique. */
  columns: string[];
  /** Rows of cells aligned with `columns`: an array, or rows read on demand (large CSV files). */
  rows: readonly (readonly unknown[])[] | RowSource;
  where: CellLocator;
}

/** Rows produced on demand, so that a large file's cells are never all held at once. */
export interface RowSource {
  length: number;
  /** Row `i` (0-based), cells aligned with the table's columns. */
  get(i: number): readonly unknown[];
}

/** Row `i` of a table, whatever holds its rows. */
function rowOf(rows: Table['rows'], i: number): readonly unknown[] {
  return Array.isArray(rows) ? (rows as readonly (readonly unknown[])[])[i]! : (rows as RowSource).get(i);
}

const UNIT_ALIASES = ['id', 'unit', 'unit_id', 'region_id', 'code', 'ucode', 'iso3', 'iso3c', 'cc_iso3c'];
const YEAR_ALIASES = ['year', 'time', 'ref_year', '年份', '年度'];
const INDICATOR_ALIASES = ['indicator', 'variable', 'indicator_id', 'icode', 'var', '指标'];
const VALUE_ALIASES = ['value', 'val', '值', '数值'];
const RATER_ALIASES = ['rater', 'rater_id', 'evaluator', 'reviewer', '评估人', '评分人', '评价人'];
const NAME_PLAIN = ['name', 'uname', 'unit_name', 'region_name', '名称'];
const NAME_LANG_RE = /^(?:name|uname|unit_name|region_name)[_-]([a-z]{2,3})$/i;
const EVIDENCE: Record<string, keyof Evidence> = {
  note: 'note',
  notes: 'note',
  comment: 'note',
  remark: 'note',
  备注: 'note',
  source: 'source',
  来源: 'source',
  url: 'url',
  link: 'url',
  链接: 'url',
  file: 'file',
  date: 'date',
};
/** Text that starts like a number (`1,234`, `-5%`, `１２`): a malformed number, not a group name. */
const NUMBER_LIKE = /^[+\-−]?[0-9０-９.]/;
/** Column names refused (they would be unsafe as object keys downstream). */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function isDefaultGroup(name: string): boolean {
  const l = name.toLowerCase();
  return l === 'group' || l.startsWith('group') || l.endsWith('_group') || l === 'region' || l === '区域';
}

/**
 * The unit id column a table with these columns would use (`opts.unitColumn`, else the first of the
 * unit aliases that is not a variable of the set), or undefined when it has none.
 * @example unitColumnOf(['Country', 'iso3', 'x']) // 'iso3'
 */
export function unitColumnOf(columns: readonly string[], opts: DatasetOptions = {}): string | undefined {
  const named = opts.unitColumn ?? mappingOf(opts)?.unit;
  if (named !== undefined) {
    const want = named.toLowerCase();
    return columns.find((c) => c === named) ?? columns.find((c) => c.toLowerCase() === want);
  }
  return findColumn(columns, UNIT_ALIASES, opts.set ? setVariables(opts.set) : undefined);
}

/** The first column named one of `aliases` (ignoring case) that is not a variable of the set. */
function findColumn(
  columns: readonly string[],
  aliases: readonly string[],
  sv?: SetVariables,
): string | undefined {
  for (const a of aliases) {
    const c = columns.find((col) => col.toLowerCase() === a && !sv?.specs.has(col));
    if (c !== undefined) return c;
  }
  return undefined;
}

function cellText(raw: unknown): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'string') {
    const s = raw.trim();
    return s === '' ? undefined : s;
  }
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : undefined;
  if (typeof raw === 'boolean') return String(raw);
  return undefined;
}

function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

/** How one column is read. */
type Role =
  | { kind: 'unit' }
  | { kind: 'year' }
  | { kind: 'name'; lang?: string }
  | { kind: 'group' }
  | { kind: 'evidence'; field: keyof Evidence }
  | { kind: 'rater' }
  | { kind: 'indicator' }
  | { kind: 'value' }
  | { kind: 'variable'; spec?: VariableSpec; answers: boolean }
  | { kind: 'ignore' };

interface Entry {
  unit: number;
  year: number | undefined;
  variable: string;
  value: number;
  /** Answered "not applicable" (value NaN). */
  na?: true;
  /** Rater, when the data have a rater column. */
  rater?: string;
  /** Where the cell is, for ratings. */
  where?: Location;
}

/**
 * Builds a Dataset from a table (the common path of every loader). See the module comment for the
 * forms, columns, cells and problems.
 *
 * @param table columns, rows of cells, and where each cell is in the file
 * @param opts see DatasetOptions
 * @returns the dataset (always; empty when no unit column) and the reading problems
 */
export function datasetFromTable(table: Table, opts: DatasetOptions = {}): LoadedDataset {
  const mapping = mappingOf(opts);
  if (mapping !== undefined) {
    // the file as published → the loaders' own form, then read as usual (see load/mapping.ts)
    const m = applyMapping(table, mapping, opts.set, opts.file !== undefined ? { file: opts.file } : {});
    const { unitColumn: _u, yearColumn: _y, nameColumns: _n, groupColumns: _g, ...rest } = opts;
    if (m.table === undefined) return { dataset: emptyDataset(opts, opts.sourceHash), problems: m.problems };
    const out = datasetFromTable(m.table, { ...rest, ...m.options, mapping: null });
    return { dataset: out.dataset, problems: [...m.problems, ...out.problems] };
  }
  const problems: Problem[] = [];
  const file = opts.file;
  const base: Location = file !== undefined ? { file } : {};
  const sv: SetVariables | undefined = opts.set ? setVariables(opts.set) : undefined;
  const columns = table.columns;
  const report = (code: ErrorCode, message: string, where: Location, hint?: string) =>
    problems.push(problem(code, message, { ...base, ...where }, hint));
  const header = (col: string): Location => table.where(-1, col);

  const source: Dataset['source'] = {};
  if (file !== undefined) source.file = file;
  if (opts.sourceHash !== undefined) source.hash = opts.sourceHash;
  const empty = (): LoadedDataset => ({
    dataset: { units: [], years: [], variables: [], values: new Map(), source },
    problems,
  });

  // --- column roles
  const role = new Map<string, Role>();
  let unitCol: string | undefined;
  if (opts.unitColumn !== undefined) {
    unitCol =
      columns.find((c) => c === opts.unitColumn) ??
      columns.find((c) => c.toLowerCase() === opts.unitColumn!.toLowerCase());
    if (unitCol === undefined) {
      report(
        'E207',
        `unit column ${opts.unitColumn} is not in the data`,
        {},
        `columns are: ${columns.join(', ')}`,
      );
      return empty();
    }
  } else {
    unitCol = findColumn(columns, UNIT_ALIASES, sv);
    if (unitCol === undefined) {
      report(
        'E207',
        'no unit id column in the data',
        {},
        `name the id column one of ${UNIT_ALIASES.join(', ')}, give unitColumn, or name it in the set's data: {unit: …} (docs/data.md); columns are: ${columns.join(', ')}`,
      );
      return empty();
    }
  }
  role.set(unitCol, { kind: 'unit' });

  const explicit = (names: string[] | undefined, what: string): string[] => {
    const found: string[] = [];
    for (const n of names ?? []) {
      const c =
        columns.find((col) => col === n) ?? columns.find((col) => col.toLowerCase() === n.toLowerCase());
      if (c === undefined)
        report('E207', `${what} column ${n} is not in the data`, {}, `columns are: ${columns.join(', ')}`);
      else found.push(c);
    }
    return found;
  };

  let yearCol: string | undefined;
  if (opts.yearColumn !== undefined) yearCol = explicit([opts.yearColumn], 'year')[0];
  else yearCol = findColumn(columns, YEAR_ALIASES, sv);
  if (yearCol !== undefined && !role.has(yearCol)) role.set(yearCol, { kind: 'year' });
  else yearCol = undefined;

  const indCol = findColumn(columns, INDICATOR_ALIASES, sv);
  const valCol = findColumn(columns, VALUE_ALIASES, sv);
  const long =
    opts.form === 'long' ||
    ((opts.form === undefined || opts.form === 'auto') &&
      indCol !== undefined &&
      valCol !== undefined &&
      !sv?.specs.has(indCol) &&
      !sv?.specs.has(valCol));
  if (long) {
    if (indCol === undefined || valCol === undefined || role.has(indCol) || role.has(valCol)) {
      report(
        'E207',
        `long data need an indicator column and a value column${indCol === undefined ? '; no indicator column found' : ''}${valCol === undefined ? '; no value column found' : ''}`,
        {},
        `name them one of ${INDICATOR_ALIASES.join(', ')} and one of ${VALUE_ALIASES.join(', ')}, or name them in the set's data: (docs/data.md); columns are: ${columns.join(', ')}`,
      );
      return empty();
    }
    role.set(indCol, { kind: 'indicator' });
    role.set(valCol, { kind: 'value' });
  }

  const plainNameLang = opts.set?.languages?.[0] ?? 'und';
  const nameCols =
    opts.nameColumns !== undefined
      ? explicit(opts.nameColumns, 'name')
      : columns.filter(
          (c) =>
            !role.has(c) &&
            !sv?.specs.has(c) &&
            (NAME_PLAIN.includes(c.toLowerCase()) || NAME_LANG_RE.test(c)),
        );
  for (const c of nameCols) {
    if (role.has(c)) continue;
    const m = NAME_LANG_RE.exec(c);
    role.set(c, m ? { kind: 'name', lang: m[1]!.toLowerCase() } : { kind: 'name' });
  }

  const groupCols =
    opts.groupColumns !== undefined
      ? explicit(opts.groupColumns, 'group')
      : columns.filter((c) => !role.has(c) && !sv?.specs.has(c) && isDefaultGroup(c));
  for (const c of groupCols) if (!role.has(c)) role.set(c, { kind: 'group' });
  const raterCol = findColumn(
    columns.filter((c) => !role.has(c)),
    RATER_ALIASES,
    sv,
  );
  if (raterCol !== undefined) role.set(raterCol, { kind: 'rater' });

  for (const c of columns) {
    if (role.has(c)) continue;
    if (c.startsWith('#')) {
      // a note column (templates: item names, points, allowed answers): never data
      role.set(c, { kind: 'ignore' });
      continue;
    }
    const spec = sv?.specs.get(c);
    const lower = c.toLowerCase();
    const ev = Object.hasOwn(EVIDENCE, lower) ? EVIDENCE[lower] : undefined;
    if (spec === undefined && ev !== undefined) {
      role.set(c, long ? { kind: 'evidence', field: ev } : { kind: 'ignore' });
      continue;
    }
    if (long) {
      report(
        'W200',
        `column ${c} is ignored in long data`,
        header(c),
        `long data have unit, indicator, value, year, name, group and evidence columns (${Object.keys(EVIDENCE).join(', ')})`,
      );
      role.set(c, { kind: 'ignore' });
      continue;
    }
    if (spec !== undefined) {
      role.set(c, { kind: 'variable', spec, answers: spec.kind === 'binary' });
      continue;
    }
    // not in the set: numbers (or malformed numbers such as 1,234) → variable; yes/no answers → 0/1
    // variable; text only → group
    const j = columns.indexOf(c);
    let nums = 0;
    let answers = 0;
    let texts = 0;
    for (let ri = 0; ri < table.rows.length; ri++) {
      const raw = rowOf(table.rows, ri)[j];
      if (raw === null || raw === undefined) continue;
      if (typeof raw === 'number') nums++;
      else if (typeof raw === 'boolean') answers++;
      else if (typeof raw === 'string') {
        const s = raw.trim();
        if (isMissingText(s)) continue;
        if (readNumberText(s).ok || NUMBER_LIKE.test(s)) nums++;
        else if (isAnswerText(s)) answers++;
        else texts++;
      } else texts++;
    }
    if (texts > 0 && nums === 0 && answers === 0) role.set(c, { kind: 'group' });
    else role.set(c, { kind: 'variable', answers: answers > 0 && texts === 0 });
  }

  // --- rows
  const unitIndex = new Map<string, number>();
  const units: Unit[] = [];
  const entries: Entry[] = [];
  const seenKey = new Map<string, number>(); // dedup key → row
  const dupReported = new Set<number>();
  const yearsSet = new Set<number>();
  const variables: string[] = [];
  const variableSet = new Set<string>();
  const evidenceRows: { unit: number; year: number | undefined; variable: string; ev: Evidence }[] = [];
  const ri_ = raterCol !== undefined ? columns.indexOf(raterCol) : -1;
  const addVariable = (v: string) => {
    if (!variableSet.has(v)) {
      variableSet.add(v);
      variables.push(v);
    }
  };
  if (!long) for (const c of columns) if (role.get(c)?.kind === 'variable') addVariable(c);

  const ui = columns.indexOf(unitCol);
  const yi = yearCol !== undefined ? columns.indexOf(yearCol) : -1;
  const ii = long && indCol !== undefined ? columns.indexOf(indCol) : -1;
  const vi = long && valCol !== undefined ? columns.indexOf(valCol) : -1;
  const longSpecs = new Map<string, { spec: VariableSpec | undefined; answers: boolean }>();
  // long data, indicators not in the set: read yes/no answers when every value of it is one
  let answerVars: Set<string> | undefined;
  const longAnswers = (): Set<string> => {
    if (answerVars) return answerVars;
    const counts = new Map<string, { ans: number; other: number }>();
    for (let k = 0; k < table.rows.length; k++) {
      const r2 = rowOf(table.rows, k);
      const v = cellText(r2[ii]);
      if (v === undefined) continue;
      let c = counts.get(v);
      if (!c) counts.set(v, (c = { ans: 0, other: 0 }));
      const x = r2[vi];
      if (typeof x === 'boolean' || (typeof x === 'string' && isAnswerText(x))) c.ans++;
      else if (typeof x === 'string' && !isMissingText(x) && !readNumberText(x).ok) c.other++;
      else if (x !== null && x !== undefined && typeof x !== 'string' && typeof x !== 'number') c.other++;
    }
    answerVars = new Set([...counts].filter(([, c]) => c.ans > 0 && c.other === 0).map(([v]) => v));
    return answerVars;
  };

  // Wide data without raters: values go straight into a row-major matrix (no object per value), one
  // row per table row; NaN = nothing read. Scattered into frame-major columns at the end.
  const roles = columns.map((c) => role.get(c)!);
  const wideCols = long ? [] : columns.flatMap((_, j) => (roles[j]!.kind === 'variable' ? [j] : []));
  const direct = !long && ri_ < 0;
  const nRows = table.rows.length;
  // without years a unit has one row: its values go straight into columns indexed by unit
  const byUnit = direct && yi < 0 ? wideCols.map(() => new Float64Array(nRows).fill(Number.NaN)) : undefined;
  const matrix = direct && !byUnit ? new Float64Array(nRows * wideCols.length).fill(Number.NaN) : undefined;
  const rowUnit = direct ? new Int32Array(nRows).fill(-1) : undefined;
  const rowYear = direct ? new Float64Array(nRows).fill(Number.NaN) : undefined;
  const naCells: { row: number; k: number }[] = [];
  const nameGroup = columns.flatMap((_, j) =>
    roles[j]!.kind === 'name' || roles[j]!.kind === 'group' ? [j] : [],
  );

  for (let ri = 0; ri < nRows; ri++) readRow(rowOf(table.rows, ri), ri);

  function readRow(r: readonly unknown[], ri: number): void {
    const at = (col: string, unit?: string): Location => ({
      ...table.where(ri, col),
      ...(unit !== undefined ? { unit } : {}),
    });
    if (r.every(isBlank)) return;
    // unit
    const rawId = r[ui];
    const id = cellText(rawId);
    // an unanswered template row (long data): no unit, no value, only the indicator and notes
    if (
      id === undefined &&
      long &&
      r.every((x, j) => isBlank(x) || j === ii || role.get(columns[j]!)?.kind === 'ignore')
    )
      return;
    if (id === undefined) {
      report(
        'E206',
        `row has no unit id (column ${unitCol})`,
        at(unitCol!),
        `fill in the ${unitCol} column; the row is skipped`,
      );
      return;
    }
    // year
    let year: number | undefined;
    if (yi >= 0) {
      const rawYear = r[yi];
      const y =
        typeof rawYear === 'number'
          ? { ok: true as const, value: rawYear }
          : readNumberText(cellText(rawYear) ?? '');
      if (!y.ok || Number.isNaN(y.value) || !Number.isInteger(y.value)) {
        report(
          'E204',
          `year ${isBlank(rawYear) ? '(empty)' : showCell(rawYear)} of unit ${id} is not a whole number`,
          at(yearCol!, id),
          `write the year as a number such as 2024; the row is skipped`,
        );
        return;
      }
      year = y.value;
    }
    const rater = ri_ >= 0 ? cellText(r[ri_]) : undefined;
    const byRater = rater !== undefined ? ` by rater ${rater}` : '';
    // dedup (wide: unit+year)
    if (!long) {
      const key = `${id}\u0000${year ?? ''}\u0000${rater ?? ''}`;
      const first = seenKey.get(key);
      if (first !== undefined) {
        const yr = year !== undefined ? ` in ${year}` : '';
        if (!dupReported.has(first)) {
          dupReported.add(first);
          report(
            'E203',
            `unit ${id}${yr}${byRater} appears more than once (first row)`,
            { ...table.where(first, unitCol!), unit: id },
            'keep one row per unit and year; later rows are skipped',
          );
        }
        report(
          'E203',
          `unit ${id}${yr}${byRater} appears more than once (this row is skipped)`,
          at(unitCol!, id),
          'keep one row per unit and year',
        );
        return;
      }
      seenKey.set(key, ri);
    }
    let u = unitIndex.get(id);
    if (u === undefined) {
      u = units.length;
      unitIndex.set(id, u);
      units.push({ id, groups: {} });
    }
    const unit = units[u]!;
    if (year !== undefined) yearsSet.add(year);

    // names, groups
    const names: Record<string, string> = {};
    let plain: string | undefined;
    for (const j of nameGroup) {
      const c = columns[j]!;
      const ro = roles[j]!;
      if (ro.kind === 'name') {
        const raw = r[j];
        if (raw !== null && typeof raw === 'object') {
          // {zh: ..., en: ...}: names by language; anything else (a list, an object of objects) is refused
          const entries = Array.isArray(raw) ? [] : Object.entries(raw as Record<string, unknown>);
          const bad = entries.find(([, v]) => typeof v !== 'string');
          if (Array.isArray(raw) || entries.length === 0 || bad) {
            report(
              'E216',
              `name of unit ${id} is ${Array.isArray(raw) ? 'a list' : bad ? `an object whose ${JSON.stringify(bad[0])} is ${showCell(bad[1])}, not text` : 'an empty object'}: it would become an empty name`,
              at(c, id),
              'write the name as text ("浙江"), or as texts by language ({"zh": "浙江", "en": "Zhejiang"})',
            );
            continue;
          }
          for (const [k, v] of entries)
            if ((v as string).trim() !== '' && !FORBIDDEN.has(k)) names[k] = (v as string).trim();
          continue;
        }
        const t = cellText(raw);
        if (t === undefined) continue;
        if (ro.lang !== undefined) names[ro.lang] = t;
        else plain ??= t;
      } else if (ro.kind === 'group') {
        const t = cellText(r[j]);
        if (t !== undefined && !Object.hasOwn(unit.groups, c)) unit.groups[c] = t;
      }
    }
    if (unit.name === undefined) {
      let name: LangText | undefined;
      if (Object.keys(names).length > 0) {
        if (plain !== undefined && !Object.hasOwn(names, plainNameLang)) names[plainNameLang] = plain;
        name = names;
      } else if (plain !== undefined) name = plain;
      if (name !== undefined) unit.name = name;
    }

    // values
    if (direct) {
      rowUnit![ri] = u;
      if (year !== undefined) rowYear![ri] = year;
      const base = ri * wideCols.length;
      for (let k = 0; k < wideCols.length; k++) {
        const j = wideCols[k]!;
        const ro = roles[j] as Extract<Role, { kind: 'variable' }>;
        const raw = r[j];
        const got = readCell(ro.spec, raw, ro.answers);
        if (!got.ok) {
          const c = columns[j]!;
          report(got.code, `value ${showCell(raw)} in column ${c} ${got.why}`, at(c, id), got.hint);
          continue;
        }
        if (byUnit) byUnit[k]![u] = got.value;
        else matrix![base + k] = got.value;
        if (got.na) naCells.push({ row: ri, k });
      }
      return;
    }
    if (!long) {
      columns.forEach((c, j) => {
        const ro = role.get(c)!;
        if (ro.kind !== 'variable') return;
        const raw = r[j];
        const got = readCell(ro.spec, raw, ro.answers);
        if (!got.ok) {
          report(got.code, `value ${showCell(raw)} in column ${c} ${got.why}`, at(c, id), got.hint);
          return;
        }
        if (!Number.isNaN(got.value) || got.na)
          entries.push({
            unit: u,
            year,
            variable: c,
            value: got.value,
            ...(got.na ? { na: true as const } : {}),
            ...(rater !== undefined ? { rater } : {}),
            ...(ri_ >= 0 ? { where: at(c, id) } : {}),
          });
      });
      return;
    }
    // long: one value
    const variable = cellText(r[ii]);
    if (variable === undefined) {
      report(
        'E207',
        `row of unit ${id} has no indicator`,
        at(indCol!, id),
        `fill in the ${indCol} column; the row is skipped`,
      );
      return;
    }
    if (FORBIDDEN.has(variable)) {
      report(
        'E207',
        `indicator name ${variable} is not allowed`,
        at(indCol!, id),
        'use an indicator id of the set',
      );
      return;
    }
    const key = `${id}\u0000${year ?? ''}\u0000${variable}\u0000${rater ?? ''}`;
    const first = seenKey.get(key);
    if (first !== undefined) {
      const yr = year !== undefined ? ` in ${year}` : '';
      if (!dupReported.has(first)) {
        dupReported.add(first);
        report(
          'E203',
          `unit ${id} has two values for ${variable}${yr}${byRater} (first row)`,
          { ...table.where(first, indCol!), unit: id },
          'keep one row per unit, indicator and year; later rows are skipped',
        );
      }
      report(
        'E203',
        `unit ${id} has two values for ${variable}${yr}${byRater} (this row is skipped)`,
        at(indCol!, id),
        'keep one row per unit, indicator and year',
      );
      return;
    }
    seenKey.set(key, ri);
    let ls = longSpecs.get(variable);
    if (ls === undefined) {
      const spec = sv?.specs.get(variable);
      let answers = spec?.kind === 'binary';
      if (spec === undefined) answers = longAnswers().has(variable);
      ls = { spec, answers };
      longSpecs.set(variable, ls);
    }
    addVariable(variable);
    const raw = r[vi];
    const got = readCell(ls.spec, raw, ls.answers);
    if (!got.ok) {
      report(
        got.code,
        `value ${showCell(raw)} of ${variable} for unit ${id} ${got.why}`,
        at(valCol!, id),
        got.hint,
      );
    } else if (!Number.isNaN(got.value) || got.na)
      entries.push({
        unit: u,
        year,
        variable,
        value: got.value,
        ...(got.na ? { na: true as const } : {}),
        ...(rater !== undefined ? { rater } : {}),
        ...(ri_ >= 0 ? { where: at(valCol!, id) } : {}),
      });
    // evidence
    const ev: Evidence = {};
    let hasEv = false;
    columns.forEach((c, j) => {
      const ro = role.get(c)!;
      if (ro.kind !== 'evidence') return;
      const t = cellText(r[j]);
      if (t === undefined) return;
      ev[ro.field] = ev[ro.field] === undefined ? t : `${ev[ro.field]}; ${t}`;
      hasEv = true;
    });
    if (hasEv) {
      if (rater !== undefined) ev.rater = rater;
      evidenceRows.push({ unit: u, year, variable, ev });
    }
  }

  // --- assemble
  const years = [...yearsSet].sort((a, b) => a - b);
  const frameOf = new Map(years.map((y, k) => [y, k]));
  const n = units.length;
  const frames = Math.max(1, years.length);
  const values = new Map<string, Float64Array>();
  if (byUnit)
    wideCols.forEach((j, k) => {
      const col = byUnit[k]!;
      values.set(columns[j]!, col.length === n ? col : col.slice(0, n));
    });
  for (const v of variables) if (!values.has(v)) values.set(v, new Float64Array(n * frames).fill(Number.NaN));
  const ratings: Rating[] = [];
  const notApplicable = new Map<string, Uint8Array>();
  // a value some rater answered: every answer to it is a rating (a blank rater is `unnamed`)
  const ratedCell = (e: Entry) => `${e.unit}\u0000${e.year ?? ''}\u0000${e.variable}`;
  const rated = new Set(entries.filter((e) => e.rater !== undefined).map(ratedCell));
  for (const e of entries) {
    if (e.rater !== undefined || rated.has(ratedCell(e))) {
      const rater = e.rater ?? 'unnamed';
      const rt: Rating = { unit: units[e.unit]!.id, variable: e.variable, rater, value: e.value };
      if (e.year !== undefined) rt.year = e.year;
      if (e.na) rt.na = true;
      if (e.where) {
        const w: NonNullable<Rating['where']> = {};
        for (const k of ['sheet', 'row', 'line', 'column'] as const)
          if (e.where[k] !== undefined) (w as Record<string, unknown>)[k] = e.where[k];
        rt.where = w;
      }
      ratings.push(rt);
      continue;
    }
    const f = e.year !== undefined ? frameOf.get(e.year)! : 0;
    values.get(e.variable)![f * n + e.unit] = e.value;
    if (e.na) {
      let col = notApplicable.get(e.variable);
      if (!col) notApplicable.set(e.variable, (col = new Uint8Array(n * frames)));
      col[f * n + e.unit] = 1;
    }
  }
  if (matrix) {
    const cols = wideCols.map((j) => values.get(columns[j]!)!);
    for (let ri = 0; ri < nRows; ri++) {
      const u = rowUnit![ri]!;
      if (u < 0) continue;
      const y = rowYear![ri]!;
      const at = (Number.isNaN(y) ? 0 : frameOf.get(y)!) * n + u;
      const base = ri * wideCols.length;
      for (let k = 0; k < cols.length; k++) {
        const v = matrix![base + k]!;
        if (!Number.isNaN(v)) cols[k]![at] = v;
      }
    }
  }
  if (direct)
    for (const { row, k } of naCells) {
      const v = columns[wideCols[k]!]!;
      const y = rowYear![row]!;
      let col = notApplicable.get(v);
      if (!col) notApplicable.set(v, (col = new Uint8Array(n * frames)));
      col[(Number.isNaN(y) ? 0 : frameOf.get(y)!) * n + rowUnit![row]!] = 1;
    }
  let dataset: Dataset = { units, years, variables, values, source };
  if (notApplicable.size > 0) dataset.notApplicable = notApplicable;
  if (evidenceRows.length > 0) {
    const latest = years[years.length - 1];
    const evidence = new Map<string, Evidence>();
    for (const e of evidenceRows) {
      if (latest !== undefined && e.year !== latest) continue;
      const key = `${units[e.unit]!.id}\u0000${e.variable}`;
      const before = evidence.get(key);
      evidence.set(key, before ? mergeEvidence(before, e.ev) : e.ev);
    }
    if (evidence.size > 0) dataset.evidence = evidence;
  }
  if (ratings.length > 0) {
    dataset.ratings = ratings;
    dataset = applyRatings(dataset, opts.set?.methodology?.raters);
  }
  return { dataset, problems, locate: tableLocator(table, ui, yi, long ? ii : -1, long ? vi : -1) };
}

/** @internal A year cell as the rows are read: a whole number, or undefined. */
function yearOfCell(raw: unknown): number | undefined {
  const y = typeof raw === 'number' ? raw : Number(cellText(raw) ?? Number.NaN);
  return Number.isInteger(y) ? y : undefined;
}

/**
 * @internal Finds the cell of a value by reading the table's rows again (once, on the first call:
 * problems of values are rare, and a large file's cells are not held meanwhile). Wide tables: the
 * unit's row (and year) and the variable's column; long tables (`ii`, `vi` ≥ 0): the row naming the
 * unit, year and variable, and its value column. The first row wins.
 */
function tableLocator(table: Table, ui: number, yi: number, ii: number, vi: number): ValueLocator {
  let index: Map<string, number> | undefined;
  const key = (unit: string, year: number | undefined, variable: string) =>
    ii >= 0 ? `${unit}\u0000${year ?? ''}\u0000${variable}` : `${unit}\u0000${year ?? ''}`;
  return (unit, variable, year) => {
    if (!index) {
      index = new Map();
      for (let ri = 0; ri < table.rows.length; ri++) {
        const r = rowOf(table.rows, ri);
        const id = cellText(r[ui]);
        if (id === undefined) continue;
        const k = key(id, yi >= 0 ? yearOfCell(r[yi]) : undefined, ii >= 0 ? (cellText(r[ii]) ?? '') : '');
        if (!index.has(k)) index.set(k, ri);
      }
    }
    // wide: the variable must be a column of this table (a workbook's other sheets hold the others)
    if (ii < 0 && !table.columns.includes(variable)) return undefined;
    const ri = index.get(key(unit, yi >= 0 ? year : undefined, variable));
    if (ri === undefined) return undefined;
    return table.where(ri, vi >= 0 ? table.columns[vi]! : variable);
  };
}

/**
 * Merges the evidence of two answers to one value (several raters): each field's texts joined by `; `,
 * a text given twice kept once.
 */
export function mergeEvidence(a: Evidence, b: Evidence): Evidence {
  const out: Evidence = { ...a };
  for (const k of Object.keys(b) as (keyof Evidence)[]) {
    const v = b[k];
    if (v === undefined) continue;
    const prev = out[k];
    if (prev === undefined) out[k] = v;
    else if (!prev.split('; ').includes(v)) out[k] = `${prev}; ${v}`;
  }
  return out;
}

/**
 * Checks and cleans a header: trims names, refuses `__proto__`/`constructor`/`prototype` and unnamed
 * columns holding data (E207), reports duplicate names (E211; the later column is dropped), drops
 * unnamed empty columns (a trailing delimiter). Returns the kept column indexes and names.
 * With `identical` (the mapping's `duplicate_columns: identical`), a repeated name whose column holds
 * the same cells as the first (`identical(first, second)`) is dropped with W214 instead of E211.
 */
export function cleanHeader(
  names: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  where: (col: number, name: string) => Location,
  report: (p: Problem) => void,
  identical?: (first: number, second: number) => boolean,
): { keep: number[]; columns: string[] } {
  const keep: number[] = [];
  const columns: string[] = [];
  const seen = new Map<string, number>();
  names.forEach((raw, j) => {
    const name = cellText(raw) ?? '';
    if (name === '') {
      if (rows.some((r) => !isBlank(r[j])))
        report(
          problem(
            'E207',
            `column ${j + 1} has values but no name`,
            where(j, ''),
            'name the column in the header row',
          ),
        );
      return;
    }
    if (FORBIDDEN.has(name)) {
      report(problem('E207', `column name ${name} is not allowed`, where(j, name), 'rename the column'));
      return;
    }
    const first = seen.get(name);
    if (first !== undefined && identical?.(first, j)) {
      report(
        problem(
          'W214',
          `column ${name} appears twice (columns ${first + 1} and ${j + 1}) with the same cells; the second is not read`,
          where(j, name),
        ),
      );
      return;
    }
    if (first !== undefined) {
      report(
        problem(
          'E211',
          `column ${name} appears twice (columns ${first + 1} and ${j + 1}); the second is ignored`,
          where(j, name),
          'give every column a different name',
        ),
      );
      return;
    }
    seen.set(name, j);
    keep.push(j);
    columns.push(name);
  });
  return { keep, columns };
}

/**
 * @internal The comparison `cleanHeader` makes of two columns of the same name, when the mapping
 * accepts identical duplicates (`duplicate_columns: identical`): every row's two cells read the same.
 */
export function identicalColumns(
  opts: DatasetOptions,
  row: (i: number) => readonly unknown[],
  count: number,
): ((a: number, b: number) => boolean) | undefined {
  if (mappingOf(opts)?.duplicate_columns !== 'identical') return undefined;
  return (a, b) => {
    for (let i = 0; i < count; i++) {
      const r = row(i);
      if ((cellText(r[a]) ?? '') !== (cellText(r[b]) ?? '')) return false;
    }
    return true;
  };
}

/** Spreadsheet column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Reads a dataset from CSV text (wide or long; see the module comment for columns and cells).
 * Lines starting with `#` before the header are skipped (provenance notes).
 *
 * @param text CSV text: UTF-8 (BOM allowed), `,` `;` or tab delimited (detected), CRLF or LF
 * @param opts file name, form, column names, the indicator set
 * @returns the dataset and every reading problem (never throws); problems carry `line`, `col` and
 *   `column` (the header name)
 * @example
 * const { dataset } = parseDatasetCsv('id,name,x\nA,Alpha,1.5\nB,Beta,NA\n');
 * dataset.values.get('x') // Float64Array [1.5, NaN]
 */
export function parseDatasetCsv(text: string, opts: DatasetOptions = {}): LoadedDataset {
  // One pass finds where each record starts and checks its width; cells are then read again, one row
  // at a time, when the table is read: a large file's cells are never all held at once.
  const base: Location = opts.file !== undefined ? { file: opts.file } : {};
  const problems: Problem[] = [];
  let header: { cells: string[]; line: number } | undefined;
  let width = 0;
  let starts = new Int32Array(1024);
  let lines = new Int32Array(1024);
  let count = 0;
  let hasValue = new Uint8Array(0);
  const wideRows: Problem[] = [];
  const scanned = eachRecord(
    text,
    {
      ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
      ...(opts.file !== undefined ? { file: opts.file } : {}),
      comment: '#',
    },
    (cells, line, start) => {
      if (header === undefined) {
        header = { cells, line };
        width = cells.length;
        hasValue = new Uint8Array(width);
        return;
      }
      if (count === starts.length) {
        const s2 = new Int32Array(count * 2);
        s2.set(starts);
        starts = s2;
        const l2 = new Int32Array(count * 2);
        l2.set(lines);
        lines = l2;
      }
      starts[count] = start;
      lines[count++] = line;
      for (let j = 0; j < cells.length && j < width; j++)
        if (hasValue[j] === 0 && cells[j]!.trim() !== '') hasValue[j] = 1;
      if (cells.length > width && cells.slice(width).some((c) => c.trim() !== ''))
        wideRows.push(
          problem(
            'E207',
            `line ${line} has ${cells.length} cells but the header has ${width}`,
            { ...base, line, col: width + 1 },
            'quote cells that contain the delimiter, or add a header for the extra column',
          ),
        );
    },
  );
  problems.unshift(...scanned.problems);
  const hash = opts.sourceHash ?? sha256Hex(text);
  const headerRow = header as { cells: string[]; line: number } | undefined;
  if (headerRow === undefined) {
    problems.push(problem('E200', 'the data file is empty', base, 'write a header row and one row per unit'));
    return { dataset: emptyDataset(opts, hash), problems };
  }
  // cleanHeader asks whether an unnamed column holds anything: one row standing for all of them
  const anyValue = Array.from(hasValue, (h) => (h ? 'x' : ''));
  const d = scanned.delimiter.charCodeAt(0);
  const { keep, columns } = cleanHeader(
    unguardCells(headerRow.cells),
    [anyValue],
    (j, name) => ({ ...base, line: headerRow.line, col: j + 1, ...(name ? { column: name } : {}) }),
    (p) => problems.push(p),
    identicalColumns(opts, (i) => readRecord(text, starts[i]!, d, lines[i]!).cells, count),
  );
  problems.push(...wideRows);
  const identity = keep.length === width && keep.every((j, k) => j === k);
  const rows: RowSource = {
    length: count,
    get(i) {
      const cells = unguardCells(readRecord(text, starts[i]!, d, lines[i]!).cells);
      if (identity && cells.length === width) return cells;
      return keep.map((j) => cells[j] ?? '');
    },
  };
  const colIndex = new Map(columns.map((c, k) => [c, keep[k]!]));
  const table: Table = {
    columns,
    rows,
    where: (ri, col) => {
      const line = ri < 0 ? headerRow.line : lines[ri]!;
      const j = colIndex.get(col);
      return { ...base, line, ...(j !== undefined ? { col: j + 1 } : {}), column: col };
    },
  };
  const out = datasetFromTable(table, { ...opts, sourceHash: hash });
  return withLocate({ dataset: out.dataset, problems: [...problems, ...out.problems] }, out);
}

/** @internal `loaded` with the locator of `from`, when it has one. */
function withLocate(loaded: LoadedDataset, from: LoadedDataset): LoadedDataset {
  if (from.locate) loaded.locate = from.locate;
  return loaded;
}

/**
 * @internal Takes off the apostrophe the CSV writer's formula guard puts before `=`, `+`, `-`, `@`
 * (`'=1+1` → `=1+1`: see `neutralise`), in place; cells without one are untouched.
 */
function unguardCells(cells: string[]): string[] {
  for (let j = 0; j < cells.length; j++) {
    const c = cells[j]!;
    if (c.charCodeAt(0) === 39) cells[j] = unneutralise(c);
  }
  return cells;
}

function emptyDataset(opts: DatasetOptions, hash?: string): Dataset {
  const source: Dataset['source'] = {};
  if (opts.file !== undefined) source.file = opts.file;
  if (hash !== undefined) source.hash = hash;
  return { units: [], years: [], variables: [], values: new Map(), source };
}

/**
 * Builds a dataset from rows already read, keyed by column name (XLSX rows, JS objects). Columns are
 * the rows' keys in first-seen order; cells may be numbers, text, booleans or null.
 *
 * @param rows one object per data row
 * @param opts see DatasetOptions
 * @param where location of a cell (row index from 0, column name); row -1 is the header. Default:
 *   `{row: index + 1, column}`
 * @returns the dataset and every reading problem (never throws)
 * @example datasetFromRows([{ id: 'A', x: 1 }, { id: 'B', x: null }]).dataset.values.get('x') // [1, NaN]
 */
export function datasetFromRows(
  rows: readonly Record<string, unknown>[],
  opts: DatasetOptions = {},
  where?: CellLocator,
): LoadedDataset {
  const base: Location = opts.file !== undefined ? { file: opts.file } : {};
  const locate: CellLocator =
    where ?? ((ri, col) => ({ ...base, ...(ri >= 0 ? { row: ri + 1 } : {}), column: col }));
  const names: string[] = [];
  const seen = new Set<string>();
  for (const r of rows)
    for (const k of Object.keys(r))
      if (!seen.has(k)) {
        seen.add(k);
        names.push(k);
      }
  const problems: Problem[] = [];
  const cells = rows.map((r) => names.map((k) => (Object.hasOwn(r, k) ? r[k] : undefined)));
  const { keep, columns } = cleanHeader(
    names,
    cells,
    (_j, name) => locate(-1, name),
    (p) => problems.push(p),
    identicalColumns(opts, (i) => cells[i]!, cells.length),
  );
  const table: Table = { columns, rows: cells.map((r) => keep.map((j) => r[j])), where: locate };
  const out = datasetFromTable(table, opts);
  return withLocate({ dataset: out.dataset, problems: [...problems, ...out.problems] }, out);
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function jsonErrorLocation(text: string, e: unknown): Location {
  const msg = e instanceof Error ? e.message : '';
  const m = /position (\d+)/.exec(msg);
  // "Unexpected end of JSON input" has no position: the end of the text is where it is wrong
  if (!m && !/end of JSON input/i.test(msg)) return {};
  const pos = m ? Number(m[1]) : text.length;
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return { line, col };
}

/**
 * Reads a dataset from JSON text. Three shapes:
 *
 * 1. rows, wide or long (as CSV rows): `[{"id": "A", "name": {"zh": "甲", "en": "A"}, "groups":
 *    {"region": "east"}, "year": 2024, "indicators": {"x": 1.5, "portal": {"search": "yes"}}}]`.
 *    `indicators` (or `values`) is flattened into columns (`portal.search`); `groups` into group
 *    columns; a `name` object gives the names by language. Keys may also be plain columns (`"x": 1.5`).
 * 2. `{"rows": [...]}` — the same rows.
 * 3. columns, the Dataset's own JSON form: `{"units": [{"id", "name"?, "groups"?}], "years"?: [2023, 2024],
 *    "variables"?: [...], "values": {"x": [1.5, null, ...]}}` with each value array frame-major,
 *    `max(years, 1) × units` long (`null` = missing). Evidence: `"evidence": {"A\u0000x": {...}}` is not read.
 *
 * Cells are read as in CSV (numbers as they are, text by the same rules, null = missing).
 * Problems carry `path` (`[3].indicators.x`, `values.x[7]`).
 *
 * @param text JSON text
 * @param opts see DatasetOptions
 * @returns the dataset and every reading problem (never throws)
 */
export function parseDatasetJson(text: string, opts: DatasetOptions = {}): LoadedDataset {
  const base: Location = opts.file !== undefined ? { file: opts.file } : {};
  const hash = opts.sourceHash ?? sha256Hex(text);
  const o2 = { ...opts, sourceHash: hash };
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return {
      dataset: emptyDataset(opts, hash),
      problems: [
        problem(
          'E200',
          `invalid JSON: ${e instanceof Error ? e.message : String(e)}`,
          { ...base, ...jsonErrorLocation(text, e) },
          'fix the JSON syntax',
        ),
      ],
    };
  }
  // JSON.parse keeps the last of two equal keys without a word: find them first (E211, as in CSV)
  const dups = duplicateKeys(text).map((d) =>
    problem(
      'E211',
      `key ${JSON.stringify(d.key)} appears twice in the object at ${d.path || 'the top level'}; JSON would keep only the last value`,
      { ...base, line: d.line, col: d.col, path: d.path ? `${d.path}.${d.key}` : d.key },
      'give each key once: remove or rename the duplicate',
    ),
  );
  const withDups = (l: LoadedDataset): LoadedDataset => {
    l.problems.unshift(...dups);
    return l;
  };
  if (Array.isArray(doc)) return withDups(jsonRows(doc, '', o2));
  if (isPlainObject(doc) && Array.isArray(doc.rows)) return withDups(jsonRows(doc.rows, 'rows', o2));
  if (isPlainObject(doc) && Array.isArray(doc.units) && isPlainObject(doc.values))
    return withDups(jsonColumns(doc, o2));
  return {
    dataset: emptyDataset(opts, hash),
    problems: [
      problem(
        'E200',
        'JSON data must be an array of rows, {"rows": [...]}, or {"units": [...], "values": {...}}',
        base,
        'see parseDatasetJson for the accepted shapes',
      ),
    ],
  };
}

/**
 * @internal Keys given twice in one object of valid JSON text, with their position and the path of the
 * object (`[3].indicators`): a linear scan of the text (strings skipped, objects and arrays tracked).
 * @example duplicateKeys('{"a": 1, "a": 2}') // [{key: 'a', path: '', line: 1, col: 10}]
 */
export function duplicateKeys(text: string): { key: string; path: string; line: number; col: number }[] {
  const out: { key: string; path: string; line: number; col: number }[] = [];
  interface Frame {
    keys: Set<string> | null; // null: an array
    path: string;
    key: string;
    index: number;
  }
  const stack: Frame[] = [];
  let expectKey = false;
  let line = 1;
  let lineStart = 0;
  const childPath = (): string => {
    const p = stack[stack.length - 1];
    if (!p) return '';
    if (p.keys === null) return `${p.path}[${p.index}]`;
    return p.path ? `${p.path}.${p.key}` : p.key;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 34) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.keys && expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) out.push({ key, path: top.path, line, col: i - lineStart + 1 });
        else top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j;
    } else if (c === 123 || c === 91) {
      stack.push({ keys: c === 123 ? new Set() : null, path: childPath(), key: '', index: 0 });
      expectKey = c === 123;
    } else if (c === 125 || c === 93) {
      stack.pop();
      expectKey = false;
    } else if (c === 44) {
      const top = stack[stack.length - 1];
      if (top?.keys) expectKey = true;
      else if (top) top.index++;
    }
  }
  return out;
}

function jsonRows(list: unknown[], prefix: string, opts: DatasetOptions): LoadedDataset {
  const base: Location = opts.file !== undefined ? { file: opts.file } : {};
  const problems: Problem[] = [];
  const rows: Record<string, unknown>[] = [];
  const paths: Map<string, string>[] = [];
  const groupCols = new Set<string>(opts.groupColumns ?? []);
  list.forEach((item, i) => {
    const at = `${prefix}[${i}]`;
    const row: Record<string, unknown> = {};
    const path = new Map<string, string>();
    if (!isPlainObject(item)) {
      problems.push(
        problem(
          'E200',
          `row ${at} is not an object`,
          { ...base, path: at },
          'write each row as {"id": ..., ...}',
        ),
      );
      return;
    }
    const put = (col: string, v: unknown, p: string) => {
      if (FORBIDDEN.has(col)) {
        problems.push(problem('E207', `key ${col} is not allowed`, { ...base, path: p }, 'rename the key'));
        return;
      }
      Object.defineProperty(row, col, { value: v, enumerable: true, writable: true, configurable: true });
      path.set(col, p);
    };
    for (const [k, v] of Object.entries(item)) {
      if ((k === 'indicators' || k === 'values') && isPlainObject(v)) {
        for (const [k2, v2] of Object.entries(v)) {
          if (isPlainObject(v2))
            for (const [k3, v3] of Object.entries(v2)) put(`${k2}.${k3}`, v3, `${at}.${k}.${k2}.${k3}`);
          else put(k2, v2, `${at}.${k}.${k2}`);
        }
      } else if (k === 'groups' && isPlainObject(v)) {
        for (const [k2, v2] of Object.entries(v)) {
          put(k2, v2, `${at}.groups.${k2}`);
          groupCols.add(k2);
        }
      } else put(k, v, `${at}.${k}`);
    }
    rows.push(row);
    paths.push(path);
  });
  const o2: DatasetOptions = { ...opts };
  if (groupCols.size > 0 && opts.groupColumns === undefined) {
    // keep the default group columns too
    const all = new Set<string>();
    for (const r of rows) for (const k of Object.keys(r)) all.add(k);
    o2.groupColumns = [...all].filter((k) => groupCols.has(k) || isDefaultGroup(k));
  }
  const out = datasetFromRows(rows, o2, (ri, col) => ({
    ...base,
    path: ri >= 0 ? (paths[ri]?.get(col) ?? `${prefix}[${ri}].${col}`) : col,
    column: col,
  }));
  return withLocate({ dataset: out.dataset, problems: [...problems, ...out.problems] }, out);
}

function jsonColumns(doc: Record<string, unknown>, opts: DatasetOptions): LoadedDataset {
  const base: Location = opts.file !== undefined ? { file: opts.file } : {};
  const problems: Problem[] = [];
  const unitsIn = doc.units as unknown[];
  const years = Array.isArray(doc.years) ? (doc.years as unknown[]) : [];
  const valuesIn = doc.values as Record<string, unknown>;
  const frames = Math.max(1, years.length);
  const n = unitsIn.length;
  const rows: unknown[][] = [];
  const columns: string[] = ['id'];
  const hasYears = years.length > 0;
  if (hasYears) columns.push('year');
  const nameLangs = new Set<string>();
  let plainName = false;
  const groupKeys: string[] = [];
  for (const u of unitsIn) {
    if (!isPlainObject(u)) continue;
    if (typeof u.name === 'string') plainName = true;
    else if (isPlainObject(u.name)) for (const k of Object.keys(u.name)) nameLangs.add(k);
    if (isPlainObject(u.groups))
      for (const k of Object.keys(u.groups)) if (!groupKeys.includes(k)) groupKeys.push(k);
  }
  const nameCols: string[] = [];
  if (plainName || nameLangs.size > 0) nameCols.push('\u0000name');
  const groupCols = groupKeys.filter((g) => !FORBIDDEN.has(g) && g !== 'id' && g !== 'year');
  const varNames = Object.keys(valuesIn).filter((v) => {
    if (FORBIDDEN.has(v)) {
      problems.push(
        problem('E207', `variable name ${v} is not allowed`, { ...base, path: `values.${v}` }, 'rename it'),
      );
      return false;
    }
    return true;
  });
  columns.push(...nameCols, ...groupCols, ...varNames);
  for (const v of varNames) {
    const arr = valuesIn[v];
    if (!Array.isArray(arr) || arr.length !== frames * n)
      problems.push(
        problem(
          'E207',
          `values.${v} ${Array.isArray(arr) ? `has ${arr.length} values` : 'is not an array'}; expected ${frames * n} (${frames} frame(s) × ${n} units, frame-major)`,
          { ...base, path: `values.${v}` },
          'write one value (or null) per unit and year, all units of the first year first',
        ),
      );
  }
  for (let f = 0; f < frames; f++) {
    for (let i = 0; i < n; i++) {
      const u = unitsIn[i];
      const uo = isPlainObject(u) ? u : {};
      const row: unknown[] = [uo.id];
      if (hasYears) row.push(years[f]);
      if (nameCols.length > 0) row.push(uo.name);
      for (const g of groupCols) row.push(isPlainObject(uo.groups) ? uo.groups[g] : undefined);
      for (const v of varNames) {
        const arr = valuesIn[v];
        row.push(Array.isArray(arr) ? arr[f * n + i] : undefined);
      }
      rows.push(row);
    }
  }
  const table: Table = {
    columns,
    rows,
    where: (ri, col) => {
      if (ri < 0) return { ...base, path: `values.${col}`, column: col };
      const i = ri % n;
      if (col === 'id') return { ...base, path: `units[${i}].id` };
      if (col === 'year') return { ...base, path: `years[${Math.floor(ri / n)}]` };
      if (varNames.includes(col)) return { ...base, path: `values.${col}[${ri}]`, column: col };
      return { ...base, path: `units[${i}]`, column: col };
    },
  };
  const out = datasetFromTable(table, {
    ...opts,
    form: 'wide',
    unitColumn: 'id',
    ...(hasYears ? { yearColumn: 'year' } : {}),
    nameColumns: nameCols,
    groupColumns: groupCols,
  });
  // variables keep the order of `variables` when given
  const order = Array.isArray(doc.variables)
    ? (doc.variables as unknown[]).filter((v): v is string => typeof v === 'string')
    : [];
  if (order.length > 0) {
    const rank = new Map(order.map((v, k) => [v, k]));
    out.dataset.variables.sort((a, b) => (rank.get(a) ?? order.length) - (rank.get(b) ?? order.length));
  }
  return withLocate({ dataset: out.dataset, problems: [...problems, ...out.problems] }, out);
}
