/**
 * The report site's pure parts: relative links, slugs, number formats, narrative templates (escaping,
 * strict fields), the site config, the what-if recomputation, analysis readers, the view model.
 * Expected values are worked out by hand in the comments.
 */
import { assess, type Dataset, type IndicatorSet, loadIndicatorSet, type Result } from '@govscore/core';
import { describe, expect, it } from 'vitest';
import { readIntervals, readSensitivity } from '../../sites/report/src/lib/analysis';
import { validateSiteConfig } from '../../sites/report/src/lib/config';
import { parseSiteConfig } from '../../sites/report/src/lib/config-yaml';
import { profileContext } from '../../sites/report/src/lib/context';
import { fmt, pct, signed } from '../../sites/report/src/lib/i18n';
import { compactTree } from '../../sites/report/src/lib/methods';
import { buildModel, keyChanges, peerAverage } from '../../sites/report/src/lib/model';
import { defaultTemplates, paragraphs, renderText, templateText } from '../../sites/report/src/lib/narrative';
import { fnv1a, rel, unitSlugs } from '../../sites/report/src/lib/paths';
import { textOn, themeCss } from '../../sites/report/src/lib/theme';
import { jsonForScript, whatIfModel } from '../../sites/report/src/lib/whatif';
import { prepareWhatIf, recompute } from '../../sites/report/src/lib/whatif-run';

function data(units: string[], cols: Record<string, number[]>, groups?: string[]): Dataset {
  return {
    units: units.map((id, i) => {
      const g: Record<string, string> = {};
      if (groups) g['group'] = groups[i]!;
      return { id, name: { zh: `地区${id}`, en: `Unit ${id}` }, groups: g };
    }),
    years: [],
    variables: Object.keys(cols),
    values: new Map(Object.entries(cols).map(([k, v]) => [k, Float64Array.from(v)])),
  };
}

/** Root over two dimensions of one indicator each, scores as given (normalise none). */
function twoDims(aggregate: 'arithmetic' | 'geometric' = 'arithmetic'): IndicatorSet {
  return {
    id: 'two',
    title: { zh: '二维', en: 'Two' },
    languages: ['zh', 'en'],
    methodology: {
      normalise: 'none',
      aggregate,
      tiers: {
        by: 'thresholds',
        levels: [{ id: 'top', name: { zh: '高', en: 'Top' }, min: 60 }, { id: 'rest' }],
      },
    },
    tree: {
      id: 'index',
      children: [
        { id: 'd1', children: [{ id: 'i1' }] },
        { id: 'd2', children: [{ id: 'i2' }] },
      ],
    },
  };
}

describe('paths', () => {
  it.each([
    ['zh/index.html', 'zh/ranking.html', 'ranking.html'],
    ['zh/regions/110000.html', 'zh/ranking.html', '../ranking.html'],
    ['zh/index.html', 'assets/site.css', '../assets/site.css'],
    ['index.html', 'zh/index.html', 'zh/index.html'],
    ['zh/dimensions/a.html', 'zh/regions/b.html', '../regions/b.html'],
    ['zh/regions/x.html', 'en/regions/x.html#top', '../../en/regions/x.html#top'],
    ['zh/regions/x.html', 'downloads/r.json', '../../downloads/r.json'],
  ])('rel(%s, %s) = %s', (from, to, want) => {
    expect(rel(from, to)).toBe(want);
  });

  it('hashes with FNV-1a (published test vectors)', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
  });

  it('keeps safe ids as slugs, hashes unsafe ones and separates ids that differ only in case', () => {
    expect(unitSlugs(['110000', '../x', 'AUT', 'aut', '<b>'])).toEqual([
      '110000',
      `u-${fnv1a('../x')}`,
      'AUT',
      'aut-2',
      `u-${fnv1a('<b>')}`,
    ]);
  });
});

