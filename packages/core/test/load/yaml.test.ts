import { describe, expect, it } from 'vitest';
import { parseIndicatorSet } from '../../src/load/indicator-set';
import { closest, editDistance } from '../../src/load/semantic';
import { formatPath, parseYaml } from '../../src/load/yaml';

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['tree'], 'tree'],
    [['tree', 'children', 1, 'weight'], 'tree.children[1].weight'],
    [['levels', 'very good'], 'levels["very good"]'],
    [['$schema'], '$schema'],
    [['templates', 'zh-hans'], 'templates.zh-hans'],
  ] as const)('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('positions', () => {
  const text = 'a:\n  b: [1, 2]\n  c:\n  d: &x {e: 5}\n  f: *x\n  "g h": yes\n';
  const y = parseYaml(text);

  it('gives the value as plain JS', () => {
    expect(y.value).toEqual({ a: { b: [1, 2], c: null, d: { e: 5 }, f: { e: 5 }, 'g h': 'yes' } });
    expect(y.problems).toEqual([]);
  });

  it.each([
    // [path, value position, key position]
    [['a'], [2, 3], [1, 1]],
    [
      ['a', 'b', 1],
      [2, 10],
      [2, 10],
    ],
    [
      ['a', 'c'],
      [3, 3],
      [3, 3],
    ], // empty value: its key
    [
      ['a', 'd', 'e'],
      [4, 13],
      [4, 10],
    ],
    [
      ['a', 'f', 'e'],
      [4, 13],
      [4, 10],
    ], // through the alias, to the anchored node
    [
      ['a', 'g h'],
      [6, 10],
      [6, 3],
    ],
    [
      ['a', 'zz'],
      [2, 3],
      [2, 3],
    ], // missing: the deepest existing ancestor
    [
      ['a', 'b', 7],
      [2, 6],
      [2, 6],
    ],
  ] as const)('%j', (path, value, key) => {
    expect(y.position(path)).toEqual({ line: value[0], col: value[1] });
    expect(y.position(path, 'key')).toEqual({ line: key[0], col: key[1] });
  });
});

describe('YAML problems', () => {
  it.each([
    ['a: 1\nb: 2\na: 3\n', 'E100', 3, 1, 'duplicate key `a` (first at line 1)'],
    ['a:\n  ? [x]\n  : 1\n', 'E100', 2, 5, 'a list is used as a key'],
    ['a: *nowhere\n', 'E100', 1, 4, 'nowhere'],
    ['a: b: c\n', 'E100', 1, 4, 'nested mappings'],
    ['---\n', 'E101', 1, 1, 'empty'],
    ['', 'E101', 1, 1, 'empty'],
  ] as const)('%j', (text, code, line, col, words) => {
    const { problems } = parseYaml(text, 'x.yaml');
    expect(problems.map((p) => [p.code, p.line, p.col])).toEqual([[code, line, col]]);
    expect(problems[0]!.message).toContain(words);
    expect(problems[0]!.file).toBe('x.yaml');
  });

  it('says what the top level is when it is not a mapping', () => {
    const { problems } = parseIndicatorSet('--- |\n  text\n');
    expect(problems.map((p) => [p.code, p.line, p.col])).toEqual([['E101', 1, 5]]);
    expect(problems[0]!.message).toContain('top level is the text "text\\n"');
  });

  it('reports every syntax error of the file, not only the first', () => {
    const { problems } = parseYaml('a: [1\nb: 2\n---\nc: {d\ne: 3\n');
    expect(problems.length).toBeGreaterThanOrEqual(3); // one per broken collection, and two documents
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['E100']));
    expect(problems.some((p) => p.line === 2)).toBe(true);
    expect(problems.some((p) => p.line === 5)).toBe(true);
  });
});

