/**
 * The report in a real browser (Debian Chromium + playwright-core): overview, a profile, the ranking
 * (sorted and filtered), the what-if page (a slider moved, ranks change), Chinese text in a CJK font,
 * axe-core with no serious or critical violation, no request outside the site, no console error (a
 * CSP violation is one), print to PDF. Screenshots go to out/screenshots/ for a person to look at.
 *
 * Without /usr/bin/chromium the tests are skipped with a message, or fail when CI is set.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeSource,
  type Browser,
  CHROMIUM,
  hasChromium,
  launch,
  type Page,
} from '../../sites/report/test/browser';
import { type StaticServer, serve } from '../../sites/report/test/serve';
import { builtSite, repoRoot, SAMPLE_ARGS } from '../../sites/report/test/site-build';
import { skipBecause } from '../skip';

const shots = join(repoRoot, 'out', 'screenshots');
const BASE = '/reports/2025/';

const noBrowser = skipBecause(
  hasChromium
    ? undefined
    : `browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk)`,
);

describe.skipIf(noBrowser)('the report in Chromium', () => {
  let site: string;
  let server: StaticServer;
  let browser: Browser;
  const problems: string[] = [];

  /** A page that records console errors, failed and outside requests. */
  async function open(path: string, opts: { bypassCSP?: boolean; width?: number } = {}): Promise<Page> {
    const ctx = await browser.newContext({
      viewport: { width: opts.width ?? 1280, height: 900 },
      bypassCSP: opts.bypassCSP ?? false,
      locale: 'zh-CN',
    });
    const page = await ctx.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${path}: console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${path}: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:'))
        problems.push(`${path}: request ${r.url()}`);
    });
    page.on('requestfailed', (r) => problems.push(`${path}: failed ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${path}: ${r.status()} ${r.url()}`);
    });
    await page.goto(server.url + path, { waitUntil: 'load' });
    return page;
  }

  async function axe(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
    await page.evaluate(axeSource());
    const result = await page.evaluate(async () => {
      const axe = (
        globalThis as unknown as {
          axe: {
            run: (
              o: object,
            ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      return axe.run({ resultTypes: ['violations'] });
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
  }

  beforeAll(async () => {
    site = await builtSite('sample', SAMPLE_ARGS);
    server = await serve(site, BASE);
    browser = await launch();
    mkdirSync(shots, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the root, which sends the reader to the Chinese overview without a script', async () => {
    const page = await open('');
    await page.waitForURL(/zh\/index\.html$/);
    expect(await page.locator('h1').textContent()).toBe('省级数字政府能力评估报告（示例）');
    await page.context().close();
  });

  it('renders the overview in a CJK font, with the notice and charts', async () => {
    const page = await open('zh/index.html');
    await page.screenshot({ path: join(shots, 'overview-zh.png'), fullPage: true });
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans CJK SC"', '数字政府'))).toBe(true);
    // Chinese is drawn in a CJK font, not as boxes: the ideographs are about one em wide each
    const w = await page.evaluate(() => {
      const s = document.createElement('span');
      s.style.font = '20px "Noto Sans CJK SC"';
      s.textContent = '数字政府能力';
      document.body.append(s);
      const width = s.getBoundingClientRect().width;
      s.remove();
      return width;
    });
    expect(w).toBeGreaterThan(6 * 18);
    expect(w).toBeLessThan(6 * 22);
    await expect.poll(() => page.locator('.notice').textContent()).toContain('示例数据，不代表真实评估结果');
    expect(await page.locator('figure.chart svg[role="img"]').count()).toBeGreaterThanOrEqual(3);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(shots, 'overview-zh-print.png'), fullPage: true });
    const pdf = await page.pdf({ path: join(shots, 'overview-zh.pdf'), format: 'A4', printBackground: true });
    expect(pdf.length).toBeGreaterThan(20_000);
    await page.context().close();
  });

  it('opens a profile, in both languages, and prints it', async () => {
    for (const lang of ['zh', 'en']) {
      const page = await open(`${lang}/regions/330000.html`);
      expect(await page.locator('h1').textContent()).toBe(lang === 'zh' ? '浙江' : 'Zhejiang');
      expect(await page.locator('.narrative').first().textContent()).toMatch(
        lang === 'zh' ? /^浙江2024年综合得分/ : /^Zhejiang scores/,
      );
      expect(await page.locator('figure.chart svg[role="img"]').count()).toBe(1);
      await page.screenshot({ path: join(shots, `profile-${lang}.png`), fullPage: true });
      if (lang === 'zh') {
        await page.emulateMedia({ media: 'print' });
        await page.pdf({ path: join(shots, 'profile-zh.pdf'), format: 'A4', printBackground: true });
      }
      await page.context().close();
    }
  });

  it('sorts and filters the ranking, from the keyboard too', async () => {
    const page = await open('zh/ranking.html');
    const table = page.locator('#ranking-table');
    const col = async (i: number) =>
      table
        .locator('tbody tr:not([hidden])')
        .evaluateAll(
          (rows, k) => rows.map((r) => (r as HTMLTableRowElement).cells[k]!.textContent!.trim()),
          i,
        );
    expect((await col(0)).slice(0, 3)).toEqual(['1', '2', '3']);
    // sort by the first dimension (column 5: rank, region, group, score, tier, then dimensions)
    const header = table.locator('thead th').nth(5);
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const dim = (await col(5)).map((s) => Number.parseFloat(s));
    expect(dim).toEqual([...dim].sort((a, b) => b - a));
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    // back to rank order with the keyboard: tab to the first sort button, press Enter
    await page.locator('#filter-text').focus();
    let tabs = 0;
    while (tabs++ < 20 && !(await page.evaluate(() => document.activeElement?.classList.contains('sort'))))
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await col(0)).slice(0, 3)).toEqual(['1', '2', '3']);
    // filter: tier 非常高, then the west group
    await page.selectOption('#filter-tier', 'very_high');
    const veryHigh = await col(4);
    expect(veryHigh.length).toBeGreaterThan(0);
    expect(new Set(veryHigh)).toEqual(new Set(['非常高']));
    await page.selectOption('#filter-tier', '');
    await page.selectOption('#filter-group', { label: '西部' });
    expect(new Set(await col(2))).toEqual(new Set(['西部']));
    expect(await page.locator('#filter-count').textContent()).toMatch(/显示 \d+ \/ 31/);
    await page.selectOption('#filter-group', '');
    await page.screenshot({ path: join(shots, 'ranking-zh.png'), fullPage: true });
    await page.context().close();
  });

  it('recomputes the ranking in the browser when a weight slider moves', async () => {
    const result = JSON.parse(
      readFileSync(join(site, 'downloads/cn-provincial-digital-government-2024-result.json'), 'utf8'),
    ) as {
      units: { id: string; name: { zh: string } }[];
      values: Record<string, { score: (number | null)[] }>;
    };
    const page = await open('zh/whatif.html');
    await page.locator('#whatif-form').waitFor({ state: 'visible' });
    const firstName = () => page.locator('#whatif-table tbody tr').first().locator('th').textContent();
    const published = await firstName();
    // all weight on 政务公开 (transparency): keyboard End on its slider, Home on the others
    const sliders = page.locator('#whatif-form input[type="range"]');
    const n = await sliders.count();
    expect(n).toBe(5);
    for (let k = 0; k < n; k++) {
      await sliders.nth(k).focus();
      await page.keyboard.press(k === 0 ? 'End' : 'Home');
    }
    await expect.poll(() => page.locator('#w-0-out').textContent()).toBe('100%');
    // expected first: the province with the best transparency score (from the published Result)
    const t = result.values['transparency']!.score;
    const best = t.indexOf(Math.max(...t.map((x) => x ?? -Infinity)));
    await expect.poll(firstName).toBe(result.units[best]!.name.zh);
    expect(await firstName()).not.toBe(published);
    const changed = await page.locator('#whatif-table .chg-up, #whatif-table .chg-down').count();
    expect(changed).toBeGreaterThan(0);
    expect(await page.locator('#whatif-status').textContent()).toBe('已按新权重重新计算。');
    await page.screenshot({ path: join(shots, 'whatif-zh.png'), fullPage: true });
    await page.locator('#whatif-reset').click();
    await expect.poll(firstName).toBe(published);
    await page.context().close();
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    const found: string[] = [];
    for (const p of [
      'zh/index.html',
      'en/index.html',
      'zh/ranking.html',
      'zh/regions/330000.html',
      'en/regions/110000.html',
      'zh/dimensions/online_service.html',
      'en/methodology.html',
      'zh/robustness.html',
      'zh/downloads.html',
      'zh/whatif.html',
    ]) {
      const page = await open(p);
      for (const v of await axe(page)) found.push(`${p}: ${v.impact} ${v.id} at ${v.nodes.join(' | ')}`);
      await page.context().close();
    }
    expect(found).toEqual([]);
  });

  it('loaded nothing from outside the site and logged no error (a CSP violation is one)', () => {
    expect(problems).toEqual([]);
  });
});
