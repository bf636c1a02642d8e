import type { ResolvedRange } from './resolved-ranges.ts';
import { wideningFactor } from './widening-factor.ts';
import { wilsonInterval } from './wilson-interval.ts';

/** How well one estimator's 90 % ranges held up across the portfolio. */
export interface EstimatorCalibration {
  estimator: string;
  /** Resolved ranges. */
  n: number;
  hits: number;
  /** hits / n, against the 90 % target. */
  hitRate: number;
  /** Wilson 95 % interval of the hit rate. */
  hitRateInterval: { lower: number; upper: number };
  /** Mean interval score (α = 0.1); in each input's own unit, so compare one estimator's ranges over time rather than across estimators. */
  meanIntervalScore: number;
  /** The factor about the median that would have made 90 % of the ranges right. */
  wideningFactor: number;
  ranges: ResolvedRange[];
}

/**
 * Groups scored ranges by estimator (`by`, trimmed; the same name in another case is the
 * same person) and sums each up: n, hits, hit rate with its Wilson 95 % interval, mean
 * interval score and widening factor. Sorted by n, most first, then name.
 *
 * @example
 * estimatorCalibration(ranges)[0] // { estimator: 'Ana Ruiz', n: 12, hitRate: 0.583…, wideningFactor: 1.9…, … }
 */
export function estimatorCalibration(ranges: readonly ResolvedRange[]): EstimatorCalibration[] {
  const groups = new Map<string, ResolvedRange[]>();
  for (const range of ranges) {
    const key = range.by.trim();
    const group = groups.get(key);
    if (group) group.push(range);
    else groups.set(key, [range]);
  }
  const list: EstimatorCalibration[] = [];
  for (const [estimator, group] of groups) {
    const hits = group.filter((r) => r.inside).length;
    list.push({
      estimator,
      n: group.length,
      hits,
      hitRate: hits / group.length,
      hitRateInterval: wilsonInterval(hits, group.length),
      meanIntervalScore: group.reduce((sum, r) => sum + r.score, 0) / group.length,
      wideningFactor: wideningFactor(group.map((r) => r.neededFactor)),
      ranges: group,
    });
  }
  return list.sort((a, b) => b.n - a.n || a.estimator.localeCompare(b.estimator));
}
