/**
 * `__proto__`, `constructor` and `prototype` everywhere a name comes from a file — YAML keys, node ids,
 * unit ids, column names, group names, evidence, JSON data, Result files — pollute nothing, and the
 * results are those of the same data with plain names.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assess,
  parseDatasetCsv,
  parseDatasetJson,
  parseIndicatorSet,
  parseResult,
  type Result,
  resultToJson,
} from '@govscore/core';
import { parseDatasetXlsx, writeXlsx } from '@govscore/core/io';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { assertNoPollution, prototypeSnapshot } from '../properties/helpers';
import { runCli } from './cli';

const tmp = mkdtempSync(join(tmpdir(), 'govscore-hostile-objects-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const before = prototypeSnapshot();
afterEach(() => assertNoPollution(before));

const setYaml = `
id: p
title: P
methodology:
  normalise: {method: minmax, params: {min: 0, max: 100}}
  rank: {within: region}
  tiers: {by: thresholds, levels: [{id: top, min: 50}, {id: rest}]}
templates:
  __proto__: "{{polluted}}"
  constructor: "c"
tree:
  id: index
  children:
    - id: a
    - id: b
      direction: lower
`;

const hostileIds = ['__proto__', 'constructor', 'prototype', 'toString'];
const plainIds = ['u1', 'u2', 'u3', 'u4'];
const hostileRegions = ['__proto__', 'constructor', '__proto__', 'hasOwnProperty'];
const plainRegions = ['r1', 'r2', 'r1', 'r3'];
const a = [3, 1, 4, 1.5];
const b = [10, 20, 5, 40];

function wide(ids: string[], regions: string[]): string {
  return `id,name,region,a,b\n${ids.map((id, i) => `${id},${id},${regions[i]},${a[i]},${b[i]}`).join('\n')}\n`;
}

/** Numbers of a Result, by position (units in data order): comparable across unit names. */
function numbers(r: Result) {
  return {
    values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v])),
    tiers: r.tiers?.tier,
    strengths: r.strengths,
    weaknesses: r.weaknesses,
  };
}

