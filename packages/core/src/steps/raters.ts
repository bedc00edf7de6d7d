/**
 * Several raters per value: agreement between them (Krippendorff's alpha for nominal, ordinal,
 * interval and ratio data; pairwise percent agreement), the disagreements to adjudicate, and the final
 * value by a declared rule (`methodology.raters.rule`). Pure: no I/O; inputs are never mutated.
 *
 * Conventions:
 * - a rater named `adjudicated` (or `adjudicator`, `final`, 仲裁, 裁定; any case) gives the adjudicator's
 *   answer: it is the final value whenever present, and it is not a rater in the agreement statistics;
 * - an empty answer is no answer (that rater is left out for that value);
 * - "not applicable" answers are left out of the statistics (they are not on the answers' scale), but
 *   a value where raters differ on applicability is a disagreement.
 */
import { type Problem, problem } from '../errors';
import type { Dataset, Rating } from '../load/dataset-types';
import type { RatersSpec } from '../schema/indicator-set';

/** Rater names (compared in lower case) that mark the adjudicator's final answer. */
export const ADJUDICATOR_NAMES: readonly string[] = ['adjudicated', 'adjudicator', 'final', '仲裁', '裁定'];
const adjudicators = new Set(ADJUDICATOR_NAMES);

/** True when a rater name marks the adjudicator's answer. */
export function isAdjudicator(rater: string): boolean {
  return adjudicators.has(rater.trim().toLowerCase());
}

/** Level of measurement of Krippendorff's alpha: which difference function δ² it uses. */
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/**
 * The coincidence matrix of reliability data: for every unit with m_u ≥ 2 answers, each ordered pair of
 * answers (c, k) from different raters adds 1 / (m_u − 1) to o_ck.
 *
 * @param units answers per unit; NaN = no answer
 * @returns the distinct answers ascending, o (K × K, row-major), n_c = Σ_k o_ck and n = Σ n_c
 * @example coincidences([[1, 1], [1, 0]]).o // values [0, 1]: o = [0, 1, 1, 2]
 * Reference: Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C.
 */
export function coincidences(units: readonly (readonly number[])[]): {
  values: number[];
  o: Float64Array;
  counts: Float64Array;
  n: number;
} {
  const distinct = new Set<number>();
  const pairable: number[][] = [];
  for (const u of units) {
    const vals = u.filter((v) => !Number.isNaN(v));
    if (vals.length < 2) continue;
    pairable.push(vals);
    for (const v of vals) distinct.add(v);
  }
  const values = [...distinct].sort((a, b) => a - b);
  const K = values.length;
  const index = new Map(values.map((v, i) => [v, i]));
  const o = new Float64Array(K * K);
  const c = new Float64Array(K);
  for (const vals of pairable) {
    c.fill(0);
    for (const v of vals) c[index.get(v)!]! += 1;
    const m = vals.length;
    for (let a = 0; a < K; a++) {
      const na = c[a]!;
      if (na === 0) continue;
      for (let b = 0; b < K; b++) {
        const nb = c[b]!;
        if (nb === 0) continue;
        o[a * K + b]! += (na * (a === b ? nb - 1 : nb)) / (m - 1);
      }
    }
  }
  const counts = new Float64Array(K);
  let n = 0;
  for (let a = 0; a < K; a++) {
    let s = 0;
    for (let b = 0; b < K; b++) s += o[a * K + b]!;
    counts[a] = s;
    n += s;
  }
  return { values, o, counts, n };
}

/**
 * Krippendorff's alpha for reliability data: α = 1 − D_o / D_e, from the coincidence matrix.
 *
 * For every unit u with m_u ≥ 2 answers, each ordered pair of answers (c, k) from different raters adds
 * 1 / (m_u − 1) to o_ck; n_c = Σ_k o_ck and n = Σ_c n_c. Then
 * α = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck, with δ² by level:
 * nominal 0 if c = k else 1; interval (c − k)²; ratio ((c − k) / (c + k))²; ordinal
 * (Σ_{g=c..k} n_g − (n_c + n_k) / 2)² over the answers in ascending order.
 *
 * @param units answers per unit (a value rated by several raters); NaN = no answer. Units with fewer than
 *   two answers are not pairable and are left out.
 * @param level nominal, ordinal, interval or ratio
 * @returns α (1 perfect agreement, 0 agreement by chance, < 0 systematic disagreement); NaN when it is
 *   undefined: fewer than two pairable answers, or every answer the same (no variation, D_e = 0)
 * @example krippendorffAlpha([[1, 1], [1, 0], [0, 0], [0, 0]], 'nominal') // 1 − 14/30 = 0.5333…
 * Reference: K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), University of
 * Pennsylvania ScholarlyCommons; R `irr::kripp.alpha`.
 */
