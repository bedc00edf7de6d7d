/**
 * Compile once, run many: an indicator set and a dataset become a Plan — nodes in evaluation order,
 * every method resolved to its kernel and parameters, and the data prepared up to the point where the
 * assumptions of a robustness analysis start (checklists scored, denominated, screened, imputed,
 * transformed). `runPlan` then runs treat → normalise → aggregate on it as often as needed.
 */
import { fail, GovscoreError, type Problem, problem } from '../errors';
import type { Dataset, Unit } from '../load/dataset-types';
import type {
  AggregateSpec,
  ImputeSpec,
  IndicatorNode,
  IndicatorSet,
  NormaliseSpec,
  RescaleSpec,
  TreatSpec,
} from '../schema/indicator-set';
import { aggregators } from '../steps/aggregate';
import { impute } from '../steps/impute';
import { normalisers } from '../steps/normalise';
import { applyRatings } from '../steps/raters';
import { type TreatParams, treatDefaults } from '../steps/treat';
import type { AggregateMethod, NormaliseInfo, NormaliseMethod } from '../steps/types';
import { type FlatTree, flattenTree, indicatorOf } from './tree';

/** Options of `compile` and `assess`. */
export interface AssessOptions {
  /** Year to assess when the data have years (default: the latest). */
  year?: number;
  /** An ISO time to record in the provenance; omitted by default so that runs are byte-identical. */
  timestamp?: string;
  /**
   * Warnings found while reading the inputs (the loaders' and `checkDataset`'s: a column ignored, a file
   * read as GB18030, a date-formatted cell...), recorded first in the Result's warnings so that the
   * Result shows everything that happened to the data. Errors are not accepted here.
   */
  warnings?: readonly Problem[];
}

/** A method resolved to its kernel, with every parameter filled in. */
export interface ResolvedMethod<M> {
  key: string;
  method: M;
  params: Record<string, unknown>;
}

/**
 * The settings a run uses, one entry per node index. A robustness analysis copies and changes these
 * (weights, methods, excluded nodes) and runs the same plan again.
 */
export interface PlanSettings {
  /** Weight of each node as written (renormalised among present siblings when aggregating). */
  weight: Float64Array;
  /** Indicators: normalisation. */
  normalise: (ResolvedMethod<NormaliseMethod> | null)[];
  /** Indicators: outlier treatment. */
  treat: (TreatParams | null)[];
  /** Aggregates: aggregation method. */
  aggregate: (ResolvedMethod<AggregateMethod> | null)[];
  /** Aggregates: rescaling of the aggregate, or null. */
  rescale: (ResolvedMethod<NormaliseMethod> | null)[];
  /** Aggregates: least share of children (by count) that must have data. */
  coverage: Float64Array;
  /** 1 = node included; 0 = left out (its score is treated as missing by its parent). */
  active: Uint8Array;
}

/**
 * Whose behaviour the kernels follow where govscore and COINr differ (`methodology.compat`): `none`,
 * govscore's (docs/methods.md); `coinr`, COINr 1.1.14's. The plan only chooses kernel parameters by it.
 */
export type Compat = 'none' | 'coinr';

/** Normalisations whose kernel has a COINr mode (`coinr: true`). */
const COINR_NORMALISE = new Set([
  'minmax',
  'zscore',
  'dist_max',
  'scaled',
  'frac_max',
  'prank',
  'dist_target',
]);
/** Aggregations whose kernel has a COINr mode. */
const COINR_AGGREGATE = new Set(['arithmetic', 'geometric', 'generalised', 'harmonic', 'copeland']);