describe('prototype keys pollute nothing and change no number', () => {
  const { set, problems } = parseIndicatorSet(setYaml, 'set.yaml');

  it('YAML keys: `__proto__` templates are own keys; elsewhere unknown keys (E101/E108)', () => {
    expect(problems).toEqual([]);
    expect(Object.hasOwn(set.templates!, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(set.templates)).toBe(Object.prototype);
    const bad = parseIndicatorSet(
      '__proto__: {polluted: 1}\nid: x\ntitle: {__proto__: P, en: T}\nmethodology:\n  __proto__: {x: 1}\n  normalise: {method: minmax, params: {__proto__: {polluted: 1}}}\ntree: {id: index, children: [{id: a, levels: {__proto__: 1}}]}\n',
      'bad.yaml',
    );
    expect(bad.problems.map((p) => [p.code, p.line, p.col])).toEqual([
      ['E101', 1, 1],
      ['E101', 3, 9],
      ['E101', 5, 3],
      ['E108', 6, 40],
    ]);
  });

  it('node ids __proto__, constructor and prototype are refused (E101 reserved), toString is fine', () => {
    const r = parseIndicatorSet(
      'id: x\ntitle: T\ntree: {id: __proto__, children: [{id: constructor}, {id: prototype}, {id: toString}]}\n',
      'ids.yaml',
    );
    expect(r.problems.map((p) => [p.code, p.col, p.message])).toEqual([
      ['E101', 12, 'id `__proto__` is reserved'],
      ['E101', 39, 'id `constructor` is reserved'],
      ['E101', 58, 'id `prototype` is reserved'],
    ]);
  });

  it('unit ids and group names: the same numbers as with plain names; own keys in the Result', () => {
    const h = parseDatasetCsv(wide(hostileIds, hostileRegions), { set, file: 'h.csv' });
    const p = parseDatasetCsv(wide(plainIds, plainRegions), { set, file: 'p.csv' });
    expect(h.problems).toEqual([]);
    expect(h.dataset.units.map((u) => u.id)).toEqual(hostileIds);
    expect(h.dataset.units.every((u) => Object.getPrototypeOf(u.groups) === Object.prototype)).toBe(true);
    const rh = assess(set, h.dataset);
    const rp = assess(set, p.dataset);
    expect(numbers(rh)).toEqual(numbers(rp));
    // group ranks: regions __proto__ (units 1, 3) and r1 (units 1, 3) rank alike
    expect(rh.values.index!.group_rank).toEqual(rp.values.index!.group_rank);
    const back = JSON.parse(resultToJson(rh)) as Result;
    expect(back.units.map((u) => u.groups.region)).toEqual(hostileRegions);
    expect(Object.hasOwn(back.set.templates!, '__proto__')).toBe(true);
    expect(parseResult(resultToJson(rh)).units[0]!.id).toBe('__proto__');
  });

  it('column names __proto__/constructor/prototype are refused with their place (E207)', () => {
    const r = parseDatasetCsv('id,__proto__,constructor,prototype,a,b\nu1,1,2,3,4,5\n', {
      set,
      file: 'c.csv',
    });
    expect(r.problems.map((p) => [p.code, p.line, p.col, p.column])).toEqual([
      ['E207', 1, 2, '__proto__'],
      ['E207', 1, 3, 'constructor'],
      ['E207', 1, 4, 'prototype'],
    ]);
    const x = parseDatasetXlsx(
      writeXlsx([
        {
          name: '__proto__',
          rows: [
            ['id', '__proto__', 'a', 'b'],
            ['u1', 1, 2, 3],
          ],
        },
      ]),
      { set, file: 'c.xlsx' },
    );
    expect(x.problems.map((p) => [p.code, p.sheet, p.row, p.column])).toEqual([
      ['E207', '__proto__', 1, 'B'],
    ]);
  });

  it('long data: evidence of unit __proto__ for indicator a is kept as own keys', () => {
    const csv =
      'unit,indicator,value,note,url\n' +
      hostileIds
        .flatMap((id, i) => [`${id},a,${a[i]},<b>note ${id}</b>,http://x/${i}`, `${id},b,${b[i]},,`])
        .join('\n');
    const d = parseDatasetCsv(csv, { set, file: 'long.csv' });
    expect(d.problems).toEqual([]);
    const r = assess(set, d.dataset);
    expect(Object.hasOwn(r.evidence!, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(r.evidence, '__proto__')?.value.a.note).toBe(
      '<b>note __proto__</b>',
    );
    expect(Object.getOwnPropertyDescriptor(r.evidence, 'constructor')?.value.a.url).toBe('http://x/1');
    const back = parseResult(resultToJson(r));
    expect(Object.keys(back.evidence!)).toEqual(['__proto__', 'constructor', 'prototype', 'toString']);
  });

  it('JSON data: __proto__ keys are refused (E207) or kept as data, never assigned', () => {
    const rows = parseDatasetJson(
      '[{"id": "u1", "__proto__": {"polluted": 1}, "a": 1, "b": 2}, {"id": "u2", "indicators": {"__proto__": 5, "a": 2, "b": 1}}]',
      { set, file: 'rows.json' },
    );
    expect(rows.problems.map((p) => [p.code, p.path])).toEqual([
      ['E207', '[0].__proto__'],
      ['E207', '[1].indicators.__proto__'],
    ]);
    const cols = parseDatasetJson(
      '{"units": [{"id": "__proto__", "groups": {"__proto__": "x", "region": "constructor"}}, {"id": "u2"}], "values": {"a": [1, 2], "b": [2, 1], "__proto__": [1, 1]}}',
      { set, file: 'cols.json' },
    );
    expect(cols.problems.map((p) => [p.code, p.path])).toEqual([['E207', 'values.__proto__']]);
    expect(cols.dataset.units[0]!.groups).toEqual({ region: 'constructor' });
    expect(assess(set, cols.dataset).units[0]!.id).toBe('__proto__');
  });

  it('a Result file with __proto__ keys parses without pollution', () => {
    const text = resultToJson(
      assess(set, parseDatasetCsv(wide(plainIds, plainRegions), { set }).dataset),
    ).replace('"govscore_result": 1,', '"govscore_result": 1,\n  "__proto__": {"polluted": true},');
    const r = parseResult(text, 'r.json');
    expect(Object.hasOwn(r, '__proto__')).toBe(true);
  });

  it('through the CLI: assess writes the same numbers for hostile and plain names', async () => {
    const setPath = join(tmp, 'set.yaml');
    writeFileSync(setPath, setYaml);
    writeFileSync(join(tmp, 'h.csv'), wide(hostileIds, hostileRegions));
    writeFileSync(join(tmp, 'p.csv'), wide(plainIds, plainRegions));
    for (const n of ['h', 'p'])
      expect(
        (
          await runCli(
            'assess',
            setPath,
            '--data',
            join(tmp, `${n}.csv`),
            '--out',
            join(tmp, `${n}.json`),
            '--quiet',
          )
        ).code,
      ).toBe(0);
    const rh = parseResult(readFileSync(join(tmp, 'h.json'), 'utf8'));
    const rp = parseResult(readFileSync(join(tmp, 'p.json'), 'utf8'));
    expect(numbers(rh)).toEqual(numbers(rp));
  });
});

describe('the site config (site.yaml)', () => {
  it('prototype keys, alias bombs and deep nesting: problems, never pollution or a hang', async () => {
    const { parseSiteConfig } = await import('../../sites/report/src/lib/config-yaml');
    const proto = parseSiteConfig(
      '__proto__: {polluted: 1}\ntemplates: {__proto__: "x", constructor: "y"}\ngroups: {__proto__: P}\n',
    );
    expect(proto.problems.map((p) => p.path)).toEqual(['__proto__']);
    expect(Object.hasOwn(proto.config.templates!, '__proto__')).toBe(true);
    expect(Object.hasOwn(proto.config.groups!, '__proto__')).toBe(true);
    let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++)
      bomb += `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    // yaml's alias count refuses the bomb before its 9^9 values are built, and its composer gives up on
    // the nesting (stack); the e2e test timeout (120 s) guards against a hang (both take < 0.1 s)
    expect(parseSiteConfig(bomb).problems[0]!.message).toBe(
      'aliases expand to too many nodes (an alias bomb?)',
    );
    expect(parseSiteConfig(`title: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`).problems).toEqual([
      { path: '', message: 'the config nests lists and mappings too deeply to read' },
    ]);
  });
});
