/**
 * Flattens the YAML tree into arrays in evaluation order and computes weights.
 * @internal
 */
import type { IndicatorNode, IndicatorSet, TreeNode } from '../schema/indicator-set';

/** @internal A node of the flattened tree. */
export interface FlatNode {
  index: number;
  id: string;
  kind: 'index' | 'aggregate' | 'indicator';
  parent: number;
  depth: number;
  children: number[];
  /** Weight as written (default 1), or 1 under `weights: equal`. */
  weight: number;
  source: TreeNode;
}

/** @internal The flattened tree: nodes in pre-order (parents first), and the evaluation order of aggregates. */
export interface FlatTree {
  nodes: FlatNode[];
  /** Node indices of indicators, in tree order. */
  indicators: number[];
  /** Node indices of aggregates, children before parents (post-order). */
  aggregates: number[];
  /** Index of each node id. */
  byId: Map<string, number>;
}

/** @internal True when the node is an aggregate (has `children`). */
export function isAggregate(n: TreeNode): n is Extract<TreeNode, { children: unknown }> {
  return Array.isArray((n as { children?: unknown }).children);
}

/** @internal Flattens the tree of a set. */
export function flattenTree(set: IndicatorSet): FlatTree {
  const nodes: FlatNode[] = [];
  const byId = new Map<string, number>();
  const aggregates: number[] = [];
  const indicators: number[] = [];
  const equal = set.methodology?.weights === 'equal';
  const visit = (n: TreeNode, parent: number, depth: number): number => {
    const index = nodes.length;
    const agg = isAggregate(n);
    const flat: FlatNode = {
      index,
      id: n.id,
      kind: parent < 0 ? 'index' : agg ? 'aggregate' : 'indicator',
      parent,
      depth,
      children: [],
      weight: equal ? 1 : (n.weight ?? 1),
      source: n,
    };
    nodes.push(flat);
    byId.set(n.id, index);
    if (agg) {
      for (const c of n.children) flat.children.push(visit(c, index, depth + 1));
      aggregates.push(index);
    } else {
      if (parent < 0) flat.kind = 'indicator';
      indicators.push(index);
    }
    return index;
  };
  visit(set.tree, -1, 0);
  return { nodes, indicators, aggregates, byId };
}

/**
 * @internal Local weights (renormalised among siblings; the root gets 1) and effective weights
 * (product of local weights down from the root). Written into the given arrays.
 */
export function computeWeights(
  tree: FlatTree,
  raw: ArrayLike<number>,
  local: Float64Array,
  effective: Float64Array,
) {
  for (const n of tree.nodes) {
    if (n.parent < 0) local[n.index] = 1;
    if (n.children.length === 0) continue;
    let sum = 0;
    for (const c of n.children) sum += raw[c] ?? 0;
    for (const c of n.children) local[c] = sum > 0 ? (raw[c] ?? 0) / sum : 0;
  }
  for (const n of tree.nodes) {
    effective[n.index] = n.parent < 0 ? 1 : (effective[n.parent] ?? 0) * (local[n.index] ?? 0);
  }
}

/** @internal The indicator definition of a leaf. */
export function indicatorOf(n: FlatNode): IndicatorNode {
  return n.source as IndicatorNode;
}
