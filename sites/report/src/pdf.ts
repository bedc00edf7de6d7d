/**
 * `govscore report --pdf`: prints the overview and every profile page of a built site to PDF with
 * Debian Chromium (playwright-core; the pages' print styles apply), into `<site>/pdf/`.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Chromium's path and the flags it runs with here (DESIGN.md, toolchain facts). */
export const CHROMIUM = process.env['GOVSCORE_CHROMIUM'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Prints `<lang>/index.html` and `<lang>/regions/*.html` of every language to `<site>/pdf/<lang>/…pdf`.
 * @returns the PDF files written
 * @throws Error when Chromium is not installed
 */
export async function printPdfs(
  siteDir: string,
  opts: { log?: (s: string) => void } = {},
): Promise<string[]> {
  if (!existsSync(CHROMIUM))
    throw new Error(`--pdf needs Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const written: string[] = [];
  try {
    const page = await browser.newPage();
    const langs = readdirSync(siteDir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(siteDir, e.name, 'index.html')))
      .map((e) => e.name)
      .sort();
    for (const lang of langs) {
      const pages = ['index.html'];
      const regions = join(siteDir, lang, 'regions');
      if (existsSync(regions))
        pages.push(
          ...readdirSync(regions)
            .filter((f) => f.endsWith('.html'))
            .sort()
            .map((f) => `regions/${f}`),
        );
      for (const p of pages) {
        const src = join(siteDir, lang, p);
        const out = join(
          siteDir,
          'pdf',
          lang,
          p.replace(/\.html$/, '.pdf').replace(/^index\.pdf$/, 'overview.pdf'),
        );
        mkdirSync(join(out, '..'), { recursive: true });
        await page.goto(pathToFileURL(src).href, { waitUntil: 'load' });
        await page.pdf({ path: out, format: 'A4', printBackground: true, preferCSSPageSize: true });
        written.push(out);
      }
      opts.log?.(
        `printed ${pages.length} page(s) of ${lang} to ${relative(siteDir, join(siteDir, 'pdf', lang))}`,
      );
    }
  } finally {
    await browser.close();
  }
  return written;
}
