/**
 * `analyse`: every analysis of an indicator set on a dataset in one call, as the CLI's `analyse`
 * command and the report use it. The `Analysis` document is what goes into `Result.analysis`.
 */
import type { Problem } from '../errors';
import type { Dataset } from '../load/dataset-types';
import { type AssessOptions, compile, type Plan } from '../plan/compile';
import { runPlan } from '../plan/run';
import type { Result } from '../result/types';
import type { AnalysisSpec, Assumption } from '../schema/analysis';
import type { IndicatorSet } from '../schema/indicator-set';
import { type NodeAlpha, nodeAlphas } from './alpha';
import { defaultAssumptions } from './assumptions';
import { type TreeCorrelations, treeCorrelations } from './correlation';
import type { Model, Stage } from './model';
import { type PcaWeights, pcaWeights } from './pca';
import { type SensitivityOptions, type SensitivityResult, sensitivity } from './sensitivity';
import { type IndicatorStats, indicatorStats, type StatsThresholds, statsDefaults } from './stats';
import { type UncertaintyOptions, type UncertaintyResult, uncertainty } from './uncertainty';

/** Version of the Analysis document; bumped when a field changes meaning. */
export const ANALYSIS_VERSION = 1;

/**
 * The analysis of one indicator set on one dataset (JSON-ready: missing numbers are null). Stored under
 * `Result.analysis` by `attachAnalysis`, so that the report shows it next to the scores.
 */
export interface Analysis {
  govscore_analysis: typeof ANALYSIS_VERSION;
  set: string;
  year?: number;
  units: string[];
  /** Statistics per indicator, with the stage they were computed on and the flag thresholds. */
  stats: { stage: Stage; thresholds: StatsThresholds; indicators: IndicatorStats[] };
  /** Correlations within each aggregate, with the parent and with the index. */
  correlations: TreeCorrelations;
  /** Cronbach's alpha of every aggregate's children. */
  alpha: NodeAlpha[];
  /** PCA of every aggregate's children, and PCA weights. */
  pca: PcaWeights[];
  /** The assumptions used by the uncertainty and sensitivity analyses (as given or the defaults). */
  assumptions?: AnalysisSpec['assumptions'];
  uncertainty?: UncertaintyResult;
  sensitivity?: SensitivityResult;
  warnings: Problem[];
}

/** Options of `analyse`: the analysis file's content, plus the year to assess. */
export interface AnalyseOptions extends AnalysisSpec {
  /** Year to assess when the data have years (default: the latest). */
  year?: number;
}

/**
 * Runs the analyses on a compiled plan: statistics, correlations, Cronbach's alpha, PCA, and — when
 * `spec.uncertainty` or `spec.sensitivity` is given — the uncertainty and sensitivity analyses over
 * `spec.assumptions` (default: weights ±25% at each level below the index, `defaultAssumptions`).
 *
 * @throws GovscoreError E400 (bad options or assumptions), E103/E108 (bad method choices), kernel errors
 * @example analysePlan(compile(set, data), { uncertainty: { replications: 1000 }, seed: 7 })
 */
export function analysePlan(plan: Plan, spec: AnalysisSpec = {}): Analysis {
  const run = runPlan(plan, plan.settings, { quiet: true });
  const model: Model = { plan, run };
  const stage: Stage = spec.stats?.stage ?? 'raw';
  const { stage: _s, ...given } = spec.stats ?? {};
  const thresholds: StatsThresholds = { ...statsDefaults, ...given };
  const out: Analysis = {
    govscore_analysis: ANALYSIS_VERSION,
    set: plan.set.id,
    ...(plan.year !== undefined ? { year: plan.year } : {}),
    units: [...plan.unitIds],
    stats: { stage, thresholds, indicators: indicatorStats(model, stage, thresholds) },
    correlations: treeCorrelations(model, spec.correlation ?? 'pearson'),
    alpha: nodeAlphas(model),
    pca: plan.tree.aggregates
      .slice()
      .sort((a, b) => a - b)
      .map((idx) => pcaWeights(model, plan.tree.nodes[idx]!.id)),
    warnings: [],
  };
  const extra: Pick<Analysis, 'assumptions' | 'uncertainty' | 'sensitivity'> = {};
  if (spec.uncertainty || spec.sensitivity) {
    const assumptions = assumptionsOf(plan, spec);
    extra.assumptions = assumptions;
    if (spec.uncertainty) extra.uncertainty = uncertainty(plan, assumptions, uncertaintyOptions(spec));
    if (spec.sensitivity) extra.sensitivity = sensitivity(plan, assumptions, sensitivityOptions(spec));
  }
  return withResults(out, extra);
}

