/**
 * The repeat construct (load/repeat.ts): a node template made once per list item, expanded before
 * validation, every problem of a generated node located at the template.
 */
import { describe, expect, it } from 'vitest';
import { parseIndicatorSet } from '../../src/load/indicator-set';
import type { TreeNode } from '../../src/schema/indicator-set';

const kids = (n: TreeNode): TreeNode[] => (n as { children?: TreeNode[] }).children ?? [];
const where = (ps: { code: string; line?: number; col?: number; node?: string; path?: string }[]) =>
  ps.map((p) => [p.code, p.line, p.col, p.node, p.path]);

const base = `id: t
title: T
lists:
  events:
    - { id: e1, name: { en: Career, zh: 职业 }, w: 2 }
    - { id: e2, name: { en: Studying, zh: 学习 }, w: 1 }
`;

describe('repeat', () => {
  it('makes one child per item, after the written children, and records the repeat', () => {
    const { set, problems } = parseIndicatorSet(
      `${base}tree:
  id: avail
  children:
    - id: fixed
  repeat:
    over: events
    node: { id: "oa_{id}", name: "Online: {name}", weight: "{w}" }
`,
      't.yaml',
    );
    expect(problems).toEqual([]);
    expect(kids(set.tree)).toEqual([
      { id: 'fixed' },
      { id: 'oa_e1', name: { en: 'Online: Career', zh: 'Online: 职业' }, weight: 2 },
      { id: 'oa_e2', name: { en: 'Online: Studying', zh: 'Online: 学习' }, weight: 1 },
    ]);
    expect('repeat' in set.tree).toBe(false);
    expect((set.tree as { repeated?: unknown }).repeated).toEqual({
      over: 'events',
      template: 'oa_{id}',
      count: 2,
    });
  });

  it('texts per language take the item’s text of that language; an exact placeholder its value', () => {
    const { set, problems } = parseIndicatorSet(
      `${base}tree:
  id: avail
  repeat:
    over: events
    node: { id: "x_{id}", name: "{name}", description: { en: "About {name}", zh: "关于{name}" } }
`,
    );
    expect(problems).toEqual([]);
    expect(kids(set.tree)[1]).toEqual({
      id: 'x_e2',
      name: { en: 'Studying', zh: '学习' },
      description: { en: 'About Studying', zh: '关于学习' },
    });
  });

  it('nests: a template with its own repeat, the outer item named by `as`', () => {
    const { set, problems } = parseIndicatorSet(
      `${base}  benchmarks:
    - { id: uc }
    - { id: ke }
tree:
  id: index
  repeat:
    over: benchmarks
    as: b
    node:
      id: "{id}"
      repeat: { over: events, node: { id: "{b.id}_{id}" } }
`,
    );
    expect(problems).toEqual([]);
    expect(kids(set.tree).map((b) => [b.id, kids(b).map((c) => c.id)])).toEqual([
      ['uc', ['uc_e1', 'uc_e2']],
      ['ke', ['ke_e1', 'ke_e2']],
    ]);
  });

  it('an inline list of items works without `lists`', () => {
    const { set, problems } = parseIndicatorSet(
      'id: t\ntitle: T\ntree:\n  id: r\n  repeat: { over: [{ id: a }, { id: b }], node: { id: "i_{id}" } }\n',
    );
    expect(problems).toEqual([]);
    expect(kids(set.tree).map((c) => c.id)).toEqual(['i_a', 'i_b']);
  });

  it('a mistake in the template is reported at the template, for the node it made', () => {
    const text = `${base}tree:
  id: avail
  repeat:
    over: events
    node:
      id: "oa_{id}"
      weight: -1
`;
    const { problems } = parseIndicatorSet(text, 't.yaml');
    // one message per generated node, both at line 13 (the template's weight), each naming its node
    expect(where(problems)).toEqual([
      ['E104', 13, 15, 'oa_e1', 'tree.children[0].weight'],
      ['E104', 13, 15, 'oa_e2', 'tree.children[1].weight'],
    ]);
    expect(problems[0]!.file).toBe('t.yaml');
  });

  it('a template id without a placeholder makes duplicate ids (E102), at the template', () => {
    const { problems } = parseIndicatorSet(
      `${base}tree:\n  id: r\n  repeat: { over: events, node: { id: same } }\n`,
    );
    expect(problems.map((p) => [p.code, p.line])).toEqual([['E102', 9]]);
  });

  it('E120 unknown list, E121 unknown placeholder, E122 malformed repeat: located', () => {
    const unknown = parseIndicatorSet(
      `${base}tree:\n  id: r\n  repeat: { over: event, node: { id: "x_{id}" } }\n`,
    );
    expect(where(unknown.problems.filter((p) => p.code === 'E120'))).toEqual([
      ['E120', 9, 19, 'r', 'tree.repeat.over'],
    ]);
    expect(unknown.problems.find((p) => p.code === 'E120')!.hint).toBe('the lists are: events');
    const ph = parseIndicatorSet(
      `${base}tree:\n  id: r\n  repeat: { over: events, node: { id: "x_{code}" } }\n`,
    );
    expect(ph.problems.filter((p) => p.code === 'E121').map((p) => [p.message, p.line])).toEqual([
      ['placeholder {code} names no key of the item e1', 9],
      ['placeholder {code} names no key of the item e2', 9],
    ]);
    const bad = parseIndicatorSet(
      `id: t\ntitle: T\ntree:\n  id: r\n  repeat: { over: [1, 2], node: { id: x } }\n`,
    );
    expect(bad.problems.filter((p) => p.code === 'E122').map((p) => p.line)).toEqual([5]);
    const noNode = parseIndicatorSet(`${base}tree:\n  id: r\n  repeat: { over: events, as: b }\n`);
    expect(noNode.problems.map((p) => p.code)).toContain('E122');
  });

  it('a file without repeat is the same object as parsed (nothing copied)', () => {
    const { set, problems } = parseIndicatorSet('id: t\ntitle: T\ntree:\n  id: r\n  children: [{ id: a }]\n');
    expect(problems).toEqual([]);
    expect(set.tree).toEqual({ id: 'r', children: [{ id: 'a' }] });
  });
});
