/**
 * Small helpers for tests over built HTML: list files, pull attributes, headings and figures out with
 * regular expressions (the site's HTML is generated, so its shape is known).
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir`, as paths relative to it (`zh/index.html`). */
export function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export interface Tag {
  name: string;
  attrs: { name: string; value: string }[];
}

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

/** Every start tag with its attributes (values decoded), quotes respected. */
export function tags(html: string): Tag[] {
  const out: Tag[] = [];
  for (const m of html.matchAll(TAG)) {
    const attrs: Tag['attrs'] = [];
    for (const a of (m[2] ?? '').matchAll(ATTR)) {
      attrs.push({ name: a[1]!.toLowerCase(), value: decode(a[2] ?? a[3] ?? a[4] ?? '') });
    }
    out.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return out;
}

export interface Ref {
  tag: string;
  attr: string;
  value: string;
}

const URL_ATTRS = new Set(['href', 'xlink:href', 'src', 'srcset', 'action', 'poster', 'data', 'formaction']);

/** Every URL-valued attribute (`href`, `src`, `xlink:href`…) in the HTML, with the tag it is on. */
export function refs(html: string): Ref[] {
  return tags(html).flatMap((t) =>
    t.attrs.filter((a) => URL_ATTRS.has(a.name)).map((a) => ({ tag: t.name, attr: a.name, value: a.value })),
  );
}

/** Decodes the entities Astro writes in attributes. */
export function decode(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Heading levels in document order. */
export function headings(html: string): number[] {
  return [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
}

/** The ids in the HTML. */
export function ids(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]!)));
}
