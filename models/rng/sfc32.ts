/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG) on 32-bit integer
 * arithmetic only, so every JavaScript engine gives the same bits.
 * State is a Uint32Array(4): [a, b, c, counter].
 */
export type RngState = Uint32Array;

const TWO_POW_26 = 67108864;
// 52 random bits: (k + 0.5) / 2^52 is exact for every k < 2^52, so u never rounds to 0 or 1.
const TWO_POW_52 = 4503599627370496;

/**
 * Fills out[0..n) with uniforms in the open interval (0, 1), 52 bits each, and
 * advances the state. State lives in locals inside the loop: it is the hot path.
 *
 * @example
 * const state = streamState(42, 0, 0);
 * const u = new Float64Array(4096);
 * fillUniforms(state, u, u.length);
 */
export function fillUniforms(state: RngState, out: Float64Array, n: number): void {
  let a = state[0] | 0;
  let b = state[1] | 0;
  let c = state[2] | 0;
  let d = state[3] | 0;
  for (let i = 0; i < n; i++) {
    let t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    const high = (t >>> 6) * TWO_POW_26;
    t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    // +0.5 keeps the draw strictly inside (0, 1), so inverse CDFs never see 0 or 1.
    out[i] = (high + (t >>> 6) + 0.5) / TWO_POW_52;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

/**
 * One uint32 from the stream.
 *
 * @example
 * nextUint32(streamState(1, 0, 0)) // a number in [0, 2^32)
 */
export function nextUint32(state: RngState): number {
  const a = state[0] | 0;
  const b = state[1] | 0;
  const c = state[2] | 0;
  const d = state[3] | 0;
  const t = (((a + b) | 0) + d) | 0;
  state[3] = (d + 1) | 0;
  state[0] = b ^ (b >>> 9);
  state[1] = (c + (c << 3)) | 0;
  const rotated = (c << 21) | (c >>> 11);
  state[2] = (rotated + t) | 0;
  return t >>> 0;
}

/**
 * One uniform in (0, 1), identical to what `fillUniforms` would produce next.
 *
 * @example
 * nextUniform(streamState(1, 0, 0)) // 0 < u < 1
 */
export function nextUniform(state: RngState): number {
  const high = (nextUint32(state) >>> 6) * TWO_POW_26;
  return (high + (nextUint32(state) >>> 6) + 0.5) / TWO_POW_52;
}

/**
 * A `() => number` view of a stream, for code that takes an injected `rng`.
 *
 * @example
 * const rng = uniformSource(streamState(7, 0, 0));
 * rng(); // 0 < u < 1
 */
export function uniformSource(state: RngState): () => number {
  return () => nextUniform(state);
}
