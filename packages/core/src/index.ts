/**
 * @govscore/core — the engine. Pure: no file system, no console, no global state; runs in Node and
 * the browser. File reading and writing live in `@govscore/core/io`.
 *
 * @module @govscore/core
 */

// analysis (statistics, correlations, alpha, PCA, weights, uncertainty, sensitivity, compare, trends)
export { cronbachAlpha, type NodeAlpha, nodeAlphas } from './analysis/alpha';
export {
  ANALYSIS_VERSION,
  type AnalyseOptions,
  type Analysis,
  analyse,
  analysePlan,
  analysisOf,
  assumptionsOf,
  attachAnalysis,
  sensitivityOptions,
  uncertaintyOptions,
  withResults,
} from './analysis/analyse';
export {
  type CompiledAssumption,
  compileAssumptions,
  defaultAssumptions,
  loadAnalysisSpec,
  parseAnalysisSpec,
} from './analysis/assumptions';
export { type CompareResult, compare, type NodeShift, type TierChange } from './analysis/compare';
export {
  averageRanks,
  type CorrelationMethod,
  type CorrelationTable,
  correlation,
  correlationMatrix,
  correlationTable,
  type NodeSelection,
  pearson,
  spearman,
  type TreeCorrelations,
  treeCorrelations,
} from './analysis/correlation';
export { nodeLevels, nodesAtLevel } from './analysis/levels';
export type { Model, Stage } from './analysis/model';
export { type PcaResult, type PcaWeights, pca, pcaWeights, symmetricEigen } from './analysis/pca';
export { Prng } from './analysis/prng';
export {
  type SensitivityOptions,
  type SensitivityResult,
  type SobolIndex,
  type SobolOptions,
  saltelliDesign,
  sensitivity,
  sobol,
  sobolIndices,
} from './analysis/sensitivity';
export {
  type ColumnStats,
  columnStats,
  flagsOf,
  type IndicatorStats,
  indicatorStats,
  type StatsFlags,
  type StatsThresholds,
  statsDefaults,
} from './analysis/stats';
export { cagr, type NodeTrend, type TrendResult, trends } from './analysis/trend';
export {
  type AssumptionSamples,
  finishUncertainty,
  type JobFailure,
  missingChunks,
  type RankSummary,
  runUncertaintyJob,
  type UncertaintyJob,
  type UncertaintyOptions,
  type UncertaintyResult,
  UncertaintyRunner,
  uncertainty,
  uncertaintyJob,
} from './analysis/uncertainty';
export { type OptimisedWeights, type OptimiseWeightsOptions, optimiseWeights } from './analysis/weights-opt';
// engine
export { assess } from './assess';
// errors
export {
  codes,
  type ErrorCode,
  fail,
  formatProblem,
  GovscoreError,
  type Location,
  type Problem,
  problem,
} from './errors';
export { checkDataset } from './load/check-data';
export {
  type DatasetOptions,
  datasetFromRows,
  mergeEvidence,
  parseDatasetCsv,
  parseDatasetJson,
  unitColumnOf,
} from './load/dataset';
export type { Dataset, Evidence, Rating, Unit } from './load/dataset-types';
// loading
export { type LoadedSet, loadIndicatorSet, parseIndicatorSet } from './load/indicator-set';
export { type DatasetPart, mergeDatasets } from './load/merge';
export type { YamlWork } from './load/yaml';
export {
  type AssessOptions,
  compile,
  type Plan,
  type PlanSettings,
  prepareIndicator,
  type ResolvedMethod,
  resolveAggregate,
  resolveNormalise,
  resolveTreat,
} from './plan/compile';
export {
  createWorkspace,
  type NodeCoverage,
  type RunOptions,
  type RunOutput,
  type RunWorkspace,
  runPlan,
  type TreatOutcome,
} from './plan/run';
export { agreementTable, disagreementsTable, evidenceTable, safeHttpUrl } from './result/evidence';
export {
  declaredDecimals,
  formatFixed,
  formatNumber,
  shownDecimals,
} from './result/format';
export { parseResult } from './result/parse';
export { resultToJson } from './result/serialise';
export { type Cell, langText, longTable, nodesTable, type Table, wideTable } from './result/tables';
// result
export {
  type MethodUsed,
  type NodeCoverageValues,
  type NodeValues,
  type Provenance,
  RESULT_VERSION,
  type ResolvedNode,
  type Result,
  type Treatment,
} from './result/types';
// analysis: the assumptions language (TypeBox schemas, also the types)
export {
  AggregateAssumption,
  AnalysisSpec,
  Assumption,
  ExcludeAssumption,
  ImputeAssumption,
  NormaliseAssumption,
  OutputStatistic,
  SensitivitySpec,
  TreatAssumption,
  UncertaintySpec,
  WeightsAssumption,
} from './schema/analysis';
// the indicator-set language
export type {
  AggregateSpec,
  ChecklistItem,
  ChecklistScoring,
  ImputeSpec,
  IndicatorNode,
  IndicatorSet,
  LangText,
  Methodology,
  NormaliseSpec,
  RankSpec,
  RatersSpec,
  RescaleSpec,
  ScreenSpec,
  TierLevel,
  TierSpec,
  TreatSpec,
  TreeNode,
} from './schema/indicator-set';
export { IndicatorSet as IndicatorSetSchema } from './schema/indicator-set';
export { aggregators } from './steps/aggregate';
export { impute } from './steps/impute';
// methods
export { normalisers } from './steps/normalise';
export { rankScores, rankWithin } from './steps/rank';
export { RankScratch } from './steps/rank-scratch';
// several raters
export {
  ADJUDICATOR_NAMES,
  type Agreement,
  type AgreementStats,
  type AlphaLevel,
  type Answer,
  applyRatings,
  coincidences,
  type Disagreement,
  isAdjudicator,
  krippendorffAlpha,
  percentAgreement,
  type Resolved,
  raterAgreement,
  ratingWarnings,
  resolveAnswers,
} from './steps/raters';
export { assignTiers } from './steps/tier';
export { type TreatParams, treat, treatDefaults } from './steps/treat';
export type { AggregateMethod, KernelContext, NormaliseInfo, NormaliseMethod } from './steps/types';
export { VERSION } from './version';