export function krippendorffAlpha(units: readonly (readonly number[])[], level: AlphaLevel): number {
  const { values, o, counts: nc, n } = coincidences(units);
  const K = values.length;
  if (n < 2) return Number.NaN;
  const delta2 = (c: number, k: number): number => {
    if (c === k) return 0;
    const a = values[c]!;
    const b = values[k]!;
    switch (level) {
      case 'nominal':
        return 1;
      case 'interval':
        return (a - b) ** 2;
      case 'ratio':
        return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      case 'ordinal': {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        let s = 0;
        for (let g = lo; g <= hi; g++) s += nc[g]!;
        return (s - (nc[c]! + nc[k]!) / 2) ** 2;
      }
    }
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < K; c++) {
    for (let k = 0; k < K; k++) {
      if (c === k) continue;
      const d = delta2(c, k);
      observed += o[c * K + k]! * d;
      expected += nc[c]! * nc[k]! * d;
    }
  }
  if (expected === 0) return Number.NaN;
  return 1 - ((n - 1) * observed) / expected;
}

/**
 * Pairwise percent agreement: over the units with at least two answers, the share of pairs of answers
 * (from different raters of the same unit) that are equal; and the share of those units where every
 * answer is the same.
 *
 * @param units answers per unit; NaN = no answer
 * @returns pairs, agreeing pairs, `percent` = agree / pairs and `unanimous` (NaN when no unit is pairable)
 * @example percentAgreement([[1, 1], [1, 0], [0, 0, 0]]) // pairs 5, agree 4, percent 0.8, unanimous 2/3
 */
export function percentAgreement(units: readonly (readonly number[])[]): {
  units: number;
  pairs: number;
  agree: number;
  percent: number;
  unanimous: number;
} {
  let pairs = 0;
  let agree = 0;
  let pairable = 0;
  let unanimous = 0;
  for (const u of units) {
    const vals = u.filter((v) => !Number.isNaN(v));
    const m = vals.length;
    if (m < 2) continue;
    pairable++;
    const counts = new Map<number, number>();
    for (const v of vals) counts.set(v, (counts.get(v) ?? 0) + 1);
    pairs += (m * (m - 1)) / 2;
    for (const c of counts.values()) agree += (c * (c - 1)) / 2;
    if (counts.size === 1) unanimous++;
  }
  return {
    units: pairable,
    pairs,
    agree,
    percent: pairs > 0 ? agree / pairs : Number.NaN,
    unanimous: pairable > 0 ? unanimous / pairable : Number.NaN,
  };
}

/** One answer to resolve: its rater, its value (NaN = none) and whether it is "not applicable". */
export interface Answer {
  rater: string;
  value: number;
  na?: boolean;
}

/** How a final value was taken. */
export type ResolvedBy = 'agreed' | 'adjudicated' | 'majority' | 'median' | 'unresolved' | 'none';

/** The final value of one rated value. */
export interface Resolved {
  /** NaN when missing (no answer, or unresolved) or not applicable. */
  value: number;
  na: boolean;
  by: ResolvedBy;
  /** True when the raters (adjudicator aside) gave different answers. */
  disagree: boolean;
  /** Raters (adjudicator aside) who answered. */
  raters: number;
}

const keyOf = (a: Answer): string => (a.na ? 'na' : String(a.value));
const answered = (a: Answer): boolean => a.na === true || !Number.isNaN(a.value);

/**
 * Takes the final value of one rated value by a rule.
 *
 * - an adjudicator's answer, when present, is final (`adjudicated`), whatever the rule;
 * - raters who agree give their common answer (`agreed`);
 * - otherwise, by `rule`: `adjudicated` leaves the value missing until adjudicated (`unresolved`);
 *   `majority` takes the most frequent answer, and a tie leaves it missing (`unresolved`); `median`
 *   takes the lower median of the numeric answers (an answer given), or "not applicable" when most
 *   answers are.
 *
 * @param answers every answer to the value (several raters, maybe the adjudicator)
 * @param rule the declared rule
 * @example resolveAnswers([{rater: 'a', value: 1}, {rater: 'b', value: 0}, {rater: 'c', value: 1}], 'majority')
 *   // {value: 1, na: false, by: 'majority', disagree: true, raters: 3}
 */
