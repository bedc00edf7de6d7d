/**
 * Text helpers: names in a language, text width estimates that know CJK is wider, truncation with an
 * ellipsis, and number formatting. Pure and deterministic (no canvas, no fonts read).
 */
import { formatFixed, type LangText, type Unit } from '@govscore/core';
import type { Lang } from './types';

/**
 * Text in the wanted language: a plain string as it is, else `text[lang]`, then English, Chinese, the
 * first language given, and finally `fallback`.
 * @example pickText({ zh: '北京', en: 'Beijing' }, 'en') // 'Beijing'
 */
export function pickText(text: LangText | undefined, lang: Lang, fallback = ''): string {
  if (text === undefined) return fallback;
  if (typeof text === 'string') return text;
  const found = text[lang] ?? text['en'] ?? text['zh'] ?? Object.values(text)[0];
  return found ?? fallback;
}

/** Display name of a unit in a language; its id when it has no name. */
export function unitName(unit: Unit, lang: Lang): string {
  return pickText(unit.name, lang, unit.id) || unit.id;
}

/** True for characters drawn about one em wide: CJK ideographs, kana, hangul, full-width forms. */
export function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Advance of one character in ems (sans-serif estimate). */
function charEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (isWide(code)) return 1;
  if (" .,:;!|'ijlI()[]{}`".includes(ch)) return 0.3;
  if ('mwMW@%'.includes(ch)) return 0.85;
  if (ch >= '0' && ch <= '9') return 0.56;
  if (ch >= 'A' && ch <= 'Z') return 0.66;
  return 0.55;
}

/**
 * Estimated width in px of `text` at `fontSize` px: CJK characters count one em, Latin letters about
 * 0.55 em. Used for truncation and, through `toSvg`, by Vega's layout instead of its 0.8 em guess.
 * @example textWidth('北京', 10) // 20
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize;
}

/**
 * Cuts `text` to at most `maxWidth` px at `fontSize`, ending with `…` when cut.
 * @example truncate('Inner Mongolia Autonomous Region', 60, 10) // 'Inner Mon…'
 */
export function truncate(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const ell = '…';
  const room = maxWidth - textWidth(ell, fontSize);
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = charEm(ch) * fontSize;
    if (w + cw > room) break;
    out += ch;
    w += cw;
  }
  return out.trimEnd() + ell;
}

/**
 * Labels for names that must fit `maxWidth`: the short form, the full name, and whether it was cut.
 * Equal short forms of different names get ` (id)` appended so that scale domains stay unique.
 */
export function fitLabels(
  items: { id: string; name: string }[],
  maxWidth: number,
  fontSize: number,
): { id: string; name: string; label: string; cut: boolean }[] {
  const out = items.map((it) => {
    const label = truncate(it.name, maxWidth, fontSize);
    return { id: it.id, name: it.name, label, cut: label !== it.name };
  });
  const seen = new Map<string, number>();
  for (const o of out) seen.set(o.label, (seen.get(o.label) ?? 0) + 1);
  for (const o of out) if ((seen.get(o.label) ?? 0) > 1) o.label = `${o.label} (${o.id})`;
  return out;
}

/**
 * Decimals that show differences on a scale: 3 below 1, 2 below 10, else 1.
 * @example digitsFor([0.2, 0.93]) // 3
 */
export function digitsFor(values: readonly (number | null)[]): number {
  let max = 0;
  for (const v of values) if (v !== null && Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  return max <= 1 ? 3 : max < 10 ? 2 : 1;
}

/** A number with fixed decimals, rounded as ranks are; `—` for missing. Negative zero prints as 0. */
export function fmt(v: number | null | undefined, digits: number): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  // rounded half away from zero as ranks are (core's formatFixed), not as toFixed rounds the double
  return formatFixed(v, digits);
}

/**
 * Breaks `text` into at most `maxLines` lines of at most `maxWidth` px: Latin text at spaces, CJK
 * between any two characters; the last line is cut with `…` when the text does not fit.
 * @example wrapLines('Days to answer a request', 70, 11) // ['Days to answer', 'a request']
 */
export function wrapLines(text: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  if (textWidth(text, fontSize) <= maxWidth) return [text];
  // tokens: runs of non-space Latin, single wide characters, and spaces
  const tokens = text.match(
    /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\s+|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+/g,
  ) ?? [text];
  const lines: string[] = [];
  let cur = '';
  for (const tok of tokens) {
    const next = cur + tok;
    if (textWidth(next.trim(), fontSize) <= maxWidth || cur.trim() === '') {
      cur = next;
    } else {
      lines.push(cur.trim());
      cur = tok.trimStart();
    }
  }
  if (cur.trim()) lines.push(cur.trim());
  if (lines.length <= maxLines) return lines.map((l) => truncate(l, maxWidth, fontSize));
  const kept = lines.slice(0, maxLines);
  const rest = lines.slice(maxLines - 1).join(' ');
  kept[maxLines - 1] = truncate(rest + '…', maxWidth, fontSize);
  if (!kept[maxLines - 1]!.endsWith('…')) kept[maxLines - 1] += '…';
  return kept;
}
