/**
 * Helpers shared by the sample converters and generators: a small RFC 4180 CSV reader and writer,
 * a seeded PRNG, and the paths of the shared reference data. Deterministic: no Date, no Math.random.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (two levels above this file). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared, read-only reference data (`/work/shared/data`); override with GOVSCORE_SHARED_DATA. */
export const sharedData = process.env['GOVSCORE_SHARED_DATA'] ?? resolve(repoRoot, '..', 'shared', 'data');

/** Reads a file of the repository (a copied source file) as UTF-8 text, without a BOM. */
export function readSource(path: string): string {
  return readFileSync(join(repoRoot, path), 'utf8').replace(/^\uFEFF/, '');
}

/** Reads a file of the shared reference data as UTF-8 text, without a BOM (converters only; tests read the repository). */
export function readShared(path: string): string {
  return readFileSync(join(sharedData, path), 'utf8').replace(/^\uFEFF/, '');
}

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF). Lines starting with `#`
 * before the header are comments and are returned separately.
 */
export function parseCsv(text: string): { comments: string[]; header: string[]; rows: string[][] } {
  const comments: string[] = [];
  let body = text.replace(/^\uFEFF/, '');
  while (body.startsWith('#')) {
    const nl = body.indexOf('\n');
    comments.push(body.slice(0, nl < 0 ? undefined : nl).replace(/\r$/, ''));
    body = nl < 0 ? '' : body.slice(nl + 1);
  }
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  const [header = [], ...rows] = records.filter((r) => !(r.length === 1 && r[0] === ''));
  return { comments, header, rows };
}

/** Rows of a CSV as objects keyed by header. */
export function csvObjects(text: string): Record<string, string>[] {
  const { header, rows } = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** One CSV field: quoted when it holds a comma, quote, newline or leading/trailing space. */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isNaN(v) ? '' : String(v);
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** CSV text (LF line ends, final newline) from a header and rows. */
export function toCsv(header: string[], rows: (string | number | null)[][], comments: string[] = []): string {
  const lines = [...comments, header.map(csvField).join(',')];
  for (const r of rows) lines.push(r.map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

/** Writes files (paths relative to the repository root), creating folders. */
export function writeFiles(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const abs = join(repoRoot, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
}

/** mulberry32: a small seeded PRNG giving uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal numbers from a uniform PRNG (Box–Muller, one value per call). */
export function normal(rand: () => number): () => number {
  return () => {
    const u = 1 - rand();
    const v = rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/** Rounds to `d` decimals for writing generated data (`toFixed`; exact ties do not matter here). */
export function round(x: number, d: number): number {
  return Number(x.toFixed(d));
}

/** True when this module is the script being run (`tsx scripts/samples/x.ts`). */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(url);
}