export function resolveAnswers(answers: readonly Answer[], rule: RatersSpec['rule']): Resolved {
  let adj: Answer | undefined;
  const given: Answer[] = [];
  for (const a of answers) {
    if (!answered(a)) continue;
    if (isAdjudicator(a.rater)) adj = a;
    else given.push(a);
  }
  const keys = new Map<string, { a: Answer; count: number }>();
  for (const a of given) {
    const k = keyOf(a);
    const e = keys.get(k);
    if (e) e.count++;
    else keys.set(k, { a, count: 1 });
  }
  const disagree = keys.size > 1;
  const out = (a: Answer | undefined, by: ResolvedBy): Resolved => ({
    value: a && !a.na ? a.value : Number.NaN,
    na: a?.na === true,
    by,
    disagree,
    raters: given.length,
  });
  if (adj) return out(adj, 'adjudicated');
  if (given.length === 0) return out(undefined, 'none');
  if (!disagree) return out(given[0], 'agreed');
  if (rule === 'adjudicated') return out(undefined, 'unresolved');
  if (rule === 'majority') {
    let best: { a: Answer; count: number } | undefined;
    let tie = false;
    for (const e of keys.values()) {
      if (!best || e.count > best.count) {
        best = e;
        tie = false;
      } else if (e.count === best.count) tie = true;
    }
    return tie ? out(undefined, 'unresolved') : out(best!.a, 'majority');
  }
  const nums = given
    .filter((a) => !a.na)
    .map((a) => a.value)
    .sort((x, y) => x - y);
  if (given.length - nums.length > nums.length)
    return out({ rater: '', value: Number.NaN, na: true }, 'median');
  return out({ rater: '', value: nums[Math.floor((nums.length - 1) / 2)]! }, 'median');
}

/** Agreement statistics of a set of rated values. */
export interface AgreementStats {
  /** Values rated by at least two raters (adjudicator aside): what the statistics are computed on. */
  values: number;
  /** Answers in those values (not applicable left out). */
  answers: number;
  /** Pairwise percent agreement (see `percentAgreement`); null when no value is pairable. */
  percent: number | null;
  /** Share of pairable values where every rater gave the same answer. */
  unanimous: number | null;
  /** Krippendorff's alpha by level; null when undefined (no variation, or nothing pairable). */
  alpha_nominal: number | null;
  alpha_ordinal: number | null;
  alpha_interval: number | null;
}

/** A value the raters answered differently, for adjudication. */
export interface Disagreement {
  unit: string;
  /** Variable rated: `indicator.item` or an indicator id. */
  variable: string;
  /** Indicator the variable belongs to. */
  indicator: string;
  year?: number;
  /** Every answer, adjudicator included: value null when not applicable (`na: true`) or empty. */
  answers: { rater: string; value: number | null; na?: true }[];
  /** The final value; null when missing or not applicable (`final_na: true`). */
  final: number | null;
  final_na?: true;
  /** How the final value was taken; `unresolved` = left missing, adjudication needed. */
  by: ResolvedBy;
}

/** Rater agreement of an assessment (`Result.agreement`). */
export interface Agreement {
  rule: RatersSpec['rule'];
  min_raters: number;
  /** Rater names (adjudicator aside), sorted. */
  raters: string[];
  /** Every rated value pooled (units × variables). */
  overall: AgreementStats;
  /** By indicator: its items (checklists) or its own values pooled. */
  indicators: Record<string, AgreementStats>;
  /** By variable (`indicator.item` or indicator id). */
  variables: Record<string, AgreementStats>;
  /** Values the raters answered differently, in unit then variable order. */
  disagreements: Disagreement[];
  /** Values answered by fewer raters than `min_raters`. */
  too_few: { unit: string; variable: string; raters: number }[];
}

