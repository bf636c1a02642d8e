/**
 * Kish's effective sample size of a set of importance weights, (Σw)² / Σw²: n for equal
 * weights, 1 when one weight holds everything. Weights need not be normalised; negative
 * or NaN weights are a RangeError. Returns 0 when every weight is 0.
 *
 * @example
 * effectiveSampleSize(new Float64Array([1, 1, 1, 1])); // 4
 * effectiveSampleSize(new Float64Array([0.5, 0.5, 0, 0])); // 2
 */
export function effectiveSampleSize(weights: Float64Array): number {
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!(w >= 0)) throw new RangeError(`effectiveSampleSize: weight ${i} is ${w}; weights must be ≥ 0`);
    sum += w;
    sumSquares += w * w;
  }
  return sumSquares > 0 ? (sum * sum) / sumSquares : 0;
}
