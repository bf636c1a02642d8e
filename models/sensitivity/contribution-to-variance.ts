import { rankCorrelation } from './rank-correlation.ts';

/**
 * @RISK-style contribution to variance: each input's squared Spearman correlation with
 * the output, normalised so the magnitudes sum to 100, with the correlation's sign kept
 * (so −30 means "30% of the explained variation, and the output falls as this input
 * rises"). Constant inputs contribute 0; all zeros if no input correlates. This is a
 * ranking heuristic, not a variance decomposition: it double counts correlated inputs
 * and ignores interactions (see `reliabilityWarnings`).
 *
 * @example
 * const y = new Float64Array([1, 4, 9, 16]);
 * // Spearman ρ = 1 and −0.8 → squares 1 : 0.64
 * contributionToVariance([new Float64Array([1, 2, 3, 4]), new Float64Array([4, 3, 1, 2])], y);
 * // Float64Array [60.97…, -39.02…]
 */
export function contributionToVariance(inputs: readonly Float64Array[], output: Float64Array): Float64Array {
  const rho = rankCorrelation(inputs, output);
  let total = 0;
  for (let i = 0; i < rho.length; i++) {
    if (!Number.isFinite(rho[i])) rho[i] = 0;
    total += rho[i] * rho[i];
  }
  for (let i = 0; i < rho.length; i++) rho[i] = total > 0 ? (Math.sign(rho[i]) * 100 * rho[i] * rho[i]) / total : 0;
  return rho;
}
