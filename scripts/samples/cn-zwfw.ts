/**
 * Converts the 2019 provincial 网上政务服务能力 overall index (2020 report of the 电子政务研究中心 of
 * the Party School of the CPC Central Committee (National Academy of Governance), as transcribed on a
 * public web page; `/work/shared/data/cn-zwfw`) into `samples/cn-zwfw-2019/`: `provinces-2019.csv`
 * (GB/T 2260 code, names, region, overall index) and `published.csv` (the published dense rank).
 * 新疆生产建设兵团 has no GB/T 2260 code: its id is `XJBT`, and its score is missing on the page.
 * Run: `pnpm exec tsx scripts/samples/cn-zwfw.ts`.
 */
import { isMain, parseCsv, readShared, toCsv, writeFiles } from './lib';
import { provinceByZh } from './provinces';

/** Builds the sample files: path (relative to the repository root) → text. */
export function build(): Record<string, string> {
  const { header, rows } = parseCsv(readShared('cn-zwfw/zwfw_2020report_province_scores_2019data.csv'));
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`column '${name}' not found`);
    return i;
  };
  const [iRank, iRegion, iScore] = [col('rank_as_published'), col('region'), col('overall_index')];
  const data: string[][] = [];
  const published: string[][] = [];
  for (const r of rows) {
    const zh = r[iRegion] ?? '';
    const p = provinceByZh.get(zh);
    const id = p?.code ?? (zh === '新疆生产建设兵团' ? 'XJBT' : undefined);
    if (!id) throw new Error(`unknown region '${zh}'`);
    const en = p?.en ?? 'Xinjiang Production and Construction Corps';
    const region = p?.region ?? 'west';
    data.push([id, zh, en, region, r[iScore] ?? '']);
    published.push([id, zh, r[iRank] ?? '', r[iScore] ?? '']);
  }
  return {
    'samples/cn-zwfw-2019/provinces-2019.csv': toCsv(
      ['id', 'name_zh', 'name_en', 'group', 'overall_index'],
      data,
    ),
    'samples/cn-zwfw-2019/published.csv': toCsv(
      ['id', 'name_zh', 'rank_as_published', 'overall_index'],
      published,
    ),
  };
}

if (isMain(import.meta.url)) writeFiles(build());
