/**
 * Accessibility and safety of the SVG text: escaping, the root's `role="img"`, `aria-label`, `lang`,
 * and the `<title>` and `<desc>` children; ids made stable and unique per chart.
 */

/**
 * Escapes text for XML/SVG content and attribute values: `& < > " '`.
 * @example escapeXml('<b>"x"</b>') // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 */
export function escapeXml(s: string): string {
  if (!/[&<>"']/.test(s)) return s;
  return s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/** Attributes of the root `<svg>` that `injectA11y` replaces. */
const replaced =
  /\s(role|aria-label|aria-labelledby|aria-describedby|aria-roledescription|aria-description|lang)="[^"]*"/g;

/**
 * Adds accessibility to a rendered SVG string: on the root `role="img"`, `aria-label` (the title),
 * `aria-describedby` pointing at `<desc>`, and `lang`; as its first children `<title>` and `<desc>`.
 * Existing role and aria attributes of the root are replaced. Every string is escaped.
 * @param svg an SVG document string starting with `<svg`
 * @param a title (short) and description (sentences), lang, and the id prefix of the chart
 * @throws Error when `svg` has no `<svg` root tag
 */
export function injectA11y(
  svg: string,
  a: { title: string; description: string; lang: string; idPrefix: string },
): string {
  const start = svg.indexOf('<svg');
  if (start < 0) throw new Error('injectA11y: no <svg> root in the rendered output');
  const end = svg.indexOf('>', start);
  let open = svg.slice(start, end).replace(replaced, '');
  const selfClosing = open.endsWith('/');
  if (selfClosing) open = open.slice(0, -1);
  if (!/\sxmlns="/.test(open)) open = open.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
  const titleId = `${a.idPrefix}-title`;
  const descId = `${a.idPrefix}-desc`;
  const attrs = ` role="img" aria-label="${escapeXml(a.title)}" aria-describedby="${escapeXml(descId)}" lang="${escapeXml(a.lang)}"`;
  const kids = `<title id="${escapeXml(titleId)}">${escapeXml(a.title)}</title><desc id="${escapeXml(descId)}">${escapeXml(a.description)}</desc>`;
  const rest = selfClosing ? '</svg>' : svg.slice(end + 1);
  return `${svg.slice(0, start)}${open}${attrs}>${kids}${rest}`;
}

/**
 * Makes a rendered chart one image for assistive technology: removes the ARIA roles and labels that
 * vega and Plot put on inner marks (axe-core reports them: `aria-label` on a `<g>` without a role,
 * `graphics-symbol` marks without a name). The root gets its role, label, title and description from
 * `injectA11y`; what the marks show belongs in the data table beside the chart.
 * @example flattenAria('<svg><g role="graphics-symbol" aria-label="x"/></svg>') // '<svg><g/></svg>'
 */
export function flattenAria(svg: string): string {
  const start = svg.indexOf('<svg');
  const end = start < 0 ? -1 : svg.indexOf('>', start);
  if (end < 0) return svg;
  const inner = svg
    .slice(end + 1)
    .replace(/\s(?:aria-label|aria-roledescription|aria-describedby)="[^"]*"/g, '')
    .replace(/\srole="graphics-[a-z-]+"/g, '')
    .replace(/\srole="(?:group|img|presentation|none|list|listitem)"/g, '');
  return svg.slice(0, end + 1) + inner;
}

/**
 * Renames every `id` in the SVG to `<prefix>-<n>` in order of appearance and rewrites the references
 * (`url(#…)`, `href="#…"`, `xlink:href="#…"`), so that output is the same run after run and two charts
 * on one page never share an id.
 */
export function stabiliseIds(svg: string, prefix: string): string {
  const map = new Map<string, string>();
  let n = 0;
  const out = svg.replace(/\sid="([^"]*)"/g, (_m, id: string) => {
    let to = map.get(id);
    if (!to) {
      to = `${prefix}-${++n}`;
      map.set(id, to);
    }
    return ` id="${to}"`;
  });
  if (map.size === 0) return out;
  return out
    .replace(/url\(#([^)]+)\)/g, (m, id: string) => {
      const to = map.get(id);
      return to ? `url(#${to})` : m;
    })
    .replace(/(\s(?:xlink:)?href)="#([^"]+)"/g, (m, attr: string, id: string) => {
      const to = map.get(id);
      return to ? `${attr}="#${to}"` : m;
    });
}

/** A CSS-safe id prefix: letters, digits, `-` and `_`, starting with a letter. */
export function safePrefix(s: string): string {
  const clean = s.replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z]/.test(clean) ? clean : `c-${clean}`;
}
