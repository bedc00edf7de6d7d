import { describe, expect, it } from 'vitest';
import {
  compileAssumptions,
  defaultAssumptions,
  loadAnalysisSpec,
  parseAnalysisSpec,
} from '../../src/analysis/assumptions';
import { nodeLevels } from '../../src/analysis/levels';
import { compile } from '../../src/index';
import { tinyData, tinySet } from './helpers';

const vignette = `# COINr's sensitivity vignette on ASEM
seed: 42
assumptions:
  - id: winsorise
    type: treat
    max_points: [1, 2, 3, 4, 5]
  - id: normalisation
    type: normalise
    choices:
      - {method: minmax, params: {min: 1, max: 100}}
      - {method: zscore, params: {mean: 10, sd: 2}}
  - id: weights
    type: weights
    factor: 0.25
    levels: [2, 3]
  - id: aggregation
    type: aggregate
    choices: [arithmetic, geometric]
uncertainty:
  replications: 10000
sensitivity:
  n: 1000
  output: {node: Index, statistic: mean_abs_rank_shift}
`;

describe('parseAnalysisSpec', () => {
  it('reads the YAML form', () => {
    const { spec, problems } = parseAnalysisSpec(vignette, 'a.yaml');
    expect(problems).toEqual([]);
    expect(spec.seed).toBe(42);
    expect(spec.assumptions!.map((a) => a.type)).toEqual(['treat', 'normalise', 'weights', 'aggregate']);
    expect(spec.uncertainty).toEqual({ replications: 10000 });
  });

  it('reports every problem with its line: unknown type, bad factor, unknown key', () => {
    const text = `assumptions:
  - type: weigths
    factor: 0.2
  - type: weights
    factor: 2
  - type: aggregate
    choices: [arithmetic]
    colour: red
uncertainty: {replications: 0}
`;
    const { problems } = parseAnalysisSpec(text, 'bad.yaml');
    const brief = problems.map((p) => [p.code, p.line, p.message]);
    expect(brief).toEqual(
      [
        ['E400', 2, expect.stringMatching(/assumptions\[0\]: type "weigths" is not an assumption type/)],
        ['E400', 5, expect.stringMatching(/assumptions\[1\]\.factor: must be <= 1/)],
        ['E400', 6, expect.stringMatching(/assumptions\[2\]: unknown key 'colour'/)],
        ['E400', 9, expect.stringMatching(/uncertainty\.replications: must be >= 1/)],
      ].sort((a, b) => (a[1] as number) - (b[1] as number)),
    );
    expect(problems[0]!.hint).toMatch(/weights, normalise, aggregate, impute, treat, exclude/);
    expect(() => loadAnalysisSpec(text, 'bad.yaml')).toThrow(/4 problems/);
  });
});

describe('compileAssumptions', () => {
  const plan = compile(tinySet(), tinyData());

  it('levels count from the indicators (COINr): index 3, A and B 2, indicators 1', () => {
    expect(Array.from(nodeLevels(plan.tree))).toEqual([3, 2, 1, 1, 2, 1]);
    expect(defaultAssumptions(plan)).toEqual([
      { id: 'weights_L1', type: 'weights', factor: 0.25, levels: [1] },
      { id: 'weights_L2', type: 'weights', factor: 0.25, levels: [2] },
    ]);
  });

  it('resolves choices and names assumptions by type', () => {
    const c = compileAssumptions(plan, [
      { type: 'weights', factor: 0.1, levels: [2] },
      { type: 'weights', factor: 0.1, nodes: ['i1', 'i2'] },
      { type: 'normalise', choices: ['minmax', { method: 'zscore', params: { mean: 10 } }] },
      { type: 'exclude', levels: [1] },
    ]);
    expect(c.map((x) => [x.id, x.dims, x.labels ?? x.nodes])).toEqual([
      ['weights', 2, ['A', 'B']],
      ['weights_2', 2, ['i1', 'i2']],
      ['normalise', 1, ['minmax', 'zscore {"mean":10}']],
      ['exclude', 1, ['none', 'i1', 'i2', 'i3']],
    ]);
  });

  it.each([
    [[{ type: 'weights', factor: 0.1, nodes: ['Z'] }], /E400 assumption 'weights' names node 'Z'/],
    [[{ type: 'weights', factor: 0.1, nodes: ['index'] }], /is the root/],
    [
      [
        { type: 'weights', factor: 0.1 },
        { type: 'weights', factor: 0.2, nodes: ['A'] },
      ],
      /'weights' and 'weights_2' both set the weight of 'A'/,
    ],
    [[{ type: 'normalise', choices: ['minmax'], indicators: ['A'] }], /'A' is not an indicator/],
    [[{ type: 'aggregate', choices: ['mean'] }], /E103 unknown aggregation method 'mean'/],
    [[{ type: 'treat', indicators: ['i1'] }], /needs either max_points or choices/],
    [
      [
        { id: 'x', type: 'weights', factor: 0.1, nodes: ['A'] },
        { id: 'x', type: 'weights', factor: 0.1, nodes: ['B'] },
      ],
      /two assumptions are called 'x'/,
    ],
    [[{ type: 'exclude', levels: [7] }], /applies to no node/],
    [
      [{ type: 'impute', choices: [{ method: 'group_mean', group: 'region' }] }],
      /no unit has a group 'region'/,
    ],
    [
      [
        { type: 'impute', choices: [{ method: 'mean' }], indicators: ['i1'] },
        { type: 'impute', choices: [{ method: 'median' }], indicators: ['i2'] },
      ],
      /only one impute assumption/,
    ],
  ] as [never[], RegExp][])('rejects %j', (list, re) => {
    expect(() => compileAssumptions(plan, list)).toThrow(re);
  });
});
