/**
 * Large tables written as one HTML string instead of thousands of template nodes: the profile's
 * table of every node (3,000 profiles × 200 nodes is 600,000 rows; Astro renders each expression on its
 * own). Every text is escaped here by `esc`; the hostile-name tests cover these tables too.
 */
import { fmt, t } from './i18n';
import { nodeLabel, type ReportModel, type UnitView } from './model';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and quoted attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const heads = new WeakMap<ReportModel, Map<string, { open: string[]; avg: string[] }>>();

/** Per node, the start of its row (label) and its average cell, made once per model and language. */
function rowHeads(model: ReportModel, lang: string): { open: string[]; avg: string[] } {
  let byLang = heads.get(model);
  if (!byLang) {
    byLang = new Map();
    heads.set(model, byLang);
  }
  let h = byLang.get(lang);
  if (!h) {
    const nodes = model.current.set.nodes;
    h = {
      open: nodes.map(
        (n) => `<tr class="depth-${Math.min(n.depth, 4)}"><th scope="row">${esc(nodeLabel(n, lang))}</th>`,
      ),
      avg: nodes.map((n) => `<td class="num">${esc(fmt(model.average.get(n.id)))}</td>`),
    };
    byLang.set(lang, h);
  }
  return h;
}

const num = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? null : x;

/**
 * The rows of a unit's "every level" table: node, score, rank, (rank in group), average, raw value
 * with its unit (and "imputed").
 */
export function levelRows(model: ReportModel, u: UnitView, lang: string, withGroupRank: boolean): string {
  const { open, avg } = rowHeads(model, lang);
  const nodes = model.current.set.nodes;
  const imputedWord = esc(t('imputed', lang));
  let out = '';
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k]!;
    const v = model.current.values[n.id];
    const score = num(v?.score[u.index]);
    const rank = num(v?.rank[u.index]);
    let row = `${open[k]}<td class="num">${fmt(score)}</td><td class="num">${rank ?? '–'}</td>`;
    if (withGroupRank) row += `<td class="num">${num(v?.group_rank?.[u.index]) ?? '–'}</td>`;
    row += avg[k];
    let raw = '';
    if (n.kind === 'indicator') {
      const r = num(v?.raw?.[u.index]);
      if (r === null) raw = '–';
      else {
        raw = String(Math.round(r * 1000) / 1000);
        if (n.unit) raw += ` ${esc(n.unit)}`;
      }
      if (v?.imputed?.[u.index] === true) raw += ` (${imputedWord})`;
    }
    out += `${row}<td class="num">${raw}</td></tr>`;
  }
  return out;
}