export interface Plan {
  set: IndicatorSet;
  /** `methodology.compat` (default `none`). */
  compat: Compat;
  tree: FlatTree;
  /** Units assessed (after screening), and their ids. */
  units: Unit[];
  unitIds: string[];
  /** The year assessed, when the data have years. */
  year?: number;
  /** Indicators: raw values (after checklist scoring), by node index; null for aggregates. */
  raw: (Float64Array | null)[];
  /**
   * Indicators: denominated values of the kept units for every frame (frame-major, before imputation
   * and transform), by node index; null for aggregates. What `prepareIndicator` starts from.
   */
  denominated: (Float64Array | null)[];
  /** Index of the assessed frame (year) in `denominated` (0 without years). */
  frame: number;
  /** Years of the frames (empty without years): linear interpolation is by year. */
  years: number[];
  /** Indicators: values after denominating, imputing and transforming, by node index. */
  prepared: (Float64Array | null)[];
  /** Indicators: 1 where the value was imputed. */
  imputed: (Uint8Array | null)[];
  /** Indicators: direction, goalposts, target. */
  info: (NormaliseInfo | null)[];
  /** Default settings, as the YAML says. */
  settings: PlanSettings;
  /** Warnings from preparing the data. */
  warnings: Problem[];
  screenedOut: { unit: string; reason: string }[];
  /** Veto items failed, by unit index. */
  vetoes: Map<number, string[]>;
}

const noWarn = () => {};

/** @internal `minmax` or `{method, params}` → key and params. */
export function methodParts(spec: NormaliseSpec | AggregateSpec | RescaleSpec | undefined, dflt: string) {
  if (spec === undefined) return { key: dflt, params: {} as Record<string, unknown> };
  if (typeof spec === 'string') return { key: spec, params: {} as Record<string, unknown> };
  return { key: spec.method, params: (spec.params ?? {}) as Record<string, unknown> };
}

/**
 * Resolves a normalisation spec to its kernel and parameters.
 * @throws GovscoreError E103 for an unknown key (listing the known ones), E108 for bad parameters.
 */
export function resolveNormalise(
  spec: NormaliseSpec | RescaleSpec | undefined,
  info: NormaliseInfo,
  node: string,
  dflt = 'minmax',
  compat: Compat = 'none',
): ResolvedMethod<NormaliseMethod> {
  const { key, params } = methodParts(spec, dflt);
  const method = (normalisers as Record<string, NormaliseMethod>)[key];
  if (!Object.hasOwn(normalisers, key) || !method) {
    fail(
      'E103',
      `unknown normalisation method '${key}'`,
      { node },
      `use one of: ${Object.keys(normalisers).join(', ')}`,
    );
  }
  const r = method.resolve(params, info);
  if (r.problems.length) {
    throw new GovscoreError(r.problems.map((m) => problem('E108', `normalisation '${key}': ${m}`, { node })));
  }
  const resolved = r.params as Record<string, unknown>;
  if (compat === 'coinr' && COINR_NORMALISE.has(key)) {
    // COINr's n_dist2targ does not cap unless asked (cap_max = FALSE)
    const cap = key === 'dist_target' && !Object.hasOwn(params, 'cap') ? { cap: false } : {};
    return { key, method, params: { ...resolved, ...cap, coinr: true } };
  }
  return { key, method, params: resolved };
}

/**
 * Resolves an aggregation spec to its kernel and parameters.
 * @throws GovscoreError E103 for an unknown key, E108 for bad parameters.
 */
export function resolveAggregate(
  spec: AggregateSpec | undefined,
  node: string,
  compat: Compat = 'none',
): ResolvedMethod<AggregateMethod> {
  const { key, params } = methodParts(spec, 'arithmetic');
  const method = (aggregators as Record<string, AggregateMethod>)[key];
  if (!Object.hasOwn(aggregators, key) || !method) {
    fail(
      'E103',
      `unknown aggregation method '${key}'`,
      { node },
      `use one of: ${Object.keys(aggregators).join(', ')}`,
    );
  }
  const r = method.resolve(params);
  if (r.problems.length) {
    throw new GovscoreError(r.problems.map((m) => problem('E108', `aggregation '${key}': ${m}`, { node })));
  }
  const resolved = r.params as Record<string, unknown>;
  if (compat === 'coinr' && COINR_AGGREGATE.has(key)) {
    if (key === 'generalised' && resolved['p'] === 0)
      fail(
        'E108',
        "aggregation 'generalised': p = 0 under compat: coinr, where COINr's a_genmean stops",
        { node },
        'use aggregate: geometric (the limit at p = 0), or leave out compat',
      );
    return { key, method, params: { ...resolved, coinr: true } };
  }
  return { key, method, params: resolved };
}

