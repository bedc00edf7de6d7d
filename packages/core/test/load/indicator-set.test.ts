import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GovscoreError } from '../../src/errors';
import { loadIndicatorSet, parseIndicatorSet } from '../../src/load/indicator-set';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');

describe('valid indicator sets', () => {
  it('loads a small two-level set as written', () => {
    const { set, problems } = parseIndicatorSet(read('valid-small.yaml'), 'valid-small.yaml');
    expect(problems).toEqual([]);
    expect(set).toEqual({
      id: 'demo',
      title: { zh: '示例指数', en: 'Demo index' },
      tree: {
        id: 'index',
        children: [
          {
            id: 'services',
            weight: 2,
            children: [
              { id: 'online_rate', unit: '%', type: 'percentage' },
              { id: 'wait_days', direction: 'lower' },
            ],
          },
          { id: 'openness', children: [{ id: 'datasets', type: 'count' }] },
        ],
      },
    });
  });

  it('loads the set that uses every key of the language', () => {
    const set = loadIndicatorSet(read('valid-full.yaml'), 'valid-full.yaml');
    expect(set).toEqual({
      $schema: '../../../schema/indicator-set.schema.json',
      govscore: 1,
      id: 'full_example',
      version: '2024.1',
      title: { zh: '完整示例', en: 'Full example' },
      description: 'Uses every key of the language once.',
      authors: ['Ada Example', 'Bo Example'],
      licence: 'CC-BY-4.0',
      unit: 'province',
      period: '2024',
      languages: ['zh', 'en'],
      illustrative: true,
      templates: { summary: { en: '{{name}} ranks {{rank}}.', zh: '{{name}}排名第{{rank}}。' } },
      methodology: {
        screen: { min_coverage: 0.9, max_zero_share: 0.5, include: ['110000'], exclude: ['710000'] },
        impute: { method: 'group_mean', group: 'region' },
        treat: { method: 'winsorise', skew: 2, kurtosis: 3.5, max_points: 5, fallback: 'log', force: 1 },
        normalise: { method: 'minmax', params: { min: 0, max: 100 } },
        weights: 'given',
        aggregate: 'arithmetic',
        coverage: 0.5,
        rank: { ties: 'dense', round: 2, within: 'region' },
        tiers: {
          node: 'index',
          by: 'quantiles',
          round: 1,
          levels: [
            {
              id: 'very_high',
              name: { zh: '非常高', en: 'Very high' },
              min_quantile: 0.9,
              exclusive: true,
              subclasses: ['VH', 'V3', 'V2', 'V1'],
              color: '#1a9850',
            },
            { id: 'high', min_quantile: 0.5 },
            { id: 'middle' },
          ],
          veto: { id: 'failed', name: { en: 'Failed a veto item' } },
        },
        strengths: 3,
      },
      tree: {
        id: 'index',
        name: { zh: '总指数', en: 'Index' },
        description: 'The whole index.',
        aggregate: { method: 'generalised', params: { p: 0.5 } },
        coverage: 0.75,
        rescale: { method: 'minmax', params: { min: 0, max: 100 } },
        children: [
          {
            id: 'services',
            weight: 2,
            children: [
              {
                id: 'online_rate',
                name: '在线办理率',
                description: { en: 'Share of services fully online.' },
                weight: 1.5,
                unit: '%',
                direction: 'higher',
                type: 'percentage',
                source: { name: { en: 'Provincial portal' }, url: 'https://example.org/portal' },
                range: { min: 0, max: 100 },
                target: 95,
                normalise: { method: 'dist_target', params: { cap: true } },
              },
              {
                id: 'wait_days',
                unit: 'days',
                direction: 'lower',
                type: 'numeric',
                source: 'Survey 2024',
                goalposts: { low: 1, high: 30 },
                transform: 'log',
                normalise: 'goalposts',
                impute: { method: 'median' },
                treat: { method: 'none' },
              },
              { id: 'staff', type: 'count', denominator: { by: 'population', scale: 1_000_000 } },
            ],
          },
          {
            id: 'openness',
            aggregate: 'sum',
            children: [
              { id: 'portal_level', type: 'ordinal', levels: { none: 0, partial: 1, full: 2 } },
              {
                id: 'audit',
                type: 'checklist',
                items: [
                  { id: 'published', name: { en: 'Plan published' }, points: 4, description: 'Public plan.' },
                  { id: 'reviewed', points: 6, kind: 'normal' },
                  { id: 'award', points: 2, kind: 'bonus' },
                  { id: 'breach', kind: 'veto' },
                ],
                scoring: { mode: 'deduct', max: 10, bonus_above: 8 },
              },
            ],
          },
        ],
      },
    });
  });
});