const nil = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** @internal Statistics of values given as answer lists. */
export function agreementStats(units: readonly (readonly number[])[]): AgreementStats {
  const pa = percentAgreement(units);
  let answers = 0;
  for (const u of units) {
    const m = u.filter((v) => !Number.isNaN(v)).length;
    if (m >= 2) answers += m;
  }
  return {
    values: pa.units,
    answers,
    percent: nil(pa.percent),
    unanimous: nil(pa.unanimous),
    alpha_nominal: nil(krippendorffAlpha(units, 'nominal')),
    alpha_ordinal: nil(krippendorffAlpha(units, 'ordinal')),
    alpha_interval: nil(krippendorffAlpha(units, 'interval')),
  };
}

/** The indicator of a variable: the part before the first dot of `indicator.item`. */
function indicatorOfVariable(variable: string): string {
  const dot = variable.indexOf('.');
  return dot > 0 ? variable.slice(0, dot) : variable;
}

interface Cell {
  unit: string;
  variable: string;
  year: number | undefined;
  answers: Answer[];
}

/** Groups ratings by (unit, variable, year), keeping first-seen order. */
function cells(ratings: readonly Rating[]): Cell[] {
  const out = new Map<string, Cell>();
  for (const r of ratings) {
    const k = `${r.unit}\u0000${r.variable}\u0000${r.year ?? ''}`;
    let c = out.get(k);
    if (!c) out.set(k, (c = { unit: r.unit, variable: r.variable, year: r.year, answers: [] }));
    c.answers.push({ rater: r.rater, value: r.value, ...(r.na ? { na: true } : {}) });
  }
  return [...out.values()];
}

/**
 * Replaces the values of a dataset's rated cells by their final values (see `resolveAnswers`), and
 * marks the cells resolved to "not applicable". Cells without ratings keep their values.
 *
 * @param data a dataset with `ratings` (a dataset without is returned as it is)
 * @param spec the set's `methodology.raters` (default rule `majority`)
 * @returns a new dataset (values copied where they change); `data` is not changed
 * @example applyRatings(dataset, { rule: 'median' }).values.get('portal.search')
 */
export function applyRatings(data: Dataset, spec?: RatersSpec): Dataset {
  if (!data.ratings?.length) return data;
  const rule = spec?.rule ?? 'majority';
  const n = data.units.length;
  const frames = Math.max(1, data.years.length);
  const unitIndex = new Map(data.units.map((u, i) => [u.id, i]));
  const frameOf = new Map(data.years.map((y, f) => [y, f]));
  const values = new Map(data.values);
  const na = new Map(data.notApplicable ?? []);
  const variables = [...data.variables];
  const copied = new Set<string>();
  for (const c of cells(data.ratings)) {
    const i = unitIndex.get(c.unit);
    const f = c.year === undefined ? 0 : frameOf.get(c.year);
    if (i === undefined || f === undefined) continue;
    const r = resolveAnswers(c.answers, rule);
    if (!copied.has(c.variable)) {
      copied.add(c.variable);
      const col = values.get(c.variable);
      values.set(c.variable, col ? Float64Array.from(col) : new Float64Array(n * frames).fill(Number.NaN));
      const nc = na.get(c.variable);
      na.set(c.variable, nc ? Uint8Array.from(nc) : new Uint8Array(n * frames));
      if (!col && !variables.includes(c.variable)) variables.push(c.variable);
    }
    values.get(c.variable)![f * n + i] = r.value;
    na.get(c.variable)![f * n + i] = r.na ? 1 : 0;
  }
  for (const [v, col] of na) if (!col.some((x) => x === 1)) na.delete(v);
  const out: Dataset = { ...data, variables, values };
  if (na.size > 0) out.notApplicable = na;
  else delete out.notApplicable;
  return out;
}

/**
 * Agreement between raters, per variable, per indicator and overall, with the disagreements and the
 * values answered by too few raters. Only the units given (the assessed ones) and the year given count.
 *
 * @param ratings every rater's answer (`Dataset.ratings`)
 * @param spec `methodology.raters` (default rule `majority`, min_raters 1)
 * @param units ids of the units to include, in the order to list them
 * @param year the year assessed (ratings of other years are left out); undefined without years
 * @returns the agreement (see `Agreement`); statistics are null where undefined
 * @example raterAgreement(data.ratings!, { rule: 'majority' }, ['A', 'B']).overall.alpha_nominal
 */
