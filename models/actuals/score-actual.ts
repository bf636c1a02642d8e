import { quantileSorted } from '../stats/quantile-sorted.ts';
import { crpsSample } from './crps-sample.ts';
import { intervalScore } from './interval-score.ts';
import { pitValue } from './pit-value.ts';

/** The scores of one actual against its month's forecast, as `scoreActual` returns them. */
export interface ActualScore {
  /** The forecast's percentile of the actual (mid-rank for ties), in [0, 1]. */
  pit: number;
  /** CRPS in the series' units. */
  crps: number;
  /** The forecast's P5 and P95 (type 7, as the run summary takes them). */
  p5: number;
  p95: number;
  /** Interval score of P5–P95 (α = 0.1). */
  intervalScore: number;
  /** Whether the actual lies inside P5–P95, bounds included. */
  inside: boolean;
}

/**
 * Every score of one actual y against the forecast sample of its month: PIT, CRPS, the
 * P5–P95 interval and its interval score. `sortedSamples` must be ascending, non-empty and
 * free of NaN; a RangeError otherwise.
 *
 * @example
 * scoreActual(Float64Array.from({ length: 101 }, (_, i) => i), 50);
 * // { pit: 0.5, crps: 8.415…, p5: 5, p95: 95, intervalScore: 90, inside: true }
 */
export function scoreActual(sortedSamples: Float64Array, y: number): ActualScore {
  if (sortedSamples.length === 0) throw new RangeError('scoreActual: the forecast has no values for this month');
  const p5 = quantileSorted(sortedSamples, 0.05);
  const p95 = quantileSorted(sortedSamples, 0.95);
  if (!(p5 <= p95)) throw new RangeError('scoreActual: the forecast values must be sorted ascending and free of NaN');
  return {
    pit: pitValue(sortedSamples, y),
    crps: crpsSample(sortedSamples, y),
    p5,
    p95,
    intervalScore: intervalScore(p5, p95, 0.1, y),
    inside: y >= p5 && y <= p95,
  };
}
