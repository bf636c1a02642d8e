/**
 * Quantile of an ascending-sorted column by linear interpolation between order
 * statistics: R's type 7, numpy's default, Excel's `PERCENTILE.INC`.
 * With h = (n − 1)·p and j = ⌊h⌋ the result is x[j] + (h − j)·(x[j+1] − x[j]).
 * Returns NaN for an empty column. `sorted` must not contain NaN (sort puts NaN last;
 * pass `sorted.subarray(0, count)` to leave them out).
 *
 * @example
 * quantileSorted(new Float64Array([1, 2, 3, 4]), 0.5); // 2.5
 * quantileSorted(new Float64Array([1, 2, 3, 4]), 0.9); // 3.7
 */
export function quantileSorted(sorted: Float64Array, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1], got ${p}`);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const j = Math.floor(h);
  const a = sorted[j];
  if (j >= n - 1) return a;
  return interpolateOrderStatistics(a, sorted[j + 1], h - j);
}

/** a + f·(b − a), keeping −∞ when interpolating from −∞ towards a finite value. */
/**
 * Type-7 interpolation between neighbouring order statistics a <= b at fraction f,
 * keeping infinities meaningful (−∞ stays −∞ unless the other end is +∞).
 *
 * @example
 * interpolateOrderStatistics(10, 20, 0.25) // 12.5
 */
export function interpolateOrderStatistics(a: number, b: number, f: number): number {
  if (f === 0 || a === b) return a;
  if (a === Number.NEGATIVE_INFINITY && b !== Number.POSITIVE_INFINITY) return a;
  return a + f * (b - a);
}
