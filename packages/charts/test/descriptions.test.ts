/**
 * What the charts say in words, against values computed by hand from the fixture
 * (see fixture.test.ts for the fixture's scores).
 */
import { GovscoreError } from '@govscore/core';
import { describe, expect, it } from 'vitest';
import {
  correlationHeatmap,
  dimensionHeatmap,
  distributionChart,
  frameworkChart,
  profileData,
  profileDots,
  profileRadar,
  rankChanges,
  rankIntervalChart,
  rankingChart,
  renderPlot,
  sensitivityChart,
  slopeChart,
  tierPalette,
  tileMap,
  trendChart,
  worldMap,
} from '../src/index';
import {
  countriesResult,
  rankIntervals,
  resultSmall,
  resultYears,
  sensitivityIndices,
} from './fixtures/build-result';

const r = resultSmall();

describe('ranking', () => {
  it('names the top three, the lowest, the spread, tier counts and thresholds (zh)', () => {
    const c = rankingChart(r);
    expect(c.title).toBe('2024年数字政府指数排名');
    // index: 上海 0.6·98 + 0.4·94.41 = 96.57; 北京 94.3; 浙江 93.34; 湖北 82.79; 四川 82.69; 甘肃 69
    // median of six = (82.79 + 93.34) / 2 = 88.07
    expect(c.description).toBe(
      '按数字政府指数对6个省份排名。前三名：上海（96.6）、北京（94.3）、浙江（93.3）。最低：甘肃（69.0）。得分范围69.0至96.6，中位数88.1。等级：非常高3个、高2个、中1个。等级门槛：非常高 > 90、高 ≥ 80。',
    );
  });

  it('shows bars in rank order with the tier written, and threshold rules at 90 and 80', () => {
    const c = rankingChart(r, { lang: 'en' });
    const layers = (c.spec as { layer: { data: { values: Record<string, unknown>[] } }[] }).layer;
    expect(layers[0]!.data.values).toEqual([
      { value: 90, label: '> 90', tier: 'Very high' },
      { value: 80, label: '≥ 80', tier: 'High' },
    ]);
    const bars = layers[1]!.data.values;
    expect(bars.map((b) => b['label'])).toEqual([
      'Shanghai',
      'Beijing',
      'Zhejiang',
      'Hubei',
      'Sichuan',
      'Gansu',
    ]);
    expect(bars.map((b) => b['text'])).toEqual([
      '96.6 Very high',
      '94.3 Very high',
      '93.3 Very high',
      '82.8 High',
      '82.7 High',
      '69.0 Medium',
    ]);
  });

  it('keeps the top n and says so', () => {
    const c = rankingChart(r, { lang: 'en', top: 2 });
    expect(c.description).toContain('Ranking of 6 provinces by Digital Government Index, top 2 shown.');
  });
});

