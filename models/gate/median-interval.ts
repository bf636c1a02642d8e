import { quantileSorted } from '../stats/quantile-sorted.ts';

/** A median with its distribution-free confidence interval. */
export interface MedianInterval {
  /** Values used (NaN left out). */
  n: number;
  /** Type-7 median, as in every summary. */
  median: number;
  /** Value at `lowerRank` and `upperRank` of the sorted values. */
  lower: number;
  upper: number;
  /** 1-based ranks of the bounds. */
  lowerRank: number;
  upperRank: number;
}

/**
 * z of a two-sided 95 % interval.
 *
 * @example
 * medianInterval(values, MEDIAN_INTERVAL_Z)
 */
export const MEDIAN_INTERVAL_Z = 1.96;

/**
 * Distribution-free confidence interval for the median from order statistics: the
 * number of values below the median is Binomial(n, ½), so the ranks
 * n/2 ± z·√n/2 (rounded outwards, clamped to 1..n) bracket it with about 95 %
 * confidence for z = 1.96. It needs no density estimate, so it also holds for discrete
 * columns such as payback months, and +Infinity (no payback within the horizon) simply
 * ranks last. NaN values are left out; with none left every figure is NaN.
 *
 * @example
 * medianInterval(Float64Array.from({ length: 100 }, (_, i) => i + 1))
 * // { n: 100, median: 50.5, lower: 40, upper: 60, lowerRank: 40, upperRank: 60 }
 */
export function medianInterval(values: Float64Array, z: number = MEDIAN_INTERVAL_Z): MedianInterval {
  const sorted = values.filter((value) => value === value).sort();
  const n = sorted.length;
  if (n === 0) return { n, median: NaN, lower: NaN, upper: NaN, lowerRank: NaN, upperRank: NaN };
  const halfWidth = (z * Math.sqrt(n)) / 2;
  const lowerRank = Math.max(1, Math.floor(n / 2 - halfWidth));
  const upperRank = Math.min(n, Math.ceil(n / 2 + halfWidth));
  return {
    n,
    median: quantileSorted(sorted, 0.5),
    lower: sorted[lowerRank - 1],
    upper: sorted[upperRank - 1],
    lowerRank,
    upperRank,
  };
}
