import { describe, expect, it } from 'vitest';
import { escapeXml, injectA11y, stabiliseIds } from '../src/a11y';
import { icicle } from '../src/charts/framework';
import { polarPoint, radarDomain } from '../src/charts/profile-radar';
import { provinceCode } from '../src/charts/tile-map';
import { isoNumeric } from '../src/charts/world-map';
import { chinaTiles } from '../src/data/china-tiles';
import { iso3ToNumeric } from '../src/data/iso3-numeric';
import { list, paren, sentences, t } from '../src/i18n';
import { dodge } from '../src/layout';
import { luminance, textOn, tierPalette, viridis } from '../src/palette';
import { digitsFor, fitLabels, fmt, pickText, textWidth, truncate, wrapLines } from '../src/text';
import { nodes } from './fixtures/build-result';

describe('text', () => {
  it.each([
    ['北京', 10, 20],
    ['AB', 10, 13.2],
    ['ab', 10, 11],
    ['10', 10, 11.2],
    ['i l', 10, 9],
  ])('textWidth(%s, %d) = %d', (s, size, w) => expect(textWidth(s, size)).toBeCloseTo(w, 9));

  it.each([
    // fits: unchanged
    ['北京', 20, 10, '北京'],
    // 黑龙江省 = 40 px > 30; room 30 − 5.5 (… is 0.55 em) = 24.5 → two ideographs (20)
    ['黑龙江省', 30, 10, '黑龙…'],
    // room 50 − 5.5 = 44.5: I 3 + n 5.5 + n 5.5 + e 5.5 + r 5.5 + ' ' 3 + M 8.5 + o 5.5 = 42; + n = 47.5 > 44.5
    ['Inner Mongolia', 50, 10, 'Inner Mo…'],
  ])('truncate(%s, %d, %d) = %s', (s, w, size, out) => expect(truncate(s, w, size)).toBe(out));

  it('wraps Latin text at spaces and CJK anywhere', () => {
    // 'Days to answer' = D 6.6 a 5.5 y 5.5 s 5.5 ' ' 3 t 5.5 o 5.5 ' ' 3 a n s w(8.5) e r → 11 px font
    expect(wrapLines('Days to answer a request', 90, 11)).toEqual(['Days to answer', 'a request']);
    expect(wrapLines('一网通办覆盖率', 44, 11)).toEqual(['一网通办', '覆盖率']);
    expect(wrapLines('短', 44, 11)).toEqual(['短']);
  });

  it('picks the language, then English, Chinese, the first, the fallback', () => {
    expect(pickText({ zh: '北京', en: 'Beijing' }, 'zh')).toBe('北京');
    expect(pickText({ zh: '北京' }, 'en')).toBe('北京');
    expect(pickText({ fr: 'Pékin' }, 'en')).toBe('Pékin');
    expect(pickText('x', 'en')).toBe('x');
    expect(pickText(undefined, 'en', 'id')).toBe('id');
  });

  it('formats numbers with fixed decimals, — for missing, no negative zero', () => {
    expect(fmt(96.5655, 1)).toBe('96.6');
    expect(fmt(-0.04, 1)).toBe('0.0');
    expect(fmt(null, 1)).toBe('—');
    expect(fmt(Number.NaN, 2)).toBe('—');
    expect(digitsFor([0.2, 0.93])).toBe(3);
    expect(digitsFor([2.5, 7])).toBe(2);
    expect(digitsFor([69, 96.6, null])).toBe(1);
  });

  it('makes labels unique when cut names collide', () => {
    const out = fitLabels(
      [
        { id: 'a', name: 'Province of somewhere long A' },
        { id: 'b', name: 'Province of somewhere long B' },
      ],
      60,
      10,
    );
    // room 60 − 5.5 = 54.5: 'Province o' = 51.1 px, + f = 56.6 > 54.5
    expect(out.map((o) => o.label)).toEqual(['Province o… (a)', 'Province o… (b)']);
    expect(out.every((o) => o.cut)).toBe(true);
  });
});

describe('i18n', () => {
  it('joins lists and sentences per language', () => {
    expect(list(['上海', '北京'], 'zh')).toBe('上海、北京');
    expect(list(['a', 'b'], 'en')).toBe('a, b');
    expect(paren('北京', '94.3', 'zh')).toBe('北京（94.3）');
    expect(sentences(['一', '', '二。'], 'zh')).toBe('一。二。');
    expect(sentences(['One', false, 'Two.'], 'en')).toBe('One. Two.');
    expect(t('tier', 'zh')).toBe('等级');
  });
});

describe('palette', () => {
  it('samples viridis at its published stops and between them', () => {
    expect(viridis(0)).toBe('#440154');
    expect(viridis(0.5)).toBe('#21918c');
    expect(viridis(1)).toBe('#fde725');
    // halfway between #440154 (68,1,84) and #482475 (72,36,117): (70, 18.5→19, 100.5→101)
    expect(viridis(0.05)).toBe('#461365');
  });
  it('gives n ordered tier colours from viridis 0.15 to 0.85', () => {
    const p = tierPalette(3);
    expect(p).toHaveLength(3);
    expect(p[1]).toBe(viridis(0.5));
    expect(tierPalette(1)).toEqual([viridis(0.5)]);
  });
  it('chooses readable ink by WCAG luminance', () => {
    expect(luminance('#ffffff')).toBeCloseTo(1, 9);
    expect(luminance('#000000')).toBe(0);
    expect(textOn('#440154')).toBe('#ffffff');
    expect(textOn('#fde725')).toBe('#000000');
  });
});

