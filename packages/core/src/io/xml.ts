/**
 * The little XML the XLSX reader and writer need: escaping, entity decoding, attributes, and Excel's
 * `_xHHHH_` escapes. Regular expressions over known, flat OOXML parts; no general XML parser, no
 * entity expansion beyond the five predefined entities and character references (so no XXE or
 * "billion laughs"), and nothing is ever keyed by a name taken from the file into a plain object.
 */

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes `&lt;` `&amp;` ... and `&#NN;` `&#xHH;`; anything else is left as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITY[e] ?? m;
  });
}

/** Decodes Excel's `_xHHHH_` escapes of characters XML cannot hold (`_x000D_` = CR; `_x005F_` = `_`). */
export function decodeExcelEscapes(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/** Writes the characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE, U+FFFF) as `_xHHHH_`. */
function escapeForbidden(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff) {
      out += `${s.slice(last, i)}_x${c.toString(16).toUpperCase().padStart(4, '0')}_`;
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Escapes text for an XML element or attribute; characters XML 1.0 forbids become `_xHHHH_`. */
export function escapeXml(s: string): string {
  // a literal `_xHHHH_` must survive the reader's decoding: escape its underscore
  const t = escapeForbidden(s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1'));
  return t
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Attributes of a start tag's inside (`r="A1" t="s"`), by local name (prefix dropped), in a Map. */
export function attributes(s: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const name = m[1]!;
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    const value = decodeEntities(m[2] ?? m[3] ?? '');
    out.set(name, value);
    if (!out.has(local)) out.set(local, value);
  }
  return out;
}

/**
 * The text of a string item (`<si>` or `<is>`): all `<t>` runs joined, phonetic runs (`<rPh>`) left
 * out, entities and `_xHHHH_` escapes decoded.
 */
export function runText(inner: string): string {
  const noPhonetic = inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let text = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
  for (let m = re.exec(noPhonetic); m !== null; m = re.exec(noPhonetic)) text += m[1] ?? '';
  return decodeExcelEscapes(decodeEntities(text));
}
