/**
 * The error catalogue of @govscore/core: every problem the engine or its loaders report has a stable
 * code listed here. Codes never change meaning; new ones are appended. `docs/errors.md` lists them.
 *
 * Problems are data (`Problem`); a function that cannot go on throws a `GovscoreError` holding all of
 * the problems it found, never only the first.
 */

/**
 * Stable codes, grouped by area: E1xx indicator-set files, E2xx data, E3xx engine, E4xx analysis,
 * E5xx charts, E6xx report site, E7xx output files, W warnings.
 */
export const codes = {
  // indicator-set files
  E100: 'YAML syntax error',
  E101: 'value does not match the indicator-set schema',
  E102: 'duplicate id',
  E103: 'unknown method',
  E104: 'invalid weight',
  E105: 'aggregate without children',
  E106: 'denominator not in the data',
  E107: 'thresholds out of order',
  E108: 'invalid method parameters',
  E109: 'unknown node referenced',
  E110: 'invalid checklist or ordinal definition',
  E111: 'YAML too large or too deep (aliases, nesting)',
  E112: 'invalid goalposts or range',
  E113: 'weight too large or too small to compute with (outside 1e-9 to 1e9, or not finite)',
  E120: 'repeat: unknown list',
  E121: 'repeat: a placeholder names no key of the list items',
  E122: 'repeat: invalid repeat (not a list of mappings, or no node)',
  E123: 'invalid data mapping (data:)',
  // data files
  E200: 'data file cannot be read',
  E201: 'unknown indicator in the data',
  E202: 'indicator missing from the data',
  E203: 'duplicate unit',
  E204: 'value is not a number',
  E205: 'value outside the declared range',
  E206: 'missing unit id',
  E207: 'missing or unknown column',
  E208: 'unknown answer for an ordinal, binary or checklist indicator',
  E209: 'data file too large',
  E210: 'year not in the data',
  E211: 'duplicate column name in the data',
  E212: 'a value given twice (in two sheets of a workbook, or twice by one rater)',
  E213: 'data file is UTF-8 but some bytes are not (named by offset and line)',
  E214: 'encoding of the data file not recognised (neither UTF-8 nor plausibly GB18030)',
  E215: 'spreadsheet formula without a computed value',
  E216: 'unit name is not text (nor an object of texts by language)',
  E225: 'a column or sheet named by the data mapping is not in the file',
  // engine
  E300: 'no units left to assess',
  E301: 'constant indicator cannot be normalised by this method',
  E302: 'value not allowed by the method (zero or negative under a geometric or harmonic mean, log of ≤ 0)',
  E303: 'denominator is zero or missing',
  E304: 'invalid assessment options',
  E305: 'reference unit of a normalisation is not assessed or has no value',
  E306: 'a number overflows: values too large to compute with',
  // analysis
  E400: 'invalid analysis options',
  E401: 'results cannot be compared',
  // charts (@govscore/charts)
  E500: 'invalid chart input or options',
  E501: 'unknown unit or node asked for by a chart',
  // report site (govscore report)
  E600: 'invalid site config',
  E601: 'inputs cannot make one report (no Result, different indicator sets, a year twice)',
  E602: 'the report site failed to build',
  // output files (the govscore command)
  E700: 'an output file cannot be written (disk full, no permission, a folder in the way)',
  // warnings (recorded in the Result, never printed by the engine)
  // data warnings (loaders and checkDataset)
  W200: 'column not in the indicator set (loaded as an extra variable) or ignored',
  W201: 'data file read as GB18030 (or another encoding than UTF-8): the encoding was chosen on evidence or by --encoding',
  W202: 'spreadsheet cell formatted as a date in a numeric column: read as its serial number',
  W210: 'rows left out by the data mapping’s filter',
  W211: 'variables or columns the set does not read (data mapping)',
  W212: 'flags dropped from values (data mapping)',
  W213: 'latest measurement taken from an earlier year (data mapping)',
  W214: 'a repeated column with the same cells is not read (data mapping)',
  W215: 'rank.among names units that are not assessed',
  W300: 'node not computed: data coverage below its threshold',
  W301: 'constant indicator: every unit gets the same normalised value',
  W302: 'outliers treated',
  W303: 'values imputed',
  W304: 'units screened out',
  W305: 'indicator has no data after screening',
  W306: 'unit failed a veto item',
  W307: 'goalposts truncated a value',
  W308: 'denominator missing: value left missing',
  W309: 'every unit meets the target or reference: all get the top score',
  W310: 'replications of an uncertainty analysis failed and were left out',
  W311: 'raters disagree and the rule leaves the value missing: adjudication needed',
  W312: 'value answered by fewer raters than methodology.raters.min_raters',
  W313: 'value missing after imputation: its parent is computed from the other children, or has no score',
  W314: 'aggregate has no score for a unit (no child has a value, or coverage below its threshold)',
  W320: 'no score where COINr gives NaN (methodology.compat: coinr)',
} as const;

