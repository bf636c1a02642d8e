import { describe, expect, it } from 'vitest';
import { hashName } from '../../models/rng/stream-state.ts';

/** FNV-1a 32-bit over the bytes, in BigInt arithmetic (offset basis 2166136261, prime 16777619). */
function referenceFnv1a(bytes: ArrayLike<number>): number {
  let hash = 2166136261n;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= BigInt(bytes[i]);
    hash = (hash * 16777619n) % (1n << 32n);
  }
  return Number(hash);
}

describe('hashName is FNV-1a 32-bit', () => {
  // Published test vectors (Fowler/Noll/Vo reference test suite, FNV-1a 32).
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['b', 0xe70c2de5],
    ['c', 0xe60c2c52],
    ['fo', 0x6222e842],
    ['foo', 0xa9f37ed7],
    ['foob', 0x3f5076ef],
    ['fooba', 0x39aaa18a],
    ['foobar', 0xbf9cf968],
  ])('hashName(%j) = %d', (name, expected) => {
    expect(hashName(name)).toBe(expected);
    expect(referenceFnv1a(new TextEncoder().encode(name))).toBe(expected);
  });

  it('agrees with a BigInt FNV-1a on ASCII identifiers (input names)', () => {
    for (const name of ['ticketsPerMonth', 'handleTimeMinutes', 'x', 'loadedHourlyCost', 'a_b_1', 'Z'.repeat(200)]) {
      expect(hashName(name)).toBe(referenceFnv1a(new TextEncoder().encode(name)));
    }
  });

  it('returns a uint32', () => {
    for (const name of ['', 'a', 'foobar', 'ticketsPerMonth']) {
      const hash = hashName(name);
      expect(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 32).toBe(true);
    }
  });
});
