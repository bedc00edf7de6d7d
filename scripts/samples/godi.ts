/**
 * Converts the Global Open Data Index 2015 (`/work/shared/data/global-open-data-index`, the `api/`
 * folder of the okfn/opendataindex repository) into:
 * - `samples/global-open-data-index/godi-2015.csv`: one row per place, one column per dataset and
 *   question (`budget.openlicense`), answered as published (`Yes`, `No`, `Unsure`);
 * - `samples/global-open-data-index/godi-2015-published.csv`: the published place score and rank;
 * - `indicators/global-open-data-index-2015.yaml`: the scoring: per dataset, the weights of the
 *   questions answered yes add up (0–100); a place's score is the mean over its datasets; places are
 *   ranked on the score rounded to a whole number (competition ranks), as published.
 * Places without 2015 entries (published with rank 123 and score 0) are left out.
 * Deterministic. Run: `pnpm exec tsx scripts/samples/godi.ts`.
 */
import { csvObjects, isMain, readSource, toCsv, writeFiles } from './lib';

// the Index's api/ files, copied into the repository (see samples/global-open-data-index/README.md)
const DIR = 'samples/global-open-data-index/source';
/** The questions in the order of the entries file. */
const QUESTIONS = [
  'exists',
  'digital',
  'public',
  'online',
  'free',
  'machinereadable',
  'bulk',
  'openlicense',
  'uptodate',
] as const;

/** Question names in Chinese (English names are the published ones). */
const QUESTION_ZH: Record<string, string> = {
  exists: '数据是否存在',
  digital: '是否为数字形式',
  public: '是否公开可得',
  online: '是否在线提供',
  free: '是否免费',
  machinereadable: '是否机器可读',
  bulk: '是否可批量下载',
  openlicense: '是否开放许可',
  uptodate: '是否及时更新',
};
const DATASET_ZH: Record<string, string> = {
  statistics: '国家统计',
  budget: '政府预算',
  legislation: '法律法规',
  procurement: '政府采购招标',
  elections: '选举结果',
  map: '国家地图',
  weather: '天气预报',
  emissions: '污染物排放',
  companies: '企业登记',
  postcodes: '位置数据',
  water: '水质',
  land: '土地所有权',
  spending: '政府支出',
};

const yamlString = (s: string) =>
  /^[\w .()-]+$/.test(s) && !/^(yes|no|true|false)$/i.test(s) ? s : JSON.stringify(s);

