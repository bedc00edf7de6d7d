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
  /** Where the data came from (file name as given) and a content hash, for provenance. */
  source?: { file?: string; hash?: string };
}
