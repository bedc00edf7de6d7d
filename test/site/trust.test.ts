/**
 * Issue 12 on the report site: a value missing after imputation shows "缺失 / missing" in its cell, the
 * coverage of every aggregate is on the profile and a coverage column on the ranking (item 1); every
 * score is shown at the precision its rank was decided, so that two units show the same number exactly
 * when they share a rank — tables, charts, narrative and downloads (items 9 and 12).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decode } from '../../sites/report/test/html';
import { builtSite, repoRoot, SAMPLE_ARGS } from '../../sites/report/test/site-build';
import { runCli } from '../hostile/cli';

let sample = '';
let blanked = '';
const blankedData = join(repoRoot, 'out', 'test-site', 'cn-provincial-blanked.csv');

/** The sample data with 浙江 (330000)'s satisfaction_rate blank in both years. */
function writeBlanked(): void {
  const lines = readFileSync(join(repoRoot, 'samples/cn-provincial/cn-provincial.csv'), 'utf8').split('\n');
  const col = lines[0]!.split(',').indexOf('satisfaction_rate');
  const out = lines.map((l) => {
    const cells = l.split(',');
    if (cells[0] === '330000') cells[col] = '';
    return cells.join(',');
  });
  mkdirSync(join(repoRoot, 'out', 'test-site'), { recursive: true });
  writeFileSync(blankedData, out.join('\n'));
}
const BLANKED_ARGS = [
  'indicators/cn-provincial-digital-government.yaml',
  '--data',
  blankedData,
  '--no-analysis',
];

beforeAll(async () => {
  writeBlanked();
  [sample, blanked] = await Promise.all([
    builtSite('sample', SAMPLE_ARGS),
    builtSite('blanked', BLANKED_ARGS),
  ]);
}, 900_000);

const read = (dir: string, p: string) => readFileSync(join(dir, p), 'utf8');
const text = (html: string) =>
  decode(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/** The rows of the table with the given caption start: each row's cells as text. */
function tableRows(html: string, caption: string): string[][] {
  const at = html.indexOf(`<caption>${caption}`);
  expect(at, caption).toBeGreaterThan(0);
  const body = html.slice(html.indexOf('<tbody>', at), html.indexOf('</tbody>', at));
  return [...body.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => text(c[1]!)),
  );
}

describe('a missing value on the site (item 1)', () => {
  it('govscore assess prints the warning naming 浙江, the indicator and its parent', async () => {
    const r = await runCli(
      'assess',
      'indicators/cn-provincial-digital-government.yaml',
      '--data',
      blankedData,
      '--out',
      join(repoRoot, 'out', 'test-site', 'blanked.json'),
    );
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      "W313 'satisfaction_rate' has no value for unit '330000' (missing in the data, and imputation 'latest' found no value to fill it); 'service_effectiveness' is computed from 1 of its 2 children (50% of its weight), the weights renormalised over them [node satisfaction_rate, unit 330000]",
    );
  });

  it('the profile shows 缺失 in the cell, the coverage of every aggregate, the data coverage and the warning', () => {
    const html = read(blanked, 'zh/regions/330000.html');
    const rows = tableRows(html, '浙江: 各层级得分与排名');
    const row = (name: string) => rows.find((r) => r[0] === name)!;
    // node, score, rank, group rank, average, coverage, raw value
    expect(row('政务服务“好差评”满意率').slice(1, 3)).toEqual(['缺失', '–']);
    expect(row('在线服务成效度')[5]).toBe('1/2 (50%)');
    expect(row('在线服务')[5]).toBe('5/5 (100%)');
    expect(row('数字政府能力指数')[5]).toBe('5/5 (100%)');
    // every aggregate row has its coverage, no indicator row has one
    const aggregates = rows.filter((r) => /^\d+\/\d+ \(/.test(r[5]!));
    expect(aggregates.length).toBe(15); // the index, 5 dimensions and 9 sub-dimensions
    // 1 − 0.30 · 0.25 · 0.5 of the index's weight has data: 96.25% → 96.3%
    expect(text(html)).toContain('数据覆盖 96.3%');
    expect(text(html)).toContain("W313 'satisfaction_rate' has no value for unit '330000'");
    expect(html).toMatch(/<td class="num missing">缺失<\/td>/);
    const en = read(blanked, 'en/regions/330000.html');
    expect(
      tableRows(en, 'Zhejiang: Score and rank at every level').find(
        (r) => r[0] === 'Satisfaction in service ratings',
      )![1],
    ).toBe('missing');
  });

  it('the ranking has a coverage column: 96.3% for 浙江, 100% for the others', () => {
    const rows = tableRows(read(blanked, 'zh/ranking.html'), '完整排名');
    const cov = new Map(rows.map((r) => [r[1]!, r[r.length - 2]!]));
    expect(cov.get('浙江')).toBe('96.3%');
    expect([...cov.entries()].filter(([name]) => name !== '浙江').every(([, c]) => c === '100%')).toBe(true);
  });
});

