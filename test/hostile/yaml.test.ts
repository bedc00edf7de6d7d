/**
 * Hostile indicator-set files: alias bombs, deep nesting, huge and many-keyed files, YAML tags, merge
 * keys, many documents. Each is refused quickly with a clear, located error — by the loader and by
 * `govscore validate` — and nothing is polluted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIndicatorSet } from '@govscore/core';
import { afterAll, describe, expect, it } from 'vitest';
import { assertNoPollution, prototypeSnapshot } from '../properties/helpers';
import { runCli, spawnCli } from './cli';

const tmp = mkdtempSync(join(tmpdir(), 'govscore-hostile-yaml-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const before = prototypeSnapshot();
afterAll(() => assertNoPollution(before));

const head = 'id: x\ntitle: T\n';
const tree = 'tree: {id: index, children: [{id: a}]}\n';

/** Billion laughs: 9 levels of 9 aliases each, 9^9 ≈ 387 million strings when expanded. */
function billionLaughs(): string {
  let s = `${head}l0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n`;
  for (let i = 1; i < 10; i++)
    s += `l${i}: &a${i} [${Array(9)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  return s + tree;
}

/** The same bomb in block style. */
function blockBomb(): string {
  let s = `${head}x0: &b0\n  - lol\n  - lol\n`;
  for (let i = 1; i < 12; i++)
    s += `x${i}: &b${i}\n${Array(10)
      .fill(`  - *b${i - 1}`)
      .join('\n')}\n`;
  return s + tree;
}

/** An indicator tree 40 levels deep (80 levels of YAML nesting). */
function deepTree(): string {
  let s = `${head}tree:\n  id: n0\n  children:\n`;
  let ind = '    ';
  for (let i = 1; i < 40; i++) {
    s += `${ind}- id: n${i}\n${ind}  children:\n`;
    ind += '    ';
  }
  return `${s}${ind}- id: leaf\n`;
}

interface Case {
  name: string;
  text: () => string;
  code: string;
  /** Words the first problem's message contains. */
  words: string;
  /** Where the first problem is (line, column), when it is a fixed place. */
  at?: [number, number];
  /** Most milliseconds the loader may take. */
  ms: number;
}

// The outcomes in docs/hardening.md come from this table.
const cases: Case[] = [
  {
    name: 'billion laughs (flow aliases)',
    text: billionLaughs,
    code: 'E111',
    words: 'aliases expand to too many nodes',
    at: [4, 10],
    ms: 500,
  },
  {
    name: 'alias bomb (block style)',
    text: blockBomb,
    code: 'E111',
    words: 'aliases expand to too many nodes',
    ms: 500,
  },
  {
    name: '100 000 nested flow lists',
    text: () => `${head}tree: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    code: 'E111',
    words: 'more than 64 levels deep',
    at: [3, 71],
    ms: 500,
  },
  {
    name: '50 000 unclosed nested flow mappings',
    text: () => `x: ${'{a: '.repeat(50_000)}\n`,
    code: 'E111',
    words: 'more than 64 levels deep',
    ms: 500,
  },
  {
    name: '900 levels of block mappings',
    text: () => Array.from({ length: 900 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
    code: 'E111',
    words: 'more than 64 levels',
    ms: 1500,
  },
  {
    name: '20 000 nested block lists on one line (`- - - …`)',
    text: () => `${'- '.repeat(20_000)}x\n`,
    code: 'E111',
    words: 'too deeply',
    ms: 1500,
  },
  {
    name: 'indicator tree 40 levels deep',
    text: deepTree,
    code: 'E111',
    words: 'more than 64 levels deep',
    ms: 1000,
  },
  {
    name: 'file of 1.1 million characters',
    text: () => `${head}description: "${'a'.repeat(1_100_000)}"\n${tree}`,
    code: 'E111',
    words: 'more than the limit of 1000000',
    at: [1, 1],
    ms: 100,
  },
  {
    name: '40 000 keys in one mapping (took minutes before: quadratic duplicate-key check)',
    text: () =>
      `${head}templates:\n${Array.from({ length: 40_000 }, (_, i) => `  k${i}: v`).join('\n')}\n${tree}`,
    code: 'none',
    words: '',
    ms: 4000,
  },
  {
    name: '40 000 unknown keys (one problem each, listing capped at 500)',
    text: () => `${head}${Array.from({ length: 40_000 }, (_, i) => `k${i}: 1`).join('\n')}\n${tree}`,
    code: 'E101',
    words: 'more than 500 mistakes',
    ms: 4000,
  },
  {
    name: '30 000 duplicate keys',
    text: () => `${head}${'id: 1\n'.repeat(30_000)}${tree}`,
    code: 'E100',
    words: 'duplicate key `id` (first at line 1)',
    at: [3, 1],
    ms: 3000,
  },
  {
    name: '5 000 YAML documents',
    text: () => 'a: 1\n---\n'.repeat(5000),
    code: 'E101',
    words: 'no `id`',
    ms: 3000,
  },
  {
    name: 'merge key `<<: *base`',
    text: () => `${head}base: &b {weight: 2}\ntree:\n  id: index\n  children:\n    - <<: *b\n      id: a\n`,
    code: 'E101',
    words: 'unknown key `base`',
    at: [3, 1],
    ms: 1000,
  },
  {
    name: 'tags `!!js/function`, `!!binary`, `!!set`',
    text: () => 'id: !!js/function "function(){}"\ntitle: !!binary aGk=\ntree: !!set {a, b}\n',
    code: 'E100',
    words: 'unresolved tag',
    at: [1, 5],
    ms: 500,
  },
  {
    name: 'unresolved alias `*nope`',
    text: () => `id: x\ntitle: *nope\n${tree}`,
    code: 'E100',
    words: 'unresolved alias',
    at: [2, 8],
    ms: 500,
  },
  {
    name: 'a list used as a key (`? [a]`)',
    text: () => `${head}? [a, b]\n: 1\n${tree}`,
    code: 'E100',
    words: 'a list is used as a key',
    at: [3, 3],
    ms: 500,
  },
  {
    name: 'NUL byte in an id, after a BOM',
    text: () => `\uFEFFid: x\u0000\ntitle: T\n${tree}`,
    code: 'E101',
    words: 'is not a valid id',
    at: [1, 6],
    ms: 500,
  },
];

describe('hostile YAML, loader', () => {
  for (const c of cases)
    it(`${c.name}: ${c.code === 'none' ? 'accepted' : c.code}, within ${c.ms} ms`, () => {
      const text = c.text();
      parseIndicatorSet(head + tree); // warm the schema validator
      const t0 = performance.now();
      const { problems } = parseIndicatorSet(text, 'hostile.yaml');
      const ms = performance.now() - t0;
      expect(ms).toBeLessThan(c.ms);
      if (c.code === 'none') {
        expect(problems).toEqual([]);
        return;
      }
      const first = problems.find((p) => p.code === c.code);
      expect(first, JSON.stringify(problems.slice(0, 3))).toBeDefined();
      expect(first!.message).toContain(c.words);
      expect(first!.file).toBe('hostile.yaml');
      expect(first!.line).toBeGreaterThanOrEqual(1);
      if (c.at) expect([first!.line, first!.col]).toEqual(c.at);
    });
});

describe('hostile YAML, govscore validate', () => {
  it('refuses every bomb and nesting with exit 1 and file:line:col E111 in under 2 s each', async () => {
    for (const c of cases.filter((x) => x.code === 'E111')) {
      const path = join(tmp, `${c.name.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(path, c.text());
      const r = await runCli('validate', path);
      expect(r.code, c.name).toBe(1);
      expect(r.err, c.name).toMatch(
        new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ E111 `),
      );
      expect(r.ms, c.name).toBeLessThan(2000);
    }
  });

  it('as a child process too (the billion laughs), well within the start-up time', () => {
    const path = join(tmp, 'billion.yaml');
    writeFileSync(path, billionLaughs());
    const r = spawnCli(['validate', path]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${path}:4:10 E111 aliases expand to too many nodes`);
    expect(r.ms).toBeLessThan(20_000);
  });
});
