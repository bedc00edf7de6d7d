/**
 * What an indicator set expects of a dataset, how one cell is read for a variable, and the checks of
 * a loaded dataset against the set.
 *
 * The work is split in two, so that nothing is reported twice:
 * - the loaders (`parseDatasetCsv`, `parseDatasetJson`, `datasetFromRows`, `readDataset`) report what
 *   is wrong with *reading* a cell or a row, with its file position: E200, E203, E204, E206, E207,
 *   E208, E211. Given `set`, they use it to read answers (yes/no, ordinal levels, `12%`);
 * - `checkDataset(set, data)` reports how the dataset *fits the set*: unknown columns (E201 / W200),
 *   indicators or checklist items missing (E202), denominators missing (E106), values outside a
 *   range, not 0/1 for binary answers, not a level of an ordinal (E205, E208), and malformed datasets.
 */
import { type ErrorCode, type Location, type Problem, problem } from '../errors';
import type { IndicatorNode, IndicatorSet, TreeNode } from '../schema/indicator-set';
import type { Dataset } from './dataset-types';

/** How a variable's cells are read. */
export type ValueKind = 'number' | 'binary' | 'ordinal' | 'item';

/** What the set says about one data variable. */
export interface VariableSpec {
  /** Variable name: indicator id, `indicator.item`, or a denominator column. */
  id: string;
  role: 'indicator' | 'item' | 'denominator';
  kind: ValueKind;
  /** Indicator the variable belongs to (for a denominator: the first indicator using it). */
  indicator: string;
  /** `type: percentage`: cells may be written `12%` (= 12). */
  percent: boolean;
  /** Lowest and highest allowed values (from `range`, `type: percentage` → [0, 100], `count` → ≥ 0). */
  min?: number;
  max?: number;
  /** Ordinal answers and their values (checklist items: the share of the item's points). */
  levels?: Record<string, number>;
  /** Checklist items: the share given by the answer `partial` (default 0.5). */
  partial?: number;
}

/** The variables an indicator set reads from data. */
export interface SetVariables {
  /** By variable name. */
  specs: Map<string, VariableSpec>;
  /** Indicators (leaves of the tree), in tree order. */
  indicators: IndicatorNode[];
  /** Denominator column → indicators dividing by it. */
  denominators: Map<string, string[]>;
}

function isAggregate(n: TreeNode): n is Extract<TreeNode, { children: unknown }> {
  return Array.isArray((n as { children?: unknown }).children);
}

/**
 * Lists the variables a set reads: each indicator (leaf), each checklist item as `indicator.item`,
 * and each denominator column.
 *
 * @param set a validated indicator set
 * @example setVariables(set).specs.get('portal.search')?.kind // 'binary'
 */
export function setVariables(set: IndicatorSet): SetVariables {
  const specs = new Map<string, VariableSpec>();
  const indicators: IndicatorNode[] = [];
  const denominators = new Map<string, string[]>();
  const walk = (n: TreeNode): void => {
    if (isAggregate(n)) {
      for (const c of n.children) walk(c);
      return;
    }
    const ind = n as IndicatorNode;
    indicators.push(ind);
    const spec: VariableSpec = {
      id: ind.id,
      role: 'indicator',
      kind: ind.levels !== undefined ? 'ordinal' : ind.type === 'binary' ? 'binary' : 'number',
      indicator: ind.id,
      percent: ind.type === 'percentage',
    };
    if (ind.levels !== undefined) spec.levels = ind.levels;
    if (ind.type === 'binary') {
      spec.min = 0;
      spec.max = 1;
    }
    if (ind.type === 'percentage') {
      spec.min = 0;
      spec.max = 100;
    }
    if (ind.type === 'count') spec.min = 0;
    if (ind.range?.min !== undefined) spec.min = ind.range.min;
    if (ind.range?.max !== undefined) spec.max = ind.range.max;
    specs.set(ind.id, spec);
    for (const item of ind.items ?? []) {
      const id = `${ind.id}.${item.id}`;
      const s: VariableSpec = {
        id,
        role: 'item',
        kind: 'item',
        indicator: ind.id,
        percent: false,
        min: 0,
        max: 1,
      };
      const lv = item.levels ?? ind.scoring?.levels;
      if (lv !== undefined) s.levels = lv;
      if (ind.scoring?.partial !== undefined) s.partial = ind.scoring.partial;
      specs.set(id, s);
    }
    const by = ind.denominator?.by;
    if (by !== undefined) {
      const users = denominators.get(by);
      if (users) users.push(ind.id);
      else denominators.set(by, [ind.id]);
      if (!specs.has(by))
        specs.set(by, { id: by, role: 'denominator', kind: 'number', indicator: ind.id, percent: false });
    }
  };
  walk(set.tree);
  // a denominator that is also an indicator keeps its indicator spec (set above or later)
  for (const [by, users] of denominators) {
    const s = specs.get(by);
    if (s && s.role === 'denominator') s.indicator = users[0]!;
  }
  return { specs, indicators, denominators };
}

