import type { Distribution } from './distribution.ts';

/**
 * A distribution whose support is a finite set of point masses. Truncation uses
 * it to condition exactly (sums instead of integrals) and to keep point masses
 * at the bounds.
 *
 * @example
 * const { supportValues, supportProbabilities } = new DiscreteDistribution([2, 1], [1, 3]);
 * // supportValues = [1, 2], supportProbabilities = [0.75, 0.25]
 */
export interface FiniteSupport {
  /** The support, ascending, without duplicates; every value has positive probability. */
  readonly supportValues: readonly number[];
  /** Probability of each support value (same order), summing to 1. */
  readonly supportProbabilities: readonly number[];
}

/**
 * True when `distribution` exposes its point masses.
 *
 * @example
 * hasFiniteSupport(new BernoulliDistribution(0.3)) // true
 */
export function hasFiniteSupport(distribution: Distribution): distribution is Distribution & FiniteSupport {
  const candidate = distribution as Partial<FiniteSupport>;
  return Array.isArray(candidate.supportValues) && Array.isArray(candidate.supportProbabilities);
}
