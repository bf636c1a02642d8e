/** Result of `weightedMean`. */
export interface WeightedMean {
  /** Σwx / Σw over the non-NaN values. */
  mean: number;
  /** Weighted standard deviation √(Σw(x − mean)² / Σw). */
  sd: number;
  /** Monte Carlo standard error of the mean, √(Σw²(x − mean)²) / Σw. */
  standardError: number;
}

/**
 * Weighted mean of a column with its spread and its Monte Carlo standard error. For
 * importance weights (self-normalised importance sampling) the standard error is the
 * delta-method one, √(Σw²(x − x̄)²)/Σw; with equal weights it is the plain sd/√n (with the
 * population sd). NaN values are left out with their weight; weights must be ≥ 0. All NaN
 * when no weight is left.
 *
 * @example
 * weightedMean(new Float64Array([1, 3]), new Float64Array([1, 1])); // { mean: 2, sd: 1, standardError: 0.7071067811865476 }
 * weightedMean(new Float64Array([0, 10]), new Float64Array([3, 1])).mean; // 2.5
 */
export function weightedMean(values: Float64Array, weights: Float64Array): WeightedMean {
  if (values.length !== weights.length) throw new RangeError(`weightedMean: ${values.length} values but ${weights.length} weights`);
  let total = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i];
    if (!(w >= 0)) throw new RangeError(`weightedMean: weight ${i} is ${w}; weights must be ≥ 0`);
    const x = values[i];
    if (x !== x || w === 0) continue;
    total += w;
    sum += w * x;
  }
  if (!(total > 0)) return { mean: Number.NaN, sd: Number.NaN, standardError: Number.NaN };
  const mean = sum / total;
  let spread = 0;
  let squaredWeightSpread = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    const w = weights[i];
    if (x !== x || w === 0) continue;
    const d2 = (x - mean) * (x - mean);
    spread += w * d2;
    squaredWeightSpread += w * w * d2;
  }
  return { mean, sd: Math.sqrt(spread / total), standardError: Math.sqrt(squaredWeightSpread) / total };
}
