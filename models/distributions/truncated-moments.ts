import type { Distribution } from './distribution.ts';

/**
 * Mean and variance of a distribution.
 *
 * @example
 * const { mean, variance }: Moments = new NormalDistribution(0, 1).truncatedMoments(0, Infinity);
 */
export interface Moments {
  readonly mean: number;
  readonly variance: number;
}

/**
 * A distribution that knows the moments of itself conditioned on [min, max] in closed form.
 *
 * @example
 * new UniformDistribution(0, 10).truncatedMoments(4, 20) // { mean: 7, variance: 3 }
 */
export interface ClosedFormTruncatedMoments {
  /** Moments conditioned on min <= X <= max (either bound may be infinite). */
  truncatedMoments(min: number, max: number): Moments;
}

/**
 * True when `distribution` provides closed-form truncated moments.
 *
 * @example
 * hasClosedFormTruncatedMoments(new NormalDistribution(0, 1)) // true
 */
export function hasClosedFormTruncatedMoments(distribution: Distribution): distribution is Distribution & ClosedFormTruncatedMoments {
  return typeof (distribution as Partial<ClosedFormTruncatedMoments>).truncatedMoments === 'function';
}