interface Expected {
  code: string;
  line: number;
  col: number;
  path?: string;
  node?: string;
  /** Words the message must contain. */
  words: string[];
  /** Words the hint must contain. */
  hint?: string[];
}

// One mistake per file; lines and columns counted by hand in the fixture (1-based).
const mistakes: [file: string, expected: Expected[]][] = [
  ['syntax.yaml', [{ code: 'E100', line: 6, col: 1, words: ['flow sequence', ']'] }]],
  ['tabs.yaml', [{ code: 'E100', line: 6, col: 1, words: ['tab'], hint: ['spaces'] }]],
  ['duplicate-key.yaml', [{ code: 'E100', line: 9, col: 7, words: ['duplicate key `weight`', 'line 7'] }]],
  ['two-documents.yaml', [{ code: 'E100', line: 4, col: 1, words: ['2 YAML documents'], hint: ['---'] }]],
  ['empty.yaml', [{ code: 'E101', line: 1, col: 1, words: ['empty'], hint: ['id', 'title', 'tree'] }]],
  ['top-list.yaml', [{ code: 'E101', line: 1, col: 1, words: ['top level', 'list', 'mapping'] }]],
  [
    'unknown-key.yaml',
    [
      {
        code: 'E101',
        line: 7,
        col: 7,
        path: 'tree.children[0].wieght',
        node: 'a',
        words: ['unknown key `wieght`', 'indicator `a`'],
        hint: ['did you mean `weight`'],
      },
    ],
  ],
  [
    'bad-enum.yaml',
    [
      {
        code: 'E101',
        line: 7,
        col: 18,
        path: 'tree.children[0].direction',
        node: 'a',
        words: ['`direction`', '"lowr"', 'higher, lower'],
        hint: ['`lower`'],
      },
    ],
  ],
  [
    'wrong-type.yaml',
    [
      {
        code: 'E101',
        line: 7,
        col: 15,
        path: 'tree.children[0].weight',
        node: 'a',
        words: ['`weight`', '"heavy"', 'must be a number'],
        hint: ['without quotes'],
      },
    ],
  ],
  [
    'missing-id.yaml',
    [
      {
        code: 'E101',
        line: 7,
        col: 7,
        path: 'tree.children[1]',
        words: ['indicator', 'no `id`', 'required'],
      },
    ],
  ],
  [
    'aggregate-on-indicator.yaml',
    [
      {
        code: 'E101',
        line: 7,
        col: 7,
        path: 'tree.children[0].aggregate',
        node: 'a',
        words: ['`aggregate`', 'indicator `a`', 'only to nodes with `children`'],
      },
    ],
  ],
  [
    'bad-id.yaml',
    [
      {
        code: 'E101',
        line: 6,
        col: 11,
        path: 'tree.children[0].id',
        node: '2nd indicator',
        words: ['"2nd indicator"', 'not a valid id'],
        hint: ['start with a letter'],
      },
    ],
  ],
  [
    'language-code.yaml',
    [{ code: 'E101', line: 4, col: 3, path: 'title.EN', words: ['`EN`', 'language code'], hint: ['`en`'] }],
  ],
  [
    'duplicate-id.yaml',
    [
      {
        code: 'E102',
        line: 11,
        col: 15,
        path: 'tree.children[1].children[0].id',
        node: 'rate',
        words: ['`rate`', 'lines 8 and 11'],
      },
    ],
  ],
  [
    'unknown-method.yaml',
    [
      {
        code: 'E103',
        line: 4,
        col: 14,
        path: 'methodology.normalise',
        words: ['unknown normalisation method `min-max`'],
        hint: ['did you mean `minmax`', 'zscore', 'goalposts'],
      },
      {
        code: 'E103',
        line: 7,
        col: 23,
        path: 'tree.aggregate.method',
        node: 'index',
        words: ['unknown aggregation method `geometrik`'],
        hint: ['did you mean `geometric`', 'arithmetic', 'harmonic'],
      },
    ],
  ],
  [
    'negative-weight.yaml',
    [
      {
        code: 'E104',
        line: 7,
        col: 15,
        path: 'tree.children[0].weight',
        node: 'a',
        words: ['`a`', '-0.5', 'negative'],
      },
    ],
  ],
  [
    'zero-weights.yaml',
    [
      {
        code: 'E104',
        line: 6,
        col: 5,
        path: 'tree.children',
        node: 'index',
        words: ['every child', 'weight 0'],
      },
    ],
  ],
  [
    'empty-children.yaml',
    [
      {
        code: 'E105',
        line: 8,
        col: 17,
        path: 'tree.children[1].children',
        node: 'pending',
        words: ['`pending`', 'empty `children`'],
      },
    ],
  ],
  [
    'tiers-order.yaml',
    [
      {
        code: 'E107',
        line: 8,
        col: 30,
        path: 'methodology.tiers.levels[1].min',
        words: ['very_high', '90', 'high', '80'],
        hint: ['best first'],
      },
    ],
  ],
  [
    'bad-params.yaml',
    [
      {
        code: 'E108',
        line: 9,
        col: 26,
        path: 'tree.children[0].normalise.params.maximum',
        node: 'a',
        words: ['`minmax`', 'maximum'],
      },
    ],
  ],
  [
    'tier-node.yaml',
    [
      {
        code: 'E109',
        line: 5,
        col: 11,
        path: 'methodology.tiers.node',
        words: ['`servces`', 'not in the tree'],
        hint: ['`services`'],
      },
    ],
  ],
  [
    'checklist-without-items.yaml',
    [
      {
        code: 'E110',
        line: 7,
        col: 13,
        path: 'tree.children[0].type',
        node: 'audit',
        words: ['`audit`', 'type: checklist', 'no `items`'],
      },
    ],
  ],
  [
    'ordinal-without-levels.yaml',
    [
      {
        code: 'E110',
        line: 7,
        col: 13,
        path: 'tree.children[0].type',
        node: 'portal',
        words: ['`portal`', 'type: ordinal', 'no `levels`'],
      },
    ],
  ],
  [
    'item-points.yaml',
    [
      {
        code: 'E110',
        line: 10,
        col: 11,
        path: 'tree.children[0].items[1]',
        node: 'audit',
        words: ['`review`', 'no `points`'],
      },
      {
        code: 'E102',
        line: 11,
        col: 16,
        path: 'tree.children[0].items[2].id',
        node: 'audit',
        words: ['item id `plan`', 'lines 9 and 11'],
      },
      {
        code: 'E110',
        line: 12,
        col: 44,
        path: 'tree.children[0].items[3].points',
        node: 'audit',
        words: ['`breach`', 'veto item with points'],
      },
    ],
  ],
  [
    'goalposts.yaml',
    [
      {
        code: 'E112',
        line: 7,
        col: 18,
        path: 'tree.children[0].goalposts',
        node: 'a',
        words: ['goalposts', '`a`', 'low = high = 10'],
      },
      {
        code: 'E112',
        line: 9,
        col: 14,
        path: 'tree.children[1].range',
        node: 'b',
        words: ['range', '`b`', 'min 100 above max 0'],
      },
    ],
  ],
  ['alias-bomb.yaml', [{ code: 'E111', line: 2, col: 8, words: ['aliases', 'too many'] }]],
  [
    'proto.yaml',
    [
      { code: 'E101', line: 1, col: 1, path: '__proto__', words: ['unknown key `__proto__`'] },
      {
        code: 'E101',
        line: 8,
        col: 7,
        path: 'tree.children[0].constructor',
        node: 'a',
        words: ['unknown key `constructor`'],
      },
    ],
  ],
];

