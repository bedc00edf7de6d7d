/**
 * Decoding a data file's bytes to text, with evidence: UTF-8 (with or without BOM), UTF-16 with BOM
 * (Excel's "Unicode text"), GB18030 (a superset of GBK and GB2312: CSV saved by Excel on Chinese
 * Windows) only when the bytes are plausibly Chinese text in it, or the encoding the caller names.
 * Nothing is re-decoded silently: a file that is UTF-8 but for a few bytes is an error naming them, and
 * a file read as GB18030 is a warning. Pure; uses the WHATWG TextDecoder (Node 20 ships full ICU).
 */
import { type Location, type Problem, problem } from '../errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252';

/** Names accepted for an encoding (`--encoding`), compared in lower case without `-` and `_`. */
const ALIASES: Record<string, TextEncodingName> = {
  utf8: 'utf-8',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  windows1252: 'windows-1252',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
  iso88591: 'windows-1252',
};

/**
 * The encoding a name means (`utf8`, `GBK`, `gb2312` and `cp936` are read as GB18030, their superset;
 * `latin1` as windows-1252, as browsers do), or undefined for a name not supported.
 * @example encodingName('GBK') // 'gb18030'
 */
export function encodingName(name: string): TextEncodingName | undefined {
  const k = name.toLowerCase().replace(/[-_\s]/g, '');
  return Object.hasOwn(ALIASES, k) ? ALIASES[k] : undefined;
}

/** The names `encodingName` accepts, for messages. */
export const ENCODING_NAMES = 'utf-8, gb18030 (or gbk, gb2312), utf-16le, utf-16be, windows-1252 (or latin1)';

/** The evidence about one file's bytes. */
export interface DecodedText {
  /** The text, BOM removed (best effort when `problems` has an error). */
  text: string;
  encoding: TextEncodingName;
  /**
   * E213 (UTF-8 with bytes that are not), E214 (neither UTF-8 nor plausible GB18030, or not valid in
   * the encoding asked for), W201 (read as GB18030 or another encoding than UTF-8 without a BOM).
   */
  problems: Problem[];
}

export interface DecodeOptions {
  /** Read the bytes in this encoding instead of guessing (a BOM of another Unicode encoding still wins). */
  encoding?: TextEncodingName;
  /** File name, for messages. */
  file?: string;
}

/** @internal Result of checking bytes as UTF-8: valid multi-byte characters, and where it is not UTF-8. */
interface Utf8Scan {
  /** Multi-byte characters that are valid UTF-8. */
  valid: number;
  /** Invalid sequences (counted once per byte where decoding restarts). */
  invalid: number;
  /** Offsets of the first invalid sequences (at most 5). */
  first: number[];
}

/** @internal Checks bytes as UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). */
function scanUtf8(b: Uint8Array): Utf8Scan {
  let valid = 0;
  let invalid = 0;
  const first: number[] = [];
  const cont = (i: number, lo = 0x80, hi = 0xbf) => {
    const c = b[i];
    return c !== undefined && c >= lo && c <= hi;
  };
  for (let i = 0; i < b.length; ) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let len = 0;
    if (c >= 0xc2 && c <= 0xdf) len = cont(i + 1) ? 2 : 0;
    else if (c >= 0xe0 && c <= 0xef) {
      const lo = c === 0xe0 ? 0xa0 : 0x80;
      const hi = c === 0xed ? 0x9f : 0xbf;
      len = cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
    } else if (c >= 0xf0 && c <= 0xf4) {
      const lo = c === 0xf0 ? 0x90 : 0x80;
      const hi = c === 0xf4 ? 0x8f : 0xbf;
      len = cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    if (len > 0) {
      valid++;
      i += len;
    } else {
      invalid++;
      if (first.length < 5) first.push(i);
      i++;
    }
  }
  return { valid, invalid, first };
}

/**
 * @internal How plausible the bytes are as Chinese text in GB18030: the two-byte characters and how
 * many of them are in GB2312 (the 7,445 common characters and symbols, lead and trail bytes A1–FE),
 * four-byte sequences (rare characters, outside GBK) and bytes that are not GB18030 at all.
 */
function scanGb(b: Uint8Array): { two: number; common: number; four: number; bad: number } {
  let two = 0;
  let common = 0;
  let four = 0;
  let bad = 0;
  for (let i = 0; i < b.length; ) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const d = b[i + 1];
    if (c === 0x80 || c === 0xff || d === undefined) {
      bad++;
      i++;
      continue;
    }
    if (d >= 0x30 && d <= 0x39) {
      four++;
      i += 4;
      continue;
    }
    if (d < 0x40 || d === 0x7f || d === 0xff) {
      bad++;
      i++;
      continue;
    }
    two++;
    if (c >= 0xa1 && c <= 0xf7 && d >= 0xa1) common++;
    i += 2;
  }
  return { two, common, four, bad };
}

/** @internal Least share of two-byte characters in GB2312 for bytes to be taken as GB18030 text. */
const GB_COMMON_SHARE = 0.9;

