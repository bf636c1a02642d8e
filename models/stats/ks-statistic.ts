/**
 * One-sample Kolmogorov–Smirnov statistic D = sup |Fₙ(x) − F(x)| of a sample against a
 * continuous distribution function `cdf`: with the sample sorted, D = maxᵢ max(i/n − F(x₍ᵢ₎),
 * F(x₍ᵢ₎) − (i − 1)/n). NaN values are left out; an empty sample gives NaN. For large n the
 * test rejects at level α when D > √(−ln(α/2)/2)/√n (1.358/√n at α = 0.05).
 *
 * @example
 * ksStatistic(new Float64Array([0.1, 0.4, 0.7]), (x) => x); // 0.3 (against the uniform on [0, 1])
 */
export function ksStatistic(sample: Float64Array, cdf: (x: number) => number): number {
  const sorted = sample.filter((v) => v === v).sort();
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    const above = (i + 1) / n - f;
    const below = f - i / n;
    if (above > d) d = above;
    if (below > d) d = below;
  }
  return d;
}
