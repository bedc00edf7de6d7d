/**
 * Tables of a Result, for CSV and XLSX exports: long (one row per unit and node) and wide (one row
 * per unit). Cells are numbers, strings or null (missing); writers format and escape them.
 */
import type { LangText } from '../schema/indicator-set';
import { declaredDecimals, exportScore } from './format';
import type { Result } from './types';

export type Cell = string | number | boolean | null;
export interface Table {
  name: string;
  header: string[];
  rows: Cell[][];
}

/** Text of a LangText in a language (falling back to the first one). */
export function langText(t: LangText | undefined, lang?: string): string {
  if (t === undefined) return '';
  if (typeof t === 'string') return t;
  if (lang !== undefined && t[lang] !== undefined) return t[lang] as string;
  const first = Object.values(t)[0];
  return first ?? '';
}

/**
 * The long table: columns `region_id, node_id, kind, score, rank, tier, raw, treated, imputed`.
 * Indicator rows hold the normalised value as `score` (and the raw and treated values); aggregate rows
 * the aggregate score. `tier` is filled on the rows of the tiered node. Units in Result order, nodes in
 * tree order. Scores are rounded to the set's declared precision (`rank.round`, the precision the ranks
 * were decided at; see `result/format.ts`); raw and treated values are as computed.
 * @example toCsv([longTable(result).header, ...longTable(result).rows])
 */
export function longTable(result: Result): Table {
  const header = ['region_id', 'node_id', 'kind', 'score', 'rank', 'tier', 'raw', 'treated', 'imputed'];
  const rows: Cell[][] = [];
  const tierNode = result.tiers?.node;
  const p = declaredDecimals(result);
  result.units.forEach((u, i) => {
    for (const node of result.set.nodes) {
      const v = result.values[node.id]!;
      rows.push([
        u.id,
        node.id,
        node.kind,
        exportScore(v.score[i], p),
        v.rank[i] ?? null,
        node.id === tierNode ? (result.tiers?.tier[i] ?? null) : null,
        v.raw ? (v.raw[i] ?? null) : null,
        v.treated ? (v.treated[i] ?? null) : null,
        v.imputed ? (v.imputed[i] ?? false) : null,
      ]);
    }
  });
  return { name: 'long', header, rows };
}

/**
 * The wide table: one row per unit with its names and groups, then per node `<id>` (score, rounded to
 * the declared precision as in `longTable`) and `<id>.rank`, then `tier` and `subclass` when tiers are
 * defined.
 */
export function wideTable(result: Result): Table {
  const langs = result.set.languages;
  const groupKeys = [...new Set(result.units.flatMap((u) => Object.keys(u.groups)))].sort();
  const header = ['region_id', ...langs.map((l) => `name_${l}`), ...groupKeys];
  for (const node of result.set.nodes) header.push(node.id, `${node.id}.rank`);
  if (result.tiers) header.push('tier');
  if (result.tiers?.subclass) header.push('subclass');
  const p = declaredDecimals(result);
  const rows = result.units.map((u, i) => {
    const row: Cell[] = [
      u.id,
      ...langs.map((l) => langText(u.name, l) || null),
      ...groupKeys.map((g) => u.groups[g] ?? null),
    ];
    for (const node of result.set.nodes) {
      const v = result.values[node.id]!;
      row.push(exportScore(v.score[i], p), v.rank[i] ?? null);
    }
    if (result.tiers) row.push(result.tiers.tier[i] ?? null);
    if (result.tiers?.subclass) row.push(result.tiers.subclass[i] ?? null);
    return row;
  });
  return { name: 'wide', header, rows };
}

/** The indicator table: one row per node of the resolved set, with weights and methods. */
export function nodesTable(result: Result): Table {
  const langs = result.set.languages;
  const header = [
    'node_id',
    'kind',
    'parent',
    'depth',
    ...langs.map((l) => `name_${l}`),
    'weight',
    'local_weight',
    'effective_weight',
    'direction',
    'unit',
    'method',
  ];
  const rows = result.set.nodes.map((n) => [
    n.id,
    n.kind,
    n.parent,
    n.depth,
    ...langs.map((l) => langText(n.name, l) || null),
    n.weight,
    n.local_weight,
    n.effective_weight,
    n.direction ?? null,
    n.unit ?? null,
    n.kind === 'indicator' ? (n.normalise?.method ?? null) : (n.aggregate?.method ?? null),
  ]);
  return { name: 'nodes', header, rows };
}
