import { interpolateOrderStatistics } from './quantile-sorted.ts';
import { scanColumn, type ColumnScan } from './scan-column.ts';

/*
 * Why buckets: copying a 1M-value column and selecting 15 order statistics costs
 * ~50 ms, and a run summary does this for a dozen outputs. Instead, one pass counts
 * the values per bucket of equal width over [min, max]; the bucket index
 * floor((v − min)·scale) never decreases as v grows, so the rank of every value in a
 * bucket lies between that bucket's cumulative counts. Only the values of the few
 * buckets holding a wanted rank are gathered and selected. The result is exact:
 * the same order statistics a full sort would give. Selecting in a copy of the whole
 * column is slower from a few hundred values on (40 against 16–21 ns a value at 10,000,
 * the cash-flow fan's 48 columns), so smaller columns get fewer buckets, about one per
 * four values.
 */
const BUCKETS = 4096;
/** Below this many values a single copy-and-select is as fast. */
const BUCKETING_FROM = 256;

/**
 * Several type-7 quantiles (see `quantileSorted`) of an unsorted column without a full
 * sort: bucket counts narrow each wanted order statistic to one bucket, and only those
 * buckets' values are gathered and searched by a multi-target Floyd–Rivest selection.
 * NaN values are ignored; ±Infinity rank below and above every finite value. The
 * result matches `quantileSorted` on the sorted non-NaN values exactly, in the order of
 * `ps`; all NaN if no value is left. Pass the column's `scanColumn` if you have it, and
 * the finite values' counts per `quantileBuckets(scan)` bucket if another pass over
 * the column can count them, to save those passes; that pass may also record each value's
 * bucket (the bucket count, one past the last, for NaN and ±Infinity) in `bucketIndex`, so gathering needs no arithmetic.
 *
 * @example
 * quantiles(new Float64Array([4, NaN, 1, 3, 2]), [0.5, 0.9]); // Float64Array [2.5, 3.7]
 */
