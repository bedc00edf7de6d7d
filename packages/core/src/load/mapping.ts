/**
 * The `data:` mapping (see `schema/data-mapping.ts`): a table as published → a table in the loaders'
 * own form (unit, year, name and group columns; long: `indicator` and `value`; wide: one column per
 * variable of the set), before `datasetFromTable` reads it. Pure.
 *
 * What it does, in order, for each row:
 * 1. **filter**: keeps the rows whose cells satisfy every condition of `filter` (trimmed text, ignoring
 *    case); the rows left out are counted in one W210 warning.
 * 2. **variable** (long): the name in the `variable` column, mapped by `variables` (ignoring case; an
 *    entry `{id, years}` only in those years), and, with a `breakdown` column, the breakdown mapped by
 *    `breakdowns`; the variable read is `id` with `{variable}` and `{breakdown}` filled in
 *    (default `{variable}_{breakdown}`). A name that maps to no variable of the set (given one) is not
 *    read: its rows are counted in one W211 warning. Wide: columns are matched to the set's variables
 *    (ignoring case, or through `variables`); columns the set does not name are not read at all (never
 *    as numbers, answers or groups) and are listed in one W211 warning.
 * 3. **cells**: `missing` markers (added to the usual ones and `.`, `:`) become empty; with `flags`, a
 *    number followed by a Eurostat flag (`12.3 p`, `7 e`, `: c`) is read as the number and the flags
 *    dropped are counted in one W212 warning.
 * 4. **latest**: per unit and variable, only the value of the latest year that has one (up to `latest`
 *    when it is a year) is kept, and the data become that one year; values from earlier years are
 *    counted by year in one W213 warning.
 *
 * Problems: E225 a column the mapping names is not in the file.
 */
import { type Location, type Problem, problem } from '../errors';
import type { DataMapping, NameMap, RowFilter } from '../schema/data-mapping';
import type { IndicatorSet } from '../schema/indicator-set';
import { isMissingText, setVariables } from './check-data';

/** A table of cells, as `datasetFromTable` reads it (same shape as its `Table`). */
export interface MappedTable {
  columns: string[];
  rows: readonly (readonly unknown[])[] | { length: number; get(i: number): readonly unknown[] };
  where: (row: number, column: string) => Location;
}

/** The loader options the mapped table is read with. */
export interface MappedOptions {
  form: 'wide' | 'long';
  unitColumn: string;
  yearColumn?: string;
  nameColumns: string[];
  groupColumns: string[];
}

/** What `applyMapping` returns: the table to read, how to read it, and what it found. */
export interface MappingOutcome {
  table: MappedTable;
  options: MappedOptions;
  problems: Problem[];
}

/** Cell texts a mapping always reads as missing, besides `MISSING_TOKENS`. */
export const MAPPING_MISSING: readonly string[] = ['.', ':'];

/** Long form: the variable and value columns looked for when the mapping names none. */
const VARIABLE_COLUMNS = ['variable', 'indicator', 'indicator_id', 'icode', 'var', '指标'];
const VALUE_COLUMNS = ['value', 'val', '值', '数值'];

/** The column names the mapped table gives its fixed columns. */
const OUT = { unit: 'unit', year: 'year', indicator: 'indicator', value: 'value' } as const;

const FLAG_NUMBER = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-z]{1,4})$/;
const FLAG_MISSING = /^:\s*([a-z]{1,4})$/;

function text(raw: unknown): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'string') {
    const s = raw.trim();
    return s === '' ? undefined : s;
  }
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

function listOf(v: string | number | readonly (string | number)[]): string[] {
  return (Array.isArray(v) ? v : [v]).map((x) => String(x).trim().toLowerCase());
}

/** @internal A compiled row condition: `keep(cell)`, and how it reads in messages. */
interface Condition {
  column: string;
  index: number;
  keep(raw: unknown): boolean;
  describe: string;
  dropped: number;
}

