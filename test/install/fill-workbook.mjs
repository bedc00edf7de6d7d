// Fills in the data-entry workbook of a new assessment as an evaluator would, from a wide CSV (one row
// per unit; indicator ids as columns, checklist items as `indicator.item`). Run by smoke.ts inside the
// folder where the packages were installed from their tarballs, so it uses the installed
// @govscore/core/io. Usage: node fill-workbook.mjs <data.xlsx> <data.csv> <year>
import { readFileSync, writeFileSync } from 'node:fs';
import { readXlsxRows, writeXlsx } from '@govscore/core/io';

const [xlsx, csv, year] = process.argv.slice(2);
const [head, ...lines] = readFileSync(csv, 'utf8').trim().split('\n');
const cols = head.split(',');
const units = lines
  .map((l) => Object.fromEntries(l.split(',').map((v, j) => [cols[j], v])))
  .filter((u) => u.year === year);
const value = (v) => (v === undefined || v === '' ? null : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);

const sheets = readXlsxRows(readFileSync(xlsx)).map((s) => {
  const rows = [];
  for (const r of s.rows) rows[r.row - 1] = [...r.cells];
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const h = rows.findIndex((r) => r[0] === 'id');
  if (h < 0) return { name: s.name, rows };
  const names = rows[h].map((c) => String(c ?? ''));
  const lead = rows.slice(0, h + 1);
  if (names.includes('indicator')) {
    // checklist: the template lists every item once; one row per unit and item
    const items = rows.slice(h + 1).filter((r) => r[names.indexOf('indicator')]);
    const out = [];
    for (const u of units)
      for (const item of items) {
        const row = [...item];
        row[0] = u.id;
        row[1] = u.name_zh;
        row[names.indexOf('value')] = value(u[item[names.indexOf('indicator')]]);
        out.push(row);
      }
    return { name: s.name, rows: [...lead, ...out] };
  }
  const body = units.map((u) =>
    names.map((c) => (c === 'name' ? u.name_zh : c === 'id' ? u.id : value(u[c]))),
  );
  return { name: s.name, rows: [...lead, ...body] };
});
writeFileSync(xlsx, writeXlsx(sheets));
console.log(`filled ${xlsx}: ${units.length} units of ${year}`);
