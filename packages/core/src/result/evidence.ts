/**
 * Evidence and rater agreement of a Result as tables (for the XLSX and CSV exports and the report's
 * region profile), and a check of evidence links. Pure. Cells are plain text: writers neutralise
 * formulas (`toCsv`, `writeXlsx`) and pages must escape them; `safeHttpUrl` says which links may be
 * made clickable.
 */
import type { ChecklistItem } from '../schema/indicator-set';
import { type Cell, langText, type Table } from './tables';
import type { Result } from './types';

/**
 * The URL when it is an absolute `http:` or `https:` link without credentials, else undefined: what a
 * page may put in an `href` (never `javascript:`, `data:` or a relative path from the data).
 * @example safeHttpUrl('https://gov.example/a') // 'https://gov.example/a'
 * @example safeHttpUrl('javascript:alert(1)') // undefined
 */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (u.username || u.password) return undefined;
  return u.href;
}

/** Names of a variable (`indicator.item` or an indicator id) from the Result's resolved nodes. */
function variableNames(result: Result, variable: string, lang: string | undefined): [string, string] {
  const dot = variable.indexOf('.');
  const indId = dot > 0 ? variable.slice(0, dot) : variable;
  const node = result.set.nodes.find((n) => n.id === indId);
  const indName = node ? langText(node.name, lang) || node.id : indId;
  if (dot < 0) return [indName, ''];
  const itemId = variable.slice(dot + 1);
  const item = (node?.items as ChecklistItem[] | undefined)?.find((it) => it.id === itemId);
  return [indName, item ? langText(item.name, lang) || item.id : itemId];
}

/**
 * The evidence of a Result as a table: `region_id, variable, indicator, item, url, file, date, note,
 * source, rater`, one row per unit and variable, units in Result order, variables sorted.
 *
 * @param result a Result with `evidence` (an empty table without)
 * @param lang language of the names (default: the set's first)
 * @param unit only this unit (a region profile)
 * @example toCsv([evidenceTable(result).header, ...evidenceTable(result).rows])
 */
export function evidenceTable(result: Result, lang = result.set.languages[0], unit?: string): Table {
  const header = [
    'region_id',
    'variable',
    'indicator',
    'item',
    'url',
    'file',
    'date',
    'note',
    'source',
    'rater',
  ];
  const rows: Cell[][] = [];
  for (const u of result.units) {
    if (unit !== undefined && u.id !== unit) continue;
    const ev = result.evidence?.[u.id];
    if (!ev) continue;
    for (const v of Object.keys(ev).sort()) {
      const e = ev[v]!;
      const [ind, item] = variableNames(result, v, lang);
      rows.push([
        u.id,
        v,
        ind,
        item,
        e.url ?? null,
        e.file ?? null,
        e.date ?? null,
        e.note ?? null,
        e.source ?? null,
        e.rater ?? null,
      ]);
    }
  }
  return { name: 'evidence', header, rows };
}

/**
 * The rater agreement of a Result as a table: one row per variable, per indicator and overall with
 * `level, id, values, answers, percent, unanimous, alpha_nominal, alpha_ordinal, alpha_interval`.
 * @param result a Result with `agreement` (an empty table without)
 */
export function agreementTable(result: Result): Table {
  const header = [
    'level',
    'id',
    'values',
    'answers',
    'percent',
    'unanimous',
    'alpha_nominal',
    'alpha_ordinal',
    'alpha_interval',
  ];
  const a = result.agreement;
  const rows: Cell[][] = [];
  if (a) {
    const row = (level: string, id: string, s: typeof a.overall) =>
      rows.push([
        level,
        id,
        s.values,
        s.answers,
        s.percent,
        s.unanimous,
        s.alpha_nominal,
        s.alpha_ordinal,
        s.alpha_interval,
      ]);
    row('overall', '', a.overall);
    for (const [k, s] of Object.entries(a.indicators)) row('indicator', k, s);
    for (const [k, s] of Object.entries(a.variables)) row('variable', k, s);
  }
  return { name: 'agreement', header, rows };
}

/**
 * The disagreements of a Result, for adjudication: `region_id, variable, indicator, item, answers,
 * final, by` (answers as `rater=value; …`, `n/a` for not applicable).
 * @param result a Result with `agreement` (an empty table without)
 * @param lang language of the names (default: the set's first)
 */
export function disagreementsTable(result: Result, lang = result.set.languages[0]): Table {
  const header = ['region_id', 'variable', 'indicator', 'item', 'answers', 'final', 'by'];
  const rows: Cell[][] = (result.agreement?.disagreements ?? []).map((d) => {
    const [ind, item] = variableNames(result, d.variable, lang);
    return [
      d.unit,
      d.variable,
      ind,
      item,
      d.answers.map((x) => `${x.rater}=${x.na ? 'n/a' : (x.value ?? '')}`).join('; '),
      d.final_na ? 'n/a' : d.final,
      d.by,
    ];
  });
  return { name: 'disagreements', header, rows };
}