function condition(column: string, index: number, f: RowFilter): Condition {
  const negate = typeof f === 'object' && f !== null && !Array.isArray(f);
  type Given = string | number | (string | number)[];
  const given = negate ? (f as { not: Given }).not : (f as Given);
  const values = new Set(listOf(given));
  const shown = (Array.isArray(given) ? given : [given]).join(', ');
  return {
    column,
    index,
    keep: (raw) => {
      const t = text(raw)?.toLowerCase() ?? '';
      return negate ? !values.has(t) : values.has(t);
    },
    describe: negate ? `${column} is ${shown}` : `${column} is not ${shown}`,
    dropped: 0,
  };
}

/** @internal A name map compiled for lookups ignoring case; `years` limits an entry to some years. */
interface CompiledNames {
  lookup(name: string, year: number | undefined): string | undefined;
}

function compileNames(map: NameMap | undefined): CompiledNames | undefined {
  if (map === undefined) return undefined;
  const any = new Map<string, string>();
  const byYear = new Map<string, { id: string; years: Set<number> }[]>();
  for (const [name, to] of Object.entries(map)) {
    const key = name.trim().toLowerCase();
    if (typeof to === 'string') any.set(key, to);
    else if (to.years === undefined) any.set(key, to.id);
    else {
      const list = byYear.get(key) ?? [];
      list.push({ id: to.id, years: new Set(to.years) });
      byYear.set(key, list);
    }
  }
  return {
    lookup(name, year) {
      const key = name.toLowerCase();
      if (year !== undefined) for (const e of byYear.get(key) ?? []) if (e.years.has(year)) return e.id;
      return any.get(key);
    },
  };
}

/** @internal Fills `{variable}` and `{breakdown}` of the `id` pattern. */
function fillId(pattern: string, variable: string, breakdown: string | undefined): string {
  return pattern.replace(/\{(variable|breakdown)\}/g, (_, k: string) =>
    k === 'variable' ? variable : (breakdown ?? ''),
  );
}

/** Counts by key, shown largest first: `a (12), b (3)`. */
function countList(m: Map<string, number>, limit = 8): string {
  const list = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = list.slice(0, limit).map(([k, n]) => `${k} (${n})`);
  if (list.length > limit) shown.push(`${list.length - limit} more`);
  return shown.join(', ');
}

/**
 * Applies a `data:` mapping to a table: see the module comment for what it does.
 *
 * @param table the table as read from the file (columns as written, cells as read)
 * @param mapping the set's `data:` (or a side file's mapping)
 * @param set the indicator set, whose variables are the ones read (optional: without it every
 *   variable is read)
 * @param base where the file is (file name), for problems without a cell
 * @returns the table to read, the loader options for it, and the problems found (E225, W210–W213)
 * @example
 * applyMapping(table, { unit: 'Country', variable: 'variable', value: 'Value', missing: ['.'] }, set)
 */
