import { histogram } from '../stats/histogram.ts';

/** Result of `pitHistogram`. */
export interface PitHistogram {
  /** bins + 1 ascending edges from 0 to 1. */
  edges: Float64Array;
  /** Observations per bin; a PIT of exactly 1 goes to the last bin. */
  counts: Uint32Array;
  /** Share of the observations in each bin; 1/bins each for a calibrated forecast. */
  shares: Float64Array;
  /** Number of PIT values counted (NaN left out). */
  n: number;
}

/**
 * Histogram of a series' PIT values on [0, 1] in equal bins. A calibrated forecast gives
 * a flat histogram; a U shape means the forecast was too narrow, a hump too wide, and a
 * slope a bias (mass near 0: the actuals fell below the forecast). Throws a RangeError for
 * a PIT value outside [0, 1] or a bin count that is not a positive integer.
 *
 * @example
 * pitHistogram(new Float64Array([0.05, 0.3, 0.35, 0.9]), 2);
 * // edges [0, 0.5, 1], counts [3, 1], shares [0.75, 0.25], n 4
 */
export function pitHistogram(pits: Float64Array, bins: number): PitHistogram {
  const h = histogram(pits, bins, { min: 0, max: 1 });
  if (h.underflow + h.overflow + h.negativeInfinity + h.positiveInfinity > 0) {
    throw new RangeError('pitHistogram: PIT values must lie between 0 and 1');
  }
  const n = pits.length - h.nan;
  const shares = new Float64Array(bins);
  for (let b = 0; b < bins; b++) shares[b] = n > 0 ? h.counts[b] / n : Number.NaN;
  return { edges: h.edges, counts: h.counts, shares, n };
}