describe('mistakes: code, position, path and message', () => {
  it.each(mistakes)('%s', (file, expected) => {
    const { problems } = parseIndicatorSet(read(`mistakes/${file}`), `mistakes/${file}`);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((exp, i) => {
      const p = problems[i]!;
      expect({ code: p.code, line: p.line, col: p.col, path: p.path, node: p.node, file: p.file }).toEqual({
        code: exp.code,
        line: exp.line,
        col: exp.col,
        path: exp.path,
        node: exp.node,
        file: `mistakes/${file}`,
      });
      expect(p.severity).toBe('error');
      for (const w of exp.words) expect(p.message).toContain(w);
      for (const w of exp.hint ?? []) expect(p.hint).toContain(w);
      expect(p.hint, 'every problem says what would be right').toBeTruthy();
    });
  });

  it('covers at least 12 distinct mistakes and every E1xx code that a file can show', () => {
    expect(mistakes.length).toBeGreaterThanOrEqual(12);
    const seen = new Set(mistakes.flatMap(([, e]) => e.map((x) => x.code)));
    for (const c of [
      'E100',
      'E101',
      'E102',
      'E103',
      'E104',
      'E105',
      'E107',
      'E108',
      'E109',
      'E110',
      'E111',
      'E112',
    ])
      expect(seen.has(c), c).toBe(true);
  });
});

