/** z for a two-sided 95 % interval: Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for a binomial proportion (95 % by default): the centre
 * (p̂ + z²/2n)/(1 + z²/n) ± z·√(p̂(1 − p̂)/n + z²/4n²)/(1 + z²/n). It stays inside [0, 1]
 * and behaves at 0 or n hits, where the normal (Wald) interval collapses. NaN bounds for n = 0.
 *
 * @example
 * wilsonInterval(6, 10) // { lower: 0.3127…, upper: 0.8318… }
 */
export function wilsonInterval(hits: number, n: number, z = Z_95): { lower: number; upper: number } {
  if (n <= 0) return { lower: Number.NaN, upper: Number.NaN };
  const p = hits / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
