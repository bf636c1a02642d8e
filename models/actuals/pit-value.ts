import { sortedCounts } from './sorted-counts.ts';

/**
 * Probability integral transform of an observation y against a sample forecast: the
 * forecast's percentile of y, as a share in [0, 1]. Ties take the mid-rank,
 * PIT = (#{x < y} + ½·#{x = y}) / n, so an observation equal to every forecast value
 * (a constant forecast that came true) scores ½, not 0 or 1. No random tie-breaking
 * (randomised PIT) is done: the result is a function of the inputs. For a continuous
 * forecast, PIT values of observations drawn from the forecast itself are uniform.
 *
 * `sortedSamples` must be ascending and free of NaN. Returns NaN for an empty forecast or
 * a NaN observation.
 *
 * @example
 * pitValue(new Float64Array([1, 2, 3, 4]), 2.5); // 0.5
 * pitValue(new Float64Array([1, 2, 2, 4]), 2); // 0.5 (one below, two tied)
 * pitValue(new Float64Array([1, 2, 3, 4]), 0); // 0
 */
export function pitValue(sortedSamples: Float64Array, y: number): number {
  const n = sortedSamples.length;
  if (n === 0 || y !== y) return Number.NaN;
  const { below, equal } = sortedCounts(sortedSamples, y);
  return (below + equal / 2) / n;
}