/** Resolves a treatment spec, defaults filled in; `none` gives null. */
export function resolveTreat(spec: TreatSpec | undefined, compat: Compat = 'none'): TreatParams | null {
  if (!spec || spec.method === 'none') return null;
  const p: TreatParams = {
    method: spec.method,
    skew: spec.skew ?? treatDefaults.skew,
    kurtosis: spec.kurtosis ?? treatDefaults.kurtosis,
    max_points: spec.max_points ?? treatDefaults.max_points,
    fallback: spec.fallback ?? treatDefaults.fallback,
  };
  if (spec.force !== undefined) p.force = spec.force;
  if (compat === 'coinr') p.coinr = true;
  return p;
}

/** @internal The frame (year index) to assess. */
function chooseFrame(data: Dataset, year: number | undefined): { frame: number; year?: number } {
  if (data.years.length === 0) {
    if (year !== undefined)
      fail(
        'E210',
        `year ${year} asked for, but the data have no year column`,
        {},
        'leave out the year option',
      );
    return { frame: 0 };
  }
  if (year === undefined)
    return { frame: data.years.length - 1, year: data.years[data.years.length - 1] as number };
  const frame = data.years.indexOf(year);
  if (frame < 0) fail('E210', `year ${year} is not in the data`, {}, `use one of: ${data.years.join(', ')}`);
  return { frame, year };
}

/** @internal Checklist answer → share in [0, 1]; NaN when missing. */
function answer(col: Float64Array | undefined, at: number): number {
  return col ? (col[at] as number) : Number.NaN;
}

/**
 * Scores a checklist indicator for every frame from its item columns `indicator.item` (answers are
 * shares in [0, 1]: yes 1, no 0, partial 0.5 or a level's share; "not applicable" is marked in
 * `data.notApplicable`).
 *
 * Without `scoring.groups`: sum = min(max, Σ pᵢaᵢ · P / P_app) over the applicable normal items, where P
 * is the points of every normal item and P_app of the applicable ones (rescaled when some do not
 * apply); deduct = max(0, max − Σ pᵢ(1 − aᵢ)) (an item that does not apply deducts nothing).
 * With `scoring.groups` (inspection-style: indicators within the checklist, each worth its points Pg):
 * each group scores min(Pg, Σ pᵢaᵢ) (sum) or max(0, Pg − Σ pᵢ(1 − aᵢ)) (deduct: deductions capped at the
 * group's points); groups whose items all do not apply are left out and the total is rescaled:
 * Σ scores · ΣPg / ΣPg(applicable) — e.g. scored out of 75 of 100 points, × 4/3 — then capped at `max`.
 * Bonus items add pᵢaᵢ when the score is ≥ `bonus_above` (> with `bonus_exclusive`); a veto item answered
 * 0 fails the unit. A unit with any applicable normal item missing, or with none applicable, gets a
 * missing score.
 * Reference: 国务院办公厅秘书局《政府网站与政务新媒体检查指标》(国办秘函〔2019〕19号), 指标说明.
 * @internal
 */