/** @internal 1-based line and column (in characters, counting UTF-8 lead bytes) of a byte offset. */
function position(b: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < b.length; i++)
    if (b[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  let col = 1;
  for (let i = start; i < offset; i++) if (((b[i] as number) & 0xc0) !== 0x80) col++;
  return { line, col };
}

/** @internal `byte 12 (line 2)` for each offset (`shift`: bytes before `b` in the file, a BOM). */
function places(b: Uint8Array, offsets: readonly number[], shift = 0): string {
  return offsets.map((o) => `byte ${o + shift} (line ${position(b, o).line})`).join(', ');
}

/**
 * Decodes bytes to text, choosing the encoding on evidence and saying which.
 *
 * Rule: a BOM decides (EF BB BF UTF-8, FF FE UTF-16LE, FE FF UTF-16BE). `encoding`, when given, is used
 * (bytes not valid in it: E213 for UTF-8, E214 otherwise). Otherwise bytes that are valid UTF-8 are
 * UTF-8. Bytes that are not: with more than twice as many valid multi-byte UTF-8 characters as invalid
 * sequences, the file is UTF-8 with bad bytes: E213 naming the first offsets and lines (never a
 * re-decode: `浙江` would become `娴欐睙`, `Zürich` `Z黵ich`). Else GB18030 when plausible — every byte
 * valid in it, no four-byte (rare) character, and at least 90% of its characters in GB2312 (real GBK
 * text is almost all GB2312; UTF-8 read as GBK is 25–50%) — with the warning W201 "read as GB18030";
 * else E213 when at least as many characters are valid UTF-8 as not, else E214.
 *
 * @param bytes the file
 * @param opts `encoding` to use instead of guessing, `file` for messages
 * @returns the text, the encoding used, and the problems (errors: the text is not to be used)
 * @example decodeText(new Uint8Array([0xd5, 0xe3, 0xbd, 0xad])) // { text: '浙江', encoding: 'gb18030', problems: [W201] }
 */
export function decodeText(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedText {
  const where: Location = opts.file !== undefined ? { file: opts.file } : {};
  const of = opts.file !== undefined ? `'${opts.file}'` : 'the data file';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      problems: [],
    };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      problems: [],
    };

  function utf8(b: Uint8Array, shift: number): DecodedText {
    const text = new TextDecoder('utf-8').decode(b);
    const scan = scanUtf8(b);
    if (scan.invalid === 0) return { text, encoding: 'utf-8', problems: [] };
    return { text, encoding: 'utf-8', problems: [badUtf8(b, scan, shift)] };
  }
  function badUtf8(b: Uint8Array, scan: Utf8Scan, shift: number): Problem {
    const at = position(b, scan.first[0]!);
    return problem(
      'E213',
      `${of} is UTF-8 but ${scan.invalid} byte sequence(s) in it are not: at ${places(b, scan.first, shift)}${scan.invalid > scan.first.length ? ', ...' : ''}; the file was not read`,
      { ...where, ...at },
      'save the file again as UTF-8 (Excel: "CSV UTF-8"); if it is in fact GBK, give --encoding gb18030',
    );
  }

  const asked = opts.encoding;
  if (asked === 'utf-8') return utf8(bytes, 0);
  if (asked !== undefined) {
    const text = new TextDecoder(asked).decode(bytes);
    const problems: Problem[] = [];
    const bad = text.indexOf('\uFFFD');
    if (bad >= 0 && asked === 'gb18030') {
      const g = scanGb(bytes);
      problems.push(
        problem(
          'E214',
          `${of} is not valid ${asked}: ${g.bad} byte(s) are not characters in it; the file was not read`,
          where,
          'check the encoding the file was saved in (utf-8, gb18030, windows-1252)',
        ),
      );
    } else
      problems.push(
        problem(
          'W201',
          `${of} read as ${asked.toUpperCase()}, as --encoding asks`,
          where,
          'check that names read right',
        ),
      );
    return { text, encoding: asked, problems };
  }

  const scan = scanUtf8(bytes);
  if (scan.invalid === 0)
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', problems: [] };
  // more than twice as many valid UTF-8 characters as bad sequences: UTF-8 with bad bytes (real GBK
  // text forms a valid UTF-8 character now and then, by chance, about one for every five bad ones)
  if (scan.valid > 2 * scan.invalid) return utf8(bytes, 0);
  const g = scanGb(bytes);
  const share = g.two > 0 ? g.common / g.two : 0;
  const notUtf8 = `not UTF-8 (${scan.invalid} byte sequence(s) are not, the first at ${places(bytes, scan.first.slice(0, 1))})`;
  const plausible = g.bad === 0 && g.four === 0 && g.two > 0 && share >= GB_COMMON_SHARE;
  if (!plausible && scan.valid >= scan.invalid) return utf8(bytes, 0);
  if (plausible)
    return {
      text: new TextDecoder('gb18030').decode(bytes),
      encoding: 'gb18030',
      problems: [
        problem(
          'W201',
          `${of} read as GB18030 (GBK): it is ${notUtf8}, and its ${g.two} two-byte character(s) are ${(share * 100).toFixed(0)}% common Chinese (GB2312)`,
          where,
          'check that names read right; save the file as UTF-8 to be sure, or give --encoding',
        ),
      ],
    };
  const why =
    g.bad > 0
      ? `${g.bad} byte(s) are not GB18030 either`
      : g.four > 0
        ? `as GB18030 it would hold ${g.four} rare four-byte character(s)`
        : `as GB18030 only ${(share * 100).toFixed(0)}% of its ${g.two} character(s) would be common Chinese`;
  return {
    text: new TextDecoder('utf-8').decode(bytes),
    encoding: 'utf-8',
    problems: [
      problem(
        'E214',
        `the encoding of ${of} is not recognised: it is ${notUtf8}, and ${why}; the file was not read`,
        { ...where, ...position(bytes, scan.first[0]!) },
        `save it as UTF-8, or give its encoding with --encoding (${ENCODING_NAMES})`,
      ),
    ],
  };
}
