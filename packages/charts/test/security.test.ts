import { describe, expect, it } from 'vitest';
import { catalogue } from '../scripts/catalogue';
import { geoMap, type Lang, rankingChart, sensitivityChart, toSvg } from '../src/index';
import { squares } from './fixtures/boundaries';
import { resultSmall } from './fixtures/build-result';
import { fixtureInputs } from './fixtures/inputs';
import { attributeNames, xmlProblem } from './xml';

const script = '<script>alert(1)</script>';
const img = '"><img src=x onerror=alert(1)>';

/** No raw tag from the hostile strings; the document still parses as the tags we wrote. */
function assertSafe(svg: string, what: string) {
  expect(svg, what).not.toMatch(/<script/i);
  expect(svg, what).not.toMatch(/<img/i);
  // no event-handler attribute on any tag (text and attribute values may say "onerror=", escaped)
  expect(
    [...attributeNames(svg)].filter((n) => /^on/i.test(n)),
    what,
  ).toEqual([]);
  expect(xmlProblem(svg), what).toBeNull();
}

describe('user strings are escaped in every SVG', () => {
  const inputs = fixtureInputs({
    '110000': script,
    '310000': img,
    '330000': { zh: script, en: img },
  });
  // hostile node, tier and assumption names too
  for (const r of [inputs.result, ...inputs.years]) {
    r.set.nodes[1]!.name = script;
    r.set.nodes[4]!.name = { zh: img, en: img };
    r.set.tiers!.levels[0]!.name = img;
    r.set.title = script;
  }
  inputs.countries.units[0]!.name = img;
  inputs.sensitivity = [{ assumption: script, first: 0.2, total: 0.3 }];
  inputs.intervals = inputs.intervals.map((r) => (r.unit === '110000' ? { ...r } : r));
  inputs.boundaries = { ...inputs.boundaries!, approval: img, source: script };
  const entries = catalogue(inputs);

  it.each(
    entries.flatMap((e) => (['zh', 'en'] as Lang[]).map((lang) => ({ id: e.id, lang, build: e.build }))),
  )('$id ($lang)', async ({ id, lang, build }) => {
    const chart = build(lang);
    const svg = await toSvg(chart);
    assertSafe(svg, id);
    // the names are there, as text
    if (['ranking', 'heatmap', 'trend-all', 'slope', 'tile-map'].includes(id)) {
      expect(svg).toMatch(/&lt;script&gt;|&quot;&gt;&lt;img|"&gt;&lt;img/);
    }
  });

  it('escapes a hostile title given in options and the id prefix', async () => {
    const svg = await toSvg(rankingChart(resultSmall(), { title: img }), { idPrefix: img });
    assertSafe(svg, 'options');
    expect(svg).toContain('aria-label="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });

  it('escapes assumption labels and map captions', async () => {
    assertSafe(
      await toSvg(sensitivityChart([{ assumption: 'w', first: 0.1, total: 0.2 }], { labels: { w: script } })),
      'labels',
    );
    const svg = await toSvg(
      geoMap(resultSmall(), squares(), { idProperty: 'adcode', approval: script, source: img }),
    );
    assertSafe(svg, 'caption');
    expect(svg).toContain('审图号：&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
