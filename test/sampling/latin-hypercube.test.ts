import { describe, expect, it } from 'vitest';
import { fillUniforms } from '../../models/rng/sfc32.ts';
import { streamState } from '../../models/rng/stream-state.ts';
import type { RngState } from '../../models/rng/sfc32.ts';
import { shuffleInto, stratifyInOrder } from '../../models/sampling/latin-hypercube.ts';
import { referenceSfc32 } from '../rng/reference-sfc32.ts';

/** Latin Hypercube draws in trial order, as the engine makes them: strata in order, then the shuffle. */
function stratifyUniforms(u: Float64Array, n: number, state: RngState, scratch: Float64Array): void {
  stratifyInOrder(u, n);
  scratch.set(u.subarray(0, n));
  shuffleInto(scratch, u, n, state);
}

function stratified(n: number, seed: number): { u: Float64Array; raw: Float64Array; stateAfter: number[] } {
  const state = streamState(seed, 0, 1);
  const u = new Float64Array(n);
  fillUniforms(state, u, n);
  const raw = u.slice();
  stratifyUniforms(u, n, state, new Float64Array(n));
  return { u, raw, stateAfter: Array.from(state) };
}

describe('Latin Hypercube sampling', () => {
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

  it('draws stratum k at (k + raw_k) / n, in ascending order before the shuffle', () => {
    const n = 7;
    const u = Float64Array.from([0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.8]);
    const raw = u.slice();
    stratifyInOrder(u, n);
    for (let k = 0; k < n; k++) expect(u[k]).toBe((k + raw[k]) / n);
    for (let k = 1; k < n; k++) expect(u[k]).toBeGreaterThan(u[k - 1]);
    const { u: shuffled, raw: drawn } = stratified(n, 5);
    const sorted = Array.from(shuffled).sort((a, b) => a - b);
    sorted.forEach((value, k) => expect(value).toBe((k + drawn[k]) / n));
  });

  it('shuffles with the inside-out Fisher–Yates driven by the same sfc32 stream (reference written out here)', () => {
    for (const n of [1, 2, 7, 4096]) {
      const values = Float64Array.from({ length: n }, (_, i) => i + 0.5);
      const state = streamState(99, 4, 2);
      const reference = referenceSfc32(state);
      const expected: number[] = [];
      for (let i = 0; i < n; i++) {
        const j = i === 0 ? 0 : Math.floor((reference.next() * (i + 1)) / 2 ** 32);
        expected[i] = expected[j];
        expected[j] = values[i];
      }
      const out = new Float64Array(n);
      shuffleInto(values, out, n, state);
      expect(Array.from(out)).toEqual(expected);
      // It consumed exactly n − 1 draws of the stream, and is a permutation.
      expect(Array.from(state)).toEqual(reference.state());
      expect(Array.from(out).sort((a, b) => a - b)).toEqual(Array.from(values));
    }
  });

  it('gives each position every value equally often (uniform permutations)', () => {
    const n = 4;
    const counts = Array.from({ length: n }, () => new Array(n).fill(0));
    const values = Float64Array.of(0, 1, 2, 3);
    const out = new Float64Array(n);
    const state = streamState(3, 0, 0);
    const rounds = 40_000;
    for (let r = 0; r < rounds; r++) {
      shuffleInto(values, out, n, state);
      out.forEach((value, position) => counts[position][value]++);
    }
    // Each cell is Binomial(40000, 1/4): sd ≈ 87, so ±500 is a > 5-sigma band.
    for (const row of counts) for (const count of row) expect(Math.abs(count - rounds / n)).toBeLessThan(500);
  });

  it('is deterministic for a given state, and differs for a different state', () => {
    const a = stratified(4096, 21);
    const b = stratified(4096, 21);
    const c = stratified(4096, 22);
    expect(Array.from(a.u)).toEqual(Array.from(b.u));
    expect(a.stateAfter).toEqual(b.stateAfter);
    expect(Array.from(a.u)).not.toEqual(Array.from(c.u));
  });

  it('only touches the first n entries of oversized arrays', () => {
    const n = 5;
    const u = new Float64Array([0.5, 0.5, 0.5, 0.5, 0.5, 0.25, 0.75]);
    stratifyUniforms(u, n, streamState(1, 0, 0), new Float64Array(8));
    expect(Array.from(u.subarray(5))).toEqual([0.25, 0.75]);
    // With raw = ½ everywhere, the values are the stratum midpoints (k + ½)/5.
    expect(Array.from(u.subarray(0, n)).sort((a, b) => a - b)).toEqual([0.1, 0.3, 0.5, 0.7, 0.9]);
  });

  // (k + u) / n is evaluated in floating point: with the largest uniform fillUniforms can
  // return, 1 − 2^−53, the top stratum gives (n − 1 + 1 − 2^−53)/n, and n − 2^−53 rounds
  // to n, so the "uniform" would be exactly 1.0 (inverse CDFs then give ±Infinity).
  it('keeps values below 1 even for the largest uniform fillUniforms can return', () => {
    const n = 2;
    const u = new Float64Array(n).fill(1 - 2 ** -53);
    stratifyInOrder(u, n);
    for (let i = 0; i < n; i++) expect(u[i]).toBeLessThan(1);
  });
});