// ---------------------------------------------------------------------------------------------
// reading one cell

/** Cell texts that mean "missing" (compared after trimming; NA and N/A in any case). */
export const MISSING_TOKENS: readonly string[] = ['', 'NA', 'N/A', '#N/A', '..', '-', '—'];
const missingSet = new Set(MISSING_TOKENS.map((t) => t.toLowerCase()));

/** Yes/no answers (compared in lower case) and their values. */
export const BINARY_ANSWERS: Readonly<Record<string, number>> = {
  yes: 1,
  no: 0,
  y: 1,
  n: 0,
  true: 1,
  false: 0,
  '1': 1,
  '0': 0,
  是: 1,
  否: 0,
};
const binaryMap = new Map(Object.entries(BINARY_ANSWERS));

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True when a cell text means "missing". */
export function isMissingText(s: string): boolean {
  return missingSet.has(s.trim().toLowerCase());
}

/**
 * Answers of a checklist item meaning "not applicable" (compared in lower case): the item does not apply
 * to the unit and the checklist is rescaled (see `scoreChecklist`). Not the same as missing (NA = unknown).
 */
export const NOT_APPLICABLE_TOKENS: readonly string[] = [
  'not applicable',
  'not_applicable',
  'n/app',
  'inapplicable',
  '不适用',
  '不涉及',
];
const naSet = new Set(NOT_APPLICABLE_TOKENS);

/** Answers of a checklist item meaning "partly" (compared in lower case): worth `scoring.partial`. */
export const PARTIAL_TOKENS: readonly string[] = ['partial', 'partly', 'part', '部分', '部分符合'];
const partialSet = new Set(PARTIAL_TOKENS);

/** Outcome of reading one cell: a number (NaN = missing) or why it cannot be read. */
export type CellRead =
  | { ok: true; value: number; na?: true }
  | { ok: false; code: ErrorCode; why: string; hint: string };

/**
 * Reads a number written in plain decimal or scientific notation, exactly (the nearest double, as
 * `Number()` does: `5.1000000000000005` and `5.0999999999999996` stay different). Thousands
 * separators, decimal commas, `NaN`, `Infinity` and the like are refused with a hint.
 *
 * @param text the cell, trimmed or not
 * @param percent accept a trailing `%` (`12%` → 12), for `type: percentage`
 * @example readNumberText('1,234.5') // {ok: false, code: 'E204', hint: 'remove the thousands separators: 1234.5'...}
 */
export function readNumberText(text: string, percent = false): CellRead {
  const s = text.trim();
  if (isMissingText(s)) return { ok: true, value: Number.NaN };
  if (NUMBER_RE.test(s)) return finiteNumber(s);
  if (s.endsWith('%')) {
    const body = s.slice(0, -1).trim();
    if (NUMBER_RE.test(body)) {
      if (percent) return finiteNumber(body);
      return {
        ok: false,
        code: 'E204',
        why: 'has a % sign',
        hint: `write ${body} without the % sign (percentage points), or declare the indicator \`type: percentage\` to accept ${s}`,
      };
    }
  }
  return { ok: false, code: 'E204', why: 'is not a number', hint: numberHint(s) };
}

