import { pearson } from './pearson.ts';
import { rank } from './rank.ts';

/**
 * Spearman rank correlation: Pearson's correlation of the average ranks (ties share
 * the mean of their ranks, so this is the tie-corrected ρ). NaN if either column has a
 * NaN, fewer than 2 values, or is constant.
 *
 * @example
 * spearman(new Float64Array([1, 2, 3, 4]), new Float64Array([1, 8, 27, 64])); // 1
 */
export function spearman(x: Float64Array, y: Float64Array): number {
  if (y.length !== x.length) throw new RangeError(`spearman: columns differ in length (${x.length} vs ${y.length})`);
  return pearson(rank(x), rank(y));
}
