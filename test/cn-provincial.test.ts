/**
 * The flagship set `indicators/cn-provincial-digital-government.yaml` and its illustrative sample
 * `samples/cn-provincial/` (示例数据，不代表真实评估结果): the set uses the whole language, the sample
 * is what the seeded generator makes, and the assessment gives hand-checkable scores and a spread of tiers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assess,
  type IndicatorNode,
  type IndicatorSet,
  loadIndicatorSet,
  parseDatasetCsv,
  type Result,
  type TreeNode,
} from '@govscore/core';
import { describe, expect, it } from 'vitest';
import { build } from '../scripts/samples/cn-provincial';
import { csvObjects, repoRoot } from '../scripts/samples/lib';

const read = (p: string) => readFileSync(join(repoRoot, p), 'utf8');
const SET = 'indicators/cn-provincial-digital-government.yaml';
const DATA = 'samples/cn-provincial/cn-provincial.csv';
const LABEL = '示例数据，不代表真实评估结果';
const set: IndicatorSet = loadIndicatorSet(read(SET), SET);
const csv = read(DATA);
const rows = csvObjects(csv);
const { dataset, problems } = parseDatasetCsv(csv, { file: DATA, set });
const results: Record<2023 | 2024, Result> = {
  2023: assess(set, dataset, { year: 2023 }),
  2024: assess(set, dataset, { year: 2024 }),
};

const indicators = (n: TreeNode): IndicatorNode[] => ('children' in n ? n.children.flatMap(indicators) : [n]);
const inds = indicators(set.tree);
const ind = (id: string) => inds.find((i) => i.id === id) as IndicatorNode;
const text = (t: unknown) =>
  typeof t === 'string' ? t : Object.values(t as Record<string, string>).join(' ');

describe('cn-provincial-digital-government: the set', () => {
  it('has the five dimensions with Chinese and English names', () => {
    const dims = 'children' in set.tree ? set.tree.children : [];
    expect(dims.map((d) => d.id)).toEqual([
      'transparency',
      'online_service',
      'interaction',
      'data_openness',
      'security',
    ]);
    expect(dims.map((d) => (d.name as Record<string, string>)['zh'])).toEqual([
      '政务公开',
      '在线服务',
      '政民互动',
      '数据开放',
      '安全保障',
    ]);
    const online = dims[1] as TreeNode;
    expect(
      'children' in online ? online.children.map((c) => (c.name as Record<string, string>)['zh']) : [],
    ).toEqual(['在线服务成效度', '在线办理成熟度', '服务方式完备度', '服务事项覆盖度', '办事指南准确度']);
    const data = dims[3] as TreeNode;
    expect(
      'children' in data ? data.children.map((c) => (c.name as Record<string, string>)['zh']) : [],
    ).toEqual(['准备度', '平台层', '数据层', '利用层']);
  });

  it('has 25–40 indicators, each with zh/en name, unit, direction, type, source and description', () => {
    expect(inds.length).toBeGreaterThanOrEqual(25);
    expect(inds.length).toBeLessThanOrEqual(40);
    for (const i of inds) {
      expect(Object.keys(i.name as object).sort(), i.id).toEqual(['en', 'zh']);
      for (const key of ['unit', 'direction', 'type', 'source', 'description'] as const)
        expect(i[key], `${i.id}.${key}`).toBeDefined();
    }
  });

  it('uses the whole language: lower-is-better, per-capita denominator, percentages, yes/no, ordinal, checklists, target, log', () => {
    expect(inds.filter((i) => i.direction === 'lower').map((i) => i.id)).toEqual(
      expect.arrayContaining(['request_reply_days', 'message_reply_days', 'high_risk_vulnerabilities']),
    );
    expect(ind('open_datasets').denominator).toEqual({ by: 'population', scale: 1_000_000 });
    expect(inds.filter((i) => i.type === 'percentage').length).toBeGreaterThan(10);
    expect(inds.filter((i) => i.type === 'binary').length).toBeGreaterThanOrEqual(3);
    expect(ind('open_data_legal_basis').levels).toEqual({ none: 0, policy: 1, rules: 2, regulation: 3 });
    const web = ind('website_inspection');
    expect(web.type).toBe('checklist');
    expect(web.scoring).toEqual({ mode: 'deduct', max: 100, bonus_above: 90 });
    expect(web.items?.filter((it) => it.kind === 'veto').map((it) => it.id)).toEqual([
      'site_accessible',
      'content_updated',
    ]);
    expect(web.items?.filter((it) => it.kind === 'bonus').map((it) => it.id)).toEqual(['new_media_matrix']);
    expect(ind('platform_functions').scoring).toEqual({ mode: 'sum', max: 100 });
    expect(ind('full_online_rate').target).toBe(90);
    expect(ind('data_apps').transform).toBe('log');
    expect(ind('cross_province_matters').impute).toEqual({ method: 'group_median', group: 'group' });
  });

  it('has the tiers 非常高 (> 90) / 高 (>= 80) / 中, is illustrative and says so', () => {
    const tiers = set.methodology?.tiers;
    expect(
      tiers?.levels.map((l) => [(l.name as Record<string, string>)['zh'], l.min, l.exclusive ?? false]),
    ).toEqual([
      ['非常高', 90, true],
      ['高', 80, false],
      ['中', undefined, false],
    ]);
    expect(set.illustrative).toBe(true);
    expect(text(set.description)).toContain(LABEL);
    expect(read('samples/cn-provincial/README.md')).toContain(LABEL);
  });
});

describe('cn-provincial: the sample', () => {
  it('is exactly what the seeded generator makes', () => {
    expect(build()['samples/cn-provincial/cn-provincial.csv']).toBe(csv);
  });

  it('has 31 provinces with GB/T 2260 codes, zh/en names and NBS regions, for 2023 and 2024', () => {
    expect(problems.filter((p) => p.code.startsWith('E'))).toEqual([]);
    expect(dataset.years).toEqual([2023, 2024]);
    expect(dataset.units).toHaveLength(31);
    for (const u of dataset.units) expect(u.id).toMatch(/^[1-6]\d0000$/);
    expect(dataset.units.find((u) => u.id === '440000')?.name).toEqual({ zh: '广东', en: 'Guangdong' });
    const regions: Record<string, number> = {};
    for (const u of dataset.units)
      regions[u.groups['group'] as string] = (regions[u.groups['group'] as string] ?? 0) + 1;
    expect(regions).toEqual({ east: 10, central: 6, west: 12, northeast: 3 });
  });

  it('has some missing values (about 1–2%), left empty, never 0', () => {
    const cells = rows.flatMap((r) =>
      Object.entries(r).filter(
        ([k]) => !['id', 'name_zh', 'name_en', 'group', 'year', 'population'].includes(k),
      ),
    );
    const empty = cells.filter(([, v]) => v === '').length;
    expect(empty / cells.length).toBeGreaterThan(0.005);
    expect(empty / cells.length).toBeLessThan(0.03);
  });
});

describe('cn-provincial: the assessment', () => {
  const r = results[2023];
  const at = (id: string) => r.units.findIndex((u) => u.id === id);
  const score = (node: string, id: string) => r.values[node]?.score[at(id)];

  it.each([
    // Beijing 2023, from the CSV row: goalposts (value − low)/(high − low)·100, reversed when lower is better
    ['disclosure_catalog_rate', ((99.4 - 60) / 40) * 100], // 99.4 %
    ['request_reply_days', ((20 - 5.9) / 15) * 100], // 5.9 working days, lower is better
    ['avg_visits', ((1.5 - 0.29) / 1.4) * 100], // 0.29 visits
    ['open_datasets', (13395 / 21.86 / 800) * 100], // 13,395 datasets / 21.86 million people
    ['data_apps', (Math.log(166) / Math.log(300)) * 100], // log scale, goalposts 1–300
    ['open_data_legal_basis', 100], // regulation = 3 of 3
    ['satisfaction_rate', 100], // 100 %
    ['website_inspection', 100], // every item yes: 100 (deduct), capped by the goalposts 50–100
  ])('Beijing 2023 %s = %f', (node, want) => {
    expect(score(node, '110000')).toBeCloseTo(want, 10);
  });

  it('scores the checklists from their items (deduct with veto and bonus; sum)', () => {
    // Beijing 2023: platform_functions items all yes → 100
    expect(r.values['platform_functions']?.raw?.[at('110000')]).toBe(100);
    for (const [i, u] of r.units.entries()) {
      const row = rows.find((x) => x['id'] === u.id && x['year'] === '2023') as Record<string, string>;
      const pts: Record<string, number> = {
        info_release: 20,
        policy_interpretation: 15,
        service_entry: 15,
        interaction_channel: 15,
        site_search: 10,
        mobile_adapted: 10,
        no_broken_links: 15,
      };
      const answers = Object.keys(pts).map((k) => row[`website_inspection.${k}`]);
      let want: number | null = null;
      if (!answers.includes('')) {
        want =
          100 -
          Object.entries(pts).reduce((s, [k, p]) => s + p * (1 - Number(row[`website_inspection.${k}`])), 0);
        if (want >= 90) want += 5 * Number(row['website_inspection.new_media_matrix']);
      }
      expect(r.values['website_inspection']?.raw?.[i], u.id).toBe(want);
    }
  });

  it('2023: one province fails a veto item (site unreachable) and is tiered as vetoed', () => {
    expect(r.vetoes).toEqual([{ unit: '530000', items: ['website_inspection.site_accessible'] }]);
    expect(r.tiers?.tier[at('530000')]).toBe('vetoed');
  });

  it.each([2023, 2024] as const)('%i: a sensible spread of tiers — some 非常高, most 高 or 中', (year) => {
    const t = results[year].tiers?.tier ?? [];
    const n = (id: string) => t.filter((x) => x === id).length;
    expect(n('very_high')).toBeGreaterThanOrEqual(2);
    expect(n('very_high')).toBeLessThanOrEqual(10);
    expect(n('high') + n('medium')).toBeGreaterThanOrEqual(20);
    expect(n('high')).toBeGreaterThan(0);
    expect(n('medium')).toBeGreaterThan(0);
  });

  it('2024 improves on 2023 on average (the generator adds a general improvement)', () => {
    const mean = (res: Result) => {
      const s = (res.values['index']?.score ?? []).filter((v): v is number => v !== null);
      return s.reduce((a, b) => a + b, 0) / s.length;
    };
    expect(mean(results[2024])).toBeGreaterThan(mean(results[2023]));
  });

  it('ranks within the region group as well as overall', () => {
    const g = r.values['index']?.group_rank ?? [];
    expect(g).toHaveLength(31);
    const east = r.units.flatMap((u, i) => (u.groups['group'] === 'east' ? [g[i]] : []));
    expect(Math.min(...(east as number[]))).toBe(1);
    expect(Math.max(...(east as number[]))).toBeLessThanOrEqual(10);
  });
});