/** `Number(s)` of a decimal text, refused (E204) when it overflows to ±Infinity (`1e309`). */
function finiteNumber(s: string): CellRead {
  const value = Number(s);
  if (Number.isFinite(value)) return { ok: true, value };
  return {
    ok: false,
    code: 'E204',
    why: 'is too large for a number (beyond ±1.8e308)',
    hint: 'write the value in a larger unit (thousands, millions), or check it for a typing error',
  };
}

function numberHint(s: string): string {
  if (/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s))
    return `remove the thousands separators: ${s.replace(/,/g, '')}`;
  if (/^[+-]?\d+,\d+$/.test(s)) return `use a dot as the decimal separator: ${s.replace(',', '.')}`;
  if (/^[+-]?(?:nan|inf|infinity)$/i.test(s))
    return 'leave the cell empty (or write NA) for a missing value; infinite values are not data';
  if (/^[+-]?\d[\d ]*\d(?:\.\d+)?$/.test(s)) return `remove the spaces: ${s.replace(/ /g, '')}`;
  if (/[０-９．]/.test(s)) return 'use ASCII digits (0-9) and a dot, not full-width ones';
  if (/^[−–]\d/.test(s)) return `write the minus sign as an ASCII hyphen: -${s.slice(1)}`;
  return 'write a number such as 12.5 (dot for decimals, no separators), or leave the cell empty (NA) for a missing value';
}

/**
 * Reads one data cell for a variable.
 *
 * - missing (NaN): `null`, `undefined`, empty text and the MISSING_TOKENS (`NA`, `N/A`, `#N/A`, `..`, `-`, `—`)
 * - numbers: finite JS numbers as they are; text by `readNumberText` (exact, no thousands separators;
 *   `12%` only for `type: percentage`)
 * - binary indicators and checklist items: also yes/no/是/否/true/false/y/n and booleans (→ 1/0)
 * - ordinal indicators: the keys of `levels` (exactly, or ignoring case), or one of the levels' values
 *
 * Range checks are not done here (see `checkDataset`).
 *
 * @param spec the set's view of the variable, or undefined for a variable not in the set (read as a
 *   number; yes/no answers are read too when `answers` is true)
 * @param raw the cell (text from CSV, number/boolean/text/null from XLSX or JSON)
 * @param answers read yes/no answers for a variable without spec
 * @returns the value, or a code (E204 not a number, E208 unknown answer), why and a hint
 */
export function readCell(spec: VariableSpec | undefined, raw: unknown, answers = false): CellRead {
  if (raw === null || raw === undefined) return { ok: true, value: Number.NaN };
  const kind: ValueKind = spec?.kind ?? (answers ? 'binary' : 'number');
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw))
      return { ok: false, code: 'E204', why: 'is not a finite number', hint: numberHint(String(raw)) };
    return { ok: true, value: raw };
  }
  if (typeof raw === 'boolean') {
    if (kind === 'binary' || kind === 'item') return { ok: true, value: raw ? 1 : 0 };
    return {
      ok: false,
      code: 'E204',
      why: 'is a true/false value',
      hint: 'write a number; true/false answers are for binary indicators and checklist items',
    };
  }
  if (typeof raw !== 'string')
    return { ok: false, code: 'E204', why: 'is not a number', hint: 'write a number, text or null' };
  const s = raw.trim();
  if (isMissingText(s)) return { ok: true, value: Number.NaN };
  if (kind === 'binary') {
    const b = binaryMap.get(s.toLowerCase());
    if (b !== undefined) return { ok: true, value: b };
    const n = readNumberText(s);
    if (n.ok) return n;
    return {
      ok: false,
      code: 'E208',
      why: 'is not a yes/no answer',
      hint: 'answer yes/no, 是/否, true/false, Y/N or 1/0',
    };
  }
  if (kind === 'item') return readItem(spec, s);
  if (kind === 'ordinal' && spec?.levels) {
    const levels = spec.levels;
    if (Object.hasOwn(levels, s)) return { ok: true, value: levels[s]! };
    const lower = s.toLowerCase();
    for (const k of Object.keys(levels))
      if (k.toLowerCase() === lower) return { ok: true, value: levels[k]! };
    const n = readNumberText(s);
    if (n.ok) return n; // checked against the levels' values by checkDataset
    return {
      ok: false,
      code: 'E208',
      why: 'is not one of the levels',
      hint: `answer one of: ${Object.keys(levels).join(', ')}`,
    };
  }
  return readNumberText(s, spec?.percent === true);
}

