import { LARGEST_BELOW_ONE } from '../math/largest-below-one.ts';
import type { RngState } from '../rng/sfc32.ts';

/**
 * Turns n independent uniforms into Latin Hypercube draws in stratum order, in place:
 * u[k] becomes (k + u[k]) / n, one draw inside each of the n equal strata of (0, 1),
 * ascending. Evaluate the quantile function over them in this order (it walks lookup
 * tables front to back and gives a sorted column, which Iman–Conover uses without
 * sorting), then give the values to trials in random order with `shuffleInto`.
 *
 * @example
 * fillUniforms(state, u, n);
 * stratifyInOrder(u, n);
 * distribution.fillFromUniforms(u, sorted, n, true);
 * shuffleInto(sorted, column, n, state);
 */
export function stratifyInOrder(u: Float64Array, n: number): void {
  for (let k = 0; k < n; k++) u[k] = stratumProbability(k, u[k], n);
}

/**
 * The Latin Hypercube probability (k + u)/n of stratum k's draw u, kept below 1.
 *
 * @example
 * stratumProbability(4095, 0.5, 4096) // 0.9998779296875
 */
export function stratumProbability(k: number, u: number, n: number): number {
  const value = (k + u) / n;
  // Rounding can lift the top stratum's largest draw to exactly 1; inverse CDFs need u < 1.
  return value < 1 ? value : LARGEST_BELOW_ONE;
}

/**
 * out[0..n) = a uniformly random permutation of values[0..n), by the "inside-out"
 * Fisher–Yates shuffle: for i = 0..n−1, j uniform on [0, i], out[i] = out[j] and
 * out[j] = values[i]. One sfc32 draw per element after the first (n − 1 in all).
 * `out` must not be `values`.
 *
 * @example
 * shuffleInto(sorted, column, n, state);
 */
export function shuffleInto(values: Float64Array, out: Float64Array, n: number, state: RngState): void {
  if (n > 0) out[0] = values[0];
  // sfc32 inlined with its state in locals (the hot path); identical to calling nextUint32.
  let a = state[0] | 0;
  let b = state[1] | 0;
  let c = state[2] | 0;
  let d = state[3] | 0;
  for (let i = 1; i < n; i++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    // Multiply-shift maps a uint32 to [0, i] with negligible bias for n << 2^32.
    const j = Math.floor(((t >>> 0) * (i + 1)) / 4294967296);
    out[i] = out[j];
    out[j] = values[i];
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}