export type ErrorCode = keyof typeof codes;

/** Where a problem is: a file position, a node path, a unit, a data cell. All optional. */
export interface Location {
  /** File name as given by the caller. */
  file?: string;
  /** 1-based line and column in the file. */
  line?: number;
  col?: number;
  /** Path in the YAML document, e.g. `tree.children[1].weight`. */
  path?: string;
  /** Node (indicator or aggregate) id. */
  node?: string;
  /** Unit (region) id. */
  unit?: string;
  /** Spreadsheet sheet, 1-based row and column name for data cells. */
  sheet?: string;
  row?: number;
  column?: string;
}

export interface Problem extends Location {
  code: ErrorCode;
  severity: 'error' | 'warning';
  /** What is wrong, naming the bad value. */
  message: string;
  /** What would be right. */
  hint?: string;
}

/** Makes a problem; `severity` follows the code's letter. */
export function problem(code: ErrorCode, message: string, where: Location = {}, hint?: string): Problem {
  const p: Problem = { code, severity: code.startsWith('W') ? 'warning' : 'error', message, ...where };
  if (hint !== undefined) p.hint = hint;
  return p;
}

/** Formats a problem as one line: `file:line:col CODE message (hint)`. */
export function formatProblem(p: Problem): string {
  let where = '';
  if (p.file !== undefined) {
    where = p.file;
    if (p.sheet !== undefined) where += `!${p.sheet}`;
    if (p.sheet !== undefined && p.column !== undefined && p.row !== undefined)
      where += `!${p.column}${p.row}`;
    else if (p.line !== undefined) where += `:${p.line}:${p.col ?? 1}`;
    else if (p.row !== undefined) where += `:${p.row}${p.column !== undefined ? `:${p.column}` : ''}`;
  }
  const ctx: string[] = [];
  if (p.path !== undefined) ctx.push(p.path);
  else if (p.node !== undefined) ctx.push(`node ${p.node}`);
  if (p.unit !== undefined) ctx.push(`unit ${p.unit}`);
  const head = where ? `${where} ` : '';
  const at = ctx.length ? ` [${ctx.join(', ')}]` : '';
  return `${head}${p.code} ${p.message}${at}${p.hint ? ` — ${p.hint}` : ''}`;
}

/** Thrown when a step cannot go on; carries every problem found. */
export class GovscoreError extends Error {
  readonly problems: Problem[];
  readonly code: ErrorCode;
  constructor(problems: Problem[]) {
    const first = problems[0];
    super(
      problems.length === 1 && first
        ? formatProblem(first)
        : `${problems.length} problems:\n${problems.map(formatProblem).join('\n')}`,
    );
    this.name = 'GovscoreError';
    this.problems = problems;
    this.code = first?.code ?? 'E304';
  }
}

/** Throws a GovscoreError with one problem. */
export function fail(code: ErrorCode, message: string, where: Location = {}, hint?: string): never {
  throw new GovscoreError([problem(code, message, where, hint)]);
}
