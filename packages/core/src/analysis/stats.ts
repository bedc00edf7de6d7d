/**
 * Statistics per indicator (COINr `get_stats`): counts, spread, shape and flags for low coverage,
 * outliers (|skew| > 2 and kurtosis > 3.5), many zeros, few distinct values, and collinearity with a
 * sibling. Skew and kurtosis are Excel's SKEW and KURT (= COINr `skew`, `kurt`), sd the sample sd,
 * the median R's type-7 quantile — all from `util/stats`.
 */
import { count, kurtosis, mean, median, range, sd, skew } from '../util/stats';
import { pearson } from './correlation';
import { columnOf, type Model, type Stage } from './model';

/** Thresholds of the flags (COINr `get_stats` defaults, plus collinearity as COINr `get_corr_flags`). */
export interface StatsThresholds {
  /** Least share of units with data (default 0.65). */
  coverage: number;
  /** Absolute skewness above which, with kurtosis above `kurtosis`, an indicator may have outliers (2). */
  skew: number;
  /** Excess kurtosis limit (3.5). */
  kurtosis: number;
  /** Largest share of zeros among the values present (0.5). */
  zeros: number;
  /** Least share of distinct values among the values present (0.5). */
  unique: number;
  /** |Pearson r| with a sibling at or above which two indicators are flagged collinear (0.9). */
  collinear: number;
}

export const statsDefaults: StatsThresholds = {
  coverage: 0.65,
  skew: 2,
  kurtosis: 3.5,
  zeros: 0.5,
  unique: 0.5,
  collinear: 0.9,
};

/** Statistics of one column; undefined statistics are null. */
export interface ColumnStats {
  /** Number of values present. */
  n: number;
  /** Share of units without a value: 1 − n / units. */
  missing_share: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  median: number | null;
  /** Sample standard deviation (n − 1). */
  sd: number | null;
  /** Excel SKEW. */
  skew: number | null;
  /** Excel KURT (excess kurtosis). */
  kurtosis: number | null;
  /** Number of values equal to zero. */
  zeros: number;
  /** zeros / n (null when n = 0). */
  zero_share: number | null;
  /** Number of distinct values present. */
  unique: number;
  /** unique / n (null when n = 0). */
  unique_share: number | null;
}

/** Flags raised on an indicator. */
export interface StatsFlags {
  /** Share of units with data below `coverage`. */
  low_coverage: boolean;
  /** |skew| > skew and kurtosis > kurtosis (COINr `Flag.SkewKurt`). */
  outlier: boolean;
  /** Share of zeros above `zeros`. */
  many_zeros: boolean;
  /** Share of distinct values below `unique`. */
  few_unique: boolean;
  /** Siblings (same parent) with |Pearson r| ≥ `collinear`. */
  collinear: string[];
}

export interface IndicatorStats extends ColumnStats {
  id: string;
  flags: StatsFlags;
}

const nullable = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Statistics of one column, NaN = missing (COINr `get_stats.data.frame` per column).
 * @example columnStats([0, 1, 2, NaN]) // n 3, missing_share 0.25, mean 1, zeros 1, unique 3, …
 */
export function columnStats(x: ArrayLike<number>): ColumnStats {
  const n = count(x);
  const [lo, hi] = range(x);
  let zeros = 0;
  const seen = new Set<number>();
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) continue;
    if (v === 0) zeros++;
    seen.add(v);
  }
  return {
    n,
    missing_share: x.length === 0 ? 0 : 1 - n / x.length,
    min: nullable(lo),
    max: nullable(hi),
    mean: nullable(mean(x)),
    median: nullable(median(x)),
    sd: nullable(sd(x)),
    skew: nullable(skew(x)),
    kurtosis: nullable(kurtosis(x)),
    zeros,
    zero_share: n ? zeros / n : null,
    unique: seen.size,
    unique_share: n ? seen.size / n : null,
  };
}

/**
 * Flags of one column's statistics (collinearity is left empty: it needs the siblings).
 * @example flagsOf(columnStats(x)).outlier // |skew| > 2 && kurtosis > 3.5
 */
export function flagsOf(s: ColumnStats, t: StatsThresholds = statsDefaults): StatsFlags {
  return {
    low_coverage: 1 - s.missing_share < t.coverage,
    outlier: s.skew !== null && s.kurtosis !== null && Math.abs(s.skew) > t.skew && s.kurtosis > t.kurtosis,
    many_zeros: s.zero_share !== null && s.zero_share > t.zeros,
    few_unique: s.unique_share !== null && s.unique_share < t.unique,
    collinear: [],
  };
}

/**
 * Statistics of every indicator of a model, in tree order, with flags (COINr `get_stats` with
 * `get_corr_flags` for collinearity among siblings).
 *
 * @param model a plan and one run of it
 * @param stage which values: `raw` (default, as in the data), `prepared`, `treated` or `score`
 * @param thresholds flag thresholds (defaults: `statsDefaults`)
 * @example indicatorStats(model).filter((s) => s.flags.outlier).map((s) => s.id)
 */
export function indicatorStats(
  model: Model,
  stage: Stage = 'raw',
  thresholds: Partial<StatsThresholds> = {},
): IndicatorStats[] {
  const t = { ...statsDefaults, ...thresholds };
  const { tree } = model.plan;
  const out: IndicatorStats[] = [];
  for (const idx of tree.indicators) {
    const node = tree.nodes[idx]!;
    const x = columnOf(model, idx, stage);
    const s = columnStats(x);
    const flags = flagsOf(s, t);
    if (node.parent >= 0) {
      for (const sib of tree.nodes[node.parent]!.children) {
        if (sib === idx || tree.nodes[sib]!.kind !== 'indicator') continue;
        const r = pearson(x, columnOf(model, sib, stage));
        if (Math.abs(r) >= t.collinear) flags.collinear.push(tree.nodes[sib]!.id);
      }
    }
    out.push({ id: node.id, ...s, flags });
  }
  return out;
}