/** The assumptions an analysis uses: the spec's, or `defaultAssumptions`. */
export function assumptionsOf(plan: Plan, spec: AnalysisSpec): Assumption[] {
  return spec.assumptions ?? defaultAssumptions(plan);
}

/** The options of `uncertainty` that a spec gives (its own seed, else the spec's). */
export function uncertaintyOptions(spec: AnalysisSpec): UncertaintyOptions {
  const u = spec.uncertainty ?? {};
  const seed = u.seed ?? spec.seed;
  return {
    ...(u.replications !== undefined ? { replications: u.replications } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(u.nodes ? { nodes: u.nodes } : {}),
  };
}

/** The options of `sensitivity` that a spec gives (its own seed, else the spec's). */
export function sensitivityOptions(spec: AnalysisSpec): SensitivityOptions {
  const s = spec.sensitivity ?? {};
  const seed = s.seed ?? spec.seed;
  return {
    ...(s.n !== undefined ? { n: s.n } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(s.bootstrap !== undefined ? { bootstrap: s.bootstrap } : {}),
    ...(s.confidence !== undefined ? { confidence: s.confidence } : {}),
    ...(s.output ? { output: s.output } : {}),
  };
}

/**
 * The analysis with robustness results added (e.g. an uncertainty analysis run on several threads by
 * the CLI), keys in the document's order and their warnings appended: the same document `analysePlan`
 * gives when it runs them itself.
 */
export function withResults(
  analysis: Analysis,
  extra: Pick<Analysis, 'assumptions' | 'uncertainty' | 'sensitivity'>,
): Analysis {
  const { warnings, assumptions, uncertainty: ua, sensitivity: sa, ...head } = analysis;
  const a = extra.assumptions ?? assumptions;
  const u = extra.uncertainty ?? ua;
  const s = extra.sensitivity ?? sa;
  return {
    ...head,
    ...(a ? { assumptions: a } : {}),
    ...(u ? { uncertainty: u } : {}),
    ...(s ? { sensitivity: s } : {}),
    warnings: [...warnings, ...(extra.uncertainty?.warnings ?? []), ...(extra.sensitivity?.warnings ?? [])],
  };
}

/**
 * Compiles the set on the data and runs `analysePlan`. Pure; the same inputs and seed give a
 * byte-identical Analysis (`resultToJson`).
 *
 * @param set a validated indicator set
 * @param data a dataset
 * @param options the analysis file's content (`parseAnalysisSpec`) and `year`
 * @throws GovscoreError as `compile` and `analysePlan`
 * @example
 * const a = analyse(set, data, { assumptions, uncertainty: { replications: 10000 }, seed: 1 });
 * a.uncertainty?.ranks.Index.q95
 */
export function analyse(set: IndicatorSet, data: Dataset, options: AnalyseOptions = {}): Analysis {
  const { year, ...spec } = options;
  const opts: AssessOptions = year !== undefined ? { year } : {};
  return analysePlan(compile(set, data, opts), spec);
}

/**
 * A copy of the Result carrying the analysis under `analysis` (the report reads rank intervals and
 * sensitivity indices from there). The Result itself is not changed.
 * @example resultToJson(attachAnalysis(assess(set, data), analyse(set, data, spec)))
 */
export function attachAnalysis(result: Result, analysis: Analysis): Result {
  return { ...result, analysis: analysis as unknown as Record<string, unknown> };
}

/** The analysis stored in a Result by `attachAnalysis`, or undefined. */
export function analysisOf(result: Result): Analysis | undefined {
  const a = result.analysis as unknown as Analysis | undefined;
  return a && a.govscore_analysis === ANALYSIS_VERSION ? a : undefined;
}