describe('number formats', () => {
  it.each([
    [96.666, 1, '96.7'],
    [-0.04, 1, '0.0'],
    [-1.26, 1, '−1.3'],
    [5, 0, '5'],
    [null, 1, '–'],
    [Number.NaN, 1, '–'],
  ] as const)('fmt(%s, %s) = %s', (x, d, want) => {
    expect(fmt(x, d)).toBe(want);
  });
  it('writes signed changes and shares', () => {
    expect([signed(3), signed(-2), signed(0), signed(0.04, 1), signed(null)]).toEqual([
      '+3',
      '−2',
      '0',
      '0.0',
      '–',
    ]);
    expect(pct(0.125)).toBe('12.5%');
  });
});

describe('narrative templates', () => {
  it('renders plain text: names stay as written (the page escapes them once)', () => {
    expect(renderText('{{name}} 第 {{rank}} 名', { name: '<script>alert(1)</script>', rank: 1 })).toBe(
      '<script>alert(1)</script> 第 1 名',
    );
    expect(renderText('{{{name}}}', { name: '"><img src=x>' })).toBe('"><img src=x>');
  });

  it('refuses unknown fields by name (strict), naming the template', () => {
    expect(() => renderText('{{nmae}}', { name: 'x' }, 'profile')).toThrow(
      /narrative template 'profile'.*nmae/,
    );
  });

  it('takes templates from the config, then the set, then the defaults, per language', () => {
    const config = { profile: { zh: '配置' } };
    const set = { profile: { zh: '指标集', en: 'set' }, overview: 'one for all' };
    expect(templateText('profile', 'zh', { config, set })).toBe('配置');
    expect(templateText('profile', 'en', { config, set })).toBe('set');
    expect(templateText('overview', 'en', { set })).toBe('one for all');
    expect(templateText('profile', 'en', {})).toBe(defaultTemplates['profile']!.en);
  });

  it('splits paragraphs at blank lines', () => {
    expect(paragraphs(' a \n\n\n b\nc \n\n')).toEqual(['a', 'b\nc']);
  });

  it('writes the default profile text from the Result', () => {
    // d1: A 80, B 40, C 60; d2: A 20, B 100, C 60 → index (mean): A 50, B 70, C 60 → ranks A 3, B 1, C 2
    const set = twoDims();
    const r = assess(set, data(['A', 'B', 'C'], { i1: [80, 40, 60], i2: [20, 100, 60] }));
    const model = buildModel([r]);
    const b = model.byId.get('B')!;
    const ctx = profileContext(model, b, 'zh');
    // relative to the averages (d1 60, d2 60): B is −20 on d1 and +40 on d2
    expect(ctx).toMatchObject({
      score: 70,
      rank: 1,
      n: 3,
      tier: '高',
      best_dimension: 'd2',
      best_gap: 40,
      worst_dimension: 'd1',
      worst_gap: 20,
    });
    const text = paragraphs(renderText(templateText('profile', 'zh', {}), ctx));
    expect(text[0]).toBe(
      '地区B综合得分 70.0，位列第 1 名（共 3 个地区），属于高组。与全部地区的平均相比，高出平均最多的维度是d2（高 40.0），低于平均最多的是d1（低 20.0）。',
    );
  });

  it('words the strongest and weakest dimensions as what they are: furthest above and below the average (issue 12, item 11)', () => {
    // d1: A 90, B 100, C 98 (average 96); d2: A 85, B 40, C 55 (average 60). A's highest score is d1 (90),
    // but d1 is 6 below the average and d2 25 above it: the text must not call d1 its strongest
    const r = assess(twoDims(), data(['A', 'B', 'C'], { i1: [90, 100, 98], i2: [85, 40, 55] }));
    const model = buildModel([r]);
    const a = model.byId.get('A')!;
    const ctx = profileContext(model, a, 'en');
    expect(ctx).toMatchObject({ best_dimension: 'd2', best_gap: 25, worst_dimension: 'd1', worst_gap: 6 });
    const en = paragraphs(renderText(templateText('profile', 'en', {}), ctx))[0]!;
    expect(en).toContain(
      'Against the average of all regions, its dimension furthest above the average is d2 (+25.0) and furthest below is d1 (−6.0).',
    );
    expect(en).not.toMatch(/strongest|weakest/);
    // B: above the average on d1 only; C above on d1 (98 > 96), below on d2 (55 < 60)
    const b = profileContext(model, model.byId.get('B')!, 'zh');
    expect([b.best_dimension, b.worst_dimension]).toEqual(['d1', 'd2']);
    // a unit above the average everywhere has no "furthest below"
    const r2 = assess(twoDims(), data(['A', 'B'], { i1: [90, 80], i2: [70, 60] }));
    const m2 = buildModel([r2]);
    const top = profileContext(m2, m2.byId.get('A')!, 'zh');
    expect([top.best_dimension, top.worst_dimension]).toEqual(['d1', null]);
    expect(paragraphs(renderText(templateText('profile', 'zh', {}), top))[0]).toContain(
      '与全部地区的平均相比，高出平均最多的维度是d1（高 5.0）。',
    );
    const low = profileContext(m2, m2.byId.get('B')!, 'en');
    expect([low.best_dimension, low.worst_dimension]).toEqual([null, 'd1']);
    expect(paragraphs(renderText(templateText('profile', 'en', {}), low))[0]).toContain(
      'No dimension is above the average of all regions; furthest below it is d1 (−5.0).',
    );
  });
});

