/**
 * The Result of `assess`: one JSON document per run. Arrays under `values` are aligned with `units`
 * (index i is units[i]); a missing number is `null`. Same inputs give byte-identical JSON.
 */
import type { Problem } from '../errors';
import type { Evidence, Unit } from '../load/dataset-types';
import type { LangText, RankSpec, TierSpec } from '../schema/indicator-set';
import type { Agreement } from '../steps/raters';

/** Version of the Result format; bumped when a field changes meaning. */
export const RESULT_VERSION = 1;

/** A method as it was actually used: key and every parameter, defaults filled in. */
export interface MethodUsed {
  method: string;
  params: Record<string, unknown>;
}

/** One node of the indicator set as resolved: defaults filled in, effective weight computed. */
export interface ResolvedNode {
  id: string;
  kind: 'index' | 'aggregate' | 'indicator';
  /** Parent id; null for the root. */
  parent: string | null;
  /** Depth: the root is 0. */
  depth: number;
  /** Children ids in order (aggregates). */
  children: string[];
  name?: LangText;
  description?: LangText;
  /** Weight as written (default 1). */
  weight: number;
  /** Weight renormalised among siblings (sums to 1 within a parent). */
  local_weight: number;
  /** Product of local weights from the root down: the node's share of the index. */
  effective_weight: number;
  /** Aggregates: method used, coverage threshold, rescaling. */
  aggregate?: MethodUsed;
  coverage?: number;
  rescale?: MethodUsed;
  /** Aggregates whose children a `repeat` made (the last `count` children): list, id template, count. */
  repeated?: { over: string; template: string; count: number };
  /** Indicators: what the YAML says, defaults filled in. */
  direction?: 1 | -1;
  type?: string;
  unit?: string;
  source?: unknown;
  denominator?: { by: string; scale: number };
  transform?: string;
  goalposts?: { low: number; high: number };
  target?: number;
  impute?: MethodUsed;
  treat?: MethodUsed;
  normalise?: MethodUsed;
  items?: unknown[];
  scoring?: unknown;
  levels?: Record<string, number>;
}

/** Values of one node for every unit (aligned with `Result.units`). */
export interface NodeValues {
  /** Indicators: the raw value from the data (after checklist scoring). */
  raw?: (number | null)[];
  /** Indicators: after denominating, imputing, transforming and treating outliers. */
  treated?: (number | null)[];
  /** Indicators: true where the value was imputed. */
  imputed?: boolean[];
  /** The node's score: normalised value for indicators, aggregate score for aggregates. */
  score: (number | null)[];
  /** Rank among all units (1 = best), by the set's tie rule. */
  rank: (number | null)[];
  /** Rank within the unit's group when `rank.within` is set. */
  group_rank?: (number | null)[];
  /**
   * Aggregates: what the aggregation skipped, per unit (aligned with `Result.units`). `present[i]` of
   * the node's `total` children have a value for unit i — the others were skipped and the weights
   * renormalised over these — and they carry `weight[i]` (0 to 1) of the children's weight as written;
   * `data[i]` is the share of the node's weight that rests on values all the way down.
   * A unit below the node's `coverage` threshold (`ResolvedNode.coverage`, a share of `total`) has no
   * score; every such case, and every value missing after imputation, is a warning (W313, W314).
   */
  coverage?: NodeCoverageValues;
}

/** Coverage of an aggregate for every unit; see `NodeValues.coverage`. */
export interface NodeCoverageValues {
  /** Number of children. */
  total: number;
  /** Children with a value, per unit. */
  present: number[];
  /** Share (0–1) of the children's weight that those carry, per unit. */
  weight: number[];
  /**
   * Share (0–1) of the node's weight, down to its indicators, that rests on values, per unit (an
   * indicator with a value counts 1, without 0, an aggregate its own share). 1 = nothing is missing
   * below the node.
   */
  data: number[];
}

/** One outlier treatment applied to an indicator. */
export interface Treatment {
  indicator: string;
  /** 'winsorise', 'log' or 'none' (within limits already). */
  applied: 'winsorise' | 'log' | 'none';
  skew_before: number | null;
  kurtosis_before: number | null;
  skew_after: number | null;
  kurtosis_after: number | null;
  /** Units whose value was changed, with the value before and after. */
  changed: { unit: string; from: number; to: number }[];
}

export interface Provenance {
  engine: string;
  engine_version: string;
  /** sha256 of the indicator set's canonical JSON and of the dataset's canonical form. */
  set_hash: string;
  data_hash: string;
  /** The encoding the data file was read in, when it was a text file read by `readDataset`. */
  data_encoding?: string;
  /** Only where the caller asked for it (`options.timestamp`): runs stay byte-identical otherwise. */
  created?: string;
}

export interface Result {
  govscore_result: typeof RESULT_VERSION;
  set: {
    id: string;
    version?: string;
    title: LangText;
    description?: LangText;
    unit?: string;
    period?: string;
    languages: string[];
    illustrative: boolean;
    licence?: string;
    authors?: string[];
    rank: Required<Pick<RankSpec, 'ties'>> & RankSpec;
    tiers?: TierSpec;
    templates?: Record<string, LangText>;
    /** Every node in tree order (depth-first, parents before children). */
    nodes: ResolvedNode[];
  };
  /** The year assessed, when the data have years. */
  year?: number;
  /** Units assessed (after screening), in data order. */
  units: Unit[];
  /** Units dropped by screening, with the reason. */
  screened_out: { unit: string; reason: string }[];
  /** Values by node id, in `set.nodes` order. */
  values: Record<string, NodeValues>;
  /** Tier and sub-class of each unit (aligned with units), when tiers are defined. */
  tiers?: { node: string; tier: (string | null)[]; subclass?: (string | null)[] };
  /** Veto items failed, by unit index: item ids (`indicator.item`). */
  vetoes?: { unit: string; items: string[] }[];
  /** Strengths and weaknesses per unit: indicator ids, best (or worst) rank first. */
  strengths: string[][];
  weaknesses: string[][];
  treatments: Treatment[];
  /** Evidence attached to values, by unit id then variable. */
  evidence?: Record<string, Record<string, Evidence>>;
  /**
   * Agreement between raters, when the data have several raters per value (a `rater` column):
   * Krippendorff's alpha and percent agreement per variable, indicator and overall, the disagreements
   * to adjudicate, and the rule that took the final values (`methodology.raters`).
   */
  agreement?: Agreement;
  warnings: Problem[];
  provenance: Provenance;
  /** Filled by the analysis functions when the caller asks (`@govscore/core` analysis). */
  analysis?: Record<string, unknown>;
}
