/**
 * Levels of the tree as COINr counts them: 1 = indicators, 2 = their parents, … up to the index.
 */
import type { FlatTree } from '../plan/tree';

/**
 * Level of every node (by node index): an indicator is level 1, an aggregate is one above its
 * highest child. In a balanced tree this is COINr's `Level` (1 = indicators, top = index).
 * @example for index → {A → [i1, i2], B → [i3]}: index 3, A 2, B 2, i1 1
 */
export function nodeLevels(tree: FlatTree): Int32Array {
  const level = new Int32Array(tree.nodes.length).fill(1);
  for (const idx of tree.aggregates) {
    let m = 0;
    for (const c of tree.nodes[idx]!.children) m = Math.max(m, level[c]!);
    level[idx] = m + 1;
  }
  return level;
}

/** Node indices at the given level (1 = indicators), in tree order. */
export function nodesAtLevel(tree: FlatTree, level: number): number[] {
  const lv = nodeLevels(tree);
  return tree.nodes.filter((n) => lv[n.index] === level).map((n) => n.index);
}
