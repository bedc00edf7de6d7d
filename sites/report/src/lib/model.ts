/**
 * The report's view of its Results: the current year's values looked up per unit and node, last
 * year's for the changes, tiers with names and colours, groups. Pure and computed once per build;
 * it only looks values up and counts — every score, rank and tier comes from the Result.
 */
import {
  formatFixed,
  type LangText,
  type NodeCoverageValues,
  type ResolvedNode,
  type Result,
  shownDecimals,
  type Unit,
} from '@govscore/core';
import { type RankInterval, readIntervals, readSensitivity, type SensitivityRow } from './analysis';
import { PAGE_KEYS, type PageKey, type SiteConfig } from './config';
import { pct, pick, t } from './i18n';
import { unitSlugs } from './paths';

export interface TierInfo {
  id: string;
  name: LangText | undefined;
  color: string;
  min?: number;
  exclusive?: boolean;
  min_quantile?: number;
  veto?: boolean;
  /** Units in the tier this year. */
  count: number;
}

export interface UnitView {
  /** Index in `current.units` and in every values array. */
  index: number;
  id: string;
  slug: string;
  unit: Unit;
  group: string | null;
  score: number | null;
  rank: number | null;
  groupRank: number | null;
  tier: string | null;
  subclass: string | null;
  /** Last year's values of the root, when the unit was assessed then. */
  prev: { score: number | null; rank: number | null; tier: string | null } | null;
  /** Places gained since last year (last year's rank − this year's): positive is better. */
  rankChange: number | null;
  scoreChange: number | null;
  interval: RankInterval | null;
}

export interface ReportModel {
  results: Result[];
  current: Result;
  previous: Result | null;
  /** Index of each unit id in `previous.units`. */
  prevIndex: Map<string, number>;
  year: number | undefined;
  prevYear: number | undefined;
  root: ResolvedNode;
  /** Children of the root: the dimensions. */
  dims: ResolvedNode[];
  nodes: Map<string, ResolvedNode>;
  /** Units in data order. */
  units: UnitView[];
  /** Units by rank (missing ranks last, then by id). */
  ranked: UnitView[];
  byId: Map<string, UnitView>;
  bySlug: Map<string, UnitView>;
  tiers: TierInfo[];
  tierById: Map<string, TierInfo>;
  /** The group column used for peer groups and filters, and its values (sorted). */
  groupKey: string | null;
  groups: string[];
  languages: string[];
  config: SiteConfig;
  pages: Set<PageKey>;
  /** Rank intervals of the root from the uncertainty analysis, by unit id; null when not computed. */
  intervals: Map<string, RankInterval> | null;
  sensitivity: SensitivityRow[] | null;
  /** Mean score of each node over the units with a score. */
  average: Map<string, number | null>;
  /** Mean score of each node per group. */
  groupAverage: Map<string, Map<string, number | null>>;
  /** Sum and count of the scores present per group and node (peer averages without the unit itself). */
  groupSum: Map<string, Map<string, { sum: number; n: number }>>;
  /** Lowest and highest score of each node. */
  extent: Map<string, { min: number | null; max: number | null }>;
  /**
   * Decimals every score of a node is shown with: the precision its ranks were decided at
   * (`shownDecimals` of the core: the set's `rank.round`, else the fewest at which different scores
   * show differently). Tables, charts, narrative and downloads all follow it.
   */
  decimals: Map<string, number>;
}

/** Fallback tier colours (viridis stops), best first, for sets that give none. */
const TIER_FALLBACK = ['#21918c', '#5ec962', '#3b528b', '#fde725', '#440154', '#90d743'];
const VETO_COLOUR = '#7f7f7f';

function num(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : x;
}

/** Language order: config, else the set's languages, Chinese first when the set has Chinese. */
export function siteLanguages(result: Result, config: SiteConfig): string[] {
  if (config.languages?.length) return config.languages;
  const langs = result.set.languages.length ? [...result.set.languages] : ['en'];
  const zh = langs.findIndex((l) => l === 'zh' || l.startsWith('zh-'));
  if (zh > 0) langs.unshift(...langs.splice(zh, 1));
  return langs;
}

/**
 * Builds the model from Results (any order; sorted by year here) and a config.
 * @throws Error when there is no Result or the Results are of different indicator sets
 */
