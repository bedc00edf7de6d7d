/**
 * The report site under hostile input, through `govscore report` (child processes):
 * - region names, node names, notes, titles and templates with HTML, SVG and Handlebars syntax are
 *   shown as text in every page, chart and download;
 * - two builds of the same inputs (analysis included, same seed) are byte-identical, file by file;
 * - a failed run — bad data, or a template that breaks the build half-way — leaves the previous site
 *   exactly as it was, with no build folder left behind;
 * - files named by the site config cannot come from outside the project folder unless asked.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DOMParser, parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from './cli';

const tmp = mkdtempSync(join(tmpdir(), 'govscore-report-hostile-'));
afterAll(() => {
  if (!process.env.GOVSCORE_KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
});

const XSS = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(2)>',
  svg: '<svg onload=alert(3)>',
  close: '</title></script><script>alert(4)</script>',
  attr: '" onmouseover="alert(5)',
  hbs: '{{#each units}}HBS{{/each}}',
  hbsRaw: '{{{name}}}',
  formula: '=HYPERLINK("http://evil.example")',
  attrPublisher: 'x" onerror="alert(6)',
};

const project = join(tmp, 'project');
mkdirSync(project);
writeFileSync(
  join(project, 'set.yaml'),
  `id: hostile
title: {en: "Index ${XSS.script.replace(/"/g, '\\"')}"}
languages: [en]
methodology:
  normalise: {method: minmax, params: {min: 0, max: 100}}
  tiers: {by: thresholds, levels: [{id: top, name: "${XSS.img}", min: 50}, {id: rest, name: "{{tier}}"}]}
tree:
  id: index
  name: "${XSS.svg}"
  children:
    - id: d1
      name: "${XSS.close.replace(/"/g, '\\"')}"
      children:
        - {id: a, name: "${XSS.hbs}"}
        - {id: b, name: "${XSS.attr.replace(/"/g, '\\"')}", direction: lower}
    - id: d2
      name: "${XSS.hbsRaw}"
      children:
        - {id: c, name: "plain c"}
`,
);
const unitNames = [XSS.script, XSS.img, XSS.svg, XSS.close, XSS.hbs, XSS.formula];
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const rows = unitNames.flatMap((name, i) =>
  ['a', 'b', 'c'].map(
    (ind, k) =>
      `u${i + 1},${q(name)},${ind},${((i * 7 + k * 3) % 11) + 1},${q(k === 0 ? `note ${XSS.script}` : '')}`,
  ),
);
writeFileSync(join(project, 'data.csv'), `id,name,indicator,value,note\n${rows.join('\n')}\n`);
writeFileSync(
  join(project, 'site.yaml'),
  `title: "${XSS.script}"\npublisher: '${XSS.attrPublisher}'\nfooter: "${XSS.hbs}"\nlogo: logo.svg\ntemplates:\n  profile: "<b>{{name}}</b> ranks {{rank}} ${XSS.hbsRaw}"\n`,
);
writeFileSync(join(project, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');

const args = (out: string, extra: string[] = []) => [
  'report',
  join(project, 'set.yaml'),
  '--data',
  join(project, 'data.csv'),
  '--config',
  join(project, 'site.yaml'),
  '--out',
  out,
  '--uncertainty',
  '40',
  '--sensitivity',
  '4',
  '--seed',
  '7',
  '--quiet',
  ...extra,
];

/** Every file under `dir`, relative path → sha256. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

const siteA = join(tmp, 'site-a');
const siteB = join(tmp, 'site-b');
let built = false;

describe('govscore report with hostile names', { timeout: 300_000 }, () => {
  it('builds (twice, for the comparison below)', () => {
    for (const out of [siteA, siteB]) {
      const r = spawnCli(args(out));
      expect(r.code, r.err).toBe(0);
    }
    built = true;
  });

  it('two builds of the same inputs are byte-identical, file by file', () => {
    expect(built).toBe(true);
    const a = tree(siteA);
    const b = tree(siteB);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const differ = [...a].filter(([f, h]) => b.get(f) !== h).map(([f]) => f);
    expect(differ).toEqual([]);
    expect(a.size).toBeGreaterThan(20);
  });

  it('no page or chart gets an element, attribute or script from the hostile text; it is shown as text', () => {
    expect(built).toBe(true);
    const files = [...tree(siteA).keys()].filter((f) => /\.(html|svg)$/.test(f));
    expect(files.length).toBeGreaterThan(15);
    const hits: string[] = [];
    let shown = 0;
    for (const f of files) {
      const text = readFileSync(join(siteA, f), 'utf8');
      const doc = f.endsWith('.svg')
        ? new DOMParser().parseFromString(text, 'image/svg+xml')
        : parseHTML(text).document;
      for (const el of doc.querySelectorAll('*')) {
        for (const a of el.getAttributeNames())
          if (/^on/i.test(a)) hits.push(`${f}: <${el.tagName.toLowerCase()} ${a}=…>`);
        if (el.tagName.toLowerCase() === 'img' && el.getAttribute('src') === 'x')
          hits.push(`${f}: <img src=x>`);
        if (el.tagName.toLowerCase() === 'script') {
          const code = el.textContent ?? '';
          if (el.getAttribute('type') === 'application/json') {
            // data for the page's script: valid JSON, no markup in it (names are \u003c-escaped)
            JSON.parse(code);
            if (code.includes('<')) hits.push(`${f}: a JSON script with '<' in it`);
          } else if (/alert\(/.test(code)) hits.push(`${f}: a script with alert( in it`);
        }
      }
      const body = doc.documentElement?.textContent ?? '';
      if (body.includes(XSS.script)) shown++;
      if (body.includes('HBSHBS')) hits.push(`${f}: a name's {{#each}} was run`);
    }
    expect(hits).toEqual([]);
    // the hostile names are there, as text (the <title>, headings, tables, chart labels)
    expect(shown).toBeGreaterThanOrEqual(10);
    // Handlebars syntax in names and in the template's own text is printed as written
    const profile = parseHTML(readFileSync(join(siteA, 'en/regions/u5.html'), 'utf8')).document;
    const narrative = profile.querySelector('.narrative')?.textContent ?? '';
    expect(narrative).toBe('<b>{{#each units}}HBS{{/each}}</b> ranks 6 {{#each units}}HBS{{/each}}');
    // a name with a quote stays inside its attribute
    const index = parseHTML(readFileSync(join(siteA, 'en/index.html'), 'utf8')).document;
    expect(index.querySelector('img.logo')?.getAttribute('alt')).toBe(XSS.attrPublisher);
  });

  it('downloads neutralise formulas in text cells', () => {
    expect(built).toBe(true);
    const csvs = [...tree(siteA).keys()].filter((f) => f.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(0);
    for (const f of csvs) {
      const text = readFileSync(join(siteA, f), 'utf8');
      expect(text, f).not.toMatch(/(^|[,\n])=HYPERLINK/);
    }
  });
});

describe('a failed report changes nothing', { timeout: 300_000 }, () => {
  it('bad data: exit 1, the previous site intact, no build folder left', () => {
    expect(built).toBe(true);
    const before = tree(siteA);
    const badData = join(project, 'bad.csv');
    writeFileSync(badData, 'id,name,indicator,value\nu1,x,a,oops\n');
    const r = spawnCli(args(siteA).map((a) => (a === join(project, 'data.csv') ? badData : a)));
    expect(r.code).toBe(1);
    expect(tree(siteA)).toEqual(before);
    expect(readdirSync(tmp).filter((f) => f.includes('.build-'))).toEqual([]);
  });

  it('a template that breaks the build half-way: exit 1, the previous site intact', () => {
    expect(built).toBe(true);
    const before = tree(siteA);
    const config = join(project, 'broken.yaml');
    writeFileSync(config, 'templates:\n  profile: "{{#if name}}never closed"\n');
    const r = spawnCli(args(siteA).map((a) => (a === join(project, 'site.yaml') ? config : a)));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/E60[02]/);
    expect(tree(siteA)).toEqual(before);
    expect(readdirSync(tmp).filter((f) => f.includes('.build-') || f.includes('.old-'))).toEqual([]);
  });
});

describe('files named by the site config stay in the project folder', () => {
  const outside = join(tmp, 'outside');
  mkdirSync(outside);
  writeFileSync(
    join(outside, 'secret.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"><text>secret</text></svg>',
  );
  writeFileSync(join(outside, 'map.json'), '{"type": "FeatureCollection", "features": []}');
  symlinkSync(join(outside, 'secret.svg'), join(project, 'link.svg'));
  const badData = join(project, 'bad-data.csv');
  writeFileSync(badData, 'id,name,indicator,value\nu1,x,a,oops\n');

  const cases: [string, string][] = [
    ['logo: ../outside/secret.svg', 'logo'],
    [`logo: ${join(outside, 'secret.svg')}`, 'logo'],
    ['logo: link.svg', 'logo'],
    ['boundaries: {file: ../outside/map.json}', 'boundaries.file'],
  ];
  for (const [line, key] of cases)
    it(`${line}: E600 unless --allow-outside`, async () => {
      const config = join(project, 'escape.yaml');
      writeFileSync(config, `${line}\n`);
      const base = [
        'report',
        join(project, 'set.yaml'),
        '--data',
        badData,
        '--config',
        config,
        '--out',
        join(tmp, 'x'),
      ];
      const refused = await runCli(...base);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain(`E600 ${key} '`);
      expect(refused.err).toContain('is outside the project folder');
      expect(refused.err).toContain('--allow-outside');
      // allowed: the run goes on to the data, which are bad (so no site is built)
      const allowed = await runCli(...base, '--allow-outside');
      expect(allowed.code).toBe(1);
      expect(allowed.err).not.toContain('E600');
      expect(allowed.err).toContain('E204');
      expect(existsSync(join(tmp, 'x'))).toBe(false);
    });
});