/** Builds the sample files and the indicator set: path (relative to the repository root) → text. */
export function build(): Record<string, string> {
  const entries = csvObjects(readSource(`${DIR}/api_entries_2015.csv`)).filter((e) => e['year'] === '2015');
  const questions = csvObjects(readSource(`${DIR}/api_questions.csv`));
  const weight = new Map(questions.map((q) => [q['id'] ?? '', Number(q['score'])]));
  const datasetsMeta = csvObjects(readSource(`${DIR}/api_datasets.csv`));
  const placesMeta = csvObjects(readSource(`${DIR}/api_places.csv`));
  const used = new Set(entries.map((e) => e['dataset'] ?? ''));
  const datasets = datasetsMeta.filter((d) => used.has(d['id'] ?? ''));
  const placeIds = new Set(entries.map((e) => e['place'] ?? ''));
  const places = placesMeta
    .filter((p) => placeIds.has(p['id'] ?? ''))
    .sort((a, b) => Number(a['rank']) - Number(b['rank']) || (a['id'] ?? '').localeCompare(b['id'] ?? ''));
  const byKey = new Map(entries.map((e) => [`${e['place']}\u0000${e['dataset']}`, e]));

  const columns = datasets.flatMap((d) => QUESTIONS.map((q) => `${d['id']}.${q}`));
  const rows = places.map((p) => [
    p['id'] ?? '',
    p['name'] ?? '',
    p['region'] ?? '',
    ...datasets.flatMap((d) => {
      const e = byKey.get(`${p['id']}\u0000${d['id']}`);
      return QUESTIONS.map((q) => e?.[q] ?? '');
    }),
  ]);
  const published = places.map((p) => [p['id'] ?? '', p['name'] ?? '', p['score'] ?? '', p['rank'] ?? '']);
  const dataComments = [
    '# Global Open Data Index 2015 (Open Knowledge): answers per place, dataset and question, as published.',
    '# Source: okfn/opendataindex api/entries (2015); see samples/global-open-data-index/README.md.',
  ];

  const items = QUESTIONS.map((q) =>
    [
      `        - id: ${q}`,
      `          points: ${weight.get(q)}`,
      `          name: { en: ${yamlString(questions.find((x) => x['id'] === q)?.['question'] ?? q)}, zh: ${QUESTION_ZH[q]} }`,
    ].join('\n'),
  ).join('\n');
  const tree = datasets
    .map((d) =>
      [
        `    - id: ${d['id']}`,
        `      name: { en: ${yamlString(d['title'] ?? '')}, zh: ${DATASET_ZH[d['id'] ?? ''] ?? d['title']} }`,
        '      type: checklist',
        `      description: { en: ${yamlString(`${d['category']}`)} }`,
        '      items:',
        items,
      ].join('\n'),
    )
    .join('\n');
  const yaml = `# yaml-language-server: $schema=../packages/core/schema/indicator-set.schema.json
#
# Global Open Data Index 2015, reproduced from the published answers. Written by
# scripts/samples/godi.ts. Data: samples/global-open-data-index/godi-2015.csv.
# Test: test/reproduce/global-open-data-index.test.ts.
govscore: 1
id: global-open-data-index-2015
version: "2015"
title:
  en: Global Open Data Index 2015
  zh: 全球开放数据指数（2015）
description:
  en: >-
    Open Knowledge's Global Open Data Index 2015: for each place and each of 13 key datasets, nine yes/no
    questions with weights (exists 5, digital 5, public 5, online 5, free 15, machine readable 15, bulk 10,
    openly licensed 30, up to date 10). A dataset's score is the sum of the weights of the questions answered
    yes (Unsure counts as no); a place's score is the mean over the 13 datasets; places are ranked on the
    score rounded to a whole number (ties share a rank, the next rank is skipped).
  zh: >-
    开放知识基金会（Open Knowledge）全球开放数据指数 2015：每个地区、13 类关键数据集，每类 9 个带权重的是/否问题
    （存在 5、数字形式 5、公开 5、在线 5、免费 15、机器可读 15、批量 10、开放许可 30、及时更新 10）。
    数据集得分为回答“是”的问题权重之和（“不确定”按“否”计）；地区得分为 13 类数据集得分的平均；
    按取整后的得分排名（并列同名次，下一名次跳过）。
authors:
  - Open Knowledge
licence: see samples/global-open-data-index/README.md
unit: place
period: "2015"
languages: [en, zh]
methodology:
  impute: { method: none }
  treat: { method: none }
  normalise: none
  aggregate: arithmetic
  rank: { ties: competition, round: 0 }
tree:
  id: godi
  name: { en: Global Open Data Index score, zh: 全球开放数据指数得分 }
  children:
${tree}
`
    // every checklist reads Yes / No / Unsure
    .replace(
      / {6}type: checklist\n/g,
      '      type: checklist\n      scoring: { mode: sum, levels: { "Yes": 1, "No": 0, "Unsure": 0 } }\n',
    );

  return {
    'samples/global-open-data-index/godi-2015.csv': toCsv(
      ['id', 'name_en', 'region', ...columns],
      rows,
      dataComments,
    ),
    'samples/global-open-data-index/godi-2015-published.csv': toCsv(
      ['id', 'name_en', 'score', 'rank'],
      published,
    ),
    'indicators/global-open-data-index-2015.yaml': yaml,
  };
}

if (isMain(import.meta.url)) writeFiles(build());
