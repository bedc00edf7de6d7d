/**
 * Builds the Result document from a plan and one run: ranks, tiers, strengths and weaknesses,
 * the resolved set, provenance.
 * @internal
 */
import type { Problem } from '../errors';
import type { Dataset, Evidence } from '../load/dataset-types';
import type { Plan } from '../plan/compile';
import type { RunOutput } from '../plan/run';
import { indicatorOf } from '../plan/tree';
import type { IndicatorSet, LangText, TierSpec } from '../schema/indicator-set';
import { rankable, rankedUnits, rankWithin } from '../steps/rank';
import { RankScratch } from '../steps/rank-scratch';
import { assignTiers } from '../steps/tier';
import { canonicalJson } from '../util/canonical';
import { sha256Hex } from '../util/sha256';
import { VERSION } from '../version';
import { type NodeValues, RESULT_VERSION, type ResolvedNode, type Result, type Treatment } from './types';

/** @internal An object without a prototype, safe for keys taken from user data. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** @internal Float64Array → JSON array, NaN → null. */
export function toJsonArray(x: ArrayLike<number>): (number | null)[] {
  const out = new Array<number | null>(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    out[i] = Number.isFinite(v) ? v : null;
  }
  return out;
}

/**
 * @internal Content hash of a dataset: its source hash when the loader gave one (sha256 of the file's
 * bytes), else sha256 of its canonical content: units, years and variables as canonical JSON, then every
 * variable's values as little-endian float64 bytes, in variable order.
 */
export function datasetHash(data: Dataset): string {
  if (data.source?.hash) return data.source.hash;
  const head = new TextEncoder().encode(
    canonicalJson({ units: data.units, years: data.years, variables: data.variables }),
  );
  const cols = data.variables.map((v) => data.values.get(v) ?? new Float64Array(0));
  const size = head.length + cols.reduce((s, c) => s + 4 + c.length * 8, 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set(head, 0);
  let at = head.length;
  for (const c of cols) {
    view.setUint32(at, c.length, true);
    at += 4;
    for (let i = 0; i < c.length; i++, at += 8) view.setFloat64(at, c[i] as number, true);
  }
  return sha256Hex(bytes);
}

/** @internal True when two columns hold the same values (NaN equal to NaN). */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
  }
  return true;
}

/** @internal Content hash of an indicator set (canonical JSON: keys sorted). */
export function setHash(set: IndicatorSet): string {
  return sha256Hex(canonicalJson(set));
}

/** @internal The resolved tree: every default filled in, local and effective weights. */
function resolvedNodes(plan: Plan, local: Float64Array, effective: Float64Array): ResolvedNode[] {
  const { tree, settings } = plan;
  return tree.nodes.map((node) => {
    const src = node.source;
    const r: ResolvedNode = {
      id: node.id,
      kind: node.kind,
      parent: node.parent < 0 ? null : tree.nodes[node.parent]!.id,
      depth: node.depth,
      children: node.children.map((c) => tree.nodes[c]!.id),
      weight: node.weight,
      local_weight: local[node.index] as number,
      effective_weight: effective[node.index] as number,
    };
    if (src.name !== undefined) r.name = src.name;
    if (src.description !== undefined) r.description = src.description;
    if (node.kind === 'indicator') {
      const ind = indicatorOf(node);
      const m = plan.set.methodology ?? {};
      r.direction = ind.direction === 'lower' ? -1 : 1;
      r.type = ind.type ?? (ind.items ? 'checklist' : 'numeric');
      if (ind.unit !== undefined) r.unit = ind.unit;
      if (ind.source !== undefined) r.source = ind.source;
      if (ind.denominator) r.denominator = { by: ind.denominator.by, scale: ind.denominator.scale ?? 1 };
      if (ind.transform) r.transform = ind.transform;
      if (ind.goalposts) r.goalposts = ind.goalposts;
      if (ind.target !== undefined) r.target = ind.target;
      const imp = ind.impute ?? m.impute ?? { method: 'none' };
      r.impute = { method: imp.method, params: imp.group ? { group: imp.group } : {} };
      const tp = settings.treat[node.index];
      if (tp) {
        const { method, ...params } = tp;
        r.treat = { method, params };
      } else r.treat = { method: 'none', params: {} };
      const nm = settings.normalise[node.index]!;
      r.normalise = { method: nm.key, params: nm.params };
      if (ind.items) r.items = ind.items;
      if (ind.scoring) r.scoring = ind.scoring;
      if (ind.levels) r.levels = ind.levels;
    } else {
      const am = settings.aggregate[node.index]!;
      r.aggregate = { method: am.key, params: am.params };
      r.coverage = settings.coverage[node.index] as number;
      const rs = settings.rescale[node.index];
      if (rs) r.rescale = { method: rs.key, params: rs.params };
      const rep = (src as { repeated?: ResolvedNode['repeated'] }).repeated;
      if (rep) r.repeated = rep;
    }
    return r;
  });
}