describe('profile', () => {
  it('averages all units and the peer group without the unit itself', () => {
    const p = profileData(r, '110000', {}, 'en');
    // service scores 96.5, 98, 97.5, 87.5, 85, 75: mean 539.5 / 6 = 89.9167; peers (east: 上海, 浙江) 97.75
    expect(p.peerLabel).toBe('east');
    expect(p.peerCount).toBe(2);
    expect(p.rows[0]!.average).toBeCloseTo(539.5 / 6, 9);
    expect(p.rows[0]!.peers).toBeCloseTo(97.75, 9);
    expect(p.rows[0]!.min).toBe(75);
    expect(p.rows[0]!.max).toBe(98);
    // governance 91, 94.41, 87.10, 75.72, 79.22, 60: Beijing is 2nd
    expect(p.rows[1]!.rank).toBe(2);
  });

  it('takes listed peers and rejects an unknown group', () => {
    const p = profileData(r, '420000', { peers: ['510000', '620000'] }, 'zh');
    expect(p.peerLabel).toBe('四川、甘肃');
    expect(p.rows[0]!.peers).toBeCloseTo((85 + 75) / 2, 9);
    expect(() => profileData(r, '420000', { peers: 'province' }, 'zh')).toThrow(
      /E500 unit "420000" has no group "province"/,
    );
    expect(() => profileDots(r, 'XX')).toThrow(/E501 unknown unit "XX"/);
  });

  it('throws GovscoreError with a stable code, the bad value and a hint', () => {
    try {
      rankingChart(r, { node: 'nope' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GovscoreError);
      const p = (e as GovscoreError).problems[0]!;
      expect(p.code).toBe('E501');
      expect(p.message).toBe('unknown node "nope"');
      expect(p.hint).toBe(
        'use one of: dgi, service, online_rate, one_stop, governance, open_data, response_days',
      );
    }
  });

  it('describes the radar, and refuses one with fewer than 3 spokes', () => {
    const c = profileRadar(r, '110000', {
      lang: 'en',
      nodes: ['online_rate', 'one_stop', 'open_data', 'response_days'],
    });
    // online_rate: 98 (rank 2), mean (98+99+97+90+88+80)/6 = 92, peers (99+97)/2 = 98
    expect(c.description).toContain(
      'Services available online 98.0 (rank 2, Average 92.0, Peer group average 98.0)',
    );
    expect(c.description).toContain('Radial scale from 0 to 100.');
    expect(() => profileRadar(r, '110000')).toThrow(/E500 a radar needs at least 3 dimensions, got 2/);
  });
});

describe('heatmap and distribution', () => {
  it('names the highest and lowest per column', () => {
    const c = dimensionHeatmap(r);
    expect(c.description).toContain('在线服务最高上海（98.0），最低甘肃（75.0）');
    expect(c.description).toContain('数字治理最高上海（94.4），最低甘肃（60.0）');
  });
  it('gives median and range per node and the highlighted unit', () => {
    const c = distributionChart(r, { lang: 'en', highlight: '420000' });
    // service: sorted 75, 85, 87.5, 96.5, 97.5, 98 → median (87.5 + 96.5) / 2 = 92
    expect(c.description).toContain('Online service: median 92.0, range 75.0 to 98.0; Hubei 87.5 (rank 4).');
  });
});

describe('analysis charts', () => {
  it('rank intervals: widest and single-rank units', () => {
    const c = rankIntervalChart(rankIntervals, { lang: 'en', result: r });
    expect(c.description).toContain('Widest interval: Beijing (ranks 1–3).');
    expect(c.description).toContain('5th to 95th percentile is a single rank for: Gansu.');
    expect(() => rankIntervalChart([{ unit: 'a', nominal: 1, q05: 3, q95: 2, median: 1 }])).toThrow(/E500/);
  });
  it('sensitivity: largest total effect first', () => {
    const c = sensitivityChart(sensitivityIndices, { lang: 'en', labels: { weights: 'Weights' } });
    expect(c.description).toContain('Largest total effect: Weights.');
    expect(c.description).toContain(
      'Weights: First-order index 0.42 [0.35, 0.49], Total index 0.55 [0.48, 0.62]',
    );
  });
  it('correlation: highest and lowest pair', () => {
    const c = correlationHeatmap(
      {
        ids: ['a', 'b', 'c'],
        matrix: [
          [1, 0.5, -0.3],
          [0.5, 1, 0.8],
          [-0.3, 0.8, 1],
        ],
      },
      { lang: 'en' },
    );
    expect(c.description).toBe(
      'Correlation coefficients between 3 measures. Highest: c – b (0.80). Lowest: c – a (-0.30).',
    );
    expect(() => correlationHeatmap({ ids: ['a', 'b'], matrix: [[1]] })).toThrow(/E500/);
  });
});

describe('over time', () => {
  it('trend: Gansu rises most, 59.26 (2022) → 69 (2024)', () => {
    // 2022 Gansu: service (72+60)/2 = 66; governance (50 + (30−16)/29·100)/2 = 49.14; index 0.6·66 + 0.4·49.14 = 59.26
    const c = trendChart(resultYears(), { lang: 'en' });
    expect(c.description).toContain('Largest rise: Gansu (+9.7).');
    expect(c.title).toBe('Digital Government Index score, 2022–2024');
    expect(() => trendChart([r])).toThrow(/E500 a trend needs at least 2 Results/);
  });
  it('slope: Hubei 5 → 4, Sichuan 4 → 5 between 2022 and 2024', () => {
    // 2022 index: 上海 92.03, 北京 90.34, 浙江 89.65, 四川 78.38, 湖北 73.21, 甘肃 59.26
    const [y22, , y24] = resultYears();
    const ch = rankChanges(y22!, y24!, 'dgi', 'en');
    expect(ch.map((c) => [c.id, c.before, c.after, c.change])).toEqual([
      ['310000', 1, 1, 0],
      ['110000', 2, 2, 0],
      ['330000', 3, 3, 0],
      ['420000', 5, 4, 1],
      ['510000', 4, 5, -1],
      ['620000', 6, 6, 0],
    ]);
    expect(slopeChart(y22!, y24!, { lang: 'en' }).description).toBe(
      'Digital Government Index rank of 6 provinces from 2022 to 2024: 1 up, 1 down, 4 unchanged. Largest rises: Hubei (5 to 4). Largest falls: Sichuan (4 to 5).',
    );
  });
});

describe('framework and maps', () => {
  it('framework lists dimensions and effective weights', () => {
    const c = frameworkChart(r, { lang: 'en' });
    expect(c.description).toContain(
      'Dimensions: Online service (60%, 2 indicators), Digital governance (40%, 2 indicators).',
    );
    expect(c.description).toContain('Services available online 30%');
  });
  it('tile map lists the units of each tier', () => {
    const c = tileMap(r);
    expect(c.description).toContain('非常高：北京、上海、浙江。高：湖北、四川。中：甘肃。');
  });
  it('world map: fixture units as countries (CHN = Beijing 94.3, DEU = Shanghai 96.6, BRA = Zhejiang 93.3)', () => {
    const c = worldMap(countriesResult(), { lang: 'en' });
    expect(c.description).toContain('Top three: Germany (96.6), China (94.3), Brazil (93.3).');
    expect(c.description).toContain('Boundaries: Natural Earth 1:110m (world-atlas).');
  });
  it('world map colours Taiwan like China when China is assessed (unless told not to)', () => {
    const veryHigh = tierPalette(3)[0]!;
    const count = (svg: string) => svg.split(`fill="${veryHigh}"`).length - 1;
    const withTw = renderPlot(worldMap(countriesResult(), { lang: 'en' }));
    const without = renderPlot(worldMap(countriesResult(), { lang: 'en', taiwanWithChina: false }));
    // China, Germany, Brazil (+ Taiwan), and the legend swatch
    expect(count(without)).toBe(4);
    expect(count(withTw)).toBe(5);
  });
});

describe('tier colours', () => {
  it("uses the set's colours when given, or the palette when asked", () => {
    const withColours = resultSmall();
    withColours.set.tiers!.levels[0]!.color = '#1a7f37';
    const colours = (c: ReturnType<typeof rankingChart>) =>
      (c.spec as { layer: { encoding?: { color?: { scale?: { range?: string[] } } } }[] }).layer[1]!.encoding!
        .color!.scale!.range;
    expect(colours(rankingChart(withColours))![0]).toBe('#1a7f37');
    expect(colours(rankingChart(withColours, { tierColors: 'palette' }))).toEqual(tierPalette(3));
    expect(colours(rankingChart(resultSmall()))).toEqual(tierPalette(3));
  });
});
