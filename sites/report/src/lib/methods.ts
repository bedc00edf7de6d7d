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
