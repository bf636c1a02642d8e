/** Summary returned by `meanAndStandardError`. */
export interface MeanAndStandardError {
  /** Number of non-NaN values used. */
  n: number;
  mean: number;
  /** Sample standard deviation (denominator n − 1); NaN when n < 2. */
  sd: number;
  /** Monte Carlo standard error of the mean, sd / √n; NaN when n < 2. */
  standardError: number;
}

/**
 * Mean, sample standard deviation (n − 1) and standard error of the mean of a column,
 * ignoring NaN. Accurate and deterministic: Neumaier-compensated sums in index order,
 * and the corrected two-pass variance Σ(x − x̄)² − (Σ(x − x̄))²/n.
 *
 * @example
 * meanAndStandardError(new Float64Array([2, 4, 4, 4, 5, 5, 7, 9]));
 * // { n: 8, mean: 5, sd: 2.138089935299395, standardError: 0.7559289460184544 }
 */
export function meanAndStandardError(values: Float64Array): MeanAndStandardError {
  const len = values.length;
  let n = 0;
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < len; i++) {
    const v = values[i];
    if (v !== v) continue;
    n++;
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  if (n === 0) return { n, mean: Number.NaN, sd: Number.NaN, standardError: Number.NaN };
  const mean = (sum + comp) / n;
  if (n < 2 || !Number.isFinite(mean)) return { n, mean, sd: Number.NaN, standardError: Number.NaN };
  let ss = 0;
  let ssComp = 0;
  let dev = 0;
  for (let i = 0; i < len; i++) {
    const v = values[i];
    if (v !== v) continue;
    const d = v - mean;
    dev += d;
    const sq = d * d;
    const t = ss + sq;
    ssComp += ss >= sq ? ss - t + sq : sq - t + ss;
    ss = t;
  }
  const variance = Math.max(0, (ss + ssComp - (dev * dev) / n) / (n - 1));
  const sd = Math.sqrt(variance);
  return { n, mean, sd, standardError: sd / Math.sqrt(n) };
}
