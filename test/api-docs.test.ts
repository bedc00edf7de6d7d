/**
 * The API reference (`pnpm api`): TypeDoc builds it from the sources' JSDoc with no warning (every
 * {@link} resolves), every relative link of its pages leads to a page and anchor that exist, and the
 * packages' main functions have their pages with the JSDoc text.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApiDocs, checkLinks } from '../scripts/api-docs';

const out = join(mkdtempSync(join(tmpdir(), 'govscore-api-')), 'api');
afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

describe('API reference', () => {
  it('builds without warnings, and no link of it is broken', () => {
    buildApiDocs(out);
    const { pages, links, broken } = checkLinks(out);
    expect(broken).toEqual([]);
    expect(pages).toBeGreaterThan(100);
    expect(links).toBeGreaterThan(1000);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const m of [
      '@govscore/core',
      '@govscore/core/io',
      '@govscore/charts',
      '@govscore/report-site',
      'govscore',
    ])
      expect(index, m).toContain(`>${m}</a>`);
    const assess = readFileSync(join(out, 'functions/_govscore_core.assess.html'), 'utf8');
    expect(assess).toContain('Result');
  }, 600_000);

  it('finds a broken link and a missing anchor', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govscore-links-'));
    try {
      writeFileSync(
        join(dir, 'a.html'),
        '<a href="b.html#x">b</a><a href="c.html">c</a><a id="top" href="#top">t</a>',
      );
      writeFileSync(join(dir, 'b.html'), '<h1 id="y">b</h1><img src="https://example.org/i.png">');
      expect(checkLinks(dir)).toEqual({
        pages: 2,
        links: 3,
        broken: ['a.html: b.html#x (no #x there)', 'a.html: c.html (no such file)'],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