describe('site config', () => {
  it('accepts every key', () => {
    const { config, problems } = parseSiteConfig(
      [
        'title: {zh: 报告, en: Report}',
        'publisher: 中心',
        'logo: logo.png',
        'languages: [zh, en]',
        "colours: {primary: '#1f4e79', tiers: {top: '#00ff00'}}",
        'pages: [overview, ranking]',
        'templates: {profile: {zh: "{{name}}"}}',
        'map: none',
        'top: 5',
        'groups: {east: {zh: 东部, en: East}}',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      top: 5,
      map: 'none',
      pages: ['overview', 'ranking'],
      colours: { primary: '#1f4e79' },
    });
  });

  it('reports a narrative template that does not parse when the config is read', () => {
    const { problems } = validateSiteConfig({
      templates: {
        profile: { zh: '{{name}} 第 {{rank}} 名', en: '{{#if rank}}rank {{rank}}' },
        overview: '{{name',
      },
    });
    expect(problems.map((p) => p.path)).toEqual(['templates.profile.en', 'templates.overview']);
    expect(problems[0]!.message).toMatch(/^template does not parse: /);
  });

  it('names each mistake with its path and the fix', () => {
    const { problems } = validateSiteConfig({
      colors: {},
      colours: { primary: 'red', tiers: { top: 'url(x)' } },
      pages: ['overview', 'blog'],
      languages: 'zh',
      logo: 'logo.exe',
      top: 0,
    });
    expect(problems.map((p) => p.path)).toEqual([
      'colors',
      'logo',
      'languages',
      'colours.primary',
      'colours.tiers.top',
      'pages',
      'top',
    ]);
    expect(problems[0]!.hint).toMatch(/colours/);
  });

  it('reports a YAML syntax error instead of throwing', () => {
    expect(parseSiteConfig('title: [').problems[0]!.message).toMatch(/YAML syntax error/);
  });
});

