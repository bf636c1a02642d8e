import { nextUint32, type RngState } from '../rng/sfc32.ts';

/**
 * Turns n independent uniforms into a Latin Hypercube column in place: each of the
 * n equal strata of (0, 1) gets exactly one draw, in a random order. `permutation`
 * is caller-owned scratch of length >= n, so nothing is allocated per trial.
 *
 * @example
 * fillUniforms(state, u, n);
 * stratifyUniforms(u, n, state, scratch);
 */
export function stratifyUniforms(u: Float64Array, n: number, state: RngState, permutation: Uint32Array): void {
  for (let i = 0; i < n; i++) permutation[i] = i;
  for (let i = n - 1; i > 0; i--) {
    // Multiply-shift maps a uint32 to [0, i] with negligible bias for n << 2^32.
    const j = Math.floor((nextUint32(state) * (i + 1)) / 4294967296);
    const swap = permutation[i];
    permutation[i] = permutation[j];
    permutation[j] = swap;
  }
  for (let i = 0; i < n; i++) {
    const value = (permutation[i] + u[i]) / n;
    // Rounding can lift the top stratum's largest draw to exactly 1; inverse CDFs need u < 1.
    u[i] = value < 1 ? value : LARGEST_BELOW_ONE;
  }
}

const LARGEST_BELOW_ONE = 1 - 2 ** -53;