export function buildModel(resultsIn: readonly Result[], config: SiteConfig = {}): ReportModel {
  if (resultsIn.length === 0) throw new Error('no Result to report on');
  const results = [...resultsIn].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  const current = results[results.length - 1]!;
  for (const r of results) {
    if (r.set.id !== current.set.id)
      throw new Error(
        `Results of different indicator sets ('${r.set.id}' and '${current.set.id}') cannot be one report`,
      );
  }
  const previous = results.length > 1 ? results[results.length - 2]! : null;
  const nodes = new Map(current.set.nodes.map((n) => [n.id, n]));
  const root = current.set.nodes.find((n) => n.parent === null) ?? current.set.nodes[0]!;
  const dims = root.children.map((c) => nodes.get(c)!).filter(Boolean);

  // tiers
  const spec = current.set.tiers;
  const tierColours = config.colours?.tiers ?? {};
  const tiers: TierInfo[] = [];
  spec?.levels.forEach((l, k) => {
    const t: TierInfo = {
      id: l.id,
      name: l.name,
      color: tierColours[l.id] ?? l.color ?? TIER_FALLBACK[k % TIER_FALLBACK.length]!,
      count: 0,
    };
    if (l.min !== undefined) t.min = l.min;
    if (l.exclusive !== undefined) t.exclusive = l.exclusive;
    if (l.min_quantile !== undefined) t.min_quantile = l.min_quantile;
    tiers.push(t);
  });
  if (spec?.veto)
    tiers.push({
      id: spec.veto.id,
      name: spec.veto.name,
      color: tierColours[spec.veto.id] ?? VETO_COLOUR,
      veto: true,
      count: 0,
    });
  const tierById = new Map(tiers.map((t) => [t.id, t]));

  // groups
  const groupKeys = [...new Set(current.units.flatMap((u) => Object.keys(u.groups)))].sort();
  const within = current.set.rank.within;
  const groupKey =
    within && groupKeys.includes(within)
      ? within
      : groupKeys.includes('group')
        ? 'group'
        : (groupKeys[0] ?? null);

  const rootValues = current.values[root.id]!;
  const prevIndex = new Map<string, number>();
  previous?.units.forEach((u, i) => {
    prevIndex.set(u.id, i);
  });
  const prevRoot = previous ? previous.values[root.id] : undefined;
  const intervals = readIntervals(current, root.id);
  const slugs = unitSlugs(current.units.map((u) => u.id));

  const units: UnitView[] = current.units.map((u, i) => {
    const score = num(rootValues.score[i]);
    const rank = num(rootValues.rank[i]);
    const tier = current.tiers?.tier[i] ?? null;
    const pi = prevIndex.get(u.id);
    let prev: UnitView['prev'] = null;
    if (previous && prevRoot && pi !== undefined) {
      prev = {
        score: num(prevRoot.score[pi]),
        rank: num(prevRoot.rank[pi]),
        tier: previous.tiers?.tier[pi] ?? null,
      };
    }
    const t = tier ? tierById.get(tier) : undefined;
    if (t) t.count++;
    return {
      index: i,
      id: u.id,
      slug: slugs[i]!,
      unit: u,
      group: groupKey ? (u.groups[groupKey] ?? null) : null,
      score,
      rank,
      groupRank: num(rootValues.group_rank?.[i]),
      tier,
      subclass: current.tiers?.subclass?.[i] ?? null,
      prev,
      rankChange: prev && prev.rank !== null && rank !== null ? prev.rank - rank : null,
      scoreChange: null,
      interval: intervals?.get(u.id) ?? null,
    };
  });
  const decimals = new Map(current.set.nodes.map((n) => [n.id, shownDecimals(current, n.id)]));
  // a change is the difference of the numbers shown (88.55 − 88.45 = 0.10), not of the doubles
  for (const u of units)
    if (u.prev && u.prev.score !== null && u.score !== null)
      u.scoreChange = shownChange(decimals.get(root.id) ?? 1, u.prev.score, u.score);
  const ranked = [...units].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const groups = [...new Set(units.map((u) => u.group).filter((g): g is string => g !== null))].sort();

  const average = new Map<string, number | null>();
  const groupAverage = new Map<string, Map<string, number | null>>();
  const groupSum = new Map<string, Map<string, { sum: number; n: number }>>();
  const extent = new Map<string, { min: number | null; max: number | null }>();
  for (const g of groups) {
    groupAverage.set(g, new Map());
    groupSum.set(g, new Map());
  }
  for (const n of current.set.nodes) {
    const s = current.values[n.id]?.score ?? [];
    let sum = 0;
    let cnt = 0;
    let min = Infinity;
    let max = -Infinity;
    const per = new Map<string, { sum: number; n: number }>(groups.map((g) => [g, { sum: 0, n: 0 }]));
    for (let i = 0; i < s.length; i++) {
      const x = s[i];
      if (x === null || x === undefined || !Number.isFinite(x)) continue;
      sum += x;
      cnt++;
      if (x < min) min = x;
      if (x > max) max = x;
      const g = units[i]?.group;
      if (g !== null && g !== undefined) {
        const acc = per.get(g)!;
        acc.sum += x;
        acc.n++;
      }
    }
    average.set(n.id, cnt ? sum / cnt : null);
    extent.set(n.id, cnt ? { min, max } : { min: null, max: null });
    for (const g of groups) {
      const acc = per.get(g)!;
      groupSum.get(g)!.set(n.id, acc);
      groupAverage.get(g)!.set(n.id, acc.n ? acc.sum / acc.n : null);
    }
  }

  const pages = new Set<PageKey>(config.pages ?? PAGE_KEYS);
  pages.add('overview');
  if (dims.length === 0) pages.delete('whatif');
  return {
    results,
    current,
    previous,
    prevIndex,
    year: current.year,
    prevYear: previous?.year,
    root,
    dims,
    nodes,
    units,
    ranked,
    byId: new Map(units.map((u) => [u.id, u])),
    bySlug: new Map(units.map((u) => [u.slug, u])),
    tiers,
    tierById,
    groupKey,
    groups,
    languages: siteLanguages(current, config),
    config,
    pages,
    intervals,
    sensitivity: readSensitivity(current),
    average,
    groupAverage,
    groupSum,
    extent,
    decimals,
  };
}

