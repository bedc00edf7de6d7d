/**
 * The guard against formula injection that every writer of text cells applies (CSV and XLSX exports,
 * data-entry templates), and its exact inverse, which the readers apply. Pure.
 */

/** Text a spreadsheet could take for a formula, after any apostrophes the guard added. */
const GUARDED = /^'*[=+\-@\t\r]/;

/**
 * Neutralises text that a spreadsheet could take for a formula: text starting with `=`, `+`, `-`,
 * `@`, tab or CR — after any number of apostrophes — gets a leading `'`. Numbers are never touched (a
 * negative number stays a number). The rule is undone exactly by `unneutralise`, which the readers
 * apply: `'=x` written for `=x` reads back as `=x`, and `''=x` for `'=x` as `'=x`.
 * Reference: OWASP "CSV Injection".
 * @example neutralise('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function neutralise(text: string): string {
  return GUARDED.test(text) ? `'${text}` : text;
}

/**
 * Undoes `neutralise`: text of one or more apostrophes followed by `=`, `+`, `-`, `@`, tab or CR
 * loses its first apostrophe; any other text is returned as it is. `unneutralise(neutralise(t)) === t`
 * for every text, so that a file govscore wrote (a template, an export) reads back as it was.
 * @example unneutralise("'=1+1") // '=1+1'
 */
export function unneutralise(text: string): string {
  return text.charCodeAt(0) === 39 && GUARDED.test(text.slice(1)) ? text.slice(1) : text;
}
