/**
 * Where every page and file of the site lives, and relative links between them.
 *
 * Pages are addressed by their path from the site root (`zh/ranking.html`), and every link is made
 * relative to the page it is on (`../ranking.html`). Relative links work under any base path
 * (`/reports/2025/`) and when the site is opened from the file system, where `zh/` would show a folder
 * listing instead of `zh/index.html` — so links name the file.
 */

export const paths = {
  root: () => 'index.html',
  overview: (lang: string) => `${lang}/index.html`,
  ranking: (lang: string) => `${lang}/ranking.html`,
  dimension: (lang: string, id: string) => `${lang}/dimensions/${id}.html`,
  region: (lang: string, slug: string) => `${lang}/regions/${slug}.html`,
  methodology: (lang: string) => `${lang}/methodology.html`,
  robustness: (lang: string) => `${lang}/robustness.html`,
  downloads: (lang: string) => `${lang}/downloads.html`,
  whatif: (lang: string) => `${lang}/whatif.html`,
  download: (file: string) => `downloads/${file}`,
  asset: (file: string) => `assets/${file}`,
};

/**
 * The relative URL from the page at `from` to `to` (both paths from the site root).
 * @example rel('zh/regions/110000.html', 'zh/ranking.html') // '../ranking.html'
 * @example rel('zh/index.html', 'assets/site.css') // '../assets/site.css'
 */
export function rel(from: string, to: string): string {
  const hashAt = to.indexOf('#');
  const target = hashAt >= 0 ? to.slice(0, hashAt) : to;
  const hash = hashAt >= 0 ? to.slice(hashAt) : '';
  const fromDir = from.split('/').slice(0, -1);
  const toParts = target.split('/');
  const toDir = toParts.slice(0, -1);
  let common = 0;
  while (common < fromDir.length && common < toDir.length && fromDir[common] === toDir[common]) common++;
  const up = '../'.repeat(fromDir.length - common);
  return `${up}${toParts.slice(common).join('/')}${hash}`;
}

/** FNV-1a 32-bit hash as 8 hex digits (stable slugs; not for security). */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const SAFE = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,79}$/;

/**
 * File-name-safe slugs for unit ids, unique and stable: the id itself when it is letters, digits, `_`
 * and `-`; otherwise `u-` and a hash of the id (so that an id like `../x` or `<b>` never reaches a path).
 * @example unitSlugs(['110000', 'a/b']) // ['110000', 'u-…']
 */
export function unitSlugs(ids: readonly string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    let slug = SAFE.test(id) ? id : `u-${fnv1a(id)}`;
    if (used.has(slug.toLowerCase())) {
      let k = 2;
      while (used.has(`${slug}-${k}`.toLowerCase())) k++;
      slug = `${slug}-${k}`;
    }
    used.add(slug.toLowerCase());
    return slug;
  });
}
