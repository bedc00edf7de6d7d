import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/util/sha256';

// NIST FIPS 180-4 examples and well-known vectors (as printed by `sha256sum`).
const cases: [string, string | Uint8Array, string][] = [
  ['empty', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    '448-bit message (two blocks)',
    'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  ],
  [
    'quick brown fox',
    'The quick brown fox jumps over the lazy dog',
    'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592',
  ],
  [
    'bytes',
    new Uint8Array([0x61, 0x62, 0x63]),
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  ],
];

describe('sha256Hex', () => {
  it.each(cases)('%s', (_name, input, hex) => {
    expect(sha256Hex(input)).toBe(hex);
  });

  it('hashes text as its UTF-8 bytes', () => {
    expect(sha256Hex('中')).toBe(sha256Hex(new Uint8Array([0xe4, 0xb8, 0xad])));
  });

  it('one million "a" (NIST long message)', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('block-boundary lengths 55, 56, 63, 64, 65 agree with node:crypto', async () => {
    const { createHash } = await import('node:crypto');
    for (const n of [55, 56, 63, 64, 65, 119, 120]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 7 + 3) & 0xff);
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});