describe('a file with several mistakes', () => {
  const text = read('several.yaml');

  it('reports all of them in one call, sorted by position', () => {
    const { problems } = parseIndicatorSet(text, 'several.yaml');
    expect(problems.map((p) => [p.code, p.line, p.col, p.path])).toEqual([
      ['E103', 4, 14, 'methodology.aggregate'],
      ['E101', 5, 16, 'methodology.rank.ties'],
      ['E104', 10, 15, 'tree.children[0].weight'],
      ['E101', 13, 22, 'tree.children[0].children[0].direction'],
      ['E112', 15, 22, 'tree.children[0].children[1].goalposts'],
      ['E102', 16, 11, 'tree.children[1].id'],
      ['E101', 17, 7, 'tree.children[1].wieght'],
    ]);
    expect(problems[1]!.hint).toContain('`dense`');
  });

  it('loadIndicatorSet throws one GovscoreError holding every problem', () => {
    let caught: unknown;
    try {
      loadIndicatorSet(text, 'several.yaml');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GovscoreError);
    const err = caught as GovscoreError;
    expect(err.problems).toHaveLength(7);
    expect(err.code).toBe('E103');
    expect(err.message).toContain('7 problems');
    expect(err.message).toContain('several.yaml:17:7 E101 unknown key `wieght`');
  });
});

describe('tree nodes: the branch the data means', () => {
  const wrap = (node: string) => `id: s\ntitle: S\ntree:\n  id: root\n  children:\n${node}`;

  it.each([
    // [node YAML, expected messages (code + key words)]
    ['    - id: a\n      children: 3\n', [['E101', '`children`', 'a list']]],
    ['    - id: a\n      unit: "%"\n      children: [{id: b}]\n', [['E101', '`unit`', 'only to indicators']]],
    ['    - id: a\n      rescale: minmax\n', [['E101', '`rescale`', 'only to nodes with `children`']]],
    ['    - id: a\n      coverage: 1.5\n      children: [{id: b}]\n', [['E101', '`coverage`', 'at most 1']]],
    ['    - id: a\n      name: [x]\n', [['E101', '`name`', 'text or a mapping of language codes']]],
    ['    - id: a\n      normalise: 5\n', [['E101', '`normalise`', 'the number 5', 'text or a mapping']]],
    ['    - id: a\n      normalise: {method: minmax, param: {}}\n', [['E101', 'unknown key `param`']]],
    ['    - id: a\n      items: []\n      type: checklist\n', [['E101', '`items`', 'empty list']]],
    ['    - 5\n', [['E101', 'the number 5', 'a mapping']]],
  ] as const)('%j', (node, expected) => {
    const { problems } = parseIndicatorSet(wrap(node));
    expect(problems.map((p) => p.code)).toEqual(expected.map((e) => e[0]));
    problems.forEach((p, i) => {
      for (const w of expected[i]!.slice(1)) expect(p.message).toContain(w);
    });
  });
});