/**
 * Reads a checklist item's answer (trimmed text, not missing): its `levels` (item's, else the
 * checklist's), yes/no answers, `partial` (→ `scoring.partial`, default 0.5), "not applicable" (→ NaN
 * with `na`), or a number (a share in [0, 1], checked by `checkDataset`).
 */
function readItem(spec: VariableSpec | undefined, s: string): CellRead {
  const lower = s.toLowerCase();
  const levels = spec?.levels;
  if (levels) {
    if (Object.hasOwn(levels, s)) return { ok: true, value: levels[s]! };
    for (const k of Object.keys(levels))
      if (k.toLowerCase() === lower) return { ok: true, value: levels[k]! };
  }
  if (naSet.has(lower)) return { ok: true, value: Number.NaN, na: true };
  const b = binaryMap.get(lower);
  if (b !== undefined) return { ok: true, value: b };
  if (partialSet.has(lower)) return { ok: true, value: spec?.partial ?? 0.5 };
  const n = readNumberText(s);
  if (n.ok) return n;
  return {
    ok: false,
    code: 'E208',
    why: 'is not an answer to a checklist item',
    hint: `answer ${levels ? `one of ${Object.keys(levels).join(', ')}, or ` : ''}yes/no (是/否), partial (部分), not applicable (不适用), or a share from 0 to 1`,
  };
}

/** True when text is a yes/no answer (`yes`, `否`, `Y`...; not `1`/`0`). */
export function isAnswerText(s: string): boolean {
  const t = s.trim().toLowerCase();
  return binaryMap.has(t) && t !== '1' && t !== '0';
}

/** Shows a cell in a message: text quoted, other values as JSON. */
export function showCell(raw: unknown): string {
  if (typeof raw === 'string') return JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw);
  if (typeof raw === 'number') return String(raw);
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}

// ---------------------------------------------------------------------------------------------
// checks

/** Why a (read) value does not fit the variable, or undefined when it fits. */
export function valueProblem(
  spec: VariableSpec,
  x: number,
): { code: ErrorCode; why: string; hint: string } | undefined {
  if (Number.isNaN(x)) return undefined;
  if (!Number.isFinite(x))
    return { code: 'E204', why: 'is not a finite number', hint: 'leave the cell empty for a missing value' };
  if (spec.kind === 'item' && (x < 0 || x > 1))
    return {
      code: 'E205',
      why: 'is not a share from 0 to 1',
      hint: 'answer yes/no (1/0), partial, not applicable, or a share from 0 to 1',
    };
  if (spec.kind === 'binary' && x !== 0 && x !== 1)
    return {
      code: 'E205',
      why: 'is not 0 or 1',
      hint: 'answer yes/no, 是/否, true/false, Y/N or 1/0',
    };
  if (spec.kind === 'ordinal' && spec.levels) {
    const values = Object.values(spec.levels);
    if (!values.includes(x))
      return {
        code: 'E208',
        why: 'is not the value of any level',
        hint: `answer one of: ${Object.entries(spec.levels)
          .map(([k, v]) => `${k} (${v})`)
          .join(', ')}`,
      };
    return undefined;
  }
  const lo = spec.min;
  const hi = spec.max;
  if ((lo !== undefined && x < lo) || (hi !== undefined && x > hi)) {
    const range = `[${lo ?? '-∞'}, ${hi ?? '∞'}]`;
    return {
      code: 'E205',
      why: `is outside the range ${range}`,
      hint:
        spec.percent && hi === 100 && x > 100
          ? 'percentages are written 0-100; check the value'
          : `check the value; the set declares ${range} for ${spec.indicator}`,
    };
  }
  return undefined;
}

