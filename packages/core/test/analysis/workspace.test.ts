import { describe, expect, it } from 'vitest';
import { copySettings } from '../../src/analysis/uncertainty';
import { compile, createWorkspace, resolveNormalise, runPlan } from '../../src/index';
import { data, N, tinySet } from './helpers';

describe('runPlan with a workspace', () => {
  const set = tinySet(
    { treat: { method: 'winsorise', max_points: 1 }, coverage: 0.6 },
    {
      id: 'index',
      rescale: { method: 'minmax', params: { min: 0, max: 10 } },
      children: [
        { id: 'A', children: [{ id: 'i1' }, { id: 'i2' }] },
        { id: 'B', children: [{ id: 'i3' }] },
      ],
    },
  );
  const ds = data(['a', 'b', 'c', 'd', 'e'], {
    i1: [1, 2, 3, 4, 90],
    i2: [4, N, 3, 2, 1],
    i3: [3, 4, 1, 2, 5],
  });

  it('gives what a plain run gives, run after run, whatever the settings', () => {
    const plan = compile(set, ds);
    const ws = createWorkspace(plan);
    const zscore = plan.tree.indicators.map((i) =>
      resolveNormalise('zscore', plan.info[i]!, plan.tree.nodes[i]!.id),
    );
    const variants = [
      plan.settings,
      { ...copySettings(plan.settings), weight: Float64Array.of(1, 1, 3, 1, 1, 1) },
      { ...copySettings(plan.settings), active: Uint8Array.of(1, 1, 0, 1, 1, 1) },
      (() => {
        const s = copySettings(plan.settings);
        plan.tree.indicators.forEach((i, k) => {
          s.normalise[i] = zscore[k]!;
        });
        return s;
      })(),
      { ...copySettings(plan.settings), treat: plan.settings.treat.map(() => null) },
    ];
    for (let round = 0; round < 2; round++) {
      for (const s of variants) {
        const want = runPlan(plan, s, { quiet: true });
        const got = runPlan(plan, s, { quiet: true, workspace: ws });
        for (let k = 0; k < plan.tree.nodes.length; k++) {
          expect(Array.from(got.score[k]!), plan.tree.nodes[k]!.id).toEqual(Array.from(want.score[k]!));
        }
      }
    }
  });

  it('refuses a workspace made for another number of units', () => {
    const plan = compile(set, ds);
    const other = compile(set, data(['a', 'b', 'c'], { i1: [1, 2, 3], i2: [1, 2, 3], i3: [1, 2, 3] }));
    expect(() => runPlan(plan, plan.settings, { workspace: createWorkspace(other) })).toThrow(
      /3 units, the plan has 5/,
    );
  });
});
