/**
 * Converts the UN E-Government Survey data of 2022 and 2024 (`/work/shared/data/un-egdi`) into
 * `samples/un-egdi/`: `egdi.csv` (wide, one row per country and year: the three component indices
 * OSI, TII, HCI as published) and `published.csv` (the published EGDI and rank, for the tests).
 * Country ids are ISO 3166-1 alpha-3 codes taken from the UN University's 2014–2018 files; numbers
 * are copied as written. Run: `pnpm exec tsx scripts/samples/un-egdi.ts`.
 */
import { csvObjects, isMain, readShared, toCsv, writeFiles } from './lib';

/** Names not in the UNU files (renamed since 2018). */
const extraIso: Record<string, string> = { 'North Macedonia': 'MKD', Türkiye: 'TUR' };

interface Edition {
  year: number;
  file: string;
  name: string;
  rank: string;
  egdi: string;
  osi: string;
  tii: string;
  hci: string;
}

const editions: Edition[] = [
  {
    year: 2022,
    file: 'un-egdi/EGOV_DATA_2022.csv',
    name: 'Country Name',
    rank: 'E-Government Rank',
    egdi: 'E-Government Index',
    osi: 'Online Service Index',
    tii: 'Telecommunication Infrastructure Index',
    hci: 'Human Capital Index',
  },
  {
    year: 2024,
    file: 'un-egdi/EGOV_DATA_2024.csv',
    name: 'Country',
    rank: 'Rank',
    egdi: 'E_Index',
    osi: 'Online_Service',
    tii: 'Tele_Infra',
    hci: 'Human_Capital',
  },
];

/** Builds the sample files: path (relative to the repository root) → text. */
export function build(): Record<string, string> {
  const iso = new Map<string, string>(Object.entries(extraIso));
  for (const y of [2018, 2016, 2014]) {
    for (const r of csvObjects(readShared(`un-egdi/unu-iso3/egdi-${y}.csv`))) {
      const name = (r['country-name'] ?? '').trim();
      if (!iso.has(name)) iso.set(name, r['country-code'] ?? '');
    }
  }
  const data: (string | number)[][] = [];
  const published: (string | number)[][] = [];
  for (const e of editions) {
    const rows = csvObjects(readShared(e.file)).map((r) => {
      const name = (r[e.name] ?? '').trim();
      const id = iso.get(name);
      if (!id) throw new Error(`${e.file}: no ISO 3166 code for '${name}'`);
      return { id, name, r };
    });
    rows.sort((a, b) => Number(a.r[e.rank]) - Number(b.r[e.rank]) || a.id.localeCompare(b.id));
    for (const { id, name, r } of rows) {
      data.push([e.year, id, name, r[e.osi] ?? '', r[e.tii] ?? '', r[e.hci] ?? '']);
      published.push([e.year, id, name, r[e.egdi] ?? '', r[e.rank] ?? '']);
    }
  }
  return {
    'samples/un-egdi/egdi.csv': toCsv(['year', 'id', 'name_en', 'osi', 'tii', 'hci'], data),
    'samples/un-egdi/published.csv': toCsv(['year', 'id', 'name_en', 'egdi', 'rank'], published),
  };
}

if (isMain(import.meta.url)) writeFiles(build());