export function raterAgreement(
  ratings: readonly Rating[],
  spec: RatersSpec | undefined,
  units: readonly string[],
  year?: number,
): Agreement {
  const rule = spec?.rule ?? 'majority';
  const minRaters = spec?.min_raters ?? 1;
  const order = new Map(units.map((u, i) => [u, i]));
  const kept = cells(ratings).filter((c) => order.has(c.unit) && c.year === year);
  const raters = new Set<string>();
  const byVar = new Map<string, number[][]>();
  const byInd = new Map<string, number[][]>();
  const all: number[][] = [];
  const disagreements: Disagreement[] = [];
  const tooFew: Agreement['too_few'] = [];
  for (const c of kept) {
    const stats = c.answers.filter((a) => !isAdjudicator(a.rater) && !a.na).map((a) => a.value);
    for (const a of c.answers) if (!isAdjudicator(a.rater) && answered(a)) raters.add(a.rater);
    const ind = indicatorOfVariable(c.variable);
    if (!byVar.has(c.variable)) byVar.set(c.variable, []);
    if (!byInd.has(ind)) byInd.set(ind, []);
    byVar.get(c.variable)!.push(stats);
    byInd.get(ind)!.push(stats);
    all.push(stats);
    const r = resolveAnswers(c.answers, rule);
    if (r.raters < minRaters) tooFew.push({ unit: c.unit, variable: c.variable, raters: r.raters });
    if (r.disagree) {
      const d: Disagreement = {
        unit: c.unit,
        variable: c.variable,
        indicator: ind,
        ...(c.year !== undefined ? { year: c.year } : {}),
        answers: c.answers.filter(answered).map((a) => ({
          rater: a.rater,
          value: a.na ? null : a.value,
          ...(a.na ? { na: true as const } : {}),
        })),
        final: r.na || Number.isNaN(r.value) ? null : r.value,
        by: r.by,
      };
      if (r.na) d.final_na = true;
      disagreements.push(d);
    }
  }
  const cmp = (a: { unit: string; variable: string }, b: { unit: string; variable: string }) =>
    order.get(a.unit)! - order.get(b.unit)! ||
    (a.variable < b.variable ? -1 : a.variable > b.variable ? 1 : 0);
  disagreements.sort(cmp);
  tooFew.sort(cmp);
  const record = (m: Map<string, number[][]>): Record<string, AgreementStats> => {
    const o: Record<string, AgreementStats> = Object.create(null);
    for (const k of [...m.keys()].sort()) o[k] = agreementStats(m.get(k)!);
    return o;
  };
  return {
    rule,
    min_raters: minRaters,
    raters: [...raters].sort(),
    overall: agreementStats(all),
    indicators: record(byInd),
    variables: record(byVar),
    disagreements,
    too_few: tooFew,
  };
}

/**
 * Warnings about an agreement: values left missing because the raters disagree and the rule does not
 * settle it (W311, one per indicator), and values answered by fewer raters than `min_raters` (W312).
 *
 * @param agreement from `raterAgreement`
 * @example ratingWarnings(result.agreement!) // [{code: 'W311', node: 'portal', ...}]
 */
export function ratingWarnings(agreement: Agreement): Problem[] {
  const out: Problem[] = [];
  const unresolved = new Map<string, string[]>();
  for (const d of agreement.disagreements) {
    if (d.by !== 'unresolved') continue;
    const list = unresolved.get(d.indicator) ?? [];
    list.push(`${d.unit} ${d.variable}`);
    unresolved.set(d.indicator, list);
  }
  for (const [ind, list] of unresolved) {
    out.push(
      problem(
        'W311',
        `${list.length} answer(s) of '${ind}' left missing: the raters disagree and rule '${agreement.rule}' does not settle it (${list.slice(0, 5).join(', ')}${list.length > 5 ? ', ...' : ''})`,
        { node: ind },
        "add the adjudicated answer (a row with rater 'adjudicated'), or declare methodology.raters.rule: majority or median",
      ),
    );
  }
  if (agreement.too_few.length) {
    const list = agreement.too_few;
    out.push(
      problem(
        'W312',
        `${list.length} value(s) answered by fewer than ${agreement.min_raters} raters (${list
          .slice(0, 5)
          .map((t) => `${t.unit} ${t.variable}: ${t.raters}`)
          .join(', ')}${list.length > 5 ? ', ...' : ''})`,
        {},
        'have more raters answer them, or lower methodology.raters.min_raters',
      ),
    );
  }
  return out;
}
