/**
 * Every indicator set under `indicators/` validates (no problem at all, not even a warning), points its
 * editor at the JSON Schema, and assesses with its sample data for every year the sample has.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  assess,
  type IndicatorSet,
  loadIndicatorSet,
  parseIndicatorSet,
  type TreeNode,
} from '@govscore/core';
import { readDataset } from '@govscore/core/io';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../scripts/samples/lib';

/** The sample of each set, and the years to assess (none: the data have no year column). */
const samples: Record<string, { data: string; years: number[] }> = {
  'cn-provincial-digital-government': {
    data: 'samples/cn-provincial/cn-provincial.csv',
    years: [2023, 2024],
  },
  'cn-zwfw-2019': { data: 'samples/cn-zwfw-2019/provinces-2019.csv', years: [] },
  'cn-website-inspection-2019': { data: 'samples/cn-website-inspection/answers.csv', years: [] },
  'global-open-data-index-2015': { data: 'samples/global-open-data-index/godi-2015.csv', years: [] },
  'coinr-asem': { data: 'samples/coinr-asem/asem.csv', years: [2018] },
  'coinr-asem-pipeline': { data: 'samples/coinr-asem/asem.csv', years: [2018] },
  'un-egdi-2022': { data: 'samples/un-egdi/egdi.csv', years: [2022] },
  'un-egdi-2024': { data: 'samples/un-egdi/egdi.csv', years: [2024] },
  'world-bank-gtmi-2022': { data: 'samples/world-bank-gtmi/gtmi-2022.csv', years: [] },
  'oecd-dgi-2023': { data: 'samples/oecd-dgi/oecd_dgi_2023.csv', years: [2023] },
  'open-data-barometer-2014': { data: 'samples/open-data-barometer/ODB-2014-Rankings.csv', years: [2014] },
  'eu-egov-benchmark-2023': {
    data: 'samples/eu-egov-benchmark/egovernment-benchmark-2023-machine-readable.xlsx',
    years: [2022],
  },
};

const files = readdirSync(join(repoRoot, 'indicators'))
  .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
  .sort();
const read = (p: string) => readFileSync(join(repoRoot, p), 'utf8');
const schemaLine = '# yaml-language-server: $schema=../packages/core/schema/indicator-set.schema.json';

function indicatorsOf(node: TreeNode): TreeNode[] {
  return 'children' in node ? node.children.flatMap(indicatorsOf) : [node];
}
function nodesOf(node: TreeNode): TreeNode[] {
  return 'children' in node ? [node, ...node.children.flatMap(nodesOf)] : [node];
}

describe('indicator sets', () => {
  it('every set has a sample, and every sample folder has a README with provenance and licence', () => {
    expect(files.map((f) => f.replace(/\.ya?ml$/, '')).sort()).toEqual(Object.keys(samples).sort());
    for (const { data } of Object.values(samples)) {
      const readme = join(repoRoot, dirname(data), 'README.md');
      expect(existsSync(readme), readme).toBe(true);
      const text = readFileSync(readme, 'utf8');
      expect(text, readme).toMatch(/licen[cs]e/i);
      expect(text, readme).toMatch(/source|provenance|来源/i);
    }
  });

  it.each(files)('%s starts with the yaml-language-server line, and the schema it names exists', (file) => {
    expect(read(`indicators/${file}`).split('\n')[0]).toBe(schemaLine);
    expect(
      existsSync(join(repoRoot, 'indicators', '../packages/core/schema/indicator-set.schema.json')),
    ).toBe(true);
  });

  it.each(files)('%s validates without any problem, and its id is its file name', (file) => {
    const { set, problems } = parseIndicatorSet(read(`indicators/${file}`), `indicators/${file}`);
    expect(problems).toEqual([]);
    expect(set.id).toBe(file.replace(/\.ya?ml$/, ''));
  });

  const runs = files.flatMap((file) => {
    const id = file.replace(/\.ya?ml$/, '');
    const s = samples[id];
    return (s?.years.length ? s.years : [undefined]).map((year) => [file, year] as const);
  });

  it.each(runs)('%s assesses with its sample (year %s)', async (file, year) => {
    const set: IndicatorSet = loadIndicatorSet(read(`indicators/${file}`), `indicators/${file}`);
    const sample = samples[set.id];
    if (!sample) throw new Error(`no sample for ${set.id}`);
    // as published (CSV or XLSX), read through the set's data: mapping where it has one
    const { dataset, problems } = await readDataset(join(repoRoot, sample.data), { file: sample.data, set });
    expect(problems.filter((p) => p.code.startsWith('E'))).toEqual([]);
    // every indicator is in the data (a checklist by its item columns)
    for (const ind of indicatorsOf(set.tree)) {
      const items = 'items' in ind && ind.items ? ind.items.map((it) => `${ind.id}.${it.id}`) : [ind.id];
      for (const v of items) expect(dataset.variables, `${set.id}: ${v}`).toContain(v);
    }
    const result = assess(set, dataset, year === undefined ? {} : { year });
    expect(result.year).toBe(year);
    const n = result.units.length;
    expect(n).toBeGreaterThan(0);
    for (const node of nodesOf(set.tree)) {
      const values = result.values[node.id];
      expect(values?.score, node.id).toHaveLength(n);
      expect(values?.rank, node.id).toHaveLength(n);
      // every node has data for at least one unit
      expect(
        values?.score.some((v) => v !== null),
        node.id,
      ).toBe(true);
    }
    // the root has a score for (almost) every unit
    const root = result.values[set.tree.id]?.score ?? [];
    expect(root.filter((v) => v === null).length).toBeLessThanOrEqual(1);
    expect(result.set.illustrative).toBe(set.illustrative === true);
  });
});
