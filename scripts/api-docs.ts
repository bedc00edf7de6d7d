/**
 * The API reference: TypeDoc over the packages' entry points (typedoc.json), from the JSDoc of the
 * sources, written to docs/api/ (`pnpm api`; not committed). `checkLinks` finds every broken link of
 * the generated HTML: a relative href or src whose file is missing, or whose #anchor is not an id of
 * that file (hierarchy.html, which TypeDoc draws by script, for the file only). test/api-docs.test.ts builds it into a temporary folder and checks it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/**
 * Runs TypeDoc into `out`; warnings (an unresolved {@link}, a broken relative link) are errors.
 * @returns TypeDoc's output
 * @throws Error with TypeDoc's output when it fails
 */
export function buildApiDocs(out: string): string {
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/typedoc/bin/typedoc'), '--out', out, '--treatWarningsAsErrors'],
    { cwd: root, encoding: 'utf8' },
  );
  const text = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) throw new Error(`typedoc failed:\n${text}`);
  return text;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

const ids = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let s = ids.get(file);
  if (!s) {
    s = new Set([...readFileSync(file, 'utf8').matchAll(/\s(?:id|name)="([^"]+)"/g)].map((m) => m[1]!));
    ids.set(file, s);
  }
  return s;
}

/**
 * Every broken relative link of the HTML files under `dir`, as `page: link (why)`. Links to other
 * sites are not followed (the reference has none of its own; TypeDoc's are to the TypeScript docs).
 */
export function checkLinks(dir: string): { pages: number; links: number; broken: string[] } {
  const broken: string[] = [];
  let links = 0;
  const pages = htmlFiles(dir);
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const link = m[1]!.replace(/&amp;/g, '&');
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) continue;
      links++;
      const [path, anchor] = link.split('#') as [string, string | undefined];
      const target = path === '' ? page : resolve(dirname(page), decodeURIComponent(path.split('?')[0]!));
      const where = `${relative(dir, page)}: ${link}`;
      if (!existsSync(target)) broken.push(`${where} (no such file)`);
      // hierarchy.html is drawn by its script from compressed data: only the file is checked
      else if (
        anchor &&
        target.endsWith('.html') &&
        !target.endsWith('hierarchy.html') &&
        !idsOf(target).has(decodeURIComponent(anchor))
      )
        broken.push(`${where} (no #${anchor} there)`);
    }
  }
  return { pages: pages.length, links, broken };
}

if (import.meta.filename === process.argv[1]) {
  const out = join(root, 'docs/api');
  buildApiDocs(out);
  const { pages, links, broken } = checkLinks(out);
  console.log(
    `API reference: ${pages} pages, ${links} links checked, ${broken.length} broken → ${relative(root, out)}/index.html`,
  );
  for (const b of broken) console.log(`  broken: ${b}`);
  process.exitCode = broken.length ? 1 : 0;
}