function scoreChecklist(
  ind: IndicatorNode,
  data: Dataset,
  nFrames: number,
  vetoFrameHits: (unitIndex: number, frame: number, item: string) => void,
): Float64Array {
  const n = data.units.length;
  const out = new Float64Array(nFrames * n);
  const items = ind.items ?? [];
  const scoring = ind.scoring ?? { mode: 'sum' as const };
  const cols = items.map((it) => data.values.get(`${ind.id}.${it.id}`));
  const naCols = items.map((it) => data.notApplicable?.get(`${ind.id}.${it.id}`));
  const groups = scoring.groups ?? [];
  const groupOf = items.map((it) =>
    it.group !== undefined ? groups.findIndex((g) => g.id === it.group) : -1,
  );
  const groupTotal = groups.reduce((s, g) => s + g.points, 0);
  const normalMax = items.reduce(
    (s, it) => s + ((it.kind ?? 'normal') === 'normal' ? (it.points ?? 1) : 0),
    0,
  );
  const max = scoring.max ?? (groups.length ? groupTotal : normalMax);
  const got = new Float64Array(groups.length);
  const lost = new Float64Array(groups.length);
  const applicable = new Uint8Array(groups.length);
  for (let f = 0; f < nFrames; f++) {
    for (let i = 0; i < n; i++) {
      const at = f * n + i;
      let gotAll = 0;
      let lostAll = 0;
      let appPoints = 0;
      let missing = false;
      got.fill(0);
      lost.fill(0);
      applicable.fill(0);
      for (let k = 0; k < items.length; k++) {
        const it = items[k]!;
        if ((it.kind ?? 'normal') !== 'normal') continue;
        if (naCols[k]?.[at] === 1) continue;
        const a = answer(cols[k], at);
        if (Number.isNaN(a)) {
          missing = true;
          continue;
        }
        const p = it.points ?? 1;
        gotAll += p * a;
        lostAll += p * (1 - a);
        appPoints += p;
        const g = groupOf[k]!;
        if (g >= 0) {
          got[g]! += p * a;
          lost[g]! += p * (1 - a);
          applicable[g] = 1;
        }
      }
      if (missing || (appPoints === 0 && normalMax > 0)) {
        out[at] = Number.NaN;
        continue;
      }
      let s: number;
      if (groups.length) {
        let base = 0;
        let appTotal = 0;
        for (let g = 0; g < groups.length; g++) {
          if (!applicable[g]) continue;
          const pg = groups[g]!.points;
          appTotal += pg;
          base += scoring.mode === 'deduct' ? Math.max(0, pg - lost[g]!) : Math.min(pg, got[g]!);
        }
        s = Math.min(max, appTotal > 0 ? (base * groupTotal) / appTotal : Number.NaN);
      } else if (scoring.mode === 'deduct') s = Math.max(0, max - lostAll);
      else s = Math.min(max, appPoints > 0 ? (gotAll * normalMax) / appPoints : 0);
      const above = scoring.bonus_above ?? Number.NEGATIVE_INFINITY;
      const bonusOk = scoring.bonus_exclusive ? s > above : s >= above;
      for (let k = 0; k < items.length; k++) {
        const it = items[k]!;
        if (naCols[k]?.[at] === 1) continue;
        const a = answer(cols[k], at);
        if (it.kind === 'bonus' && bonusOk && !Number.isNaN(a)) s += (it.points ?? 1) * a;
        if (it.kind === 'veto' && a === 0) vetoFrameHits(i, f, `${ind.id}.${it.id}`);
      }
      out[at] = s;
    }
  }
  return out;
}

/** @internal The indicator's transform as a function, or null for none. */
function transformOf(ind: IndicatorNode): ((x: number) => number) | null {
  return ind.transform === 'log' ? Math.log : ind.transform === 'log10' ? Math.log10 : null;
}

/**
 * Imputes and transforms one indicator of the assessed frame from the plan's denominated columns: what
 * `compile` does for every indicator, exposed so that a robustness analysis can try other imputations.
 *
 * @param plan the parts of a plan it reads (tree, units, denominated columns, frame)
 * @param idx node index of the indicator
 * @param spec the imputation to apply (`{method: 'none'}` leaves missing values missing)
 * @returns the prepared column of the assessed frame and 1 where a value was imputed
 * @throws GovscoreError E302 when a log transform meets a value ≤ 0
 * @example prepareIndicator(plan, plan.tree.byId.get('LPI')!, { method: 'median' }).values
 */