describe('what-if', () => {
  const weights = (m: ReturnType<typeof whatIfModel>) => m.dims.map((d) => d.weight);
  const model = (r: Result) =>
    whatIfModel(
      r,
      r.units.map((u) => u.id),
      (id) => id,
      [],
    );

  it('recomputes the index with other dimension weights (arithmetic mean)', () => {
    // A: d1 80, d2 20; B: d1 40, d2 100
    const r = assess(twoDims(), data(['A', 'B'], { i1: [80, 40], i2: [20, 100] }));
    const m = model(r);
    const w = prepareWhatIf(m);
    // published 1:1 → A 50, B 70
    const pub = recompute(w, weights(m));
    expect([...pub.score]).toEqual([50, 70]);
    expect([...pub.rank]).toEqual([2, 1]);
    // 3:1 → A (3·80 + 20)/4 = 65, B (3·40 + 100)/4 = 55
    const alt = recompute(w, [3, 1]);
    expect([...alt.score]).toEqual([65, 55]);
    expect([...alt.rank]).toEqual([1, 2]);
    // 0:1 → d2 alone
    expect([...recompute(w, [0, 1]).score]).toEqual([20, 100]);
  });

  it('uses the root aggregation the Result records (geometric mean)', () => {
    const r = assess(twoDims('geometric'), data(['A', 'B'], { i1: [80, 40], i2: [20, 100] }));
    const w = prepareWhatIf(model(r));
    // √(80·20) = 40, √(40·100) = 63.2455532…
    const out = recompute(w, [1, 1]);
    expect(out.score[0]).toBeCloseTo(40, 12);
    expect(out.score[1]).toBeCloseTo(Math.sqrt(4000), 12);
    // (80^3 · 20)^(1/4) = 60.6286626…
    expect(recompute(w, [3, 1]).score[0]).toBeCloseTo((80 ** 3 * 20) ** 0.25, 12);
  });

  it('gives back the published scores and ranks with the published weights, missing values included', () => {
    const set: IndicatorSet = {
      ...twoDims(),
      methodology: {
        normalise: { method: 'minmax', params: { min: 0, max: 100 } },
        aggregate: 'arithmetic',
        rank: { ties: 'competition', round: 1 },
      },
      tree: {
        id: 'index',
        children: [
          { id: 'd1', weight: 2, children: [{ id: 'i1' }, { id: 'i2', direction: 'lower' }] },
          { id: 'd2', children: [{ id: 'i3' }] },
          { id: 'd3', weight: 0.5, children: [{ id: 'i4' }] },
        ],
      },
    };
    const N = Number.NaN;
    const r = assess(
      set,
      data(['A', 'B', 'C', 'D', 'E'], {
        i1: [1, 5, 3, N, 2],
        i2: [9, 2, 4, 4, 8],
        i3: [3, 3, 9, 1, N],
        i4: [N, 2, 2, 7, 1],
      }),
    );
    const m = model(r);
    const out = recompute(prepareWhatIf(m), weights(m));
    expect([...out.score]).toEqual(r.values['index']!.score.map((s) => s ?? Number.NaN));
    expect([...out.rank]).toEqual(r.values['index']!.rank.map((s) => s ?? Number.NaN));
  });

  it('embeds JSON that no value can close', () => {
    const s = jsonForScript({ name: '</script><script>alert(1)</script>&\u2028' });
    expect(s).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(s)).toEqual({ name: '</script><script>alert(1)</script>&\u2028' });
  });
});

describe('analysis in the Result', () => {
  const result = (analysis: Record<string, unknown>) =>
    ({ units: [{ id: 'A' }, { id: 'B' }], analysis }) as unknown as Result;

  it('reads rank intervals aligned with units, per node, or as rows', () => {
    const cols = { q05: [1, 2], q95: [3, 5], median: [2, 3], nominal: [1, 2] };
    expect(readIntervals(result({ uncertainty: cols }), 'index')?.get('B')).toEqual({
      nominal: 2,
      median: 3,
      mean: null,
      q05: 2,
      q95: 5,
    });
    expect(readIntervals(result({ uncertainty: { ranks: { index: cols } } }), 'index')?.get('A')?.q95).toBe(
      3,
    );
    expect(
      readIntervals(
        result({ uncertainty: [{ unit: 'A', node: 'index', q05: 1, q95: 4, median: 2, nominal: 1 }] }),
        'index',
      )?.get('A')?.q95,
    ).toBe(4);
    expect(readIntervals(result({}), 'index')).toBeNull();
  });

  it('reads Sobol indices as rows or columns', () => {
    expect(
      readSensitivity(
        result({ sensitivity: [{ assumption: 'weights', first: 0.2, total: 0.5, total_ci: [0.4, 0.6] }] }),
      ),
    ).toEqual([{ assumption: 'weights', first: 0.2, total: 0.5, total_ci: [0.4, 0.6] }]);
    expect(
      readSensitivity(
        result({ sensitivity: { assumptions: ['a', 'b'], first: [0.1, 0.3], total: [0.2, 0.4] } }),
      )?.[1],
    ).toEqual({
      assumption: 'b',
      first: 0.3,
      total: 0.4,
    });
    expect(readSensitivity(result({}))).toBeNull();
  });
});

