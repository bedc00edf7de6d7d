/**
 * The methods a Result records, grouped for the methodology page: per step, each distinct method and
 * parameters with the nodes it was used on; and the data sources with their indicators.
 */
import type { MethodUsed, ResolvedNode, Result } from '@govscore/core';
import { pick } from './i18n';

export interface MethodRow {
  step: 'impute' | 'treat' | 'normalise' | 'aggregate' | 'rescale' | 'coverage';
  kind: 'indicator' | 'aggregate';
  method: string;
  /** Parameters as `key: value` text, keys sorted; '' for none; null when they differ between nodes. */
  params: string | null;
  nodes: string[];
}

/** Parameters as readable text: `min: 0, max: 100`. */
export function paramText(params: Record<string, unknown>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${k}: ${typeof params[k] === 'string' ? params[k] : JSON.stringify(params[k])}`)
    .join(', ');
}

/** Distinct methods per step, in pipeline order, each with the nodes using it and their shared parameters. */
export function methodRows(result: Result): MethodRow[] {
  const rows = new Map<string, MethodRow>();
  const add = (
    step: MethodRow['step'],
    kind: MethodRow['kind'],
    m: MethodUsed | undefined,
    node: ResolvedNode,
  ) => {
    if (!m) return;
    const params = paramText(m.params);
    const key = `${step}\u0000${m.method}`;
    let row = rows.get(key);
    if (!row) {
      row = { step, kind, method: m.method, params, nodes: [] };
      rows.set(key, row);
    } else if (row.params !== params) row.params = null;
    row.nodes.push(node.id);
  };
  for (const n of result.set.nodes) {
    if (n.kind === 'indicator') {
      add('impute', 'indicator', n.impute, n);
      add('treat', 'indicator', n.treat, n);
      add('normalise', 'indicator', n.normalise, n);
    } else {
      add('aggregate', 'aggregate', n.aggregate, n);
      add('rescale', 'aggregate', n.rescale, n);
      if (n.coverage !== undefined && n.coverage > 0)
        add('coverage', 'aggregate', { method: String(n.coverage), params: {} }, n);
    }
  }
  const order: MethodRow['step'][] = ['impute', 'treat', 'normalise', 'aggregate', 'rescale', 'coverage'];
  return [...rows.values()].sort((a, b) => order.indexOf(a.step) - order.indexOf(b.step));
}

export interface SourceRow {
  name: string;
  url?: string;
  nodes: string[];
}

/** Data sources named by indicators, in first-use order, each with its indicators. */
export function sourceRows(result: Result, lang: string): SourceRow[] {
  const rows = new Map<string, SourceRow>();
  for (const n of result.set.nodes) {
    if (n.kind !== 'indicator' || n.source === undefined || n.source === null) continue;
    const s = n.source as string | { name?: unknown; url?: unknown };
    const name =
      typeof s === 'string' ? s : pick(s.name as Parameters<typeof pick>[0], lang) || String(s.url ?? '');
    if (!name) continue;
    const url = typeof s === 'object' && typeof s.url === 'string' ? s.url : undefined;
    const key = `${name}\u0000${url ?? ''}`;
    let row = rows.get(key);
    if (!row) {
      row = { name, nodes: [] };
      if (url) row.url = url;
      rows.set(key, row);
    }
    row.nodes.push(n.id);
  }
  return [...rows.values()];
}

/** A row of the methodology tree: a node, or the children of a repeat after the first, in one row. */
export type TreeRow =
  | { kind: 'node'; node: ResolvedNode }
  | { kind: 'more'; parent: ResolvedNode; ids: string[]; depth: number; template: string; over: string };

/**
 * The tree's rows with every repeated sub-tree shown once: of the children a `repeat` made (the last
 * `repeated.count` children of a node), the first is shown with its sub-tree and the others are one row
 * naming them.
 * @example compactTree(result.set.nodes) // [..., {kind: 'node', node: ke_le1}, ..., {kind: 'more', ids: ['ke_le2', …]}]
 */
export function compactTree(nodes: readonly ResolvedNode[]): TreeRow[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const hidden = new Set<string>();
  const moreAfter = new Map<string, TreeRow>(); // last node of the first instance's sub-tree → row
  const lastOf = (id: string): string => {
    const n = byId.get(id);
    const last = n?.children[n.children.length - 1];
    return last === undefined ? id : lastOf(last);
  };
  const hide = (id: string): void => {
    hidden.add(id);
    for (const c of byId.get(id)?.children ?? []) hide(c);
  };
  for (const n of nodes) {
    const rep = n.repeated;
    if (!rep || rep.count < 2) continue;
    const made = n.children.slice(n.children.length - rep.count);
    for (const id of made.slice(1)) hide(id);
    moreAfter.set(lastOf(made[0]!), {
      kind: 'more',
      parent: n,
      ids: made.slice(1),
      depth: n.depth + 1,
      template: rep.template,
      over: rep.over,
    });
  }
  const rows: TreeRow[] = [];
  for (const n of nodes) {
    if (hidden.has(n.id)) continue;
    rows.push({ kind: 'node', node: n });
    const more = moreAfter.get(n.id);
    if (more) rows.push(more);
  }
  return rows;
}
