import type { Distribution } from '../distributions/distribution.ts';

/**
 * Whether every value of a column is the same (a fixed input carries no sensitivity).
 *
 * @example
 * isConstant(new Float64Array([2, 2, 2])) // true
 */
export function isConstant(column: Float64Array): boolean {
  for (let i = 1; i < column.length; i++) if (column[i] !== column[0]) return false;
  return true;
}

/**
 * Whether a distribution is degenerate: its whole support is one point (inv(0) and
 * inv(1), the support bounds, are equal), as for `fixed`, a bernoulli with p = 0 or 1,
 * or a truncation that keeps one atom. Equal central or tail percentiles are not enough:
 * a chance event with p = 0.0009 has p0.1 = p99.9 = 0 yet most of the output's variance.
 *
 * @example
 * isConstantDistribution(new FixedDistribution(3)) // true
 * isConstantDistribution(new BernoulliDistribution(0.0009, 1000)) // false
 */
export function isConstantDistribution(distribution: Distribution): boolean {
  return distribution.inv(0) === distribution.inv(1);
}
