import { describe, expect, it } from 'vitest';
import { fillUniforms } from '../../models/rng/sfc32.ts';
import { streamState } from '../../models/rng/stream-state.ts';
import { stratifyUniforms } from '../../models/sampling/latin-hypercube.ts';
import { referenceSfc32 } from '../rng/reference-sfc32.ts';

function stratified(n: number, seed: number): { u: Float64Array; permutation: Uint32Array; raw: Float64Array; stateAfter: number[] } {
  const state = streamState(seed, 0, 1);
  const u = new Float64Array(n);
  fillUniforms(state, u, n);
  const raw = u.slice();
  const permutation = new Uint32Array(n);
  stratifyUniforms(u, n, state, permutation);
  return { u, permutation, raw, stateAfter: Array.from(state) };
}

describe('stratifyUniforms (Latin Hypercube)', () => {
  it.each([1, 2, 7, 4096])('puts exactly one value in each of the %i strata [k/n, (k+1)/n)', (n) => {
    const { u } = stratified(n, 11);
    const perStratum = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      expect(u[i] > 0 && u[i] < 1).toBe(true);
      const k = Math.floor(u[i] * n);
      // The value lies in [k/n, (k+1)/n) in exact arithmetic as well: check with the bounds.
      expect(u[i] >= k / n && u[i] < (k + 1) / n).toBe(true);
      perStratum[k]++;
    }
    expect(Array.from(perStratum)).toEqual(new Array(n).fill(1));
  });

  it('keeps each draw\'s position inside its stratum: u_i = (π_i + raw_i) / n', () => {
    const n = 7;
    const { u, permutation, raw } = stratified(n, 5);
    expect(Array.from(permutation).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (let i = 0; i < n; i++) expect(u[i]).toBe((permutation[i] + raw[i]) / n);
  });

  it('is a Fisher–Yates shuffle driven by the same sfc32 stream (reference written out here)', () => {
    for (const n of [1, 7, 4096]) {
      const state = streamState(99, 4, 2);
      const u = new Float64Array(n);
      fillUniforms(state, u, n);
      const reference = referenceSfc32(state);
      const expected = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor((reference.next() * (i + 1)) / 2 ** 32);
        [expected[i], expected[j]] = [expected[j], expected[i]];
      }
      const permutation = new Uint32Array(n);
      stratifyUniforms(u, n, state, permutation);
      expect(Array.from(permutation)).toEqual(expected);
      // It consumed exactly n − 1 draws of the stream.
      expect(Array.from(state)).toEqual(reference.state());
    }
  });

  it('is deterministic for a given state, and differs for a different state', () => {
    const a = stratified(4096, 21);
    const b = stratified(4096, 21);
    const c = stratified(4096, 22);
    expect(Array.from(a.permutation)).toEqual(Array.from(b.permutation));
    expect(Array.from(a.u)).toEqual(Array.from(b.u));
    expect(a.stateAfter).toEqual(b.stateAfter);
    expect(Array.from(a.permutation)).not.toEqual(Array.from(c.permutation));
  });

  it('only touches the first n entries of oversized scratch', () => {
    const n = 5;
    const u = new Float64Array([0.5, 0.5, 0.5, 0.5, 0.5, 0.25, 0.75]);
    const permutation = new Uint32Array(8).fill(77);
    stratifyUniforms(u, n, streamState(1, 0, 0), permutation);
    expect(Array.from(u.subarray(5))).toEqual([0.25, 0.75]);
    expect(Array.from(permutation.subarray(5))).toEqual([77, 77, 77]);
    // With raw = ½ everywhere, the values are the stratum midpoints (k + ½)/5.
    expect(Array.from(u.subarray(0, n)).sort((a, b) => a - b)).toEqual([0.1, 0.3, 0.5, 0.7, 0.9]);
  });

  // BUG (models/sampling/latin-hypercube.ts): (π + u) / n is evaluated in floating point.
  // For π ≥ 1 and u close to 1, π + u rounds up to π + 1: with the largest uniform
  // fillUniforms can return, 1 − 2^−53, the top stratum gives (n − 1 + 1 − 2^−53)/n,
  // and n − 2^−53 rounds to n, so the "uniform" is exactly 1.0 (inverse CDFs then give
  // ±Infinity). It happens whenever 1 − u ≤ ulp(π)/2, i.e. with probability ≈ 2^−42 per
  // top-stratum draw at n = 4096. Expected to pass once the result is kept below 1.
  it('keeps values below 1 even for the largest uniform fillUniforms can return', () => {
    const n = 2;
    const u = new Float64Array(n).fill(1 - 2 ** -53);
    stratifyUniforms(u, n, streamState(1, 0, 0), new Uint32Array(n));
    for (let i = 0; i < n; i++) expect(u[i]).toBeLessThan(1);
  });
});