describe('view model', () => {
  it('compares with last year by unit id: rank changes, movers and tier moves', () => {
    const set = twoDims();
    // 2023: A 50, B 70, C 60 → ranks A3 B1 C2; 2024: A 90, B 40, C 60 → A1 B3 C2; D new
    const y1 = { ...assess(set, data(['A', 'B', 'C'], { i1: [50, 70, 60], i2: [50, 70, 60] })), year: 2023 };
    const y2 = {
      ...assess(set, data(['A', 'B', 'C', 'D'], { i1: [90, 40, 60, 10], i2: [90, 40, 60, 10] })),
      year: 2024,
    };
    const m = buildModel([y2, y1]);
    expect(m.year).toBe(2024);
    expect(m.prevYear).toBe(2023);
    expect(m.units.map((u) => u.rankChange)).toEqual([2, -2, 0, null]);
    expect(m.units.map((u) => u.scoreChange)).toEqual([40, -30, 0, null]);
    const k = keyChanges(m);
    expect(k.up.map((u) => u.id)).toEqual(['A']);
    expect(k.down.map((u) => u.id)).toEqual(['B']);
    // tiers (≥ 60 top): A rest→top, B top→rest, C top→top
    expect(k.tierMoves.map((u) => u.id)).toEqual(['A', 'B']);
    expect(m.tiers.map((t) => [t.id, t.count])).toEqual([
      ['top', 2],
      ['rest', 2],
    ]);
  });

  it('averages a peer group without the unit itself', () => {
    // groups: A, B, C east; D west. d1 scores 80, 40, 60, 10 → A's peers: (40 + 60)/2 = 50
    const r = assess(
      twoDims(),
      data(['A', 'B', 'C', 'D'], { i1: [80, 40, 60, 10], i2: [1, 2, 3, 4] }, [
        'east',
        'east',
        'east',
        'west',
      ]),
    );
    const m = buildModel([r]);
    expect(peerAverage(m, 'd1', m.byId.get('A')!)).toBe(50);
    expect(peerAverage(m, 'd1', m.byId.get('D')!)).toBeNull();
    expect(m.average.get('d1')).toBe(47.5);
    expect(m.extent.get('d1')).toEqual({ min: 10, max: 80 });
  });

  it('writes tier colours as CSS only for plain ids and #rrggbb colours', () => {
    const r = assess(twoDims(), data(['A'], { i1: [1], i2: [2] }));
    const css = themeCss(buildModel([r], { colours: { primary: '#ffffff', tiers: { top: '#000000' } } }));
    expect(css).toContain(':root{--primary:#ffffff;--on-primary:#000000}');
    expect(css).toContain('.tier-top{--tier:#000000;--on-tier:#ffffff}');
    expect([textOn('#ffffff'), textOn('#000000'), textOn('#1a7f37')]).toEqual([
      '#000000',
      '#ffffff',
      '#ffffff',
    ]);
  });
});

describe('methodology tree rows', () => {
  it('shows a repeated sub-tree once: the first instance with its sub-tree, the others in one row', () => {
    const set = loadIndicatorSet(`id: r
title: R
lists:
  ev: [{ id: a }, { id: b }, { id: c }]
tree:
  id: index
  children:
    - id: fixed
    - id: bench
      repeat:
        over: ev
        node: { id: "b_{id}", children: [{ id: "x_{id}" }, { id: "y_{id}" }] }
`);
    const cols: Record<string, number[]> = { fixed: [1, 2] };
    for (const e of ['a', 'b', 'c']) for (const v of ['x', 'y']) cols[`${v}_${e}`] = [1, 2];
    const result = assess(set, data(['A', 'B'], cols));
    const bench = result.set.nodes.find((n) => n.id === 'bench')!;
    expect(bench.repeated).toEqual({ over: 'ev', template: 'b_{id}', count: 3 });
    const rows = compactTree(result.set.nodes).map((r) =>
      r.kind === 'node' ? r.node.id : `more ${r.ids.join(' ')} (${r.over}, ${r.template})`,
    );
    expect(rows).toEqual(['index', 'fixed', 'bench', 'b_a', 'x_a', 'y_a', 'more b_b b_c (ev, b_{id})']);
  });
});
