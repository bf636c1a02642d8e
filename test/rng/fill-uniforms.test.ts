import { describe, expect, it } from 'vitest';
import { fillUniforms, nextUniform, uniformSource } from '../../models/rng/sfc32.ts';
import { streamState } from '../../models/rng/stream-state.ts';
import { referenceSfc32 } from './reference-sfc32.ts';

const TWO_POW_26 = 2 ** 26;
const TWO_POW_52 = 2 ** 52;

function sameBits(a: Float64Array, b: Float64Array): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

/** 9⁻¹ mod 2^32, by Newton's iteration x ← x(2 − 9x) on BigInt. */
function inverseOfNineMod2to32(): bigint {
  const modulus = 1n << 32n;
  let x = 1n;
  for (let i = 0; i < 6; i++) x = (x * (2n - 9n * x)) % modulus;
  return ((x % modulus) + modulus) % modulus;
}

describe('fillUniforms and nextUniform', () => {
  it('fillUniforms equals nextUniform called n times, bit for bit, and leaves the same state', () => {
    for (const n of [0, 1, 2, 7, 4096]) {
      const a = streamState(12345, 2, 99);
      const b = new Uint32Array(a);
      const filled = new Float64Array(n);
      fillUniforms(a, filled, n);
      const oneByOne = new Float64Array(n);
      for (let i = 0; i < n; i++) oneByOne[i] = nextUniform(b);
      expect(sameBits(filled, oneByOne)).toBe(true);
      expect(Array.from(a)).toEqual(Array.from(b));
    }
  });

  it('each uniform is (hi >>> 6)·2^26 + (lo >>> 6) + 0.5, over 2^52, of two consecutive sfc32 outputs', () => {
    const state = streamState(7, 0, 0);
    const reference = referenceSfc32(state);
    const u = new Float64Array(1000);
    fillUniforms(state, u, u.length);
    for (let i = 0; i < u.length; i++) {
      const high = reference.next() >>> 6;
      const low = reference.next() >>> 6;
      expect(u[i]).toBe((high * TWO_POW_26 + low + 0.5) / TWO_POW_52);
    }
    expect(Array.from(state)).toEqual(reference.state());
  });

  it('uniformSource is a () => number view of the same stream', () => {
    const a = streamState(3, 1, 4);
    const b = new Uint32Array(a);
    const rng = uniformSource(a);
    for (let i = 0; i < 100; i++) expect(rng()).toBe(nextUniform(b));
  });

  it('keeps every value strictly inside (0, 1)', () => {
    const state = streamState(2026, 0, 1);
    const u = new Float64Array(100_000);
    fillUniforms(state, u, u.length);
    let outside = 0;
    for (let i = 0; i < u.length; i++) if (!(u[i] > 0 && u[i] < 1)) outside++;
    expect(outside).toBe(0);
  });

  it('the formula extremes are exact and never round to 0 or 1', () => {
    // Largest: k = 2^52 − 1, (2^52 − 1 + 0.5) / 2^52 = 1 − 2^−53, the largest double below 1.
    const largest = (TWO_POW_52 - 1 + 0.5) / TWO_POW_52;
    expect(largest).toBeLessThan(1);
    expect(largest).toBe(1 - 2 ** -53);
    // Smallest: k = 0, 0.5 / 2^52 = 2^−53 > 0.
    expect(0.5 / TWO_POW_52).toBe(2 ** -53);
  });

  it('reaches the smallest value 2^−53 from the all-zero state (outputs 0 then 1, both >>> 6 = 0)', () => {
    const out = new Float64Array(1);
    fillUniforms(new Uint32Array(4), out, 1);
    expect(out[0]).toBe(2 ** -53);
  });

  it('reaches the largest value 1 − 2^−53 (two outputs of 2^32 − 1) and it is < 1', () => {
    // First t = a + b + d = (2^32 − 1) + 0 + 0. Then a' = 0, b' = 9c, d' = 1, so the second
    // t = 9c + 1 ≡ −1 (mod 2^32) needs c = −2·9⁻¹ mod 2^32.
    const c = Number((((1n << 32n) - 2n) * inverseOfNineMod2to32()) % (1n << 32n));
    const state = new Uint32Array([0xffffffff, 0, c, 0]);
    const reference = referenceSfc32(state);
    expect([reference.next(), reference.next()]).toEqual([0xffffffff, 0xffffffff]);
    const out = new Float64Array(1);
    fillUniforms(state, out, 1);
    expect(out[0]).toBe(1 - 2 ** -53);
    expect(out[0]).toBeLessThan(1);
  });

  it('has mean 1/2 and variance 1/12 within 4 standard errors over 10^6 draws', () => {
    const n = 1_000_000;
    const u = new Float64Array(n);
    fillUniforms(streamState(42, 0, 0), u, n);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += u[i];
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (u[i] - 0.5) ** 2;
    const variance = squares / n; // about the known mean 1/2
    // s.e. of the mean: √(1/12 / n). Var((U − ½)²) = E(U − ½)^4 − (1/12)² = 1/80 − 1/144 = 1/180.
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * Math.sqrt(1 / 180 / n));
  });
});