/** @internal Ranks of every node. */
function rankAll(plan: Plan, run: RunOutput, values: Record<string, NodeValues>): Float64Array[] {
  const rank = plan.set.methodology?.rank ?? {};
  const ties = rank.ties ?? 'competition';
  const n = plan.unitIds.length;
  let groupIndex: Int32Array | undefined;
  if (rank.within) {
    const ids = new Map<string, number>();
    groupIndex = new Int32Array(n);
    plan.units.forEach((u, i) => {
      const g = u.groups[rank.within as string];
      if (g === undefined) groupIndex![i] = -1;
      else {
        if (!ids.has(g)) ids.set(g, ids.size);
        groupIndex![i] = ids.get(g)!;
      }
    });
  }
  const out = new Float64Array(n);
  const scratch = new RankScratch(n);
  const ranks: Float64Array[] = [];
  // rank.among: every unit is scored, only these are ranked
  const mask = rankedUnits(rank.among, plan.units);
  const buf = new Float64Array(n);
  for (const node of plan.tree.nodes) {
    const v = values[node.id]!;
    const r = new Float64Array(n);
    const scores = rankable(run.score[node.index]!, mask, buf);
    scratch.rank(scores, r, ties, rank.round); // as rankScores, radix-sorted
    ranks[node.index] = r;
    v.rank = toJsonArray(r);
    if (groupIndex) {
      rankWithin(scores, groupIndex, out, ties, rank.round);
      v.group_rank = toJsonArray(out);
    }
  }
  return ranks;
}

/**
 * @internal Strengths (best-ranked indicators) and weaknesses (worst-ranked), k per unit; ties go to the
 * indicator that comes first in the tree. Selection by k scans (k is small), no per-unit allocation
 * besides the two result lists.
 */
function strengthsAndWeaknesses(plan: Plan, ranks: Float64Array[], k: number) {
  const strengths: string[][] = [];
  const weaknesses: string[][] = [];
  const inds = plan.tree.indicators;
  const ids = inds.map((i) => plan.tree.nodes[i]!.id);
  const cols = inds.map((i) => ranks[i]!);
  const taken = new Uint8Array(inds.length);
  const pick = (u: number, best: boolean): string[] => {
    taken.fill(0);
    const list: string[] = [];
    for (let r = 0; r < k; r++) {
      let at = -1;
      let bestRank = best ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
      for (let j = 0; j < cols.length; j++) {
        const v = cols[j]![u] as number;
        if (taken[j] || Number.isNaN(v)) continue;
        if (best ? v < bestRank : v > bestRank) {
          bestRank = v;
          at = j;
        }
      }
      if (at < 0) break;
      taken[at] = 1;
      list.push(ids[at]!);
    }
    return list;
  };
  for (let u = 0; u < plan.unitIds.length; u++) {
    strengths.push(pick(u, true));
    weaknesses.push(pick(u, false));
  }
  return { strengths, weaknesses };
}

/** @internal Tiers of the tier node, vetoed units put in the veto tier. */
function tiers(plan: Plan, run: RunOutput, spec: TierSpec): NonNullable<Result['tiers']> {
  const nodeId = spec.node ?? plan.tree.nodes[0]!.id;
  const idx = plan.tree.byId.get(nodeId) ?? 0;
  const t = assignTiers(run.score[idx]!, spec);
  const tier = t.tier.slice();
  const subclass = t.subclass?.slice();
  if (spec.veto) {
    for (const i of plan.vetoes.keys()) {
      tier[i] = spec.veto.id;
      if (subclass) subclass[i] = null;
    }
  }
  return subclass ? { node: nodeId, tier, subclass } : { node: nodeId, tier };
}

