/**
 * SHA-256 for the pure core: hashes data files and results in Node and in the browser alike,
 * synchronously (WebCrypto's `subtle.digest` is async), with the audited `@noble/hashes`.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SHA-256 digest as 64 lower-case hex digits.
 *
 * Strings are hashed as their UTF-8 bytes, so `sha256Hex(text)` equals the hash of a UTF-8 file
 * without BOM holding `text` (what `sha256sum` prints for it).
 *
 * @param data bytes, or text (hashed as UTF-8)
 * @returns the digest, hex
 * @example sha256Hex('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 * Reference: FIPS 180-4; test vectors from NIST (the same as Node's `crypto.createHash('sha256')`).
 */
export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));
}