export function prepareIndicator(
  plan: Pick<Plan, 'tree' | 'units' | 'unitIds' | 'denominated' | 'frame' | 'years'> & { compat?: Compat },
  idx: number,
  spec: ImputeSpec,
): { values: Float64Array; imputed: Uint8Array } {
  const { units, unitIds, frame } = plan;
  const n = units.length;
  const ind = indicatorOf(plan.tree.nodes[idx]!);
  const col = plan.denominated[idx]!;
  let values: Float64Array;
  let imp: Uint8Array;
  if (spec.method === 'none') {
    values = col.slice(frame * n, frame * n + n);
    imp = new Uint8Array(n);
  } else {
    const groups = spec.group ? units.map((u) => u.groups[spec.group as string]) : undefined;
    const r = impute(col, n, frame, spec, groups, plan.years.length ? plan.years : undefined, {
      coinr: plan.compat === 'coinr',
    });
    values = r.values;
    imp = r.imputed;
  }
  const f = transformOf(ind);
  if (f) {
    for (let j = 0; j < n; j++) {
      const v = values[j] as number;
      if (Number.isNaN(v)) continue;
      if (v <= 0) {
        fail(
          'E302',
          `'${ind.id}' has value ${v} for unit '${unitIds[j]}': its ${ind.transform} transform needs values > 0`,
          { node: ind.id, unit: unitIds[j] as string },
          'remove the transform or correct the value',
        );
      }
      values[j] = f(v);
    }
  }
  return { values, imputed: imp };
}

/**
 * Compiles an indicator set and a dataset into a Plan.
 *
 * Steps done here, in order: checklist scoring → denominate (value / (denominator / scale)) →
 * screen units → impute → transform (log); with `screen.stage: after_impute`, imputation (over every
 * unit) comes before screening. Treat, normalise and aggregate are `runPlan`'s.
 *
 * @param set a validated indicator set (`loadIndicatorSet`)
 * @param input a dataset (`parseDatasetCsv`, `readDataset`); with several raters (`ratings`), the final
 *   values are taken again by the set's `methodology.raters` rule
 * @throws GovscoreError E210 (year), E300 (no units left), E302 (log of a value ≤ 0), E103/E108 (methods),
 *   E113 (weights whose sum is not finite)
 * @example
 * const plan = compile(set, data);
 * const out = runPlan(plan);
 */
