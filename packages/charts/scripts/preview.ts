/**
 * Contact sheet: every chart of @govscore/charts, in Chinese and English, on one HTML page
 * (`out/charts-preview.html`) for a person to look at. Uses real Results — the bundled sample sets
 * assessed by `assess()` (cn-provincial for provinces, un-egdi-2024 for the world map) with an
 * uncertainty and sensitivity analysis — and falls back to the hand-made fixtures when the engine or the
 * samples are not there. Each SVG is also written to `out/charts-preview/<chart>.<lang>.svg`.
 * Run: `pnpm charts:preview`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeXml, type Lang, toSvg } from '../src/index';
import { catalogue } from './catalogue';
import { loadInputs } from './inputs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const outFile = join(root, 'out', 'charts-preview.html');
/** Each SVG also as a file, for a look in any viewer. */
const svgDir = join(root, 'out', 'charts-preview');

async function main() {
  const { inputs, source } = await loadInputs('charts:preview');
  const entries = catalogue(inputs);
  const sections: string[] = [];
  mkdirSync(svgDir, { recursive: true });
  for (const lang of ['zh', 'en'] as Lang[]) {
    const cards: string[] = [];
    for (const e of entries) {
      let body: string;
      let title = e.id;
      let desc = '';
      let ms = 0;
      try {
        const chart = e.build(lang);
        title = chart.title;
        desc = chart.description;
        const t0 = performance.now();
        body = await toSvg(chart, { idPrefix: `${e.id}-${lang}` });
        ms = performance.now() - t0;
        writeFileSync(join(svgDir, `${e.id}.${lang}.svg`), body);
      } catch (err) {
        body = `<p class="err">${escapeXml((err as Error).message)}</p>`;
      }
      cards.push(
        `<figure><figcaption><b>${escapeXml(title)}</b> <code>${escapeXml(e.id)}</code> <span>${ms.toFixed(1)} ms</span></figcaption>${body}<details><summary>desc</summary><p>${escapeXml(desc)}</p></details></figure>`,
      );
    }
    sections.push(
      `<h2>${lang === 'zh' ? '中文' : 'English'}</h2><div class="grid">${cards.join('\n')}</div>`,
    );
  }
  const html = `<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>@govscore/charts — contact sheet</title>
<style>
body{font-family:"Noto Sans CJK SC","Noto Sans SC",sans-serif;margin:24px;color:#222;background:#f6f6f6}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:16px}
figure{background:white;margin:0;padding:12px;border:1px solid #ddd;border-radius:6px;overflow:auto}
figcaption{font-size:13px;margin-bottom:8px}figcaption span{color:#888;float:right}
details{font-size:12px;color:#444}.err{color:#b00}svg{max-width:100%;height:auto}
</style></head><body>
<h1>@govscore/charts — contact sheet</h1>
<p>Data: ${escapeXml(source)}. ${entries.length} charts × 2 languages. Every SVG has role="img", an aria-label, &lt;title&gt; and &lt;desc&gt; (open “desc”).</p>
${sections.join('\n')}
</body></html>
`;
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, html);
  console.log(`wrote ${outFile} and ${svgDir}/*.svg (${entries.length} charts × 2 languages; ${source})`);
}

await main();
