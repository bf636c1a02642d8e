/**
 * The widely published JavaScript sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG),
 * written out independently of models/rng so tests can compare against it.
 * State order is [a, b, c, d] with d the counter, as in models/rng/sfc32.ts.
 */
export function referenceSfc32(state: ArrayLike<number>): { next: () => number; state: () => number[] } {
  let a = state[0] | 0;
  let b = state[1] | 0;
  let c = state[2] | 0;
  let d = state[3] | 0;
  return {
    next() {
      // prettier-ignore
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      return t >>> 0;
    },
    state: () => [a >>> 0, b >>> 0, c >>> 0, d >>> 0],
  };
}
