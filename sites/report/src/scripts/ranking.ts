/**
 * Progressive enhancement of the ranking table: sort by any column (buttons in the headers, with
 * aria-sort), filter by group, tier and name. Without this script the table is complete and readable.
 * Only text and attributes are set (never HTML), so no value can become markup.
 */

type Dir = 'ascending' | 'descending';

function sortKey(cell: Element | undefined, numeric: boolean): number | string | null {
  const raw = cell?.getAttribute('data-sort') ?? cell?.textContent ?? '';
  if (raw === '') return null;
  if (!numeric) return raw.toLocaleLowerCase();
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/** Wires up the ranking table and its controls; does nothing when they are not on the page. */
export function enhanceRanking(doc: Document = document): void {
  const table = doc.getElementById('ranking-table') as HTMLTableElement | null;
  const tbody = table?.tBodies[0];
  if (!table || !tbody) return;
  const rows = Array.from(tbody.rows);
  const original = new Map(rows.map((r, i) => [r, i]));
  const headers = Array.from(table.tHead?.rows[0]?.cells ?? []);
  const label = table.dataset['sortLabel'] ?? 'Sort';

  const sortBy = (col: number, dir: Dir) => {
    const numeric = headers[col]?.dataset['type'] === 'num';
    const keyed = rows.map((r) => ({ r, k: sortKey(r.cells[col], numeric), i: original.get(r) ?? 0 }));
    keyed.sort((a, b) => {
      if (a.k === null && b.k === null) return a.i - b.i;
      if (a.k === null) return 1; // missing values last, whichever the direction
      if (b.k === null) return -1;
      const c = a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
      return (dir === 'ascending' ? c : -c) || a.i - b.i;
    });
    for (const { r } of keyed) tbody.appendChild(r);
    headers.forEach((h, j) => {
      if (j === col) h.setAttribute('aria-sort', dir);
      else h.removeAttribute('aria-sort');
    });
  };

  headers.forEach((th, col) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    while (th.firstChild) button.appendChild(th.firstChild);
    button.title = label;
    th.appendChild(button);
    button.addEventListener('click', () => {
      const now = th.getAttribute('aria-sort') as Dir | null;
      const first =
        (th.dataset['first'] as Dir | undefined) ??
        (th.dataset['type'] === 'num' ? 'descending' : 'ascending');
      const dir: Dir = now === null ? first : now === 'ascending' ? 'descending' : 'ascending';
      sortBy(col, dir);
    });
  });

  const controls = doc.getElementById('ranking-controls');
  const group = doc.getElementById('filter-group') as HTMLSelectElement | null;
  const tier = doc.getElementById('filter-tier') as HTMLSelectElement | null;
  const text = doc.getElementById('filter-text') as HTMLInputElement | null;
  const count = doc.getElementById('filter-count') as HTMLOutputElement | null;
  const apply = () => {
    const g = group?.value ?? '';
    const t = tier?.value ?? '';
    const q = (text?.value ?? '').trim().toLocaleLowerCase();
    let shown = 0;
    for (const r of rows) {
      const name = (r.cells[1]?.textContent ?? '').toLocaleLowerCase();
      const ok =
        (!g || r.dataset['group'] === g) && (!t || r.dataset['tier'] === t) && (!q || name.includes(q));
      r.hidden = !ok;
      if (ok) shown++;
    }
    if (count)
      count.textContent = `${count.dataset['shown'] ?? ''} ${shown} ${count.dataset['of'] ?? '/'} ${rows.length}`;
  };
  group?.addEventListener('change', apply);
  tier?.addEventListener('change', apply);
  text?.addEventListener('input', apply);
  if (controls) controls.hidden = false;
  apply();
}
