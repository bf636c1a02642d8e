/** The share of resolved values a 90 % range should hold. */
export const CALIBRATION_TARGET = 0.9;

/**
 * The widening factor: the smallest k such that scaling every range about its median by k
 * (each side: m ± k·(bound − m)) would have put at least 90 % of the resolved values inside.
 * With r_i the factor each value needed (`rangeScore(...).neededFactor`), k is the
 * ⌈0.9·n⌉-th smallest r_i. Above 1: the ranges were too narrow; below 1: wider than needed.
 * NaN without ranges.
 *
 * @example
 * wideningFactor([0.2, 0.5, 0.8, 1.1, 1.5, 0.3, 0.6, 0.9, 1.2, 2.4]) // 1.5 (9 of 10 inside at ×1.5)
 */
export function wideningFactor(neededFactors: readonly number[], target = CALIBRATION_TARGET): number {
  const n = neededFactors.length;
  if (n === 0) return Number.NaN;
  const sorted = [...neededFactors].sort((a, b) => a - b);
  const rank = Math.ceil(target * n - 1e-9);
  return sorted[Math.max(0, rank - 1)];
}
