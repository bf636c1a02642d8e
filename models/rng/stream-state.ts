import { nextUint32, type RngState } from './sfc32.ts';

/** murmur3's 32-bit finaliser: a cheap, well-mixing bijection on uint32. */
function mix32(value: number): number {
  let x = value | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const GOLDEN = 0x9e3779b9;
const WARM_UP_ROUNDS = 16;

/**
 * The PRNG state for one stream: derived from the run's seed, the chunk index and a
 * stream key (usually the hash of an input's name). Streams are independent of how
 * chunks are spread over threads, so a run depends only on its seed and trial count;
 * and a shared input keeps its draws across case variants (common random numbers).
 *
 * @example
 * const state = streamState(20261124, 3, hashName('ticketsPerMonth'));
 */
export function streamState(seed: number, chunkIndex: number, streamKey: number): RngState {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError('seed must be a non-negative safe integer');
  const seedLow = seed >>> 0;
  const seedHigh = Math.floor(seed / 4294967296) >>> 0;
  let h = mix32(seedLow ^ GOLDEN);
  h = mix32(h ^ seedHigh ^ 0x632be5ab);
  h = mix32(h ^ (chunkIndex >>> 0) ^ 0x85157af5);
  h = mix32(h ^ (streamKey >>> 0) ^ 0x1b873593);
  const state = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    h = mix32((h + GOLDEN) | 0);
    state[i] = h;
  }
  for (let i = 0; i < WARM_UP_ROUNDS; i++) nextUint32(state);
  return state;
}

/**
 * FNV-1a hash of a name, used as a stream key.
 *
 * @example
 * hashName('ticketsPerMonth') // a uint32
 */
export function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
