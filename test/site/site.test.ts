/**
 * The report site, built once with `govscore report` (the bundled sample under `--base /reports/2025/`,
 * and a set whose names are hostile), then checked file by file: links, no network, CSP, escaping,
 * headings, charts with data tables, determinism, downloads and narrative text.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { formatFixed } from '@govscore/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { decode, files, headings, ids, refs, tags } from '../../sites/report/test/html';
import { builtSite, govscore, HOSTILE_ARGS, SAMPLE_ARGS } from '../../sites/report/test/site-build';

let sample: string;
let hostile: string;
let hostile2: string;
let configured: string;
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
const htmlOf = (dir: string) => files(dir).filter((f) => f.endsWith('.html'));

beforeAll(async () => {
  [sample, hostile, hostile2, configured] = await Promise.all([
    builtSite('sample', SAMPLE_ARGS),
    builtSite('hostile', HOSTILE_ARGS),
    builtSite('hostile-again', HOSTILE_ARGS),
    builtSite('configured', [
      ...HOSTILE_ARGS,
      '--config',
      'sites/report/test/fixtures/site.yaml',
      '--no-analysis',
    ]),
  ]);
}, 600_000);

describe('pages', () => {
  it('has every page in both languages, Chinese first, and a root page that needs no script', () => {
    const all = files(sample);
    for (const lang of ['zh', 'en']) {
      for (const p of ['index', 'ranking', 'methodology', 'robustness', 'downloads', 'whatif'])
        expect(all).toContain(`${lang}/${p}.html`);
      for (const d of ['transparency', 'online_service', 'interaction', 'data_openness', 'security'])
        expect(all).toContain(`${lang}/dimensions/${d}.html`);
      expect(all.filter((f) => f.startsWith(`${lang}/regions/`))).toHaveLength(31);
    }
    const root = read(sample, 'index.html');
    expect(root).toMatch(/<meta http-equiv="refresh" content="0; url=zh\/index.html"/);
    expect(root.indexOf('href="zh/index.html"')).toBeLessThan(root.indexOf('href="en/index.html"'));
    expect(root).not.toContain('<script');
  });

  it('shows the sample-data notice on every page of an illustrative set', () => {
    for (const f of htmlOf(sample).filter((f) => f !== 'index.html')) {
      const html = read(sample, f);
      expect(html, f).toMatch(f.startsWith('zh/') ? /示例数据，不代表真实评估结果/ : /Illustrative data/);
    }
  });
});

describe('links', () => {
  it('has no broken link or asset in any page, under --base /reports/2025/', () => {
    const all = new Set(files(sample));
    const broken: string[] = [];
    for (const f of htmlOf(sample)) {
      const html = read(sample, f);
      const here = ids(html);
      for (const r of refs(html)) {
        const v = r.value;
        if (v.startsWith('data:') || v.startsWith('mailto:')) continue;
        if (/^[a-z][a-z0-9+.-]*:/i.test(v) || v.startsWith('//')) {
          broken.push(`${f}: external ${r.tag}[${r.attr}]=${v}`);
          continue;
        }
        // every link is relative: it works under any base path and from the file system
        if (v.startsWith('/')) broken.push(`${f}: absolute ${v}`);
        const [path, hash] = v.split('#') as [string, string | undefined];
        if (path === '') {
          if (hash && !here.has(hash)) broken.push(`${f}: #${hash} not on the page`);
          continue;
        }
        const target = normalize(join(dirname(f), path.split('?')[0]!))
          .split('\\')
          .join('/');
        if (!all.has(target)) broken.push(`${f}: ${v} → ${target} missing`);
        else if (hash && target.endsWith('.html') && !ids(read(sample, target)).has(hash))
          broken.push(`${f}: ${v} → #${hash} missing`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('loads nothing from the network: scripts, styles, images and fonts are local', () => {
    const external: string[] = [];
    for (const f of files(sample)) {
      if (f.endsWith('.html')) {
        for (const r of refs(read(sample, f))) {
          const loaded =
            [
              'script',
              'img',
              'image',
              'use',
              'iframe',
              'source',
              'video',
              'audio',
              'object',
              'embed',
            ].includes(r.tag) ||
            (r.tag === 'link' && r.attr === 'href');
          if (loaded && /^(https?:)?\/\//i.test(r.value))
            external.push(`${f}: <${r.tag} ${r.attr}=${r.value}>`);
        }
      }
      if (f.endsWith('.css') || f.endsWith('.js')) {
        const text = read(sample, f);
        for (const m of text.matchAll(
          /(?:url\(\s*['"]?|@import\s+['"]|import\s*\(?\s*['"]|from\s*['"])((?:https?:)?\/\/[^'")\s]+)/g,
        ))
          external.push(`${f}: ${m[1]}`);
      }
    }
    expect(external).toEqual([]);
  });
});

describe('security', () => {
  it('has a Content-Security-Policy meta tag allowing only the own origin on every page', () => {
    for (const f of htmlOf(sample)) {
      const html = read(sample, f);
      const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
      expect(m, f).not.toBeNull();
      const csp = decode(m![1]!);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/https?:|\*/);
      // the policy is in <head>, before anything it governs
      expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<body'));
      // no inline script the policy would block: every <script> has a src or is JSON data
      for (const s of html.matchAll(/<script([^>]*)>/g))
        expect(s[1], f).toMatch(/\ssrc=|type="application\/json"/);
    }
  });

  it('shows hostile region and node names as text everywhere (HTML, SVG, narrative, what-if)', () => {
    const payloads = [
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      '<svg onload=alert(2)>',
      '</script><script>alert(3)',
    ];
    const pages = htmlOf(hostile);
    expect(pages.length).toBeGreaterThan(20);
    for (const f of pages) {
      const html = read(hostile, f);
      for (const p of payloads) expect(html.includes(p), `${f} contains ${p}`).toBe(false);
      // no event-handler attribute and no javascript: URL anywhere
      for (const t of tags(html)) {
        for (const a of t.attrs) {
          expect(/^on/.test(a.name), `${f}: <${t.name} ${a.name}>`).toBe(false);
          expect(/^\s*javascript:/i.test(a.value), `${f}: <${t.name} ${a.name}=${a.value}>`).toBe(false);
        }
        expect(['img', 'iframe', 'object', 'embed'].includes(t.name), `${f}: <${t.name}>`).toBe(false);
      }
      // one script element per processed script or JSON block, none from the data
      expect(html.match(/<script/g)?.length ?? 0, f).toBeLessThanOrEqual(2);
    }
    // …and they are shown, escaped, as text
    const zhOverview = read(hostile, 'zh/index.html');
    expect(zhOverview).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const profile = read(hostile, 'zh/regions/110000.html');
    expect(profile).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    // the set's own template uses {{{name}}}: still text
    expect(profile).toMatch(
      /<p class="narrative">&lt;script&gt;alert\(1\)&lt;\/script&gt; 得分 [\d.]+，第 \d 名。<\/p>/,
    );
    // inside the charts' SVG
    const svg = /<svg[\s\S]*?<\/svg>/.exec(read(hostile, 'zh/ranking.html').replace(/<table[\s\S]*/, '')) ?? [
      '',
    ];
    expect(svg[0]).not.toContain('<script');
    expect(read(hostile, 'en/index.html')).toMatch(/<svg[^>]*>[\s\S]*&lt;script&gt;alert\(1\)/);
    // the what-if JSON cannot close its element
    const whatif = read(hostile, 'zh/whatif.html');
    const json = /<script type="application\/json" id="whatif-data">([\s\S]*?)<\/script>/.exec(whatif);
    expect(json).not.toBeNull();
    expect(json![1]).not.toMatch(/[<>]/);
    const data = JSON.parse(json![1]!) as { units: { name: string }[] };
    expect(data.units.map((u) => u.name)).toContain('<script>alert(1)</script>');
    // a source named javascript:… is text, not a link
    expect(read(hostile, 'en/methodology.html')).toContain('javascript:alert(4)');
  });
});

