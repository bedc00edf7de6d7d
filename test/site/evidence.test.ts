/**
 * Evidence recorded by evaluators reaches the region profile as text: a hostile note and a
 * `javascript:` URL (sites/report/test/fixtures/evidence.csv: the inspection sample with one answer's
 * evidence replaced) are shown escaped, never as markup or as a link.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from '../../sites/report/test/site-build';

let dir = '';
beforeAll(async () => {
  dir = await builtSite('evidence', [
    'indicators/cn-website-inspection-2019.yaml',
    '--data',
    'sites/report/test/fixtures/evidence.csv',
    '--no-analysis',
  ]);
});

describe('evidence on the region profile', () => {
  it('lists each checked item with its URL, date, note and raters, escaped', () => {
    for (const [lang, heading] of [
      ['zh', '检查证据'],
      ['en', 'Evidence'],
    ] as const) {
      const html = readFileSync(join(dir, lang, 'regions', 'site-a.html'), 'utf8');
      expect(html).toContain(`<h2 id="h-evidence">${heading}</h2>`);
      expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt; {{#each this}}x{{/each}}');
      expect(html).not.toContain('<script>alert(2)');
      expect(html).toContain('<code class="evidence-url">javascript:alert(1)</code>');
      expect(html).not.toMatch(/href="javascript:/i);
      // the two raters of the answer, merged
      expect(html).toMatch(/<td>li; wang<\/td>/);
    }
  });

  it('shows no evidence section for a region without evidence', () => {
    const sample = readFileSync(join(dir, 'zh', 'index.html'), 'utf8');
    expect(sample).not.toContain('h-evidence');
  });
});
