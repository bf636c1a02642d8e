import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../models/decision/sha256.ts';

describe('sha256', () => {
  it('matches the FIPS 180-2 test vectors', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(sha256('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('hashes bytes and strings alike, strings as UTF-8', () => {
    expect(sha256(new Uint8Array([0x61, 0x62, 0x63]))).toBe(sha256('abc'));
    // 'é' is C3 A9 in UTF-8.
    expect(sha256('é')).toBe(sha256(new Uint8Array([0xc3, 0xa9])));
    expect(sha256('€ 12,345 — ok ✓ 𝔸')).toBe(createHash('sha256').update('€ 12,345 — ok ✓ 𝔸', 'utf8').digest('hex'));
  });

  it('pads correctly at every length around the block boundaries', () => {
    for (const length of [55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129]) {
      const text = 'x'.repeat(length);
      expect(sha256(text), `length ${length}`).toBe(createHash('sha256').update(text).digest('hex'));
    }
  });
});
