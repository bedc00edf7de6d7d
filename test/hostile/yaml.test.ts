/**
 * Hostile indicator-set files: alias bombs, deep nesting, huge and many-keyed files, YAML tags, merge
 * keys, many documents. Each is refused with a clear, located error — by the loader and by
 * `govscore validate` — before the work it guards against, and nothing is polluted.
 *
 * No wall-clock limits (they flake on a loaded machine): each case asserts what a limit stands for,
 * from the loader's counts (`work`: characters read, YAML nodes composed, aliases, values walked).
 * The only time limit is the project's test timeout (120 s), a hang guard: the slowest case (40 000
 * keys) measures 1.5–3.4 s on a loaded 2-core machine, the quadratic duplicate-key check it replaced
 * took minutes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIndicatorSet, type YamlWork } from '@govscore/core';
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
  /** What the loader did, hand-counted (every case is also checked to be linear in its text). */
  work?: Partial<YamlWork>;
  /** Upper bounds, where the count depends on the stack (the composer gives up on stack overflow). */
  most?: Partial<YamlWork>;
  /** Why these counts show the limit worked. */
  why?: string;
}

// The outcomes in docs/hardening.md come from this table.
const cases: Case[] = [
  {
    name: 'billion laughs (flow aliases)',
    text: billionLaughs,
    code: 'E111',
    words: 'aliases expand to too many nodes',
    at: [4, 10],
    // 1 root + 4 (id, title) + 11 (l0: key, list, 9 scalars) + 9 × 11 (key, list, 9 aliases) + 9 (tree)
    work: { chars: 612, nodes: 124, aliases: 81, values: 0 },
    why: 'refused after composing 124 nodes, before building any of the 9^9 values',
  },
  {
    name: 'alias bomb (block style)',
    text: blockBomb,
    code: 'E111',
    words: 'aliases expand to too many nodes',
    // 1 + 4 + 4 (x0: key, list, 2 scalars) + 11 × 12 (key, list, 10 aliases) + 9
    work: { chars: 1060, nodes: 150, aliases: 110, values: 0 },
    why: 'refused after composing 150 nodes, before building any of the 2·10^11 values',
  },
  {
    name: '100 000 nested flow lists',
    text: () => `${head}tree: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    code: 'E111',
    words: 'more than 64 levels deep',
    at: [3, 71],
    // `id: x\ntitle: T\ntree: ` is 21 characters, then 65 brackets
    work: { chars: 86, nodes: 0, values: 0 },
    why: 'refused at the 65th bracket: 86 of 200 022 characters read, nothing composed',
  },
  {
    name: '50 000 unclosed nested flow mappings',
    text: () => `x: ${'{a: '.repeat(50_000)}\n`,
    code: 'E111',
    words: 'more than 64 levels deep',
    // `x: ` then 64 × `{a: ` and the 65th `{`
    work: { chars: 260, nodes: 0, values: 0 },
    why: 'refused at the 65th brace: 260 of 200 004 characters read, nothing composed',
  },
  {
    name: '900 levels of block mappings',
    text: () => Array.from({ length: 900 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
    code: 'E111',
    words: 'more than 64 levels',
    // 1 root + 900 keys + 899 nested mappings + the last null, unless the composer runs out of stack
    // first; the depth walk stops at level 65
    most: { nodes: 1801, values: 65 },
    why: 'composed linearly (2 nodes a line); at most 65 values walked',
  },
  {
    name: '20 000 nested block lists on one line (`- - - …`)',
    text: () => `${'- '.repeat(20_000)}x\n`,
    code: 'E111',
    words: 'too deeply',
    work: { values: 0 },
    most: { nodes: 20_001 },
    why: 'the composer gives up (stack) part-way; no value is built',
  },
  {
    name: 'indicator tree 40 levels deep',
    text: deepTree,
    code: 'E111',
    words: 'more than 64 levels deep',
    // 5 (root, id, title) + tree key + 40 × 5 (mapping, id key and value, children key, list) + 3 (leaf);
    // walked: 3 + 31 levels × 3 (mapping, id, children) + the 32nd level's 3, refused at depth 65
    work: { nodes: 209, values: 99 },
    why: 'refused part-way through the value walk (99 values), before the schema and semantic checks',
  },
  {
    name: 'file of 1.1 million characters',
    text: () => `${head}description: "${'a'.repeat(1_100_000)}"\n${tree}`,
    code: 'E111',
    words: 'more than the limit of 1000000',
    at: [1, 1],
    work: { chars: 0, nodes: 0, values: 0 },
    why: 'refused on its length, before reading a character',
  },
  {
    name: '40 000 keys in one mapping (took minutes before: quadratic duplicate-key check)',
    text: () =>
      `${head}templates:\n${Array.from({ length: 40_000 }, (_, i) => `  k${i}: v`).join('\n')}\n${tree}`,
    code: 'none',
    words: '',
    // 2 nodes a key + 16 (root, id, title, templates key and mapping, tree); 40 000 values + 9
    work: { nodes: 80_016, values: 40_009 },
    why: 'one node per key and per value: linear',
  },
  {
    name: '40 000 unknown keys (one problem each, listing capped at 500)',
    text: () => `${head}${Array.from({ length: 40_000 }, (_, i) => `k${i}: 1`).join('\n')}\n${tree}`,
    code: 'E101',
    words: 'more than 500 mistakes',
    work: { nodes: 80_014, values: 40_008 },
    why: 'linear; the schema check lists 500 mistakes and a count',
  },
  {
    name: '30 000 duplicate keys',
    text: () => `${head}${'id: 1\n'.repeat(30_000)}${tree}`,
    code: 'E100',
    words: 'duplicate key `id` (first at line 1)',
    at: [3, 1],
    // 1 root + 2 × (2 + 30 000) key and value nodes + 9 (tree); the value keeps one `id`
    work: { nodes: 60_014, values: 8 },
    why: 'one Map lookup per key: linear',
  },
  {
    name: '5 000 YAML documents',
    text: () => 'a: 1\n---\n'.repeat(5000),
    code: 'E101',
    words: 'no `id`',
    // 3 nodes (mapping, key, value) per document, and the empty document after the last `---`
    work: { nodes: 15_001, values: 2 },
    why: 'every document composed once; only the first is turned into values',
  },
  {
    name: 'merge key `<<: *base`',
    text: () => `${head}base: &b {weight: 2}\ntree:\n  id: index\n  children:\n    - <<: *b\n      id: a\n`,
    code: 'E101',
    words: 'unknown key `base`',
    at: [3, 1],
  },
  {
    name: 'tags `!!js/function`, `!!binary`, `!!set`',
    text: () => 'id: !!js/function "function(){}"\ntitle: !!binary aGk=\ntree: !!set {a, b}\n',
    code: 'E100',
    words: 'unresolved tag',
    at: [1, 5],
  },
  {
    name: 'unresolved alias `*nope`',
    text: () => `id: x\ntitle: *nope\n${tree}`,
    code: 'E100',
    words: 'unresolved alias',
    at: [2, 8],
  },
  {
    name: 'a list used as a key (`? [a]`)',
    text: () => `${head}? [a, b]\n: 1\n${tree}`,
    code: 'E100',
    words: 'a list is used as a key',
    at: [3, 3],
  },
  {
    name: 'NUL byte in an id, after a BOM',
    text: () => `\uFEFFid: x\u0000\ntitle: T\n${tree}`,
    code: 'E101',
    words: 'is not a valid id',
    at: [1, 6],
  },
];

describe('hostile YAML, loader', () => {
  for (const c of cases)
    it(`${c.name}: ${c.code === 'none' ? 'accepted' : c.code}${c.why ? `; ${c.why}` : ''}`, () => {
      const text = c.text();
      const { problems, work } = parseIndicatorSet(text, 'hostile.yaml');
      if (c.work) expect(work).toMatchObject(c.work);
      for (const [k, most] of Object.entries(c.most ?? {}))
        expect(work[k as keyof YamlWork], k).toBeLessThanOrEqual(most);
      // never more work than the text: at most all of it read, a node per character, a value per node
      expect(work.chars).toBeLessThanOrEqual(text.length);
      expect(work.nodes).toBeLessThanOrEqual(work.chars + 1);
      expect(work.values).toBeLessThanOrEqual(work.nodes);
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
  it('refuses every bomb and nesting with exit 1 and file:line:col E111', async () => {
    for (const c of cases.filter((x) => x.code === 'E111')) {
      const path = join(tmp, `${c.name.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(path, c.text());
      const r = await runCli('validate', path);
      expect(r.code, c.name).toBe(1);
      expect(r.err, c.name).toMatch(
        new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ E111 `),
      );
    }
  });

  it('as a child process too (the billion laughs)', () => {
    const path = join(tmp, 'billion.yaml');
    writeFileSync(path, billionLaughs());
    const r = spawnCli(['validate', path]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${path}:4:10 E111 aliases expand to too many nodes`);
  });
});