export function compile(set: IndicatorSet, input: Dataset, options: AssessOptions = {}): Plan {
  const tree = flattenTree(set);
  // a set built in code skips the loader's check (E113): weights whose sum overflows empty every score
  for (const idx of tree.aggregates) {
    const node = tree.nodes[idx]!;
    const sum = node.children.reduce((acc, c) => acc + tree.nodes[c]!.weight, 0);
    if (!Number.isFinite(sum))
      fail(
        'E113',
        `the weights of the children of '${node.id}' sum to ${sum}: beyond what the engine computes with`,
        { node: node.id },
        'write the weights on one scale from 1e-9 to 1e9, e.g. 20, 25, 55 or 0.2, 0.25, 0.55',
      );
  }
  const m = set.methodology ?? {};
  const compat: Compat = m.compat ?? 'none';
  // several raters: the final values by the set's rule
  const data = input.ratings?.length ? applyRatings(input, m.raters) : input;
  const warnings: Problem[] = [];
  const { frame, year } = chooseFrame(data, options.year);
  const nFrames = Math.max(1, data.years.length);
  const nAll = data.units.length;
  const nNodes = tree.nodes.length;

  // 1. raw values of every frame (checklists scored), 2. denominated
  const vetoAll = new Map<number, string[]>();
  const rawAll: (Float64Array | null)[] = new Array(nNodes).fill(null);
  const denAll: (Float64Array | null)[] = new Array(nNodes).fill(null);
  for (const idx of tree.indicators) {
    const node = tree.nodes[idx]!;
    const ind = indicatorOf(node);
    let col = data.values.get(ind.id);
    if (!col && ind.items) {
      col = scoreChecklist(ind, data, nFrames, (i, f, item) => {
        if (f !== frame) return;
        const list = vetoAll.get(i) ?? [];
        list.push(item);
        vetoAll.set(i, list);
      });
    }
    const raw = col ?? new Float64Array(nFrames * nAll).fill(Number.NaN);
    rawAll[idx] = raw;
    if (ind.denominator) {
      const den = data.values.get(ind.denominator.by);
      if (!den) {
        fail(
          'E106',
          `denominator '${ind.denominator.by}' of indicator '${ind.id}' is not in the data`,
          { node: ind.id },
          `add a column '${ind.denominator.by}' to the data or remove the denominator`,
        );
      }
      const scale = ind.denominator.scale ?? 1;
      const out = new Float64Array(raw.length);
      const bad: string[] = [];
      for (let k = 0; k < raw.length; k++) {
        const d = den[k] as number;
        if (Number.isNaN(d) || d === 0) {
          out[k] = Number.NaN;
          if (!Number.isNaN(raw[k] as number) && Math.floor(k / nAll) === frame)
            bad.push(data.units[k % nAll]!.id);
        } else out[k] = (raw[k] as number) / (d / scale);
      }
      if (bad.length) {
        warnings.push(
          problem(
            'W308',
            `denominator '${ind.denominator.by}' is missing or zero for ${bad.join(', ')}: '${ind.id}' left missing`,
            { node: ind.id },
            'supply the denominator for these units',
          ),
        );
      }
      denAll[idx] = out;
    } else denAll[idx] = raw;
  }

  // 3. screen units: on the data as supplied, or (stage: after_impute, as COINr's example) after
  // imputing with every unit, whose imputed values the kept units then keep
  const screen = m.screen ?? {};
  const specOf = (idx: number): ImputeSpec =>
    indicatorOf(tree.nodes[idx]!).impute ?? m.impute ?? { method: 'none' };
  let imputedAll: ({ values: Float64Array; imputed: Uint8Array } | null)[] | null = null;
  if (screen.stage === 'after_impute') {
    const all = {
      tree,
      units: data.units,
      unitIds: data.units.map((u) => u.id),
      denominated: denAll,
      frame,
      years: data.years,
      compat,
    };
    imputedAll = new Array(nNodes).fill(null);
    for (const idx of tree.indicators) imputedAll[idx] = prepareIndicator(all, idx, specOf(idx));
  }
  const keep: number[] = [];
  const screenedOut: { unit: string; reason: string }[] = [];
  const nInd = tree.indicators.length;
  for (let i = 0; i < nAll; i++) {
    const u = data.units[i]!;
    let present = 0;
    let zeros = 0;
    for (const idx of tree.indicators) {
      const v = (imputedAll ? imputedAll[idx]!.values[i] : denAll[idx]![frame * nAll + i]) as number;
      if (!Number.isNaN(v)) {
        present++;
        if (v === 0) zeros++;
      }
    }
    let reason = '';
    if (screen.exclude?.includes(u.id)) reason = 'excluded by hand';
    else if (!screen.include?.includes(u.id)) {
      if (screen.min_coverage !== undefined && present / nInd < screen.min_coverage) {
        reason = `data coverage ${(present / nInd).toFixed(3)} below ${screen.min_coverage}`;
      } else if (screen.max_zero_share !== undefined && zeros / nInd > screen.max_zero_share) {
        reason = `share of zeros ${(zeros / nInd).toFixed(3)} above ${screen.max_zero_share}`;
      }
    }
    if (reason) screenedOut.push({ unit: u.id, reason });
    else keep.push(i);
  }
  if (screenedOut.length) {
    warnings.push(
      problem(
        'W304',
        `${screenedOut.length} unit(s) screened out: ${screenedOut.map((s) => s.unit).join(', ')}`,
      ),
    );
  }
  if (keep.length === 0) {
    fail(
      'E300',
      'no units left to assess after screening',
      {},
      'lower methodology.screen.min_coverage or add data',
    );
  }
  const n = keep.length;
  const units = keep.map((i) => data.units[i]!);
  const unitIds = units.map((u) => u.id);
  const vetoes = new Map<number, string[]>();
  keep.forEach((i, j) => {
    const v = vetoAll.get(i);
    if (v) vetoes.set(j, v);
  });

  // 4. impute and 5. transform, on the kept units (all frames kept for panel methods)
  const raw: (Float64Array | null)[] = new Array(nNodes).fill(null);
  const prepared: (Float64Array | null)[] = new Array(nNodes).fill(null);
  const imputed: (Uint8Array | null)[] = new Array(nNodes).fill(null);
  const info: (NormaliseInfo | null)[] = new Array(nNodes).fill(null);
  const sub = (col: Float64Array) => {
    const out = new Float64Array(nFrames * n);
    for (let f = 0; f < nFrames; f++)
      for (let j = 0; j < n; j++) out[f * n + j] = col[f * nAll + keep[j]!] as number;
    return out;
  };
  const denominated: (Float64Array | null)[] = new Array(nNodes).fill(null);
  for (const idx of tree.indicators) {
    const ind = indicatorOf(tree.nodes[idx]!);
    const rawKept = sub(rawAll[idx]!);
    raw[idx] = rawKept.slice(frame * n, frame * n + n);
    denominated[idx] = sub(denAll[idx]!);
    const spec = specOf(idx);
    const pre = imputedAll?.[idx];
    const { values, imputed: imp } = pre
      ? {
          values: Float64Array.from(keep, (i) => pre.values[i] as number),
          imputed: Uint8Array.from(keep, (i) => pre.imputed[i] as number),
        }
      : prepareIndicator({ tree, units, unitIds, denominated, frame, years: data.years, compat }, idx, spec);
    if (spec.method !== 'none') {
      const count = imp.reduce((s, v) => s + v, 0);
      if (count) {
        const who = unitIds.filter((_, j) => imp[j]);
        warnings.push(
          problem('W303', `${count} value(s) of '${ind.id}' imputed (${spec.method}): ${who.join(', ')}`, {
            node: ind.id,
          }),
        );
      }
    }
    prepared[idx] = values;
    imputed[idx] = imp;
    const inf: NormaliseInfo = { direction: ind.direction === 'lower' ? -1 : 1 };
    if (ind.goalposts) {
      // goalposts are in raw units: transform them as the values are
      const f = transformOf(ind);
      inf.goalposts = f ? { low: f(ind.goalposts.low), high: f(ind.goalposts.high) } : ind.goalposts;
    }
    if (ind.target !== undefined) inf.target = ind.target;
    info[idx] = inf;
  }

  return {
    set,
    compat,
    tree,
    units,
    unitIds,
    ...(year !== undefined ? { year } : {}),
    raw,
    denominated,
    frame,
    years: data.years,
    prepared,
    imputed,
    info,
    settings: defaultSettings(set, tree, info, compat),
    warnings,
    screenedOut,
    vetoes,
  };
}