describe('accessibility of the HTML', () => {
  it('has one h1 per page and headings that never skip a level', () => {
    for (const dir of [sample, hostile]) {
      for (const f of htmlOf(dir)) {
        const hs = headings(read(dir, f));
        expect(hs[0], f).toBe(1);
        expect(
          hs.filter((h) => h === 1),
          f,
        ).toHaveLength(1);
        for (let i = 1; i < hs.length; i++)
          expect(hs[i]! - hs[i - 1]!, `${f}: h${hs[i - 1]} → h${hs[i]}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('follows every chart with its data table, and every table has a caption and headers', () => {
    let charts = 0;
    for (const f of htmlOf(sample)) {
      const html = read(sample, f);
      const svgs = html.match(/<svg[^>]*role="img"/g)?.length ?? 0;
      const figures = [...html.matchAll(/<figure class="chart">([\s\S]*?)<\/figure>/g)].map((m) => m[1]!);
      const inFigures = figures.reduce((n, fig) => n + (fig.match(/<svg[^>]*role="img"/g)?.length ?? 0), 0);
      expect(inFigures, `${f}: a chart outside a figure`).toBe(svgs);
      for (const fig of figures) {
        const svgAt = fig.search(/<svg/);
        if (svgAt < 0) continue;
        charts++;
        expect(fig.slice(svgAt), f).toMatch(/<\/svg>[\s\S]*<table[\s\S]*<th/);
        expect(fig, f).toMatch(/aria-label="[^"]+"/);
        expect(fig, f).toMatch(/<desc[^>]*>[^<]+<\/desc>/);
      }
      for (const t of html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)) {
        expect(t[1], f).toMatch(/^\s*<caption>/);
        expect(t[1], f).toMatch(/<th /);
      }
    }
    expect(charts).toBeGreaterThan(2 * (31 + 5 + 3));
  });
});

describe('content', () => {
  it('writes the narrative from the Result: score, rank and tier as published', () => {
    const result = JSON.parse(
      read(sample, 'downloads/cn-provincial-digital-government-2024-result.json'),
    ) as {
      units: { id: string; name: { zh: string } }[];
      values: Record<string, { score: (number | null)[]; rank: (number | null)[] }>;
      tiers: { tier: (string | null)[] };
    };
    const tierName: Record<string, string> = {
      very_high: '非常高',
      high: '高',
      medium: '中',
      vetoed: '单项否决',
    };
    for (const i of [0, 10, 30]) {
      const u = result.units[i]!;
      const score = result.values['index']!.score[i]!;
      const rank = result.values['index']!.rank[i]!;
      const html = read(sample, `zh/regions/${u.id}.html`);
      // shown at the 2 decimals the set ranks at (rank.round: 2), rounded as ranks round
      const expected = `${u.name.zh}2024年综合得分 ${formatFixed(score, 2)}，位列第 ${rank} 名（共 31 个省份），属于${tierName[result.tiers.tier[i]!]}组`;
      expect(html).toContain(expected);
    }
  });

  it('offers the Result as JSON, long and wide CSV, XLSX and the set YAML for download', () => {
    const all = files(sample);
    for (const y of [2023, 2024]) {
      for (const suffix of ['-result.json', '-long.csv', '-wide.csv', '.xlsx'])
        expect(all).toContain(`downloads/cn-provincial-digital-government-${y}${suffix}`);
    }
    expect(read(sample, 'downloads/cn-provincial-digital-government.yaml')).toBe(
      readFileSync(
        join(import.meta.dirname, '../../indicators/cn-provincial-digital-government.yaml'),
        'utf8',
      ),
    );
    const long = read(sample, 'downloads/cn-provincial-digital-government-2024-long.csv');
    expect(long.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'region_id,node_id,kind,score,rank,tier,raw,treated,imputed',
    );
    const xlsx = readFileSync(join(sample, 'downloads/cn-provincial-digital-government-2024.xlsx'));
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows the robustness analysis run by govscore report: rank intervals and sensitivity indices', () => {
    const html = read(sample, 'zh/robustness.html');
    expect(html).toContain('蒙特卡洛模拟 1000 次。');
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(2);
    expect(html).not.toContain('未计算');
    // the ranking table shows each unit's interval, e.g. "3–7"
    expect(read(sample, 'zh/ranking.html')).toMatch(/<td class="num" data-sort="[\d.]+">\s*\d+–\d+\s*<\/td>/);
  });

  it('builds byte-identical sites from the same inputs', () => {
    const a = files(hostile);
    expect(files(hostile2)).toEqual(a);
    for (const f of a)
      expect(readFileSync(join(hostile2, f)).equals(readFileSync(join(hostile, f))), f).toBe(true);
  });
});

describe('site config', () => {
  it('builds only the pages asked for, English first, with the logo, colours and texts', () => {
    const all = files(configured);
    expect(all.filter((f) => f.endsWith('.html'))).toEqual([
      'en/index.html',
      'en/methodology.html',
      'en/ranking.html',
      'index.html',
      'zh/index.html',
      'zh/methodology.html',
      'zh/ranking.html',
    ]);
    expect(read(configured, 'index.html')).toContain('url=en/index.html');
    const en = read(configured, 'en/index.html');
    expect(en).toContain('<img class="logo" src="../assets/logo.svg" alt="Test centre logo">');
    expect(read(configured, 'assets/logo.svg')).toBe(
      read(join(import.meta.dirname, '../../sites/report/test/fixtures'), 'logo.svg'),
    );
    expect(read(configured, 'assets/theme.css')).toContain('--primary:#5a2d82');
    expect(read(configured, 'assets/theme.css')).toContain('.tier-top{--tier:#0072b2');
    expect(en).toContain('<p class="narrative">6 units; first: ');
    expect(en).toContain('Footer text');
    expect(en).not.toContain('h-map');
    // the navigation and the tables link only to pages that exist
    for (const f of all.filter((x) => x.endsWith('.html'))) {
      for (const r of refs(read(configured, f))) {
        if (r.tag !== 'a' || r.value.startsWith('#')) continue;
        const target = normalize(join(dirname(f), r.value.split('#')[0]!))
          .split('\\')
          .join('/');
        expect(all, `${f} → ${r.value}`).toContain(target);
      }
    }
    // the head of the ranking shows three units; group names from the config
    expect(
      en.match(/<caption>Top of the ranking<\/caption>[\s\S]*?<\/table>/)![0].match(/<tr>/g),
    ).toHaveLength(1 + 3);
    expect(read(configured, 'zh/ranking.html')).toContain('<option value="g2">东部</option>');
  });
});

describe('govscore report', () => {
  it('refuses a bad site config with E600 and leaves the previous output alone', async () => {
    const r = await govscore([
      'report',
      'sites/report/test/fixtures/hostile.yaml',
      '--data',
      'sites/report/test/fixtures/hostile.csv',
      '--config',
      'sites/report/test/fixtures/bad-site.yaml',
      '--out',
      hostile,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E600 .*colour 'red' is not #rrggbb/);
    expect(r.stderr).toMatch(/E600 unknown key 'colors'/);
    expect(files(hostile)).toEqual(files(hostile2));
  });
});