/** @internal The whole Result. */
export function buildResult(
  plan: Plan,
  run: RunOutput,
  data: Dataset,
  warnings: Problem[],
  local: Float64Array,
  effective: Float64Array,
  timestamp?: string,
): Result {
  const { set, tree } = plan;
  const values: Record<string, NodeValues> = dict();
  for (const node of tree.nodes) {
    const v: NodeValues = { score: toJsonArray(run.score[node.index]!), rank: [] };
    if (node.kind === 'indicator') {
      const raw = toJsonArray(plan.raw[node.index]!);
      const ordered: NodeValues = {
        raw,
        // share the array when nothing changed the values (common): less memory, same JSON
        treated: sameValues(plan.raw[node.index]!, run.treated[node.index]!)
          ? raw
          : toJsonArray(run.treated[node.index]!),
        imputed: Array.from(plan.imputed[node.index]!, (b) => b === 1),
        score: v.score,
        rank: v.rank,
      };
      values[node.id] = ordered;
    } else {
      const cov = run.coverage[node.index];
      if (cov)
        v.coverage = {
          total: node.children.length,
          present: Array.from(cov.present),
          weight: Array.from(cov.weight),
          data: Array.from(cov.data),
        };
      values[node.id] = v;
    }
  }
  const ranks = rankAll(plan, run, values);
  const m = set.methodology ?? {};
  const { strengths, weaknesses } = strengthsAndWeaknesses(plan, ranks, m.strengths ?? 3);

  const treatments: Treatment[] = [];
  for (const idx of tree.indicators) {
    const t = run.treatments[idx];
    if (!t) continue;
    const before = plan.prepared[idx]!;
    const after = run.treated[idx]!;
    const fin = (x: number) => (Number.isFinite(x) ? x : null);
    treatments.push({
      indicator: tree.nodes[idx]!.id,
      applied: t.applied,
      skew_before: fin(t.skewBefore),
      kurtosis_before: fin(t.kurtBefore),
      skew_after: fin(t.skewAfter),
      kurtosis_after: fin(t.kurtAfter),
      changed: t.changed.map((i) => ({
        unit: plan.unitIds[i]!,
        from: before[i] as number,
        to: after[i] as number,
      })),
    });
  }

  const vetoes = [...plan.vetoes.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([i, items]) => ({ unit: plan.unitIds[i]!, items }));

  let evidence: Record<string, Record<string, Evidence>> | undefined;
  if (data.evidence?.size) {
    const kept = new Set(plan.unitIds);
    evidence = dict();
    for (const [key, ev] of [...data.evidence.entries()].sort((a, b) =>
      a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0,
    )) {
      const [unit, variable] = key.split('\u0000') as [string, string];
      if (!kept.has(unit)) continue;
      evidence[unit] ??= dict();
      evidence[unit]![variable] = ev;
    }
  }

  const languages = set.languages ?? inferLanguages(set.title);
  const result: Result = {
    govscore_result: RESULT_VERSION,
    set: {
      id: set.id,
      ...(set.version !== undefined ? { version: set.version } : {}),
      title: set.title,
      ...(set.description !== undefined ? { description: set.description } : {}),
      ...(set.unit !== undefined ? { unit: set.unit } : {}),
      ...(set.period !== undefined ? { period: set.period } : {}),
      languages,
      illustrative: set.illustrative ?? false,
      ...(set.licence !== undefined ? { licence: set.licence } : {}),
      ...(set.authors !== undefined ? { authors: set.authors } : {}),
      rank: { ...m.rank, ties: m.rank?.ties ?? 'competition' },
      ...(m.tiers ? { tiers: m.tiers } : {}),
      ...(set.templates ? { templates: set.templates } : {}),
      nodes: resolvedNodes(plan, local, effective),
    },
    ...(plan.year !== undefined ? { year: plan.year } : {}),
    units: plan.units,
    screened_out: plan.screenedOut,
    values,
    ...(m.tiers ? { tiers: tiers(plan, run, m.tiers) } : {}),
    ...(vetoes.length ? { vetoes } : {}),
    strengths,
    weaknesses,
    treatments,
    ...(evidence ? { evidence } : {}),
    warnings,
    provenance: {
      engine: '@govscore/core',
      engine_version: VERSION,
      set_hash: setHash(set),
      data_hash: datasetHash(data),
      ...(data.source?.encoding !== undefined ? { data_encoding: data.source.encoding } : {}),
      ...(timestamp !== undefined ? { created: timestamp } : {}),
    },
  };
  return result;
}

/** @internal Languages of a set: those of its title, else English. */
function inferLanguages(title: LangText): string[] {
  return typeof title === 'string' ? ['en'] : Object.keys(title);
}
