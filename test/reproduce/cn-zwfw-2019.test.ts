/**
 * 省级政府网上政务服务能力总体指数（2019 年数据，2020 年报告）: tiers 非常高 (> 90) / 高 (80–90) / 中 (< 80)
 * with the published counts, and the published dense ranks (samples/cn-zwfw-2019/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess, loadIndicatorSet, parseDatasetCsv } from '@govscore/core';
import { describe, expect, it } from 'vitest';
import { csvObjects, repoRoot } from '../../scripts/samples/lib';

const read = (p: string) => readFileSync(join(repoRoot, p), 'utf8');
const set = loadIndicatorSet(read('indicators/cn-zwfw-2019.yaml'), 'cn-zwfw-2019.yaml');
const { dataset, problems } = parseDatasetCsv(read('samples/cn-zwfw-2019/provinces-2019.csv'), { set });
const result = assess(set, dataset);
const published = csvObjects(read('samples/cn-zwfw-2019/published.csv'));
const byZh = (zh: string) => result.units.findIndex((u) => typeof u.name === 'object' && u.name['zh'] === zh);
const rankOf = (zh: string) => result.values['zwfw_index']?.rank[byZh(zh)];
const tierOf = (zh: string) => result.tiers?.tier[byZh(zh)];

describe('2019 provincial online government service capability', () => {
  it('loads 31 provinces and the XPCC (兵团, no score on the page)', () => {
    expect(problems.filter((p) => p.code.startsWith('E'))).toEqual([]);
    expect(result.units).toHaveLength(32);
    expect(result.values['zwfw_index']?.score[byZh('新疆生产建设兵团')]).toBeNull();
    expect(result.values['zwfw_index']?.score[byZh('浙江')]).toBe(96.73);
  });

  it('tiers: 非常高 8, 高 15, 中 8 + the 兵团 = the published 8 / 15 / 9', () => {
    const counts: Record<string, number> = {};
    for (const t of result.tiers?.tier ?? []) counts[String(t)] = (counts[String(t)] ?? 0) + 1;
    expect(counts).toEqual({ very_high: 8, high: 15, medium: 8, null: 1 });
    // the 兵团 is listed at rank 28, between 青海 (75.95) and 甘肃 (75.28): 中 on the page
    expect(tierOf('新疆生产建设兵团')).toBeNull();
  });

  it.each([
    ['安徽', 90.82, 'very_high'], // > 90
    ['四川', 88.31, 'high'],
    ['内蒙古', 80.29, 'high'], // >= 80
    ['山东', 79.04, 'medium'],
    ['新疆', 74.07, 'medium'],
  ])('%s %f → %s', (zh, score, tier) => {
    expect(result.values['zwfw_index']?.score[byZh(zh)]).toBe(score);
    expect(tierOf(zh)).toBe(tier);
  });

  it('dense ranks equal the published ones, except where the page itself is inconsistent', () => {
    const differ: string[] = [];
    for (const p of published) {
      const zh = p['name_zh'] as string;
      if (zh === '新疆生产建设兵团') continue;
      if (rankOf(zh) !== Number(p['rank_as_published'])) differ.push(zh);
    }
    // 安徽 (90.82) is listed 5th above 福建 (91.11, 6th): a transcription slip on the page, the scores
    // rank 福建 5th; 甘肃 and 新疆 are listed 29th and 30th because the unscored 兵团 holds 28th.
    expect(differ.sort()).toEqual(['安徽', '新疆', '甘肃', '福建'].sort());
    expect([rankOf('浙江'), rankOf('广东'), rankOf('上海'), rankOf('江苏'), rankOf('贵州')]).toEqual([
      1, 1, 2, 3, 3,
    ]);
    expect([rankOf('北京'), rankOf('福建'), rankOf('安徽'), rankOf('四川')]).toEqual([4, 5, 6, 7]);
    expect([rankOf('青海'), rankOf('甘肃'), rankOf('新疆')]).toEqual([27, 28, 29]);
    expect(result.set.rank.ties).toBe('dense');
  });
});
