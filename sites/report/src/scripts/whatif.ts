/**
 * The what-if island: reads the model embedded in the page, compiles it once with `@govscore/core`,
 * and on every slider move recomputes the index and reorders the table. Names reach the page only
 * through `textContent` (never HTML), so a region named `<script>` stays text.
 */
import { formatFixed } from '@govscore/core';
import type { WhatIfModel } from '../lib/whatif';
import { prepareWhatIf, recompute } from '../lib/whatif-run';

/** A number as the pages show it: rounded as ranks are (core's `formatFixed`), a true minus sign. */
function fmt(x: number, d: number): string {
  if (!Number.isFinite(x)) return '–';
  const s = formatFixed(x, d);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** Starts the island; does nothing when the page has no what-if data. */
export function startWhatIf(doc: Document = document): void {
  const el = doc.getElementById('whatif-data');
  const form = doc.getElementById('whatif-form') as HTMLFormElement | null;
  const tbody = (doc.getElementById('whatif-table') as HTMLTableElement | null)?.tBodies[0];
  if (!el || !form || !tbody) return;
  const model = JSON.parse(el.textContent ?? '{}') as WhatIfModel;
  const w = prepareWhatIf(model);
  const rows = new Map<number, HTMLTableRowElement>();
  for (const r of Array.from(tbody.rows)) rows.set(Number(r.dataset['unit']), r);
  const sliders = Array.from(form.querySelectorAll<HTMLInputElement>('input[type="range"]'));
  const status = doc.getElementById('whatif-status');
  const published = model.dims.map((d) => Math.round(d.weight * 100));

  const update = () => {
    const weights = sliders.map((s) => Number(s.value));
    const total = weights.reduce((a, b) => a + b, 0);
    sliders.forEach((s, k) => {
      const out = doc.getElementById(`${s.id}-out`);
      if (out) out.textContent = total > 0 ? `${fmt((100 * (weights[k] ?? 0)) / total, 0)}%` : '0%';
    });
    const { score, rank } = recompute(w, weights);
    const order = model.units.map((_, i) => i);
    order.sort((a, b) => {
      const ra = Number.isNaN(rank[a]!) ? Infinity : rank[a]!;
      const rb = Number.isNaN(rank[b]!) ? Infinity : rank[b]!;
      return ra - rb || a - b;
    });
    for (const i of order) {
      const row = rows.get(i);
      if (!row) continue;
      const r = rank[i]!;
      const pub = model.published.rank[i] ?? null;
      const cells = row.cells;
      cells[0]!.textContent = Number.isNaN(r) ? '–' : String(r);
      cells[2]!.textContent = fmt(score[i]!, model.decimals);
      const chg = doc.createElement('span');
      const d = pub === null || Number.isNaN(r) ? null : pub - r;
      chg.className = d === null || d === 0 ? 'chg chg-same' : d > 0 ? 'chg chg-up' : 'chg chg-down';
      chg.textContent = d === null ? '–' : d > 0 ? `▲ ${d}` : d < 0 ? `▼ ${-d}` : '0';
      cells[4]!.replaceChildren(chg);
      tbody.appendChild(row);
    }
    if (status) status.textContent = status.dataset['done'] ?? '';
  };

  let pending = false;
  const schedule = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      update();
    });
  };
  for (const s of sliders) s.addEventListener('input', schedule);
  doc.getElementById('whatif-reset')?.addEventListener('click', () => {
    sliders.forEach((s, k) => {
      s.value = String(published[k] ?? 0);
    });
    update();
  });
  form.hidden = false;
}
