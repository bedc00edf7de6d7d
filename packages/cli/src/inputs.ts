/**
 * Reading the inputs of a command: an indicator-set YAML file and data files, collecting every
 * problem of every file before giving up.
 */
import { readFileSync } from 'node:fs';
import {
  checkDataset,
  type Dataset,
  GovscoreError,
  type IndicatorSet,
  type Problem,
  parseIndicatorSet,
  problem,
} from '@govscore/core';
import { readDataset } from '@govscore/core/io';

/** Reads a text file; a missing file is a problem (E200), not a crash. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new GovscoreError([
      problem(
        'E200',
        `cannot read '${path}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        { file: path },
        'check the path',
      ),
    ]);
  }
}

/** Loads and validates an indicator set; returns it with its problems (errors included). */
export function loadSet(path: string): { set: IndicatorSet; problems: Problem[] } {
  const { set, problems } = parseIndicatorSet(readText(path), path);
  return { set, problems };
}

/**
 * Loads a set and a dataset and checks one against the other.
 * @throws GovscoreError with every error of both files
 */
export async function loadInputs(
  setPath: string,
  dataPath: string,
): Promise<{ set: IndicatorSet; data: Dataset; warnings: Problem[] }> {
  const s = loadSet(setPath);
  if (s.problems.some((p) => p.severity === 'error')) throw new GovscoreError(s.problems);
  const d = await readDataset(dataPath, { set: s.set });
  const problems = [
    ...s.problems,
    ...d.problems,
    ...checkDataset(s.set, d.dataset).map((p) => ({ ...p, file: p.file ?? dataPath })),
  ];
  if (problems.some((p) => p.severity === 'error')) throw new GovscoreError(problems);
  return { set: s.set, data: d.dataset, warnings: problems };
}
