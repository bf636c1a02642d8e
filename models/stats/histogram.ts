/** Result of `histogram`. */
export interface Histogram {
  /** bins + 1 ascending edges; bin b is [edges[b], edges[b+1]) and the last bin is closed. */
  edges: Float64Array;
  /** Count of finite values in each bin. */
  counts: Uint32Array;
  /** Finite values below the range (only possible when a range is given). */
  underflow: number;
  /** Finite values above the range (only possible when a range is given). */
  overflow: number;
  negativeInfinity: number;
  positiveInfinity: number;
  /** NaN values (ignored). */
  nan: number;
}

/**
 * Equal-width histogram of a column. The range defaults to [min, max] of the finite
 * values (widened to [v − 0.5, v + 0.5] when they are all equal, as numpy does); with an
 * explicit range, finite values outside it are counted in `underflow`/`overflow`.
 * ±Infinity are counted separately, NaN is ignored (but counted). Values on an interior
 * edge go to the bin on its right.
 *
 * @example
 * histogram(new Float64Array([0, 1, 1, 2, 4, Infinity, NaN]), 2);
 * // edges [0, 2, 4], counts [3, 2], positiveInfinity 1, nan 1
 */
export function histogram(values: Float64Array, bins: number, range?: { min: number; max: number }): Histogram {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`histogram: bins must be a positive integer, got ${bins}`);
  const n = values.length;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  if (range) {
    lo = range.min;
    hi = range.max;
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) {
      throw new RangeError(`histogram: range must be finite with max > min, got [${lo}, ${hi}]`);
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v < lo && v !== Number.NEGATIVE_INFINITY) lo = v;
      if (v > hi && v !== Number.POSITIVE_INFINITY) hi = v;
    }
    if (lo === hi) {
      lo -= 0.5;
      hi += 0.5;
    }
  }
  const edges = new Float64Array(bins + 1);
  const counts = new Uint32Array(bins);
  const result: Histogram = { edges, counts, underflow: 0, overflow: 0, negativeInfinity: 0, positiveInfinity: 0, nan: 0 };
  const haveRange = lo < hi;
  if (haveRange) {
    for (let b = 0; b < bins; b++) edges[b] = lo + ((hi - lo) * b) / bins;
    edges[bins] = hi;
  } else edges.fill(Number.NaN); // no finite values and no range
  const scale = bins / (hi - lo);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) result.nan++;
    else if (v === Number.POSITIVE_INFINITY) result.positiveInfinity++;
    else if (v === Number.NEGATIVE_INFINITY) result.negativeInfinity++;
    else if (v < lo) result.underflow++;
    else if (v > hi) result.overflow++;
    else {
      let b = Math.floor((v - lo) * scale);
      if (b >= bins) b = bins - 1;
      // Rounding in the scale can miss an edge by one bin: settle against the stored edges.
      while (b > 0 && v < edges[b]) b--;
      while (b < bins - 1 && v >= edges[b + 1]) b++;
      counts[b]++;
    }
  }
  return result;
}