describe('inherited normalisation', () => {
  const set = (norm: string, b: string) =>
    `id: s\ntitle: S\nmethodology:\n  normalise: ${norm}\ntree:\n  id: root\n  children:\n    - id: a\n      goalposts: {low: 0, high: 10}\n    - id: b\n${b}`;

  it('reports a parameter problem only once when every heir has it', () => {
    const { problems } = parseIndicatorSet(set('{method: minmax, params: {min: 0, max: 100, foo: 1}}', ''));
    expect(problems.map((p) => [p.code, p.path])).toEqual([['E108', 'methodology.normalise.params.foo']]);
  });

  it('points at the indicators that lack what the default method needs', () => {
    const { problems } = parseIndicatorSet(set('goalposts', ''));
    expect(problems.map((p) => [p.code, p.line, p.col, p.node])).toEqual([['E108', 10, 11, 'b']]);
    expect(problems[0]!.message).toContain('inherits normalisation `goalposts`');
  });

  it('lets an indicator with its own method off', () => {
    const { problems } = parseIndicatorSet(set('goalposts', '      normalise: minmax\n'));
    expect(problems).toEqual([]);
  });
});

describe('checklists, bonus and veto', () => {
  const base = (items: string, extra = '') =>
    `id: s\ntitle: S\n${extra}tree:\n  id: root\n  children:\n    - id: c\n      type: checklist\n      items:\n${items}`;

  it.each([
    ['        - {id: x, points: 1}\n      scoring: {mode: sum, bonus_above: 5}\n', 'E110', 'no bonus items'],
    ['        - {id: x, points: -2}\n', 'E110', 'negative points'],
    [
      '        - {id: x, points: 1}\n',
      'E110',
      '`tiers.veto` is set',
      'methodology:\n  tiers: {by: thresholds, levels: [{id: all}], veto: {id: out}}\n',
    ],
  ])('%j', (items, code, words, extra = '') => {
    const { problems } = parseIndicatorSet(base(items, extra));
    expect(problems.map((p) => p.code)).toEqual([code]);
    expect(problems[0]!.message).toContain(words);
  });

  it('accepts bonus and veto items used as documented', () => {
    const { problems } = parseIndicatorSet(
      base(
        '        - {id: x, points: 6}\n        - {id: y, points: 1, kind: bonus}\n        - {id: z, kind: veto}\n      scoring: {mode: sum, max: 6, bonus_above: 5}\n',
        'methodology:\n  tiers: {by: thresholds, levels: [{id: ok}], veto: {id: out}}\n',
      ),
    );
    expect(problems).toEqual([]);
  });

  it('wants `type: checklist` with items and `levels` only on ordinal or binary indicators', () => {
    const t =
      'id: s\ntitle: S\ntree:\n  id: r\n  children:\n    - id: c\n      items: [{id: x, points: 1}]\n    - id: o\n      type: numeric\n      levels: {a: 1}\n';
    const { problems } = parseIndicatorSet(t);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['E110', 'tree.children[0].items'],
      ['E110', 'tree.children[1].levels'],
    ]);
  });
});

describe('equal weights', () => {
  it('skips the all-zero check when `weights: equal` ignores the written weights', () => {
    const t = (w: string) =>
      `id: s\ntitle: S\nmethodology: {weights: ${w}}\ntree:\n  id: r\n  children:\n    - {id: a, weight: 0}\n    - {id: b, weight: 0}\n`;
    expect(parseIndicatorSet(t('equal')).problems).toEqual([]);
    expect(parseIndicatorSet(t('given')).problems.map((p) => p.code)).toEqual(['E104']);
  });
});

describe('prototype keys', () => {
  it('parses __proto__ as a plain key, reports it, and pollutes nothing', () => {
    const { set, problems } = parseIndicatorSet(read('mistakes/proto.yaml'));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(set)).toBe(Object.prototype);
    expect(Object.hasOwn(set, '__proto__')).toBe(true);
    expect(problems[0]!.message).toContain('`__proto__`');
  });
});
