/** How many values of an ascending column lie below y, and how many equal it. */
export interface SortedCounts {
  below: number;
  equal: number;
}

/**
 * Counts of an ascending-sorted column below and equal to y, by two binary searches
 * (O(log n)). The column must not contain NaN.
 *
 * @example
 * sortedCounts(new Float64Array([1, 2, 2, 3]), 2); // { below: 1, equal: 2 }
 */
export function sortedCounts(sorted: Float64Array, y: number): SortedCounts {
  const below = firstIndex(sorted, (v) => v >= y);
  const notAbove = firstIndex(sorted, (v) => v > y);
  return { below, equal: notAbove - below };
}

/** First index whose value passes `test` (a test that is monotone along the column), or n. */
function firstIndex(sorted: Float64Array, test: (v: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(sorted[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
