/**
 * @govscore/core — the engine. Pure: no file system, no console, no global state; runs in Node and
 * the browser. File reading and writing live in `@govscore/core/io`.
 */

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
export { type DatasetOptions, datasetFromRows, parseDatasetCsv, parseDatasetJson } from './load/dataset';
export type { Dataset, Evidence, Unit } from './load/dataset-types';
// loading
export { type LoadedSet, loadIndicatorSet, parseIndicatorSet } from './load/indicator-set';
export {
  type AssessOptions,
  compile,
  type Plan,
  type PlanSettings,
  type ResolvedMethod,
  resolveAggregate,
  resolveNormalise,
  resolveTreat,
} from './plan/compile';
export { type RunOptions, type RunOutput, runPlan, type TreatOutcome } from './plan/run';
export { parseResult } from './result/parse';
export { resultToJson } from './result/serialise';
export { type Cell, langText, longTable, nodesTable, type Table, wideTable } from './result/tables';
// result
export {
  type MethodUsed,
  type NodeValues,
  type Provenance,
  RESULT_VERSION,
  type ResolvedNode,
  type Result,
  type Treatment,
} from './result/types';
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
export { assignTiers } from './steps/tier';
export { type TreatParams, treat, treatDefaults } from './steps/treat';
export type { AggregateMethod, KernelContext, NormaliseInfo, NormaliseMethod } from './steps/types';
export { VERSION } from './version';
