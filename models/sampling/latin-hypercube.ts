import type { RngState } from '../rng/sfc32.ts';

/**
 * Turns n independent uniforms into a Latin Hypercube column in place: each of the
 * n equal strata of (0, 1) gets exactly one draw, in a random order. `permutation`
 * and `strata` are caller-owned scratch of length >= n, so nothing is allocated per
 * trial. Trial i's draw is `strata[permutation[i]]`.
 *
 * @example
 * fillUniforms(state, u, n);
 * stratifyUniforms(u, n, state, permutation, strata);
 */
export function stratifyUniforms(u: Float64Array, n: number, state: RngState, permutation: Uint32Array, strata = new Float64Array(n)): void {
  latinHypercubeStrata(u, n, state, permutation, strata);
  for (let i = 0; i < n; i++) u[i] = strata[permutation[i]];
}

/**
 * The Latin Hypercube draws in stratum order: `strata[k]` lies in [k/n, (k+1)/n), so
 * the array ascends, and trial i gets stratum `permutation[i]`. Evaluating a
 * quantile function over `strata` walks its lookup tables in order (cache-friendly)
 * and yields the column already sorted, which Iman–Conover can use without sorting.
 * The jitter within stratum k is the uniform `u[i]` of the trial i given that stratum.
 *
 * @example
 * latinHypercubeStrata(u, n, state, permutation, strata);
 * for (let i = 0; i < n; i++) column[i] = quantileOfStrata[permutation[i]];
 */
export function latinHypercubeStrata(u: Float64Array, n: number, state: RngState, permutation: Uint32Array, strata: Float64Array): void {
  for (let i = 0; i < n; i++) permutation[i] = i;
  // sfc32 inlined with its state in locals (the hot path); identical to calling nextUint32.
  let a = state[0] | 0;
  let b = state[1] | 0;
  let c = state[2] | 0;
  let d = state[3] | 0;
  for (let i = n - 1; i > 0; i--) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    // Multiply-shift maps a uint32 to [0, i] with negligible bias for n << 2^32.
    const j = Math.floor(((t >>> 0) * (i + 1)) / 4294967296);
    const swap = permutation[i];
    permutation[i] = permutation[j];
    permutation[j] = swap;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  for (let i = 0; i < n; i++) {
    const stratum = permutation[i];
    const value = (stratum + u[i]) / n;
    // Rounding can lift the top stratum's largest draw to exactly 1; inverse CDFs need u < 1.
    strata[stratum] = value < 1 ? value : LARGEST_BELOW_ONE;
  }
}

const LARGEST_BELOW_ONE = 1 - 2 ** -53;
