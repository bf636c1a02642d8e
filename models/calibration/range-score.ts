import { intervalScore } from '../actuals/interval-score.ts';
import type { StatedRange } from './stated-range.ts';

/** How one 90 % range held up against the value that became known. */
export interface RangeScore {
  /** The value lies within [lower, upper], bounds included. */
  inside: boolean;
  /** Interval score for α = 0.1: width + 20 per unit of miss (lower is better). */
  score: number;
  /** The factor about the median that would just have taken the value in (0 at the median). */
  neededFactor: number;
}

/**
 * Scores a stated 90 % range against the resolved value: inside or not, its interval score
 * (u − l) + 20·(l − x)·[x < l] + 20·(x − u)·[x > u], and the widening about the median
 * that would just have covered x: (x − m)/(u − m) above the median, (m − x)/(m − l) below.
 *
 * @example
 * rangeScore({ lower: 10, median: 15, upper: 20 }, 22) // { inside: false, score: 50, neededFactor: 1.4 }
 */
export function rangeScore(range: StatedRange, value: number): RangeScore {
  const { lower, median, upper } = range;
  const inside = value >= lower && value <= upper;
  const score = intervalScore(lower, upper, 0.1, value);
  let neededFactor = 0;
  if (value > median) neededFactor = (value - median) / (upper - median);
  else if (value < median) neededFactor = (median - value) / (median - lower);
  return { inside, score, neededFactor };
}
