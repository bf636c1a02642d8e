import { describe, expect, it } from 'vitest';
import { nextUint32 } from '../../models/rng/sfc32.ts';
import { referenceSfc32 } from './reference-sfc32.ts';

describe('nextUint32 is sfc32', () => {
  const starts: [string, number[]][] = [
    ['all zero', [0, 0, 0, 0]],
    ['small values', [1, 2, 3, 4]],
    ['all ones', [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]],
    ['mixed', [0xdeadbeef, 0x12345678, 0x9e3779b9, 0x00000001]],
  ];

  it.each(starts)('matches the published sfc32 for 1000 steps from %s', (_, start) => {
    const state = new Uint32Array(start);
    const reference = referenceSfc32(start);
    for (let step = 0; step < 1000; step++) {
      const expected = reference.next();
      const actual = nextUint32(state);
      if (actual !== expected) expect({ step, actual }).toEqual({ step, actual: expected });
    }
    expect(Array.from(state)).toEqual(reference.state());
  });

  it('gives 0, 1, 2, 12 from the all-zero state (worked out by hand)', () => {
    // Step 1: t = 0 + 0 + 0 = 0;  d = 1, a = 0, b = 0, c = rot(0) + 0 = 0.
    // Step 2: t = 0 + 0 + 1 = 1;  d = 2, a = 0, b = 0, c = 0 + 1 = 1.
    // Step 3: t = 0 + 0 + 2 = 2;  d = 3, a = 0, b = 1 + 8 = 9, c = rot(1) + 2 = 2^21 + 2.
    // Step 4: t = 0 + 9 + 3 = 12.
    const state = new Uint32Array(4);
    expect([nextUint32(state), nextUint32(state), nextUint32(state), nextUint32(state)]).toEqual([0, 1, 2, 12]);
  });

  it('returns unsigned 32-bit integers', () => {
    const state = new Uint32Array([0xffffffff, 0xffffffff, 0, 0]);
    // t = (2^32 − 1) + (2^32 − 1) mod 2^32 = 2^32 − 2: the sum wraps and stays unsigned.
    expect(nextUint32(state)).toBe(0xfffffffe);
    for (let i = 0; i < 1000; i++) {
      const value = nextUint32(state);
      expect(Number.isInteger(value) && value >= 0 && value <= 0xffffffff).toBe(true);
    }
  });
});
