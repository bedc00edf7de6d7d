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
import { rankScores, rankWithin } from '../steps/rank';
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

/** @internal Content hash of a dataset: its source hash when the loader gave one, else of its content. */
export function datasetHash(data: Dataset): string {
  if (data.source?.hash) return data.source.hash;
  const values: Record<string, (number | null)[]> = dict();
  for (const v of data.variables) {
    const col = data.values.get(v);
    if (col) values[v] = toJsonArray(col);
  }
  return sha256Hex(
    canonicalJson({ units: data.units, years: data.years, variables: data.variables, values }),
  );
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
    }
    return r;
  });
}

/** @internal Ranks of every node. */
function rankAll(plan: Plan, run: RunOutput, values: Record<string, NodeValues>) {
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
  for (const node of plan.tree.nodes) {
    const v = values[node.id]!;
    rankScores(run.score[node.index]!, out, ties, rank.round);
    v.rank = toJsonArray(out);
    if (groupIndex) {
      rankWithin(run.score[node.index]!, groupIndex, out, ties, rank.round);
      v.group_rank = toJsonArray(out);
    }
  }
}

/** @internal Strengths (best-ranked indicators) and weaknesses (worst-ranked), k per unit. */
function strengthsAndWeaknesses(plan: Plan, values: Record<string, NodeValues>, k: number) {
  const strengths: string[][] = [];
  const weaknesses: string[][] = [];
  const inds = plan.tree.indicators.map((i) => plan.tree.nodes[i]!.id);
  for (let u = 0; u < plan.unitIds.length; u++) {
    const ranked = inds
      .map((id, order) => ({ id, order, rank: values[id]!.rank[u] }))
      .filter(
        (r): r is { id: string; order: number; rank: number } => r.rank !== null && r.rank !== undefined,
      )
      .sort((a, b) => a.rank - b.rank || a.order - b.order);
    strengths.push(ranked.slice(0, k).map((r) => r.id));
    weaknesses.push(
      ranked
        .slice()
        .sort((a, b) => b.rank - a.rank || a.order - b.order)
        .slice(0, k)
        .map((r) => r.id),
    );
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
      const ordered: NodeValues = {
        raw: toJsonArray(plan.raw[node.index]!),
        treated: toJsonArray(run.treated[node.index]!),
        imputed: Array.from(plan.imputed[node.index]!, (b) => b === 1),
        score: v.score,
        rank: v.rank,
      };
      values[node.id] = ordered;
    } else values[node.id] = v;
  }
  rankAll(plan, run, values);
  const m = set.methodology ?? {};
  const { strengths, weaknesses } = strengthsAndWeaknesses(plan, values, m.strengths ?? 3);

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
      ...(timestamp !== undefined ? { created: timestamp } : {}),
    },
  };
  return result;
}

/** @internal Languages of a set: those of its title, else English. */
function inferLanguages(title: LangText): string[] {
  return typeof title === 'string' ? ['en'] : Object.keys(title);
}
