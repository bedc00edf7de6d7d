/**
 * Large tables written as one HTML string instead of thousands of template nodes: the profile's
 * table of every node (3,000 profiles × 200 nodes is 600,000 rows; Astro renders each expression on its
 * own). Every text is escaped here by `esc`; the hostile-name tests cover these tables too.
 */
import { t } from './i18n';
import {
  coverageOf,
  coverageText,
  nodeLabel,
  type ReportModel,
  scoreText,
  type UnitView,
  valueText,
} from './model';

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
      avg: nodes.map((n) => `<td class="num">${esc(scoreText(model, n.id, model.average.get(n.id)))}</td>`),
    };
    byLang.set(lang, h);
  }
  return h;
}

const num = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? null : x;

/**
 * The rows of a unit's "every level" table: node, score ("缺失 / missing" when it has none), rank,
 * (rank in group), average, coverage (aggregates: children with data of all, their share of the
 * weight), raw value with its unit (and "imputed").
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
    const missing = score === null ? ' class="num missing"' : ' class="num"';
    let row = `${open[k]}<td${missing}>${esc(valueText(model, n.id, score, lang))}</td><td class="num">${rank ?? '–'}</td>`;
    if (withGroupRank) row += `<td class="num">${num(v?.group_rank?.[u.index]) ?? '–'}</td>`;
    row += avg[k];
    const cov = n.kind === 'indicator' ? null : coverageOf(model, n.id, u.index);
    row += `<td class="num${cov && cov.present < cov.total ? ' partial' : ''}">${cov ? esc(coverageText(cov)) : ''}</td>`;
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
