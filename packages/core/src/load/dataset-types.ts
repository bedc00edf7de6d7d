/**
 * The Dataset: what the loaders produce and `assess` reads. Values are numbers; a missing value is
 * NaN here and `null` in JSON, never 0.
 */
import type { LangText } from '../schema/indicator-set';

/** One assessed unit (a province, city, country). */
export interface Unit {
  /** Stable id from the data (GB/T 2260 code, ISO 3166 alpha-3, COINr uCode...). */
  id: string;
  /** Display name, in one or several languages. */
  name?: LangText;
  /** Group memberships by group column: `{region: 'east'}`. */
  groups: Record<string, string>;
}

/** Evidence recorded with a value (checklists): where and when it was checked. */
export interface Evidence {
  url?: string;
  file?: string;
  date?: string;
  note?: string;
  source?: string;
  /** Who recorded it, when several raters answer (`rater` column). */
  rater?: string;
}

/** One rater's answer to one value (long or wide data with a `rater` column). */
export interface Rating {
  unit: string;
  variable: string;
  /** Year of the value, when the data have years. */
  year?: number;
  /** Rater name as written; `adjudicated` (or 仲裁) is the adjudicator's final answer. */
  rater: string;
  /** The answer read as a number; NaN when missing or not applicable. */
  value: number;
  /** True when answered "not applicable" (checklist items). */
  na?: boolean;
  /** Where the data have them: file location of the answer, for messages. */
  where?: { sheet?: string; row?: number; line?: number; column?: string };
}

export interface Dataset {
  /** Units in data order; ids unique. */
  units: Unit[];
  /** Years present, ascending. Empty when the data have no year column (one frame). */
  years: number[];
  /** Variable names (indicator ids, denominators, checklist items `indicator.item`), in data order. */
  variables: string[];
  /**
   * Values by variable: a column of `max(years.length, 1) × units.length` numbers, frame-major:
   * `values.get(v)[frame * units.length + unitIndex]`, frame = index in `years`. NaN = missing.
   */
  values: Map<string, Float64Array>;
  /** Evidence and notes by `${unitId}\u0000${variable}` (latest frame only). */
  evidence?: Map<string, Evidence>;
  /**
   * Checklist items answered "not applicable", by variable: aligned with `values` (frame-major), 1 where
   * the answer is "not applicable" (its value is NaN). Absent when no answer is.
   */
  notApplicable?: Map<string, Uint8Array>;
  /**
   * Every rater's answer, when the data have a `rater` column; `values` then hold the final value by
   * the set's `methodology.raters.rule` (see `resolveRatings`), and `assess` reports the agreement.
   */
  ratings?: Rating[];
  /**
   * Where the data came from (file name as given), a content hash, and the encoding a text file was
   * read in (`utf-8`, `gb18030`...), for provenance.
   */
  source?: { file?: string; hash?: string; encoding?: string };
}
