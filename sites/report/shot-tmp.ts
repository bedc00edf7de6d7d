import { chromium } from 'playwright-core';
import { serve } from './test/serve';

const s = await serve('/tmp/site/out', '/');
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const p = await b.newPage({ viewport: { width: 1200, height: 900 } });
const errs: string[] = [];
p.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') errs.push(m.text());
});
p.on('pageerror', (e) => errs.push(String(e)));
for (const [u, f] of [
  ['zh/index.html', 'overview'],
  ['zh/ranking.html', 'ranking'],
  ['zh/regions/330000.html', 'profile'],
  ['zh/whatif.html', 'whatif'],
  ['en/methodology.html', 'methodology'],
  ['zh/dimensions/online_service.html', 'dim'],
  ['en/robustness.html', 'robust'],
  ['zh/downloads.html', 'downloads'],
]) {
  await p.goto(s.url + u);
  await p.screenshot({ path: `/tmp/site/${f}.png`, fullPage: true });
}
console.log(errs.join('\n'));
await b.close();
await s.close();
