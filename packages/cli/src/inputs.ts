/**
 * Reading the inputs of a command: an indicator-set YAML file and data files, collecting every
 * problem of every file before giving up.
 */
import { readFileSync, statSync } from 'node:fs';
import {
  type AssessOptions,
  assess,
  checkDataset,
  type Dataset,
  GovscoreError,
  type IndicatorSet,
  type Problem,
  parseIndicatorSet,
  problem,
  type Result,
} from '@govscore/core';
import { type ReadDatasetOptions, readDataset, type TextEncodingName } from '@govscore/core/io';
import { hasErrors } from './output';

/** Default largest data file read: 256 MiB (`--max-bytes` changes it for one run). */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
/** Largest indicator-set file read (the YAML loader refuses more than 1 MB of text anyway). */
const MAX_TEXT_BYTES = 8 * 1024 * 1024;

let maxDataBytes = DEFAULT_MAX_BYTES;

/** Sets the largest data file the commands of this run read (`--max-bytes`; main sets it per run). */
export function setMaxDataBytes(n: number | undefined): void {
  maxDataBytes = n ?? DEFAULT_MAX_BYTES;
}

let dataEncoding: TextEncodingName | undefined;

/** Sets the encoding of the text data files this run reads (`--encoding`; main sets it per run). */
export function setDataEncoding(e: TextEncodingName | undefined): void {
  dataEncoding = e;
}

/**
 * Reads a data file with the run's size limit (E209 beyond it) and encoding (`--encoding`).
 * @throws GovscoreError E200 (unreadable), E209 (larger than `--max-bytes`), E213/E214 (encoding)
 */
export function readData(path: string, opts: ReadDatasetOptions = {}) {
  return readDataset(path, {
    maxBytes: maxDataBytes,
    ...(dataEncoding !== undefined ? { encoding: dataEncoding } : {}),
    ...opts,
  });
}

/**
 * Reads a text file; a missing file is a problem (E200), not a crash.
 * @param maxBytes refuse a larger file (E111) before reading it, when given
 */
export function readText(path: string, maxBytes?: number): string {
  try {
    const size = maxBytes !== undefined ? statSync(path).size : 0;
    if (maxBytes !== undefined && size > maxBytes)
      throw new GovscoreError([
        problem(
          'E111',
          `'${path}' has ${size} bytes, more than ${maxBytes}: it is not an indicator set`,
          { file: path, line: 1, col: 1 },
          'check the path; indicator sets are text files of a few kilobytes',
        ),
      ]);
    return readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof GovscoreError) throw e;
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
  const { set, problems } = parseIndicatorSet(readText(path, MAX_TEXT_BYTES), path);
  return { set, problems };
}

/**
 * Reads a data file and checks it against the set: the reading problems, then the fit to the set
 * (checkDataset's problems carry the data file's name). Never throws for bad data.
 * @param onCheck called between reading and checking (progress)
 * @throws GovscoreError E200/E209 when the file itself cannot be read
 */
export async function readAndCheckData(
  set: IndicatorSet,
  dataPath: string,
  onCheck?: () => void,
): Promise<{ dataset: Dataset; problems: Problem[] }> {
  const d = await readData(dataPath, { set });
  onCheck?.();
  const checked = checkDataset(set, d.dataset, d.locate).map((p) => ({ ...p, file: p.file ?? dataPath }));
  return { dataset: d.dataset, problems: [...d.problems, ...checked] };
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
  if (hasErrors(s.problems)) throw new GovscoreError(s.problems);
  const d = await readAndCheckData(s.set, dataPath);
  const problems = [...s.problems, ...d.problems];
  if (hasErrors(problems)) throw new GovscoreError(problems);
  return { set: s.set, data: d.dataset, warnings: problems };
}

/** What `examine` found: every problem, and what could be made before the first error. */
export interface Examined {
  set?: IndicatorSet;
  data?: Dataset;
  /** The Result, when the inputs have no error and the assessment ran. */
  result?: Result;
  /**
   * Every problem in the order found: the set's, the data's (reading, then the fit to the set), then the
   * assessment's warnings (or the errors that stopped it). With a Result, this is `result.warnings`.
   */
  problems: Problem[];
}

/**
 * The one path from files to a Result, shared by `validate --data` and `assess` so that both report
 * the same problems: read and check the set; read the data and check it against the set; then assess
 * (the engine's warnings — missing values, truncated values, imputations — are problems too). Stops
 * at the first stage with an error, keeping that stage's problems. Never throws for bad input.
 * @param onStep called before reading the data, before checking it and before assessing (progress)
 * @throws only for internal errors (not a GovscoreError)
 */
export async function examine(
  setPath: string,
  dataPath: string,
  options: AssessOptions = {},
  onStep?: (what: 'data' | 'check' | 'assess') => void,
): Promise<Examined> {
  const problems: Problem[] = [];
  const caught = (e: unknown) => {
    if (!(e instanceof GovscoreError)) throw e;
    problems.push(...e.problems);
  };
  let s: { set: IndicatorSet; problems: Problem[] };
  try {
    s = loadSet(setPath);
  } catch (e) {
    caught(e);
    return { problems };
  }
  problems.push(...s.problems);
  if (hasErrors(problems)) return { problems };
  let data: Dataset;
  try {
    onStep?.('data');
    const d = await readAndCheckData(s.set, dataPath, () => onStep?.('check'));
    problems.push(...d.problems);
    data = d.dataset;
  } catch (e) {
    caught(e);
    return { set: s.set, problems };
  }
  if (hasErrors(problems)) return { set: s.set, data, problems };
  try {
    onStep?.('assess');
    // the Result keeps the inputs' warnings first, then its own: its list is the whole list
    const result = assess(s.set, data, { ...options, warnings: problems });
    return { set: s.set, data, result, problems: [...result.warnings] };
  } catch (e) {
    caught(e);
    return { set: s.set, data, problems };
  }
}
