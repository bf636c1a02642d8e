import { createDistribution } from '../distributions/create-distribution.ts';
import type { DistributionSpec } from '../distributions/spec.ts';

/** An input's stated 90 % range: its P5, median and P95. */
export interface StatedRange {
  lower: number;
  median: number;
  upper: number;
}

/**
 * The 90 % range an input's stated distribution gives: P5, P50 and P95 of the spec (the
 * prior, before any evidence). Null for a point mass or a discrete input (fixed, bernoulli,
 * discrete), whose "range" is no interval to score.
 *
 * @example
 * statedRange({ type: 'normal', p5: 10, p95: 20 }) // { lower: 10, median: 15, upper: 20 }
 */
export function statedRange(spec: DistributionSpec): StatedRange | null {
  const distribution = createDistribution(spec);
  if (distribution.discrete) return null;
  const lower = distribution.inv(0.05);
  const upper = distribution.inv(0.95);
  if (!(upper > lower)) return null;
  return { lower, median: distribution.inv(0.5), upper };
}
