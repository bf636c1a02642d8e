import { describe, expect, it } from 'vitest';
import { nextUint32 } from '../../models/rng/sfc32.ts';
import { hashName, streamState } from '../../models/rng/stream-state.ts';

const key = (seed: number, chunk: number, stream: number): string => Array.from(streamState(seed, chunk, stream)).join(',');

describe('streamState', () => {
  it('is deterministic: the same (seed, chunk, key) gives the same state and stream', () => {
    const a = streamState(20261124, 3, hashName('ticketsPerMonth'));
    const b = streamState(20261124, 3, hashName('ticketsPerMonth'));
    expect(Array.from(a)).toEqual(Array.from(b));
    for (let i = 0; i < 100; i++) expect(nextUint32(a)).toBe(nextUint32(b));
  });

  it('returns a fresh Uint32Array(4) each call', () => {
    const a = streamState(1, 0, 0);
    const b = streamState(1, 0, 0);
    expect(a).toBeInstanceOf(Uint32Array);
    expect(a.length).toBe(4);
    expect(a).not.toBe(b);
    nextUint32(a);
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });

  it('differs for neighbouring seeds, chunks and keys', () => {
    const seen = new Set<string>();
    let count = 0;
    for (let seed = 0; seed < 8; seed++) {
      for (let chunk = 0; chunk < 8; chunk++) {
        for (let stream = 0; stream < 8; stream++) {
          seen.add(key(seed, chunk, stream));
          count++;
        }
      }
    }
    expect(seen.size).toBe(count);
  });

  it('does not confuse the chunk index with the stream key, or the seed with either', () => {
    const states = [key(5, 1, 0), key(5, 0, 1), key(1, 5, 0), key(0, 5, 1), key(1, 0, 5), key(0, 1, 5)];
    expect(new Set(states).size).toBe(states.length);
  });

  it('uses the seed bits above 2^32 (seed and seed + 2^32 differ)', () => {
    expect(key(1, 0, 0)).not.toBe(key(2 ** 32 + 1, 0, 0));
    expect(key(Number.MAX_SAFE_INTEGER, 0, 0)).not.toBe(key(Number.MAX_SAFE_INTEGER - 1, 0, 0));
  });

  it('neighbouring streams give unrelated first outputs (about half the bits differ)', () => {
    // For independent uint32s the Hamming distance is Binomial(32, 1/2): mean 16, sd 2√2.
    let total = 0;
    const pairs = 1000;
    for (let i = 0; i < pairs; i++) {
      const x = nextUint32(streamState(i, 0, 0)) ^ nextUint32(streamState(i + 1, 0, 0));
      let bits = 0;
      for (let v = x >>> 0; v; v >>>= 1) bits += v & 1;
      total += bits;
    }
    const mean = total / pairs;
    // s.e. of the mean: 2√2 / √1000 ≈ 0.089; allow 5 s.e.
    expect(Math.abs(mean - 16)).toBeLessThan((5 * (2 * Math.SQRT2)) / Math.sqrt(pairs));
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1, Infinity])('rejects seed %s', (seed) => {
    expect(() => streamState(seed, 0, 0)).toThrow(RangeError);
  });
});