describe('resource limits (E111)', () => {
  it('refuses flow nesting deeper than 64 levels at the 65th bracket, even 400 000 deep', () => {
    // (a million deep would be refused by the length limit of 1 000 000 characters first)
    const n = 400_000;
    const text = `id: x\ntree: ${'['.repeat(n)}${']'.repeat(n)}\n`;
    const { problems, work } = parseIndicatorSet(text);
    // The 65th bracket: `tree: ` is 6 characters, so it is column 7 + 64.
    expect(problems.map((p) => [p.code, p.line, p.col])).toEqual([['E111', 2, 71]]);
    expect(problems[0]!.message).toContain('64 levels');
    // read up to that bracket (`id: x\ntree: ` is 12 characters) of 800 013, nothing composed
    expect(work).toEqual({ chars: 12 + 65, nodes: 0, aliases: 0, values: 0 });
  });

  it('counts its work: characters read, nodes composed, aliases, values walked', () => {
    // root, a, the list, 1, 2, b, the alias: 7 nodes; values: root, the list, 1, 2, and the list's
    // 3 again through the alias: 7
    expect(parseYaml('a: &l [1, 2]\nb: *l\n').work).toEqual({ chars: 19, nodes: 7, aliases: 1, values: 7 });
    // 64 brackets are not more than 64 levels: the whole text is read and composed
    const deep = `${'['.repeat(64)}${']'.repeat(64)}`;
    expect(parseYaml(deep).work).toEqual({ chars: 128, nodes: 64, aliases: 0, values: 64 });
    expect(parseYaml(`[${deep}]`).work).toEqual({ chars: 65, nodes: 0, aliases: 0, values: 0 });
    expect(parseYaml('a: 1\n'.repeat(10), undefined, { maxLength: 20 }).work.chars).toBe(0);
    expect(parseYaml('').work).toEqual({ chars: 0, nodes: 0, aliases: 0, values: 0 });
  });

  it('accepts 64 levels and refuses 65 in block style', () => {
    const nest = (levels: number) => {
      let s = '';
      for (let i = 0; i < levels; i++) s += `${' '.repeat(i)}k:\n`;
      return `${s}${' '.repeat(levels)}v: 1\n`;
    };
    // `levels` mappings nested inside each other, plus the innermost one: levels + 1 deep.
    expect(parseYaml(nest(63)).problems).toEqual([]);
    const deep = parseYaml(nest(64));
    expect(deep.problems.map((p) => [p.code, p.line, p.col, p.path])).toEqual([
      ['E111', 65, 65, Array(64).fill('k').join('.')],
    ]);
  });

  it('refuses an alias bomb before expanding it', () => {
    const text =
      'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n';
    const y = parseYaml(text);
    expect(y.problems.map((p) => [p.code, p.line, p.col])).toEqual([['E111', 2, 8]]);
    expect(y.value).toBeUndefined();
    // 1 root + 3 keys + 3 lists + 10 scalars + 20 aliases composed; none of the 1 000 values built
    expect(y.work).toEqual({ chars: text.length, nodes: 37, aliases: 20, values: 0 });
  });

  it('accepts a few ordinary aliases', () => {
    const y = parseYaml('base: &m {method: minmax}\nx: *m\ny: *m\n');
    expect(y.problems).toEqual([]);
    expect(y.value).toEqual({ base: { method: 'minmax' }, x: { method: 'minmax' }, y: { method: 'minmax' } });
  });

  it('refuses text above the size limit', () => {
    const y = parseYaml('a: 1\n'.repeat(10), undefined, { maxLength: 20 });
    expect(y.problems.map((p) => [p.code, p.message])).toEqual([
      ['E111', 'the file has 50 characters, more than the limit of 20'],
    ]);
  });
});

describe('did you mean', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['wieght', 'weight', 1], // one transposition
    ['', 'abc', 3],
    ['minmax', 'minmax', 0],
    ['min-max', 'minmax', 1],
  ] as const)('editDistance(%s, %s) = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it.each([
    ['wieght', ['id', 'weight', 'unit'], 'weight'],
    ['Direction', ['direction', 'denominator'], 'direction'],
    ['arithmatic', ['arithmetic', 'geometric'], 'arithmetic'],
    ['z', ['zscore', 'rank'], undefined],
    ['colour', ['color', 'id'], 'color'],
    ['xyzzy', ['weight', 'unit'], undefined],
    ['geo', ['geometric', 'median'], 'geometric'],
  ] as const)('closest(%s) → %s', (word, known, expected) => {
    expect(closest(word, known)).toBe(expected);
  });
});