/**
 * Levenshtein distance, ignoring case.
 * @example editDistance('onlin_service', 'online_service') // 1
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[t.length]!;
}

/** The closest of `candidates` to `name`, when close enough to be a likely typo. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(name.length, best.length) / 3));
  return bestD <= limit ? best : undefined;
}

/**
 * The column-level fit of data variables to a set.
 *
 * - E201 (error): a column that is not in the set but is a likely typo of an indicator or checklist
 *   item missing from the data (edit distance ≤ a third of its length), or an unknown item of a
 *   checklist indicator (`portal.serch`); the hint names the closest id.
 * - W200 (warning): any other column not in the set; it stays loaded as an extra variable (a
 *   denominator for another set, a published score kept for comparison...).
 * - E202: an indicator missing from the data, one problem per indicator. A checklist indicator is
 *   present when its own column or any of its items is; then each missing item is an E202.
 * - E106: a denominator column named by the set but absent, once per column.
 *
 * @param sv the set's variables
 * @param present the data's variables
 * @param where location of a variable (header cell, first row naming it...)
 */
export function columnProblems(
  sv: SetVariables,
  present: readonly string[],
  where: (variable: string) => Location,
): Problem[] {
  const out: Problem[] = [];
  const have = new Set(present);
  const missingIds: string[] = [];
  const missingProblems: Problem[] = [];
  for (const ind of sv.indicators) {
    const itemIds = (ind.items ?? []).map((it) => `${ind.id}.${it.id}`);
    if (ind.type === 'checklist' && itemIds.length > 0) {
      const anyItem = itemIds.some((v) => have.has(v));
      if (have.has(ind.id) && !anyItem) continue;
      if (!anyItem) {
        missingIds.push(ind.id, ...itemIds);
        missingProblems.push(
          problem(
            'E202',
            `checklist indicator ${ind.id} is missing from the data: no column ${ind.id} nor any of its items`,
            { node: ind.id, column: ind.id },
            `add columns ${itemIds.slice(0, 3).join(', ')}${itemIds.length > 3 ? ', ...' : ''} (wide) or rows with indicator ${itemIds[0]} ... (long), answered yes/no`,
          ),
        );
        continue;
      }
      for (const v of itemIds) {
        if (have.has(v)) continue;
        missingIds.push(v);
        missingProblems.push(
          problem(
            'E202',
            `checklist item ${v} is missing from the data`,
            { node: ind.id, column: v },
            `add a column ${v} (wide) or rows with indicator ${v} (long); leave cells empty where unknown`,
          ),
        );
      }
      continue;
    }
    if (have.has(ind.id)) continue;
    missingIds.push(ind.id);
    missingProblems.push(
      problem(
        'E202',
        `indicator ${ind.id} is missing from the data`,
        { node: ind.id, column: ind.id },
        `add a column ${ind.id} (wide) or rows with indicator ${ind.id} (long); leave cells empty where values are missing`,
      ),
    );
  }
  for (const v of present) {
    if (sv.specs.has(v)) continue;
    const dot = v.indexOf('.');
    const parent = dot > 0 ? sv.specs.get(v.slice(0, dot)) : undefined;
    const parentItems =
      parent !== undefined
        ? [...sv.specs.values()]
            .filter((s) => s.role === 'item' && s.indicator === parent.id)
            .map((s) => s.id)
        : [];
    if (parentItems.length > 0) {
      const near = closest(v, parentItems) ?? parentItems[0]!;
      out.push(
        problem(
          'E201',
          `column ${v} is not an item of checklist indicator ${parent!.id}`,
          where(v),
          `did you mean ${near}? The items are: ${parentItems.join(', ')}`,
        ),
      );
      continue;
    }
    const typo = closest(v, missingIds);
    if (typo !== undefined) {
      out.push(
        problem(
          'E201',
          `unknown indicator column ${v}`,
          where(v),
          `did you mean ${typo}? Rename the column to the indicator id`,
        ),
      );
      continue;
    }
    const near = closest(v, sv.specs.keys());
    out.push(
      problem(
        'W200',
        `column ${v} is not in the indicator set; it is loaded as an extra variable`,
        where(v),
        near !== undefined
          ? `did you mean ${near}?`
          : 'remove the column, or name it in the set (an indicator id or a denominator `by`)',
      ),
    );
  }
  for (const [by, users] of sv.denominators) {
    if (have.has(by)) continue;
    out.push(
      problem(
        'E106',
        `denominator column ${by} (used by ${users.join(', ')}) is not in the data`,
        { node: users[0]!, column: by },
        `add a column ${by} with the denominator's values, or change \`denominator.by\``,
      ),
    );
  }
  return [...out, ...missingProblems];
}