/** @internal The settings the YAML gives. */
function defaultSettings(
  set: IndicatorSet,
  tree: FlatTree,
  info: (NormaliseInfo | null)[],
  compat: Compat,
): PlanSettings {
  const m = set.methodology ?? {};
  const nNodes = tree.nodes.length;
  const s: PlanSettings = {
    weight: new Float64Array(nNodes),
    normalise: new Array(nNodes).fill(null),
    treat: new Array(nNodes).fill(null),
    aggregate: new Array(nNodes).fill(null),
    rescale: new Array(nNodes).fill(null),
    coverage: new Float64Array(nNodes),
    active: new Uint8Array(nNodes).fill(1),
  };
  for (const node of tree.nodes) {
    s.weight[node.index] = node.weight;
    if (node.kind === 'indicator') {
      const ind = indicatorOf(node);
      s.normalise[node.index] = resolveNormalise(
        ind.normalise ?? m.normalise,
        info[node.index]!,
        ind.id,
        'minmax',
        compat,
      );
      s.treat[node.index] = resolveTreat(ind.treat ?? m.treat, compat);
    } else {
      const src = node.source as { aggregate?: AggregateSpec; coverage?: number; rescale?: RescaleSpec };
      s.aggregate[node.index] = resolveAggregate(src.aggregate ?? m.aggregate, node.id, compat);
      s.coverage[node.index] = src.coverage ?? m.coverage ?? 0;
      if (src.rescale !== undefined) {
        const r = methodParts(src.rescale, 'none');
        s.rescale[node.index] =
          r.key === 'none'
            ? null
            : resolveNormalise(src.rescale, { direction: 1 }, node.id, 'minmax', compat);
      }
    }
  }
  return s;
}

/** @internal For kernels run without a Result to record into. */
export const ignoreWarnings = noWarn;
