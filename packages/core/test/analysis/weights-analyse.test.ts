import { describe, expect, it } from 'vitest';
import { analyse, analysisOf, attachAnalysis } from '../../src/analysis/analyse';
import { pearson } from '../../src/analysis/correlation';
import { optimiseWeights } from '../../src/analysis/weights-opt';
import { assess, compile, resultToJson, runPlan } from '../../src/index';
import { data, tinyData, tinySet } from './helpers';

const flat = tinySet({}, { id: 'index', children: [{ id: 'i1' }, { id: 'i2' }] });
// after min-max, i1 is squeezed near 0 by its outlier: with equal weights it counts less in the index
const ds = data(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], {
  i1: [1, 2, 3, 4, 5, 6, 7, 8, 9, 30],
  i2: [3, 1, 2, 5, 4, 7, 6, 9, 10, 8],
});

describe('optimiseWeights', () => {
  it('balances the correlations with the index; the weights re-run give them', () => {
    const plan = compile(flat, ds);
    const o = optimiseWeights(plan);
    expect(o.children).toEqual(['i1', 'i2']);
    expect(o.weights_before).toEqual([0.5, 0.5]);
    expect(o.correlations_before[0]!).toBeLessThan(o.correlations_before[1]!);
    expect(o).toMatchObject({ converged: true, stopped: 'target_met' });
    expect(o.objective!).toBeLessThan(1e-8);
    expect(o.objective!).toBeLessThan(o.objective_before!);
    expect(o.weights[0]!).toBeGreaterThan(o.weights[1]!);
    expect(o.weights[0]! + o.weights[1]!).toBeCloseTo(1, 12);
    // an independent run with the weights found: equal correlations with the index
    const run = runPlan(plan, { ...plan.settings, weight: Float64Array.from([0, ...o.weights]) });
    const r1 = pearson(run.score[1]!, run.score[0]!);
    const r2 = pearson(run.score[2]!, run.score[0]!);
    expect(r1 / (r1 + r2)).toBeCloseTo(0.5, 3);
    expect(r1).toBeCloseTo(o.correlations[0]!, 12);
  });

  it('a target that positive weights cannot meet stops without converging', () => {
    // i1 and i2 almost the same: i2 correlates with the index through i1 even at weight 0
    const three = tinySet({}, { id: 'index', children: [{ id: 'i1' }, { id: 'i2' }, { id: 'i3' }] });
    const d3 = data(['a', 'b', 'c', 'd', 'e', 'f'], {
      i1: [1, 2, 3, 4, 5, 6],
      i2: [1, 2, 3, 5, 4, 6],
      i3: [3, 6, 1, 5, 2, 4],
    });
    const o = optimiseWeights(compile(three, d3));
    expect(o.converged).toBe(false);
    expect(o.objective!).toBeLessThan(o.objective_before!);
    expect(Math.min(...o.weights)).toBeLessThan(1e-6);
  });

  it('a target of the wrong length or an indicator node is E400', () => {
    const plan = compile(flat, ds);
    expect(() => optimiseWeights(plan, { target: [1, 2, 3] })).toThrow(
      /E400 target must be 2 positive numbers/,
    );
    expect(() => optimiseWeights(plan, { node: 'i1' })).toThrow(/nothing to balance/);
  });
});

describe('analyse', () => {
  const spec = {
    seed: 5,
    assumptions: [
      { type: 'weights' as const, factor: 0.25 },
      { type: 'normalise' as const, choices: ['minmax', 'rank'] },
    ],
    uncertainty: { replications: 200 },
    sensitivity: { n: 50, bootstrap: 20 },
  };

  it('gathers every analysis; seeded output is byte-identical', () => {
    const a = analyse(tinySet(), tinyData(), spec);
    expect(a.govscore_analysis).toBe(1);
    expect(a.units).toEqual(['a', 'b', 'c']);
    expect(a.stats.indicators.map((s) => s.id)).toEqual(['i1', 'i2', 'i3']);
    expect(a.stats.stage).toBe('raw');
    expect(a.alpha.map((x) => x.node)).toEqual(['index', 'A', 'B']);
    expect(a.pca.map((x) => x.node)).toEqual(['index', 'A', 'B']);
    expect(a.uncertainty!.replications).toBe(200);
    expect(a.uncertainty!.seed).toBe(5);
    expect(a.sensitivity!.indices.map((x) => x.assumption)).toEqual(['weights', 'normalise']);
    expect(resultToJson(analyse(tinySet(), tinyData(), spec))).toBe(resultToJson(a));
  });

  it('without assumptions the defaults vary the weights level by level', () => {
    const a = analyse(tinySet(), tinyData(), { uncertainty: { replications: 10 } });
    expect(a.assumptions!.map((x) => x.id)).toEqual(['weights_L1', 'weights_L2']);
    expect(a.sensitivity).toBeUndefined();
  });

  it('rides in the Result for the report', () => {
    const r = assess(tinySet(), tinyData());
    const a = analyse(tinySet(), tinyData(), { uncertainty: { replications: 10 } });
    const withA = attachAnalysis(r, a);
    expect(r.analysis).toBeUndefined();
    expect(analysisOf(withA)).toBe(a);
    expect(analysisOf(JSON.parse(resultToJson(withA)))!.uncertainty!.ranks['index']!.nominal).toEqual(
      r.values['index']!.rank,
    );
  });
});
