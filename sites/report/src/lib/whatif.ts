/**
 * The what-if model: what the browser needs to recompute the index with other dimension weights.
 *
 * Changing the weights of the root's children changes nothing below them: the dimension scores stay
 * as published. So the island compiles a two-level indicator set — the root, with its aggregation,
 * coverage and rescaling as the Result records them, over the dimensions as indicators normalised by
 * `none` — with the published dimension scores as data, and runs it with `compile` and `runPlan` from
 * `@govscore/core`. With the published weights this gives back the published index scores and ranks
 * exactly (tested), for any aggregation method the core offers.
 */
import {
  type Dataset,
  type IndicatorSet,
  type MethodUsed,
  type Result,
  shownDecimals,
  type TreeNode,
} from '@govscore/core';

export interface WhatIfModel {
  /** The two-level set: root over dimensions. */
  set: IndicatorSet;
  /** Unit ids and display names (in the page's language), in Result order. */
  units: { id: string; name: string; href: string }[];
  /** Dimensions: id, display name, published weight among siblings (sums to 1). */
  dims: { id: string; name: string; weight: number }[];
  /** Published dimension scores by dimension, aligned with units (null = missing). */
  scores: (number | null)[][];
  /** Published index scores and ranks. */
  published: { score: (number | null)[]; rank: (number | null)[] };
  ties: 'competition' | 'dense';
  round: number | null;
  /** Decimals the index scores are shown with (`shownDecimals` of the root, as on every page). */
  decimals: number;
}

const spec = (m: MethodUsed) =>
  Object.keys(m.params).length ? { method: m.method, params: m.params } : m.method;

/**
 * Builds the what-if model from a Result.
 * @param names display name of each unit (aligned with `result.units`) and of each node id
 * @param hrefs link of each unit's profile page
 */
export function whatIfModel(
  result: Result,
  unitNames: readonly string[],
  nodeName: (id: string) => string,
  hrefs: readonly string[],
): WhatIfModel {
  const root = result.set.nodes.find((n) => n.parent === null) ?? result.set.nodes[0]!;
  const byId = new Map(result.set.nodes.map((n) => [n.id, n]));
  const dims = root.children.map((id) => byId.get(id)!).filter(Boolean);
  const children: TreeNode[] = dims.map((d) => ({ id: d.id, weight: d.local_weight }));
  const tree: TreeNode = { id: root.id, children };
  if (root.aggregate) (tree as { aggregate?: unknown }).aggregate = spec(root.aggregate);
  if (root.coverage !== undefined && root.coverage > 0)
    (tree as { coverage?: number }).coverage = root.coverage;
  if (root.rescale) (tree as { rescale?: unknown }).rescale = spec(root.rescale);
  const set: IndicatorSet = {
    id: result.set.id,
    title: result.set.title,
    methodology: {
      impute: { method: 'none' },
      treat: { method: 'none' },
      normalise: 'none',
      weights: 'given',
      coverage: 0,
      rank:
        result.set.rank.round !== undefined
          ? { ties: result.set.rank.ties, round: result.set.rank.round }
          : { ties: result.set.rank.ties },
    },
    tree,
  };
  const rootValues = result.values[root.id]!;
  return {
    set,
    units: result.units.map((u, i) => ({ id: u.id, name: unitNames[i] ?? u.id, href: hrefs[i] ?? '' })),
    dims: dims.map((d) => ({ id: d.id, name: nodeName(d.id), weight: d.local_weight })),
    scores: dims.map((d) => (result.values[d.id]?.score ?? []).map((s) => (Number.isFinite(s) ? s : null))),
    published: {
      score: rootValues.score.map((s) => (Number.isFinite(s) ? s : null)),
      rank: rootValues.rank.map((s) => (Number.isFinite(s) ? s : null)),
    },
    ties: result.set.rank.ties,
    round: result.set.rank.round ?? null,
    decimals: shownDecimals(result, root.id),
  };
}

/** The dataset of the what-if set: one frame, dimension scores as variables (missing → NaN). */
export function whatIfDataset(model: WhatIfModel): Dataset {
  const values = new Map<string, Float64Array>();
  model.dims.forEach((d, k) => {
    values.set(
      d.id,
      Float64Array.from(model.scores[k] ?? [], (s) => (s === null ? Number.NaN : s)),
    );
  });
  return {
    units: model.units.map((u) => ({ id: u.id, groups: {} })),
    years: [],
    variables: model.dims.map((d) => d.id),
    values,
  };
}

/**
 * JSON for an inline `<script type="application/json">`: `<`, `>`, `&` and the line separators are
 * written as \u escapes, so that no value (a region named `</script><script>…`) can end the element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