describe('scores shown at the precision ranks are decided (items 9 and 12)', () => {
  it('ranking: equal numbers exactly when equal ranks, on the index and every dimension (江苏 and 重庆 no longer both 88.5)', () => {
    const rows = tableRows(read(sample, 'zh/ranking.html'), '完整排名');
    const pairs: [string, string][] = rows.map((r) => [r[3]!, r[0]!]); // score, rank
    for (let d = 0; d < 5; d++)
      for (const r of rows) {
        const m = /^(\S+) \((\d+|–)\)$/.exec(r[5 + d]!);
        if (m) pairs.push([`${d}:${m[1]}`, `${d}:${m[2]}`]);
      }
    const byScore = new Map<string, Set<string>>();
    const byRank = new Map<string, Set<string>>();
    for (const [s, r] of pairs) {
      byScore.set(s, (byScore.get(s) ?? new Set()).add(r));
      byRank.set(r, (byRank.get(r) ?? new Set()).add(s));
    }
    for (const [s, ranks] of byScore) expect([...ranks], `score ${s}`).toHaveLength(1);
    for (const [r, scores] of byRank) expect([...scores], `rank ${r}`).toHaveLength(1);
    // every index score with the set's 2 decimals (rank.round: 2)
    for (const r of rows) expect(r[3]).toMatch(/^\d+\.\d{2}$/);
    const js = rows.find((r) => r[1] === '江苏')!;
    const cq = rows.find((r) => r[1] === '重庆')!;
    expect(js[3]).not.toBe(cq[3]);
  });

  it('政务公开: 北京 and 山西, tied 3rd, show the same number (was 94.2 and 94.1)', () => {
    const rows = tableRows(read(sample, 'zh/dimensions/transparency.html'), '排名: 政务公开');
    const bj = rows.find((r) => r[1] === '北京')!;
    const sx = rows.find((r) => r[1] === '山西')!;
    expect([bj[0], sx[0]]).toEqual(['3', '3']);
    expect(bj[2]).toBe(sx[2]);
    expect(bj[2]).toMatch(/^\d+\.\d{2}$/);
  });

  it('the narrative and the ranking chart use the same decimals', () => {
    const html = read(sample, 'zh/regions/110000.html');
    const score = tableRows(html, '北京: 各层级得分与排名')[0]![1]!;
    expect(score).toMatch(/^\d+\.\d{2}$/);
    expect(text(html)).toContain(`综合得分 ${score}，`);
    // the overview's ranking chart labels the bars with the scores as the tables show them
    const overview = read(sample, 'zh/index.html');
    const first = tableRows(read(sample, 'zh/ranking.html'), '完整排名')[0]!;
    expect(overview).toContain(`>${first[3]} `);
  });

  it('downloads: the wide CSV holds every score rounded to the 2 decimals (no 98.50000000000001)', () => {
    const csv = read(sample, 'downloads/cn-provincial-digital-government-2024-wide.csv');
    const [head, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const names = head!.split(',');
    for (const line of rows)
      line.split(',').forEach((c, j) => {
        if (!names[j]!.endsWith('.rank') && /^-?\d/.test(c))
          expect(c, names[j]).toMatch(/^-?\d+(\.\d{1,2})?$/);
      });
  });
});
