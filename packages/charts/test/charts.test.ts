import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../scripts/catalogue';
import { type Chart, type Lang, toSvg } from '../src/index';
import { fixtureInputs } from './fixtures/inputs';
import { expectGolden } from './golden';
import { xmlProblem } from './xml';

const entries = catalogue(fixtureInputs());
const langs: Lang[] = ['zh', 'en'];
const cases = entries.flatMap((e) => langs.map((lang) => ({ id: e.id, lang, chart: e.build(lang) })));

// biome-ignore lint/suspicious/noExplicitAny: ajv's compiled validator of an external schema
let validate: any;
beforeAll(() => {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  validate = ajv.compile(schema);
});

describe('every chart', () => {
  it('has all the kinds of chart the report needs', () => {
    expect(entries.map((e) => e.id)).toEqual([
      'ranking',
      'heatmap',
      'heatmap-rank',
      'profile-dots',
      'profile-radar',
      'distribution',
      'rank-interval',
      'sensitivity',
      'trend',
      'trend-all',
      'slope',
      'correlation',
      'framework',
      'tile-map',
      'tile-map-score',
      'world-map',
      'geo-map',
    ]);
  });

  it.each(cases.filter((c) => c.chart.kind === 'vega-lite'))(
    '$id ($lang): the Vega-Lite spec validates against the schema',
    ({ chart }) => {
      const spec = (chart as Extract<Chart, { kind: 'vega-lite' }>).spec;
      const ok = validate(spec);
      expect(ok ? [] : validate.errors.slice(0, 5)).toEqual([]);
    },
  );

  it.each(cases.filter((c) => c.chart.kind === 'vega-lite'))(
    '$id ($lang): spec golden',
    ({ id, lang, chart }) => {
      expectGolden(
        `${id}.${lang}.vl.json`,
        `${JSON.stringify((chart as Extract<Chart, { kind: 'vega-lite' }>).spec, null, 2)}\n`,
      );
    },
  );

  it.each(cases)(
    '$id ($lang): accessible, well-formed, deterministic SVG (golden)',
    async ({ id, lang, chart }) => {
      const warnings: string[] = [];
      const svg = await toSvg(chart, { onWarning: (m) => warnings.push(m) });
      expect(warnings).toEqual([]);
      expect(xmlProblem(svg)).toBeNull();
      const open = svg.slice(0, svg.indexOf('>') + 1);
      expect(open).toContain('role="img"');
      expect(open).toContain(`aria-label="`);
      expect(open).toContain(`lang="${lang}"`);
      expect(open).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(svg).toMatch(
        /^<svg[^>]*><title id="[^"]+-title">[^<]+<\/title><desc id="[^"]+-desc">[^<]+<\/desc>/,
      );
      expect(chart.description.length).toBeGreaterThan(40);
      // ids are prefixed by the chart's name and numbered
      for (const m of svg.matchAll(/\sid="([^"]+)"/g))
        expect(m[1]).toMatch(new RegExp(`^${chart.name}-(\\d+|title|desc)$`));
      // same input, same bytes
      expect(await toSvg(chart)).toBe(svg);
      expectGolden(`${id}.${lang}.svg`, svg);
    },
  );

  it('uses a CJK font first for Chinese', async () => {
    const zh = cases.filter((c) => c.lang === 'zh');
    for (const c of zh) {
      const svg = await toSvg(c.chart);
      expect(svg, c.id).toMatch(/font-family="(&quot;|")Noto Sans CJK SC/);
    }
  });

  it('gives two charts on one page different ids with idPrefix', async () => {
    const chart = cases.find((c) => c.id === 'correlation')!.chart;
    const a = await toSvg(chart, { idPrefix: 'a' });
    const b = await toSvg(chart, { idPrefix: 'b' });
    const ids = (s: string) => [...s.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(a).filter((x) => ids(b).includes(x))).toEqual([]);
  });
});
