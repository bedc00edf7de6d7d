/**
 * Inputs of the catalogue from real Results: the bundled sample sets assessed by `assess()`
 * (cn-provincial for provinces, two years; un-egdi-2024 for the world map) with an uncertainty and a
 * sensitivity analysis. `loadInputs` falls back to the hand-made fixtures when the engine or the
 * samples are missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Result } from '@govscore/core';
import { squares } from '../test/fixtures/boundaries';
import { fixtureInputs } from '../test/fixtures/inputs';
import { type CatalogueInputs, correlationOf } from './catalogue';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Inputs from the bundled samples assessed by the engine. */
export async function realInputs(): Promise<{ inputs: CatalogueInputs; source: string }> {
  const core = await import('@govscore/core');
  const io = await import('@govscore/core/io');
  const load = async (setFile: string, dataFile: string) => {
    const setPath = join(root, 'indicators', setFile);
    const dataPath = join(root, 'samples', dataFile);
    if (!existsSync(setPath) || !existsSync(dataPath)) throw new Error(`missing ${setFile} or ${dataFile}`);
    const { set, problems } = core.parseIndicatorSet(readFileSync(setPath, 'utf8'), setPath);
    if (problems.some((p) => p.severity === 'error')) throw new core.GovscoreError(problems);
    const { dataset } = await io.readDataset(dataPath, { set });
    return { set, data: dataset };
  };
  const cn = await load('cn-provincial-digital-government.yaml', 'cn-provincial/cn-provincial.csv');
  const years: Result[] = (cn.data.years.length ? cn.data.years : [undefined]).map((y) =>
    core.assess(cn.set, cn.data, y !== undefined ? { year: y } : {}),
  );
  const result = years[years.length - 1]!;
  const rootId = result.set.nodes.find((n) => n.parent === null)!.id;
  const analysis = core.analyse(cn.set, cn.data, {
    uncertainty: { replications: 400 },
    sensitivity: { n: 256, bootstrap: 200 },
    seed: 1,
  });
  const u = analysis.uncertainty!;
  const ranks = u.ranks[rootId]!;
  const intervals = u.units.flatMap((unit, i) => {
    const [nominal, q05, q95, median] = [ranks.nominal[i], ranks.q05[i], ranks.q95[i], ranks.median[i]];
    return nominal == null || q05 == null || q95 == null || median == null
      ? []
      : [{ unit, nominal, q05, q95, median }];
  });
  const sensitivity = analysis.sensitivity!.indices.flatMap((s) =>
    s.s1 === null || s.st === null
      ? []
      : [
          {
            assumption: s.assumption,
            first: s.s1,
            total: s.st,
            ...(s.s1_low !== null && s.s1_high !== null
              ? { first_ci: [s.s1_low, s.s1_high] as [number, number] }
              : {}),
            ...(s.st_low !== null && s.st_high !== null
              ? { total_ci: [s.st_low, s.st_high] as [number, number] }
              : {}),
          },
        ],
  );
  const dims = result.set.nodes.filter((n) => n.parent === rootId).map((n) => n.id);
  const un = await load('un-egdi-2024.yaml', 'un-egdi/egdi.csv');
  const countries = core.assess(un.set, un.data, un.data.years.includes(2024) ? { year: 2024 } : {});
  const mid = [...result.units.keys()].sort(
    (a, b) => (result.values[rootId]!.rank[a] ?? 0) - (result.values[rootId]!.rank[b] ?? 0),
  )[Math.floor(result.units.length / 3)]!;
  return {
    source: `assess() on indicators/cn-provincial-digital-government.yaml × samples/cn-provincial (years ${years
      .map((r) => r.year)
      .join(
        ', ',
      )}; 示例数据，不代表真实评估结果), un-egdi-2024 × samples/un-egdi; uncertainty 400 replications, Sobol n = 256`,
    inputs: {
      result,
      years,
      countries,
      intervals,
      sensitivity,
      correlation: correlationOf(result, dims),
      boundaries: {
        fc: squares(),
        idProperty: 'adcode',
        approval: 'GS(0000)0000号（示例）',
        source: '示例方块，非真实边界 / made-up squares, not boundaries',
      },
      unit: result.units[mid]!.id,
      ...(dims.length < 3
        ? {
            radarNodes: result.set.nodes
              .filter((n) => n.kind === 'indicator')
              .slice(0, 5)
              .map((n) => n.id),
          }
        : {}),
    },
  };
}

/** Real inputs, or the fixtures (with a warning naming why) when they cannot be made. */
export async function loadInputs(who: string): Promise<{ inputs: CatalogueInputs; source: string }> {
  try {
    return await realInputs();
  } catch (e) {
    console.warn(
      `${who}: real Results not available (${(e as Error).message.split('\n')[0]}); using fixtures`,
    );
    return { inputs: fixtureInputs(), source: 'hand-made fixtures (packages/charts/test/fixtures)' };
  }
}
