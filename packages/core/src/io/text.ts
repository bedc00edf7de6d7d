/**
 * Decoding a data file's bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's
 * "Unicode text"), else GB18030 (a superset of GBK and GB2312: CSV saved by Excel on Chinese
 * Windows). Pure; uses the WHATWG TextDecoder (Node 20 ships it with full ICU).
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Decodes bytes to text, guessing the encoding.
 *
 * Rule: a BOM decides (EF BB BF UTF-8, FF FE UTF-16LE, FE FF UTF-16BE); otherwise bytes that are
 * valid UTF-8 are UTF-8; anything else is GB18030. (Valid UTF-8 that was meant as GBK is possible
 * only for very short texts; real GBK files fail UTF-8 validation almost at once.)
 *
 * @param bytes the file
 * @returns the text (BOM removed) and the encoding used
 * @example decodeText(new Uint8Array([0xd5, 0xe3, 0xbd, 0xad])) // { text: '浙江', encoding: 'gb18030' }
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
