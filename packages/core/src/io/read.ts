/**
 * Reading a dataset file (Node): by extension, `.csv` `.tsv` `.txt` `.xlsx` `.json`.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { GovscoreError, type Problem, problem } from '../errors';
import { type DatasetOptions, type LoadedDataset, parseDatasetCsv, parseDatasetJson } from '../load/dataset';
import { decodeText, type TextEncodingName } from './text';
import { parseDatasetXlsx } from './xlsx';

export interface ReadDatasetOptions extends DatasetOptions {
  /** XLSX: the sheet to read (default: the first worksheet). */
  sheet?: string;
  /** Largest file accepted, in bytes (default 256 MiB; XLSX: also its unpacked size). */
  maxBytes?: number;
  /** Text files: read in this encoding instead of choosing one on the evidence (see `decodeText`). */
  encoding?: TextEncodingName;
}

/**
 * Reads a dataset file. The format follows the extension: `.csv` / `.txt` (delimiter detected),
 * `.tsv` (tab), `.xlsx` (first worksheet, or `sheet`), `.json` (see parseDatasetJson). CSV bytes may
 * be UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK (Excel on Chinese Windows) when the
 * bytes are plausibly that (warning W201), or `opts.encoding` (see `decodeText`).
 * `source.file` is `opts.file ?? path`; `source.hash` is the sha256 of the file's bytes;
 * `source.encoding` the encoding a text file was read in (recorded in the Result's provenance).
 *
 * @param path file path
 * @param opts dataset options (see DatasetOptions), plus `sheet` and `maxBytes`
 * @returns the dataset and every reading problem; call `checkDataset(set, dataset)` for the fit to a set
 * @throws GovscoreError E200 when the file cannot be read or its format is not supported, E209 when it
 *   is larger than `maxBytes`, E213 when a text file is UTF-8 but for some bytes (named), E214 when its
 *   encoding is not recognised
 * @example const { dataset, problems } = await readDataset('samples/cn-provincial/data.csv', { set })
 */
export async function readDataset(path: string, opts: ReadDatasetOptions = {}): Promise<LoadedDataset> {
  const file = opts.file ?? path;
  const maxBytes = opts.maxBytes ?? 256 * 1024 * 1024;
  let bytes: Uint8Array;
  try {
    const st = await stat(path);
    if (st.size > maxBytes)
      throw new GovscoreError([
        problem(
          'E209',
          `data file is ${st.size} bytes, more than ${maxBytes}`,
          { file },
          'split the data, or raise maxBytes',
        ),
      ]);
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof GovscoreError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new GovscoreError([
      problem(
        'E200',
        `cannot read data file ${path}: ${code ?? (e as Error).message}`,
        { file },
        'check the path',
      ),
    ]);
  }
  const sourceHash = createHash('sha256').update(bytes).digest('hex');
  const o: ReadDatasetOptions = { ...opts, file, sourceHash };
  const ext = extname(path).toLowerCase();
  // text files: the bytes are dropped once decoded, so that the parser does not hold both
  let decoded: Problem[] = [];
  let encoding: TextEncodingName | undefined;
  const text = (): string => {
    const d = decodeText(bytes, { file, ...(opts.encoding ? { encoding: opts.encoding } : {}) });
    bytes = new Uint8Array(0);
    if (d.problems.some((p) => p.severity === 'error')) throw new GovscoreError(d.problems);
    decoded = d.problems;
    encoding = d.encoding;
    return d.text;
  };
  const withEncoding = (l: LoadedDataset): LoadedDataset => {
    if (encoding !== undefined) l.dataset.source = { ...l.dataset.source, encoding };
    l.problems.unshift(...decoded);
    return l;
  };
  switch (ext) {
    case '.csv':
    case '.txt':
      return withEncoding(parseDatasetCsv(text(), o));
    case '.tsv':
      return withEncoding(parseDatasetCsv(text(), { ...o, delimiter: '\t' }));
    case '.json':
      return withEncoding(parseDatasetJson(text(), o));
    case '.xlsx':
    case '.xlsm':
      return parseDatasetXlsx(bytes, o);
    case '.xls':
      throw new GovscoreError([
        problem(
          'E200',
          `${path} is an old binary Excel file (.xls)`,
          { file },
          'save it as .xlsx or CSV (UTF-8)',
        ),
      ]);
    default:
      throw new GovscoreError([
        problem(
          'E200',
          `unknown data file type ${ext || '(none)'} of ${path}`,
          { file },
          'use .csv, .tsv, .xlsx or .json',
        ),
      ]);
  }
}
