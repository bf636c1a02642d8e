/** Result of `weightedShareAbove`. */
export interface WeightedShare {
  /** Weighted share of the values above the threshold. */
  share: number;
  /** Its Monte Carlo standard error, √(Σw²(1{x > t} − share)²) / Σw. */
  standardError: number;
}

/**
 * Weighted probability that a value exceeds a threshold (default 0): P(NPV > 0) under the
 * weights of the forecast updated by actuals. The standard error is the delta-method one for
 * self-normalised importance weights; with equal weights it is the binomial √(p(1 − p)/n).
 * NaN values are left out with their weight; weights must be ≥ 0.
 *
 * @example
 * weightedShareAbove(new Float64Array([-1, 2, 3, 4]), new Float64Array([1, 1, 1, 1])); // { share: 0.75, standardError: 0.21650635094610965 }
 */
export function weightedShareAbove(values: Float64Array, weights: Float64Array, threshold = 0): WeightedShare {
  if (values.length !== weights.length) throw new RangeError(`weightedShareAbove: ${values.length} values but ${weights.length} weights`);
  let total = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i];
    if (!(w >= 0)) throw new RangeError(`weightedShareAbove: weight ${i} is ${w}; weights must be ≥ 0`);
    const x = values[i];
    if (x !== x || w === 0) continue;
    total += w;
    if (x > threshold) above += w;
  }
  if (!(total > 0)) return { share: Number.NaN, standardError: Number.NaN };
  const share = above / total;
  let squared = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    const w = weights[i];
    if (x !== x || w === 0) continue;
    const d = (x > threshold ? 1 : 0) - share;
    squared += w * w * d * d;
  }
  return { share, standardError: Math.sqrt(squared) / total };
}