export function applyMapping(
  table: MappedTable,
  mapping: DataMapping,
  set?: IndicatorSet,
  base: Location = {},
): MappingOutcome | { problems: Problem[]; table?: undefined } {
  const problems: Problem[] = [];
  const columns = table.columns;
  const find = (name: string): string | undefined =>
    columns.find((c) => c === name) ?? columns.find((c) => c.toLowerCase() === name.toLowerCase());
  const need = (key: string, name: string | undefined): string | undefined => {
    if (name === undefined) return undefined;
    const c = find(name);
    if (c === undefined)
      problems.push(
        problem(
          'E225',
          `column ${name} named by data.${key} is not in the file`,
          base,
          `the columns are: ${columns.join(', ')} (see docs/data.md)`,
        ),
      );
    return c;
  };
  const unitCol = need('unit', mapping.unit);
  const yearCol = need('year', mapping.year);
  const names = (
    mapping.name === undefined ? [] : Array.isArray(mapping.name) ? mapping.name : [mapping.name]
  )
    .map((n) => need('name', n))
    .filter((c): c is string => c !== undefined);
  const groups = (mapping.groups ?? [])
    .map((g) => need('groups', g))
    .filter((c): c is string => c !== undefined);
  // long when said, or when it names a variable or value column, or (neither) the file has the usual ones
  const usual = (aliases: readonly string[]) => columns.find((c) => aliases.includes(c.toLowerCase()));
  const long =
    mapping.form === 'long' ||
    (mapping.form === undefined &&
      (mapping.variable !== undefined ||
        mapping.value !== undefined ||
        mapping.breakdown !== undefined ||
        (usual(VARIABLE_COLUMNS) !== undefined && usual(VALUE_COLUMNS) !== undefined)));
  const varCol = long
    ? need('variable', mapping.variable ?? usual(VARIABLE_COLUMNS) ?? 'variable')
    : undefined;
  const valCol = long ? need('value', mapping.value ?? usual(VALUE_COLUMNS) ?? 'value') : undefined;
  const brkCol = long ? need('breakdown', mapping.breakdown) : undefined;
  const ignored = new Set(
    (mapping.ignore ?? []).map((c) => need('ignore', c)).filter((c) => c !== undefined),
  );
  const conditions: Condition[] = [];
  for (const [col, f] of Object.entries(mapping.filter ?? {})) {
    const c = need('filter', col);
    if (c !== undefined) conditions.push(condition(c, columns.indexOf(c), f));
  }
  const unitIdx = unitCol !== undefined ? columns.indexOf(unitCol) : -1;
  if (unitCol === undefined && mapping.unit === undefined)
    problems.push(
      problem('E225', 'data: names no unit column', base, 'add `unit:` naming the column of the unit ids'),
    );
  if (problems.some((p) => p.severity === 'error')) return { problems };

  const sv = set ? setVariables(set) : undefined;
  const setIds = sv ? new Map([...sv.specs.keys()].map((k) => [k.toLowerCase(), k])) : undefined;
  const variables = compileNames(mapping.variables);
  const breakdowns = compileNames(mapping.breakdowns);
  const pattern = mapping.id ?? '{variable}_{breakdown}';
  const missing = new Set(
    [...MAPPING_MISSING, ...(mapping.missing ?? [])].map((m) => m.trim().toLowerCase()),
  );
  const flags = new Map<string, number>();
  /** A cell as the loaders should see it: missing markers emptied, flags dropped. */
  const cell = (raw: unknown): unknown => {
    if (typeof raw !== 'string') return raw;
    const s = raw.trim();
    if (missing.has(s.toLowerCase()) || isMissingText(s)) return null;
    if (mapping.flags) {
      const m = FLAG_NUMBER.exec(s);
      if (m) {
        flags.set(m[2]!, (flags.get(m[2]!) ?? 0) + 1);
        return m[1]!;
      }
      const mm = FLAG_MISSING.exec(s);
      if (mm) {
        flags.set(mm[1]!, (flags.get(mm[1]!) ?? 0) + 1);
        return null;
      }
    }
    return raw;
  };
  /** A variable name of the file → the set's id; undefined when the set does not read it. */
  const toSet = (id: string): string | undefined => {
    if (!setIds) return id;
    if (sv!.specs.has(id)) return id;
    return setIds.get(id.toLowerCase());
  };
  const yearOf = (r: readonly unknown[]): number | undefined => {
    if (yearCol === undefined) return undefined;
    const raw = r[columns.indexOf(yearCol)];
    const y = typeof raw === 'number' ? raw : Number(text(raw));
    return Number.isInteger(y) ? y : undefined;
  };

  const rowsIn = table.rows;
  const nIn = rowsIn.length;
  const rowAt = (i: number): readonly unknown[] =>
    Array.isArray(rowsIn)
      ? (rowsIn as readonly (readonly unknown[])[])[i]!
      : (rowsIn as { get(i: number): readonly unknown[] }).get(i);
  const kept = (r: readonly unknown[]): boolean => {
    for (const c of conditions)
      if (!c.keep(r[c.index])) {
        c.dropped++;
        return false;
      }
    return true;
  };

  const outRows: unknown[][] = [];
  const origin: number[] = []; // output row → input row, for locations
  const outCols: string[] = [OUT.unit];
  if (yearCol !== undefined) outCols.push(OUT.year);
  outCols.push(...names, ...groups);
  const fixed = (r: readonly unknown[]): unknown[] => {
    const o: unknown[] = [r[unitIdx]];
    if (yearCol !== undefined) o.push(r[columns.indexOf(yearCol)]);
    for (const c of names) o.push(r[columns.indexOf(c)]);
    for (const c of groups) o.push(r[columns.indexOf(c)]);
    return o;
  };
  const whereOut = new Map<string, string>(); // output column → input column
  whereOut.set(OUT.unit, unitCol!);
  if (yearCol !== undefined) whereOut.set(OUT.year, yearCol);
  for (const c of [...names, ...groups]) whereOut.set(c, c);

  if (long) {
    const vi = columns.indexOf(varCol!);
    const wi = columns.indexOf(valCol!);
    const bi = brkCol !== undefined ? columns.indexOf(brkCol) : -1;
    const unread = new Map<string, number>();
    outCols.push(OUT.indicator, OUT.value);
    whereOut.set(OUT.indicator, varCol!);
    whereOut.set(OUT.value, valCol!);
    for (let i = 0; i < nIn; i++) {
      const r = rowAt(i);
      if (r.every((x) => text(x) === undefined)) continue;
      if (!kept(r)) continue;
      const name = text(r[vi]);
      if (name === undefined) {
        outRows.push([...fixed(r), null, cell(r[wi])]);
        origin.push(i);
        continue;
      }
      const year = yearOf(r);
      const v = variables?.lookup(name, year) ?? name;
      let b: string | undefined;
      if (bi >= 0) {
        const braw = text(r[bi]);
        b =
          braw === undefined
            ? undefined
            : (breakdowns?.lookup(braw, year) ?? (breakdowns ? undefined : braw));
        if (b === undefined) {
          const key = `${name} × ${braw ?? '(no breakdown)'}`;
          unread.set(key, (unread.get(key) ?? 0) + 1);
          continue;
        }
      }
      const id = toSet(bi >= 0 ? fillId(pattern, v, b) : v);
      if (id === undefined) {
        const key = bi >= 0 ? `${name} × ${text(r[bi])}` : name;
        unread.set(key, (unread.get(key) ?? 0) + 1);
        continue;
      }
      outRows.push([...fixed(r), id, cell(r[wi])]);
      origin.push(i);
    }
    if (unread.size > 0) {
      const n = [...unread.values()].reduce((s, x) => s + x, 0);
      problems.push(
        problem(
          'W211',
          `${n} row(s) not read: their variable is not one the set reads: ${countList(unread)}`,
          base,
          'name the variable in data.variables (or data.breakdowns), or leave it out with data.filter',
        ),
      );
    }
  } else {
    // wide: the set's variables (ignoring case, or through data.variables), nothing else
    const role = new Set([unitCol, yearCol, ...names, ...groups, ...ignored]);
    const unread: string[] = [];
    const read: { index: number; id: string }[] = [];
    const taken = new Set<string>();
    for (const c of columns) {
      if (role.has(c)) continue;
      if (c.startsWith('#')) continue;
      const id = toSet(variables?.lookup(c, undefined) ?? c);
      if (id === undefined || taken.has(id)) {
        unread.push(c);
        continue;
      }
      taken.add(id);
      read.push({ index: columns.indexOf(c), id });
      outCols.push(id);
      whereOut.set(id, c);
    }
    for (let i = 0; i < nIn; i++) {
      const r = rowAt(i);
      if (!kept(r)) continue;
      outRows.push([...fixed(r), ...read.map((x) => cell(r[x.index]))]);
      origin.push(i);
    }
    if (unread.length > 0)
      problems.push(
        problem(
          'W211',
          `${unread.length} column(s) not read: the set does not name them: ${unread.join(', ')}`,
          base,
          'name a column in data.variables to read it, or in data.ignore to silence this',
        ),
      );
  }

  const droppedBy = conditions.filter((c) => c.dropped > 0);
  if (droppedBy.length > 0) {
    const n = droppedBy.reduce((s, c) => s + c.dropped, 0);
    problems.push(
      problem(
        'W210',
        `data.filter left out ${n} of ${nIn} row(s): ${droppedBy.map((c) => `${c.describe} (${c.dropped})`).join('; ')}`,
        base,
      ),
    );
  }
  if (flags.size > 0) {
    const n = [...flags.values()].reduce((s, x) => s + x, 0);
    problems.push(
      problem(
        'W212',
        `${n} value(s) carried a flag, which was dropped (the number is read): ${countList(flags)}`,
        base,
        'flags: b break in series, c confidential, e estimated, p provisional, u low reliability, …',
      ),
    );
  }

  let rows = outRows;
  let rowOrigin = origin;
  let years: number | undefined;
  if (mapping.latest !== undefined && mapping.latest !== false) {
    const r = latestPerItem(
      outRows,
      origin,
      outCols,
      long ? -1 : 1 + (yearCol !== undefined ? 1 : 0) + names.length + groups.length,
      mapping.latest === true ? undefined : mapping.latest,
    );
    rows = r.rows;
    rowOrigin = r.origin;
    years = r.year;
    if (r.earlier.size > 0) {
      const n = [...r.earlier.values()].reduce((s, x) => s + x, 0);
      problems.push(
        problem(
          'W213',
          `${n} value(s) are the latest measurement from a year before ${r.year}: ${countList(r.earlier)}`,
          base,
          'data.latest takes, per unit and variable, the latest year with a value',
        ),
      );
    }
  }

  const options: MappedOptions = {
    form: long ? 'long' : 'wide',
    unitColumn: OUT.unit,
    nameColumns: names,
    groupColumns: groups,
  };
  if (
    yearCol !== undefined &&
    (years !== undefined || mapping.latest === undefined || mapping.latest === false)
  )
    options.yearColumn = OUT.year;
  return {
    table: {
      columns: outCols,
      rows,
      where: (ri, col) => {
        const src = whereOut.get(col) ?? col;
        return table.where(ri < 0 ? -1 : (rowOrigin[ri] ?? -1), src);
      },
    },
    options,
    problems,
  };
}

