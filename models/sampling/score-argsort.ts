import { argsortScratch, radixArgsort, type ArgsortScratch } from './radix-argsort.ts';

/** Reusable buffers for `scoreArgsort`, sized for at least n elements. */
export interface ScoreArgsortScratch {
  bucketOf: Uint32Array;
  starts: Uint32Array;
  radix: ArgsortScratch;
}

/**
 * Scratch for sorting up to `capacity` scores. A caller that also radix-sorts may pass
 * its own radix scratch for the fallback instead of allocating a second one.
 *
 * @example
 * const scratch = scoreArgsortScratch(4096);
 */
export function scoreArgsortScratch(capacity: number, radix: ArgsortScratch = argsortScratch(capacity)): ScoreArgsortScratch {
  return { bucketOf: new Uint32Array(capacity), starts: new Uint32Array(capacity + 1), radix };
}

/**
 * The map v ↦ v/(SCORE_SPREAD + |v|) takes a standard normal to (−1, 1) with a density close
 * to the normal’s from 0 to about ±2.5 sd (1.25 matches it at 0), so one bucket
 * per value holds about one value.
 */
export const SCORE_SPREAD = 1.25;
/** A bucket this full means the values are not spread like scores: sort them by radix instead. */
export const MAX_SCORE_BUCKET = 64;

/**
 * Writes into `order` the indices of values[0..n) in ascending order, exactly as
 * `radixArgsort` does (stable; −0 before +0), for values spread roughly like a
 * standard normal, such as Iman–Conover's normal scores. It buckets the values by a
 * monotone map (one bucket per value), lays the buckets out in order, and finishes
 * with an insertion pass, which only moves values within their bucket: a value in a
 * later bucket is always larger. About a third of the radix sort's time on scores.
 * Values it cannot bucket well (NaN, or a bucket over MAX_BUCKET) go to `radixArgsort`.
 *
 * @example
 * scoreArgsort(scores, n, order, scoreArgsortScratch(n));
 */
export function scoreArgsort(values: Float64Array, n: number, order: Uint32Array, scratch: ScoreArgsortScratch): void {
  const { bucketOf, starts } = scratch;
  const buckets = n;
  const half = buckets / 2;
  starts.fill(0, 0, buckets + 1);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) {
      radixArgsort(values, n, order, scratch.radix);
      return;
    }
    // floor(half·(1 + v/(SPREAD + |v|))) is non-decreasing in v and lies in [0, buckets]; ±Infinity map to the ends.
    let bucket = Math.floor(half + (half * v) / (SCORE_SPREAD + Math.abs(v)));
    if (v === Infinity || bucket >= buckets) bucket = buckets - 1;
    else if (v === -Infinity || bucket < 0) bucket = 0;
    bucketOf[i] = bucket;
    starts[bucket + 1]++;
  }
  for (let bucket = 0; bucket < buckets; bucket++) {
    if (starts[bucket + 1] > MAX_SCORE_BUCKET) {
      radixArgsort(values, n, order, scratch.radix);
      return;
    }
    starts[bucket + 1] += starts[bucket];
  }
  // Stable: indices enter each bucket in ascending order.
  for (let i = 0; i < n; i++) order[starts[bucketOf[i]]++] = i;
  for (let i = 1; i < n; i++) {
    const index = order[i];
    const value = values[index];
    let j = i - 1;
    while (j >= 0 && isAfter(values[order[j]], value)) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = index;
  }
}

/** a sorts after b: larger, or +0 against −0 (as radixArgsort's sign-bit keys order them). */
function isAfter(a: number, b: number): boolean {
  return a > b || (a === 0 && b === 0 && 1 / a > 1 / b);
}