/**
 * Checks a dataset against an indicator set and reports every problem at once (never throws):
 * columns (E201, W200, E202, E106, see `columnProblems`), each value (E205 outside `range`,
 * outside [0, 100] for `type: percentage`, negative for `type: count`, not 0/1 for binary
 * indicators and checklist items; E208 not a level's value for ordinal indicators; E204 infinite),
 * and the dataset's shape (E203 duplicate unit id, E206 empty unit id, E207 a value column of the
 * wrong length). Problems name the unit, the variable (`column`) and, with years, the year.
 *
 * The loaders report reading problems with file positions; this reports the fit to the set. Call
 * both: `parseDatasetCsv(text, {set})` then `checkDataset(set, dataset)`.
 *
 * @param set a validated indicator set
 * @param data a dataset from a loader or built by hand
 * @param locate where each value is in its file (the loader's `locate`): problems of values then carry
 *   the line and column (CSV), the sheet and cell (XLSX) or the path (JSON), as reading problems do
 * @returns problems (errors and warnings), empty when the data fit
 * @example
 * const loaded = parseDatasetCsv('id,x\nA,120', { set, file: 'd.csv' });
 * checkDataset(set, loaded.dataset, loaded.locate) // E205 at d.csv:2:2 when x has range max 100
 */
export function checkDataset(
  set: IndicatorSet,
  data: Dataset,
  locate?: (unit: string, variable: string, year?: number) => Location | undefined,
): Problem[] {
  const sv = setVariables(set);
  const file = data.source?.file;
  const base: Location = file !== undefined ? { file } : {};
  const out: Problem[] = [];
  const seen = new Map<string, number>();
  data.units.forEach((u, i) => {
    if (typeof u.id !== 'string' || u.id.trim() === '') {
      out.push(problem('E206', `unit ${i + 1} has no id`, { ...base }, 'give every unit an id'));
      return;
    }
    const first = seen.get(u.id);
    if (first !== undefined)
      out.push(
        problem(
          'E203',
          `unit ${u.id} appears twice (units ${first + 1} and ${i + 1})`,
          { ...base, unit: u.id },
          'unit ids must be unique',
        ),
      );
    else seen.set(u.id, i);
  });
  out.push(
    ...columnProblems(sv, data.variables, (v) => ({ ...base, column: v })).map((p) => ({ ...base, ...p })),
  );
  const n = data.units.length;
  const frames = Math.max(1, data.years.length);
  for (const v of data.variables) {
    const col = data.values.get(v);
    if (col === undefined || col.length !== n * frames) {
      out.push(
        problem(
          'E207',
          `values of ${v} ${col === undefined ? 'are absent' : `have length ${col.length}`}; expected ${n * frames} (${frames} frame(s) × ${n} units)`,
          { ...base, column: v },
          'values are frame-major: one block of units per year',
        ),
      );
      continue;
    }
    const spec = sv.specs.get(v);
    for (let k = 0; k < col.length; k++) {
      const x = col[k]!;
      if (Number.isNaN(x)) continue;
      const bad = spec
        ? valueProblem(spec, x)
        : !Number.isFinite(x)
          ? {
              code: 'E204' as const,
              why: 'is not a finite number',
              hint: 'leave the cell empty for a missing value',
            }
          : undefined;
      if (!bad) continue;
      const unit = data.units[k % n]!.id;
      const year = data.years[Math.floor(k / n)];
      out.push(
        problem(
          bad.code,
          `value ${x} of ${v} for unit ${unit}${year !== undefined ? ` in ${year}` : ''} ${bad.why}`,
          { ...base, column: v, ...locate?.(unit, v, year), unit, ...(spec ? { node: spec.indicator } : {}) },
          bad.hint,
        ),
      );
    }
  }
  return out;
}