/**
 * @internal Keeps, per unit and variable (long: the indicator cell; wide: each column), the value of the
 * latest year with one, up to `until`; every kept row is given the year of the data (`until`, or the
 * latest year present). `firstVariable` is the first variable column of a wide table, −1 for long.
 */
function latestPerItem(
  rows: unknown[][],
  origin: number[],
  cols: string[],
  firstVariable: number,
  until: number | undefined,
): { rows: unknown[][]; origin: number[]; year: number; earlier: Map<string, number> } {
  const yi = cols.indexOf(OUT.year);
  const year = (r: unknown[]): number => {
    const raw = r[yi];
    const y = typeof raw === 'number' ? raw : Number(text(raw));
    return Number.isInteger(y) ? y : Number.NaN;
  };
  const present = (v: unknown) => text(v) !== undefined;
  let top = Number.NEGATIVE_INFINITY;
  for (const r of rows) {
    const y = year(r);
    if (y <= (until ?? Number.POSITIVE_INFINITY) && y > top) top = y;
  }
  const target = until ?? top;
  const earlier = new Map<string, number>();
  const count = (y: number) => {
    if (y !== target) earlier.set(String(y), (earlier.get(String(y)) ?? 0) + 1);
  };
  if (firstVariable < 0) {
    const ii = cols.indexOf(OUT.indicator);
    const vi = cols.indexOf(OUT.value);
    const best = new Map<string, number>(); // unit × indicator → row
    rows.forEach((r, k) => {
      const y = year(r);
      if (!(y <= target) || !present(r[vi])) return;
      const key = `${text(r[0])}\u0000${text(r[ii])}`;
      const b = best.get(key);
      if (b === undefined || y > year(rows[b]!)) best.set(key, k);
    });
    const ks = [...best.values()].sort((a, b) => a - b);
    return {
      rows: ks.map((k) => {
        count(year(rows[k]!));
        const r = [...rows[k]!];
        r[yi] = target;
        return r;
      }),
      origin: ks.map((k) => origin[k]!),
      year: target,
      earlier,
    };
  }
  // wide: one row per unit, each variable from its latest year
  const first = firstVariable;
  const byUnit = new Map<string, number[]>();
  rows.forEach((r, k) => {
    const y = year(r);
    if (!(y <= target)) return;
    const u = text(r[0]) ?? '';
    const list = byUnit.get(u) ?? [];
    list.push(k);
    byUnit.set(u, list);
  });
  const out: unknown[][] = [];
  const org: number[] = [];
  for (const ks of byUnit.values()) {
    ks.sort((a, b) => year(rows[b]!) - year(rows[a]!));
    const r = [...rows[ks[0]!]!];
    r[yi] = target;
    for (let j = first; j < cols.length; j++) {
      const k = ks.find((kk) => present(rows[kk]![j]));
      r[j] = k === undefined ? null : rows[k]![j];
      if (k !== undefined) count(year(rows[k]!));
    }
    out.push(r);
    org.push(origin[ks[0]!]!);
  }
  return { rows: out, origin: org, year: target, earlier };
}

