/**
 * @govscore/core/io — the file edge of the engine: reading dataset files (Node), and the XLSX/CSV
 * readers and writers (pure, also usable in the browser when imported from their modules).
 *
 * @module @govscore/core/io
 */

export { type CsvWriteOptions, toCsv } from './csv-write';
export { type ReadDatasetOptions, readDataset } from './read';
export { type TemplateOptions, templateCsv, templateSheets, templateXlsx } from './template';
export {
  type DecodedText,
  type DecodeOptions,
  decodeText,
  ENCODING_NAMES,
  encodingName,
  type TextEncodingName,
} from './text';
export {
  cellRef,
  type DataValidation,
  neutralise,
  parseDatasetXlsx,
  readXlsxRows,
  type SheetData,
  unneutralise,
  writeXlsx,
  type XlsxCell,
  type XlsxReadOptions,
  type XlsxRow,
  type XlsxSheet,
} from './xlsx';