/** @internal The change from `before` to `now` as shown: the difference of the two rounded numbers. */
function shownChange(decimals: number, before: number, now: number): number {
  return Number(
    formatFixed(Number(formatFixed(now, decimals)) - Number(formatFixed(before, decimals)), decimals),
  );
}

/**
 * The change of a unit's score on a node between two years as shown (the difference of the numbers
 * the pages show, at the node's decimals); null when either is missing.
 */
export function scoreChangeOf(
  model: ReportModel,
  nodeId: string,
  before: number | null | undefined,
  now: number | null | undefined,
): number | null {
  if (before === null || before === undefined || now === null || now === undefined) return null;
  if (!Number.isFinite(before) || !Number.isFinite(now)) return null;
  return shownChange(model.decimals.get(nodeId) ?? 1, before, now);
}

/**
 * A score (or an average, a bound) of a node as shown: with the node's decimals, rounded half away from
 * zero as ranks are, a true minus sign; '–' when there is none.
 * @example scoreText(model, 'index', 88.545) // '88.55' when the set ranks at 2 decimals
 */
export function scoreText(model: ReportModel, nodeId: string, x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const s = formatFixed(x, model.decimals.get(nodeId) ?? 1);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** A unit's score on a node as shown in its cell: `scoreText`, or "缺失 / missing" when it has none. */
export function valueText(
  model: ReportModel,
  nodeId: string,
  x: number | null | undefined,
  lang: string,
): string {
  return x === null || x === undefined || !Number.isFinite(x)
    ? t('missing', lang)
    : scoreText(model, nodeId, x);
}

/** The coverage of an aggregate for one unit (children with data, weight shares), from the Result. */
export function coverageOf(
  model: ReportModel,
  nodeId: string,
  index: number,
): { present: number; total: number; weight: number; data: number } | null {
  const c: NodeCoverageValues | undefined = model.current.values[nodeId]?.coverage;
  if (!c) return null;
  return {
    present: c.present[index] ?? 0,
    total: c.total,
    weight: c.weight[index] ?? 0,
    data: c.data?.[index] ?? c.weight[index] ?? 0,
  };
}

/** Coverage as shown: `4/5 (80%)` — children with data of all, their share of the weight. */
export function coverageText(c: { present: number; total: number; weight: number } | null): string {
  if (!c) return '–';
  const whole = Number.isInteger(Math.round(c.weight * 1e9) / 1e7);
  return `${c.present}/${c.total} (${pct(c.weight, whole ? 0 : 1)})`;
}

/** Display name of a unit in a language (its id when unnamed). */
export function unitLabel(u: { unit: Unit; id: string }, lang: string): string {
  return pick(u.unit.name, lang, u.id) || u.id;
}

/** Display name of a node in a language (its id when unnamed). */
export function nodeLabel(n: ResolvedNode | undefined, lang: string): string {
  if (!n) return '';
  return pick(n.name, lang, n.id) || n.id;
}

/** Display name of a group value (the config's `groups`), the value itself otherwise. */
export function groupLabel(model: ReportModel, group: string | null, lang: string): string {
  if (group === null) return '–';
  return pick(model.config.groups?.[group], lang, group) || group;
}

/** Display name of a tier in a language. */
export function tierLabel(model: ReportModel, id: string | null, lang: string): string {
  if (id === null) return '–';
  const t = model.tierById.get(id);
  return pick(t?.name, lang, id) || id;
}

/**
 * Average of a unit's peer group on a node, the unit itself left out (as the profile charts do);
 * null without a group or peers with a score.
 */
export function peerAverage(model: ReportModel, nodeId: string, u: UnitView): number | null {
  if (u.group === null) return null;
  const acc = model.groupSum.get(u.group)?.get(nodeId);
  if (!acc) return null;
  const own = num(model.current.values[nodeId]?.score[u.index]);
  const sum = own === null ? acc.sum : acc.sum - own;
  const n = own === null ? acc.n : acc.n - 1;
  return n > 0 ? sum / n : null;
}

/** Units ordered by their rank on a node (missing last, then by id). */
export function rankedOn(model: ReportModel, nodeId: string): UnitView[] {
  const v = model.current.values[nodeId];
  if (!v) return [];
  return [...model.units].sort(
    (a, b) =>
      (num(v.rank[a.index]) ?? Infinity) - (num(v.rank[b.index]) ?? Infinity) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Score and rank of a unit on a node. */
export function nodeValue(
  model: ReportModel,
  nodeId: string,
  index: number,
): { score: number | null; rank: number | null; groupRank: number | null } {
  const v = model.current.values[nodeId];
  return {
    score: num(v?.score[index]),
    rank: num(v?.rank[index]),
    groupRank: num(v?.group_rank?.[index]),
  };
}

/** Last year's score and rank of a unit on a node; null when the unit or node was not assessed then. */
export function prevValueOf(
  model: ReportModel,
  nodeId: string,
  unitId: string,
): { score: number | null; rank: number | null } | null {
  const i = model.prevIndex.get(unitId);
  const v = model.previous?.values[nodeId];
  if (i === undefined || !v) return null;
  return { score: num(v.score[i]), rank: num(v.rank[i]) };
}

/** Units with a rank on a node (the "n" of "rank r of n"). */
export function rankedCount(model: ReportModel, nodeId: string): number {
  const v = model.current.values[nodeId];
  return v ? v.rank.filter((r) => r !== null && Number.isFinite(r)).length : 0;
}

/** Changes since last year: the largest rank gains and losses, and tier moves. */
export function keyChanges(
  model: ReportModel,
  top = 5,
): { up: UnitView[]; down: UnitView[]; tierMoves: UnitView[] } {
  const moved = model.units.filter((u) => u.rankChange !== null && u.rankChange !== 0);
  const byId = (a: UnitView, b: UnitView) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const up = moved
    .filter((u) => (u.rankChange as number) > 0)
    .sort((a, b) => (b.rankChange as number) - (a.rankChange as number) || byId(a, b))
    .slice(0, top);
  const down = moved
    .filter((u) => (u.rankChange as number) < 0)
    .sort((a, b) => (a.rankChange as number) - (b.rankChange as number) || byId(a, b))
    .slice(0, top);
  const tierMoves = model.ranked.filter((u) => u.prev && u.prev.tier !== null && u.prev.tier !== u.tier);
  return { up, down, tierMoves };
}

/** Descendant indicators of a node, in tree order. */
export function indicatorsUnder(model: ReportModel, nodeId: string): ResolvedNode[] {
  const out: ResolvedNode[] = [];
  const walk = (id: string) => {
    const n = model.nodes.get(id);
    if (!n) return;
    if (n.kind === 'indicator') out.push(n);
    else for (const c of n.children) walk(c);
  };
  walk(nodeId);
  return out;
}
