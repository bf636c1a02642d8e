/**
 * mulberry32 (Tommy Ettinger): a small seeded PRNG for reproducible test inputs, shifted
 * by half a step so draws lie strictly inside (0, 1). Tests only: the engine's own
 * streams are sfc32 (models/rng).
 *
 * @example
 * const random = mulberry32(42);
 * random(); // the same number on every run
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}
