/**
 * `assess`: score every unit of a dataset against an indicator set.
 */
import { GovscoreError, type Problem, problem } from './errors';
import type { Dataset } from './load/dataset-types';
import { type AssessOptions, compile } from './plan/compile';
import { runPlan } from './plan/run';
import { computeWeights } from './plan/tree';
import { buildResult } from './result/build';
import { missingWarnings } from './result/missing';
import type { Result } from './result/types';
import type { IndicatorSet } from './schema/indicator-set';
import { raterAgreement, ratingWarnings } from './steps/raters';

/**
 * Scores every unit: checklists → denominate → screen → impute → transform → treat → normalise →
 * aggregate (with coverage thresholds and rescaling) → rank → tier → strengths and weaknesses.
 * Pure: no I/O, inputs untouched; the same inputs give a byte-identical Result (`resultToJson`).
 *
 * @param set a validated indicator set (`loadIndicatorSet`)
 * @param data a dataset (`parseDatasetCsv`, `readDataset`)
 * @param options `year` to assess (default: the latest in the data), `timestamp` to record, `warnings`
 *   of reading the inputs to record first
 * @returns the Result; warnings (imputed values, treated outliers, nodes below coverage, every value
 *   missing after imputation with what happened to its parent) are in `result.warnings`; each
 *   aggregate's coverage per unit (children with a value, their share of the weight) is in
 *   `result.values[node].coverage`
 * @throws GovscoreError with every problem found (codes in `errors.ts`): e.g. E302 for a zero under a
 *   geometric mean, naming the unit
 * @example
 * const set = loadIndicatorSet(readFileSync('indicators/coinr-asem.yaml', 'utf8'));
 * const { dataset } = parseDatasetCsv(readFileSync('samples/coinr-asem/asem.csv', 'utf8'), { set });
 * const result = assess(set, dataset);
 * result.values.Index.rank  // ranks aligned with result.units
 */
export function assess(set: IndicatorSet, data: Dataset, options: AssessOptions = {}): Result {
  const plan = compile(set, data, options);
  const given = options.warnings ?? [];
  if (given.some((p) => p.severity === 'error'))
    throw new GovscoreError(given.filter((p) => p.severity === 'error'));
  const warnings: Problem[] = [...given, ...plan.warnings];
  const among = set.methodology?.rank?.among;
  if (Array.isArray(among)) {
    const assessed = new Set(plan.unitIds);
    const absent = among.filter((id) => !assessed.has(id));
    if (absent.length)
      warnings.push(
        problem(
          'W215',
          `rank.among names ${absent.length} unit(s) that are not assessed: ${absent.join(', ')}`,
          {},
          'check the ids against the data (or the screening)',
        ),
      );
  }
  const run = runPlan(plan, plan.settings, { warn: (p) => warnings.push(p) });
  warnings.push(...missingWarnings(plan, run));
  const nNodes = plan.tree.nodes.length;
  const local = new Float64Array(nNodes);
  const effective = new Float64Array(nNodes);
  computeWeights(plan.tree, plan.settings.weight, local, effective);
  const result = buildResult(plan, run, data, warnings, local, effective, options.timestamp);
  if (data.ratings?.length) {
    result.agreement = raterAgreement(data.ratings, set.methodology?.raters, plan.unitIds, plan.year);
    warnings.push(...ratingWarnings(result.agreement));
  }
  for (const t of result.treatments) {
    if (t.applied !== 'none') {
      warnings.push(
        problem('W302', `'${t.indicator}' treated (${t.applied}): ${t.changed.length} value(s) changed`, {
          node: t.indicator,
        }),
      );
    }
  }
  return result;
}