export function quantiles(
  values: Float64Array,
  ps: ArrayLike<number>,
  scan: ColumnScan = scanColumn(values),
  bucketCounts?: Uint32Array,
  bucketIndex?: Uint16Array,
): Float64Array {
  const m = ps.length;
  const result = new Float64Array(m);
  for (let q = 0; q < m; q++) {
    const p = ps[q];
    if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1], got ${p}`);
  }
  const { negativeInfinite, positiveInfinite, finite, min: lo, max: hi } = scan;
  const n = negativeInfinite + finite + positiveInfinite;
  if (n === 0) return result.fill(Number.NaN);

  // Order statistics needed (ranks among the non-NaN values): j = floor((n-1)p), and j + 1 when interpolating.
  const needed: number[] = [];
  for (let q = 0; q < m; q++) {
    const h = (n - 1) * ps[q];
    const j = Math.floor(h);
    needed.push(j);
    if (j < n - 1 && h > j) needed.push(j + 1);
  }
  needed.sort((x, y) => x - y);
  const ranks = needed.filter((rank, i) => i === 0 || rank !== needed[i - 1]);
  const orderStatistics = new Map<number, number>();
  const finiteRanks: number[] = [];
  for (const rank of ranks) {
    if (rank < negativeInfinite) orderStatistics.set(rank, -Infinity);
    else if (rank >= negativeInfinite + finite) orderStatistics.set(rank, Infinity);
    else if (lo === hi) orderStatistics.set(rank, lo);
    else finiteRanks.push(rank - negativeInfinite);
  }
  if (finiteRanks.length) {
    const found = finiteOrderStatistics(values, quantileBuckets(scan), finite, finiteRanks, bucketCounts, bucketIndex);
    finiteRanks.forEach((rank, i) => orderStatistics.set(rank + negativeInfinite, found[i]));
  }
  for (let q = 0; q < m; q++) {
    const h = (n - 1) * ps[q];
    const j = Math.floor(h);
    const a = orderStatistics.get(j)!;
    result[q] = j >= n - 1 ? a : interpolateOrderStatistics(a, orderStatistics.get(j + 1)!, h - j);
  }
  return result;
}

/**
 * How `quantiles` buckets a column's finite values: value v goes to bucket
 * min(floor((v − lo)·scale), buckets − 1), with about one bucket per four values, at
 * most 4,096. A width that overflows (max − min = ∞) or a short column gets one bucket.
 * A bucket index of `buckets` (one past the last) marks a value that is not finite.
 *
 * @example
 * const { buckets, lo, scale } = quantileBuckets(scanColumn(values));
 */
export function quantileBuckets(scan: ColumnScan): { buckets: number; lo: number; scale: number } {
  const { finite, min: lo, max: hi } = scan;
  let buckets = 1;
  if (finite >= BUCKETING_FROM && Number.isFinite(hi - lo) && hi > lo) while (buckets < BUCKETS && buckets * 4 < finite) buckets *= 2;
  return { buckets, lo, scale: buckets === 1 ? 0 : buckets / (hi - lo) };
}

/**
 * The bucket of a finite value v ≥ lo under `quantileBuckets`' rule,
 * min(floor((v − lo)·scale), lastBucket). As v ≥ lo, truncation is the floor, and cheaper.
 *
 * @example
 * const { buckets, lo, scale } = quantileBuckets(scan);
 * quantileBucketOf(value, lo, scale, buckets - 1)
 */
export function quantileBucketOf(v: number, lo: number, scale: number, lastBucket: number): number {
  const bucket = ((v - lo) * scale) | 0;
  return bucket < lastBucket ? bucket : lastBucket;
}

/** The finite values' order statistics at the given ascending ranks (0-based among finite values). */
function finiteOrderStatistics(
  values: Float64Array,
  layout: { buckets: number; lo: number; scale: number },
  finite: number,
  ranks: number[],
  precounted?: Uint32Array,
  bucketIndex?: Uint16Array,
): number[] {
  const { buckets, lo, scale } = layout;
  const bucketOf = (v: number): number => quantileBucketOf(v, lo, scale, buckets - 1);
  let counts = precounted;
  if (buckets === 1) counts = Uint32Array.of(finite);
  else if (!counts || counts.length !== buckets) {
    counts = new Uint32Array(buckets);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v - v === 0) counts[bucketOf(v)]++;
    }
  }
  // Which bucket holds each rank, and where each needed bucket's values go.
  const firstRankOf = new Float64Array(buckets);
  const gatherAt = new Int32Array(buckets).fill(-1);
  const bucketOfRank: number[] = [];
  let cumulative = 0;
  let gathered = 0;
  let r = 0;
  for (let b = 0; b < buckets && r < ranks.length; b++) {
    firstRankOf[b] = cumulative;
    const end = cumulative + counts[b];
    if (ranks[r] < end) {
      gatherAt[b] = gathered;
      gathered += counts[b];
      while (r < ranks.length && ranks[r] < end) bucketOfRank[r++] = b;
    }
    cumulative = end;
  }
  const pool = new Float64Array(gathered);
  if (buckets > 1 && bucketIndex && bucketIndex.length === values.length) {
    // One slot past the buckets, for values that are not finite: never gathered.
    const fill = new Int32Array(buckets + 1);
    fill.set(gatherAt);
    fill[buckets] = -1;
    for (let i = 0; i < values.length; i++) {
      const b = bucketIndex[i];
      if (fill[b] >= 0) pool[fill[b]++] = values[i];
    }
  } else {
    const fill = Int32Array.from(gatherAt);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v - v !== 0) continue;
      const b = buckets === 1 ? 0 : bucketOf(v);
      if (fill[b] >= 0) pool[fill[b]++] = v;
    }
  }
  const found: number[] = [];
  for (let start = 0; start < ranks.length; ) {
    const b = bucketOfRank[start];
    let end = start;
    while (end < ranks.length && bucketOfRank[end] === b) end++;
    const slice = pool.subarray(gatherAt[b], gatherAt[b] + counts[b]);
    if (allEqual(slice)) {
      // A bucket of one repeated value (a payback month, a capped or fixed output) has every
      // order statistic in it equal, and selection among ties is slow: one swap per value.
      for (let k = start; k < end; k++) found[k] = slice[0];
      start = end;
      continue;
    }
    const targets = Uint32Array.from(ranks.slice(start, end), (rank) => rank - firstRankOf[b]);
    multiSelect(slice, targets, 0, targets.length - 1, 0, slice.length - 1);
    for (let k = start; k < end; k++) found[k] = slice[ranks[k] - firstRankOf[b]];
    start = end;
  }
  return found;
}

/** Whether every value equals the first (the values are finite). */
function allEqual(values: Float64Array): boolean {
  const first = values[0];
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return false;
  return true;
}

function multiSelect(a: Float64Array, targets: Uint32Array, tLo: number, tHi: number, left: number, right: number): void {
  while (tLo <= tHi) {
    const mid = (tLo + tHi) >>> 1;
    const k = targets[mid];
    select(a, k, left, right);
    // a[left..k-1] <= a[k] <= a[k+1..right]: recurse on the smaller half, loop on the other.
    if (mid - tLo < tHi - mid) {
      multiSelect(a, targets, tLo, mid - 1, left, k - 1);
      tLo = mid + 1;
      left = k + 1;
    } else {
      multiSelect(a, targets, mid + 1, tHi, k + 1, right);
      tHi = mid - 1;
      right = k - 1;
    }
  }
}

/** Floyd–Rivest selection (as in Floyd & Rivest 1975, algorithm 489), in place. */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const i = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (i * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - i) * s) / n + sd));
      select(a, k, newLeft, newRight);
    }
    const t = a[k];
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right] > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i] < t) i++;
      while (a[j] > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const tmp = a[i];
  a[i] = a[j];
  a[j] = tmp;
}
