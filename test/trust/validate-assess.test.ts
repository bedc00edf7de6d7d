/**
 * Issue 12, item 2 (and "make the class impossible"): `govscore validate --data` reports every problem
 * and warning `govscore assess` does — the same list, from the same code — on every sample and on the
 * hostile fixtures. Before, validate said "valid" where assess printed 5 × W307 "value truncated".
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { testSet } from '../../packages/core/test/data/test-set';
import { root, runCli } from '../hostile/cli';

const tmp = mkdtempSync(join(tmpdir(), 'govscore-validate-assess-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The problem lines of a run's stderr (not progress, not the closing line). */
function problemLines(err: string): string[] {
  return err
    .split('\n')
    .filter((l) => !l.startsWith('govscore ') && /(^|\s)[EW]\d{3} /.test(l))
    .map((l) => l.trim());
}

async function both(setPath: string, dataPath: string) {
  const v = await runCli('validate', setPath, '--data', dataPath);
  const a = await runCli('assess', setPath, '--data', dataPath, '--out', join(tmp, 'out.json'));
  return { v: { code: v.code, lines: problemLines(v.err) }, a: { code: a.code, lines: problemLines(a.err) } };
}

const samples: [string, string][] = [
  ['indicators/cn-provincial-digital-government.yaml', 'samples/cn-provincial/cn-provincial.csv'],
  ['indicators/cn-zwfw-2019.yaml', 'samples/cn-zwfw-2019/provinces-2019.csv'],
  ['indicators/cn-website-inspection-2019.yaml', 'samples/cn-website-inspection/answers.csv'],
  ['indicators/global-open-data-index-2015.yaml', 'samples/global-open-data-index/godi-2015.csv'],
  ['indicators/coinr-asem.yaml', 'samples/coinr-asem/asem.csv'],
  ['indicators/coinr-asem-pipeline.yaml', 'samples/coinr-asem/asem.csv'],
  ['indicators/un-egdi-2022.yaml', 'samples/un-egdi/egdi.csv'],
  ['indicators/un-egdi-2024.yaml', 'samples/un-egdi/egdi.csv'],
  ['indicators/world-bank-gtmi-2022.yaml', 'samples/world-bank-gtmi/gtmi-2022.csv'],
];

describe('validate --data and assess report the same problems (issue 12, item 2)', () => {
  it.each(samples)('sample %s with %s', async (set, data) => {
    const { v, a } = await both(join(root, set), join(root, data));
    expect(v).toEqual(a);
    expect(v.code).toBe(0);
  });

  it('the provincial sample: the 9 goalpost truncations (W307) and 17 imputations (W303) assess prints', async () => {
    const { v } = await both(
      join(root, 'indicators/cn-provincial-digital-government.yaml'),
      join(root, 'samples/cn-provincial/cn-provincial.csv'),
    );
    expect(v.lines.filter((l) => l.startsWith('W307')).length).toBe(9);
    expect(v.lines.filter((l) => l.startsWith('W303')).length).toBe(17);
  });

  const small = join(tmp, 'small.yaml');
  writeFileSync(
    small,
    'id: t\ntitle: T\ntree: {id: index, children: [{id: a, range: {max: 100}}, {id: b}]}\n',
  );
  const testSetPath = join(tmp, 'test-set.yaml');
  writeFileSync(testSetPath, JSON.stringify(testSet)); // JSON is YAML
  const fixtures = join(root, 'packages/core/test/data/fixtures');
  const hostile: [string, string, string | Uint8Array | null][] = [
    [
      'report site: hostile names and notes',
      join(root, 'sites/report/test/fixtures/hostile.yaml'),
      join(root, 'sites/report/test/fixtures/hostile.csv'),
    ],
    [
      'report site: hostile evidence',
      join(root, 'indicators/cn-website-inspection-2019.yaml'),
      join(root, 'sites/report/test/fixtures/evidence.csv'),
    ],
    ...[
      'mistakes.csv',
      'wide-good.csv',
      'long-good.csv',
      'bom-crlf-semicolon.csv',
      'gbk.csv',
      'rows.json',
      'columns.json',
      'utf16.txt',
    ].map((f): [string, string, string] => [`data fixture ${f}`, testSetPath, join(fixtures, f)]),
    ['an empty file', small, ''],
    ['only a header', small, 'id,a,b\r\n'],
    ['binary garbage', small, new Uint8Array([0, 255, 1, 254, 10, 13, 0, 0, 200])],
    ['an unterminated quote', small, 'id,a,b\nu1,"1,2\n'],
    ['a row with too many cells', small, 'id,a,b\nu1,1,2,3\n'],
    ['NaN, Infinity, 1,234 and 12%', small, 'id,a,b\nu1,NaN,Infinity\nu2,"1,234",12%\n'],
    ['a value out of range and a missing one', small, 'id,a,b\nu1,120,1\nu2,50,\nu3,70,3\n'],
    ['a column not in the set', small, 'id,a,b,c\nu1,1,2,3\nu2,3,4,5\n'],
    ['every value of a unit missing', small, 'id,a,b\nu1,1,2\nu2,,\n'],
    ['a JSON file that is not JSON', small, '{"units": ['],
    [
      'GBK bytes',
      small,
      new Uint8Array([...strToU8('id,name,a,b\r\nu1,'), 0xd5, 0xe3, 0xbd, 0xad, ...strToU8(',1,2\r\n')]),
    ],
  ];
  it.each(hostile)('hostile: %s', async (name, set, content) => {
    let dataPath = content as string;
    if (typeof content !== 'string' || !content.startsWith('/')) {
      const ext = name.includes('JSON') ? '.json' : '.csv';
      dataPath = join(tmp, `${name.replace(/\W+/g, '-')}${ext}`);
      writeFileSync(dataPath, content ?? '');
    } else if (content.endsWith('.txt')) {
      dataPath = join(tmp, 'utf16.txt');
      copyFileSync(content, dataPath);
    }
    const { v, a } = await both(set, dataPath);
    expect(v).toEqual(a);
  });

  it('a value out of range and a missing one: both commands name them', async () => {
    const dataPath = join(tmp, 'range.csv');
    writeFileSync(dataPath, 'id,a,b\nu1,120,1\nu2,50,\nu3,70,3\n');
    const { v } = await both(small, dataPath);
    expect(v.code).toBe(1);
    expect(v.lines.some((l) => / E205 /.test(l))).toBe(true);
    const missing = join(tmp, 'missing.csv');
    writeFileSync(missing, 'id,a,b\nu1,10,1\nu2,50,\nu3,70,3\n');
    const m = await both(small, missing);
    expect(m.v.code).toBe(0);
    expect(m.v.lines.filter((l) => l.startsWith('W313'))).toEqual([
      "W313 'b' has no value for unit 'u2' (missing in the data); 'index' is computed from 1 of its 2 children (50% of its weight), the weights renormalised over them [node b, unit u2] — fill in the value or choose an imputation (methodology.impute); a coverage threshold on the parent leaves it without a score instead",
    ]);
    expect(readFileSync(join(tmp, 'out.json'), 'utf8')).toContain('"W313"');
  });
});