describe('geometry', () => {
  it.each([
    // spoke 0 of 4 points up, 1 right, 2 down, 3 left; value 50 of [0, 100] at R 100 → r 50
    [0, 4, 50, { x: 100, y: 50 }],
    [1, 4, 50, { x: 150, y: 100 }],
    [2, 4, 100, { x: 100, y: 200 }],
    [3, 4, 0, { x: 100, y: 100 }],
    // spoke 1 of 3 at −π/2 + 2π/3 = 30°: r 100 → (100 + 100·cos30°, 100 + 100·sin30°)
    [1, 3, 100, { x: 100 + 50 * Math.sqrt(3), y: 150 }],
    // clamped to R
    [0, 4, 150, { x: 100, y: 0 }],
  ])('polarPoint(spoke %d of %d, value %d)', (i, n, v, want) => {
    const p = polarPoint(i, n, v, 0, 100, 100, 100, 100);
    expect(p.x).toBeCloseTo(want.x, 5);
    expect(p.y).toBeCloseTo(want.y, 5);
  });

  it('chooses a radial domain', () => {
    expect(radarDomain([0.2, 0.9])).toEqual([0, 1]);
    expect(radarDomain([12, 96.6, null])).toEqual([0, 100]);
    expect(radarDomain([-1.2, 2.5])).toEqual([-1.2, 2.5]);
    expect(radarDomain([120, 300])).toEqual([0, 300]);
  });

  it('lays out the icicle by local weights', () => {
    const cells = icicle(nodes);
    const at = (id: string) => cells.find((c) => c.id === id)!;
    expect(at('dgi')).toEqual({ id: 'dgi', depth: 0, y0: 0, y1: 1, branch: -1 });
    expect(at('service')).toMatchObject({ y0: 0, y1: 0.6, branch: 0 });
    expect(at('one_stop').y0).toBeCloseTo(0.3, 12);
    expect(at('one_stop').y1).toBeCloseTo(0.6, 12);
    expect(at('governance')).toMatchObject({ y0: 0.6, branch: 1 });
    expect(at('response_days').y0).toBeCloseTo(0.8, 12);
    expect(at('response_days').y1).toBeCloseTo(1, 12);
  });

  it('moves labels apart', () => {
    expect(dodge([10, 12, 50], 10, 0, 100)).toEqual([10, 20, 50]);
    expect(dodge([95, 99], 10, 0, 100)).toEqual([90, 100]);
    expect(dodge([50, 10], 10, 0, 100)).toEqual([50, 10]);
  });
});

describe('map data', () => {
  it('has 34 provincial tiles with unique codes and cells, 31 always drawn', () => {
    expect(chinaTiles).toHaveLength(34);
    expect(new Set(chinaTiles.map((t) => t.code)).size).toBe(34);
    expect(new Set(chinaTiles.map((t) => `${t.col},${t.row}`)).size).toBe(34);
    expect(chinaTiles.filter((t) => !t.optional)).toHaveLength(31);
    expect(
      chinaTiles
        .filter((t) => t.optional)
        .map((t) => t.code)
        .sort(),
    ).toEqual(['710000', '810000', '820000']);
    expect(chinaTiles.every((t) => /^[1-8]\d0000$/.test(t.code))).toBe(true);
  });

  it.each([
    ['110000', '110000'],
    ['110105', '110000'],
    ['44', '440000'],
    ['BJ', null],
  ])('provinceCode(%s) = %s', (id, code) => expect(provinceCode(id)).toBe(code));

  it.each([
    ['CHN', '156'],
    ['usa', '840'],
    ['DEU', '276'],
    ['AUT', '040'],
    ['FJI', '242'],
    ['156', '156'],
    ['40', '040'],
    ['XKX', null],
  ])('isoNumeric(%s) = %s', (id, num) => expect(isoNumeric(id)).toBe(num));

  it('maps every ISO 3166-1 alpha-3 code to a unique numeric code', () => {
    expect(Object.keys(iso3ToNumeric)).toHaveLength(249);
    expect(new Set(Object.values(iso3ToNumeric)).size).toBe(249);
  });
});

describe('a11y helpers', () => {
  it('escapes every markup character', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('renumbers ids and their references in order', () => {
    const svg =
      '<svg><defs><clipPath id="clip7"/><pattern id="p"/></defs><g clip-path="url(#clip7)"><rect fill="url(#p)"/><use href="#p"/></g></svg>';
    expect(stabiliseIds(svg, 'c')).toBe(
      '<svg><defs><clipPath id="c-1"/><pattern id="c-2"/></defs><g clip-path="url(#c-1)"><rect fill="url(#c-2)"/><use href="#c-2"/></g></svg>',
    );
  });

  it('adds role, label, title and desc to the root, replacing its own', () => {
    const out = injectA11y('<svg width="1" role="graphics-document" aria-label="x"><g/></svg>', {
      title: 'T <1>',
      description: 'D & "q"',
      lang: 'zh',
      idPrefix: 'r',
    });
    expect(out).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="1" role="img" aria-label="T &lt;1&gt;" aria-describedby="r-desc" lang="zh"><title id="r-title">T &lt;1&gt;</title><desc id="r-desc">D &amp; &quot;q&quot;</desc><g/></svg>',
    );
  });
});