/**
 * Checks a set's `data:` mapping for what the schema cannot see (E123): an `id` pattern with a
 * placeholder other than `{variable}` and `{breakdown}`, or without `{breakdown}` although a breakdown
 * column is named (every breakdown would give the same id); `breakdowns` without a `breakdown` column;
 * long-form keys (`variable`, `value`, `breakdown`) with `form: wide`.
 *
 * @param mapping the set's `data:` as written (shape already checked)
 * @param locate position of a path of the set file
 * @returns the problems (E123), each at its key
 */
export function checkMapping(mapping: unknown, locate: (path: (string | number)[]) => Location): Problem[] {
  const out: Problem[] = [];
  if (mapping === null || typeof mapping !== 'object' || Array.isArray(mapping)) return out;
  const m = mapping as Record<string, unknown>;
  const at = (k: string) => locate(['data', k]);
  if (typeof m['id'] === 'string') {
    const bad = [...m['id'].matchAll(/\{([^}]*)\}/g)]
      .map((x) => x[1])
      .filter((k) => k !== 'variable' && k !== 'breakdown');
    if (bad.length > 0)
      out.push(
        problem(
          'E123',
          `data.id has the placeholder {${bad[0]}}`,
          at('id'),
          'use {variable} and {breakdown}, e.g. "{variable}_{breakdown}"',
        ),
      );
    if (m['breakdown'] !== undefined && !m['id'].includes('{breakdown}'))
      out.push(
        problem(
          'E123',
          'data.id has no {breakdown}: every breakdown of a variable would read as the same variable',
          at('id'),
          'write the id as "{variable}_{breakdown}" (or leave it out)',
        ),
      );
  }
  if (m['breakdowns'] !== undefined && m['breakdown'] === undefined)
    out.push(
      problem(
        'E123',
        'data.breakdowns is given but no data.breakdown column',
        at('breakdowns'),
        'name the breakdown column: `breakdown: brkdown`',
      ),
    );
  if (m['form'] === 'wide')
    for (const k of ['variable', 'value', 'breakdown'])
      if (m[k] !== undefined)
        out.push(
          problem(
            'E123',
            `data.${k} is a long-form column, but data.form is wide`,
            at(k),
            'remove it, or write `form: long`',
          ),
        );
  return out;
}
