/**
 * Converts the World Bank GovTech Maturity Index 2022 (`/work/shared/data/world-bank-gtmi`, the panel
 * re-published by the gtmiR repository) into `samples/world-bank-gtmi/`: `gtmi-2022.csv` (the four
 * components CGSI, PSDI, DCEI, GTEI per economy) and `gtmi-2022-published.csv` (published GTMI and
 * group A–D, for the tests). Ids are the World Bank's economy codes as given; numbers copied as written.
 * Run: `pnpm exec tsx scripts/samples/gtmi.ts`.
 */
import { csvObjects, isMain, readShared, toCsv, writeFiles } from './lib';

/** Builds the sample files: path (relative to the repository root) → text. */
export function build(): Record<string, string> {
  const rows = csvObjects(readShared('world-bank-gtmi/gtmi_panel_2020_2022_2025.csv'))
    .filter((r) => r['year'] === '2022')
    .sort((a, b) => (a['country_code'] ?? '').localeCompare(b['country_code'] ?? ''));
  const data = rows.map((r) => [
    r['country_code'] ?? '',
    r['country_name'] ?? '',
    r['cgsi'] ?? '',
    r['psdi'] ?? '',
    r['dcei'] ?? '',
    r['gtei'] ?? '',
  ]);
  const published = rows.map((r) => [
    r['country_code'] ?? '',
    r['country_name'] ?? '',
    r['gtmi'] ?? '',
    r['grp'] ?? '',
  ]);
  return {
    'samples/world-bank-gtmi/gtmi-2022.csv': toCsv(['id', 'name_en', 'cgsi', 'psdi', 'dcei', 'gtei'], data),
    'samples/world-bank-gtmi/gtmi-2022-published.csv': toCsv(['id', 'name_en', 'gtmi', 'group'], published),
  };
}

if (isMain(import.meta.url)) writeFiles(build());
