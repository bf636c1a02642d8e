import { linearRegression } from '../stats/linear-regression.ts';
import { rank } from '../stats/rank.ts';

/** Machine-readable reason for a `ReliabilityWarning`. */
export type ReliabilityWarningCode = 'constant-output' | 'low-regression-r2' | 'rank-regression-better' | 'correlated-inputs';

/** One caveat about rank- and regression-based sensitivity measures. */
export interface ReliabilityWarning {
  code: ReliabilityWarningCode;
  /** Plain-English explanation for a finance reader. */
  message: string;
  /** R² (low-regression-r2, rank-regression-better) or Spearman ρ (correlated-inputs). */
  value?: number;
  /** For correlated-inputs: the two input indices. */
  inputs?: [number, number];
}

/** Thresholds and labels for `reliabilityWarnings`. */
export interface ReliabilityWarningOptions {
  /** Input names for messages; defaults to x1, x2, … */
  names?: readonly string[];
  /** Warn when the linear regression R² is below this (default 0.7). */
  minRSquared?: number;
  /** Warn when rank-regression R² exceeds linear R² by more than this (default 0.1). */
  rankGap?: number;
  /** Warn for input pairs with |Spearman ρ| above this (default 0.3). */
  maxInputCorrelation?: number;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const fix = (x: number): string => x.toFixed(2);

/**
 * Checks whether rank correlations, standardized regression coefficients and
 * contribution to variance can be trusted for this sample:
 * - `constant-output`: the output does not vary, nothing to attribute;
 * - `low-regression-r2`: linear regression R² below 0.7, so the output is non-linear or
 *   interaction-dominated and rank/regression methods are unreliable;
 * - `rank-regression-better`: regression on ranks has R² more than 0.1 above the linear
 *   R², so the response is monotone but non-linear (prefer the rank-based measures);
 * - `correlated-inputs`: one per input pair with |Spearman ρ| > 0.3, since contribution
 *   to variance then counts their shared effect twice.
 *
 * @example
 * reliabilityWarnings([x1, x2], y, { names: ['adoption', 'hours saved'] });
 * // [{ code: 'low-regression-r2', value: 0.42, message: 'The linear regression explains only 42% …' }]
 */
export function reliabilityWarnings(inputs: readonly Float64Array[], output: Float64Array, options: ReliabilityWarningOptions = {}): ReliabilityWarning[] {
  const { minRSquared = 0.7, rankGap = 0.1, maxInputCorrelation = 0.3 } = options;
  const k = inputs.length;
  const name = (i: number): string => options.names?.[i] ?? `x${i + 1}`;
  const warnings: ReliabilityWarning[] = [];

  const rankColumns = inputs.map((x) => rank(x));
  // The rank regression also yields the Spearman matrix of the inputs.
  const rankFit = linearRegression(rankColumns, rank(output));
  const linear = linearRegression(inputs, output);
  const r2 = linear.rSquared;
  if (!Number.isFinite(r2)) {
    warnings.push({
      code: 'constant-output',
      message: 'The output is the same in every trial, so there is no variation for any input to explain.',
    });
  } else {
    if (r2 < minRSquared) {
      warnings.push({
        code: 'low-regression-r2',
        value: r2,
        message:
          `A linear model of the inputs explains only ${pct(r2)} of the output's variation (R² = ${fix(r2)}, below ${fix(minRSquared)}). ` +
          'The output is non-linear or driven by interactions between inputs, so rank correlations, regression coefficients ' +
          'and contribution to variance can misstate which inputs matter; use variance-based (Sobol) indices instead.',
      });
    }
    const rankR2 = rankFit.rSquared;
    if (rankR2 - r2 > rankGap) {
      warnings.push({
        code: 'rank-regression-better',
        value: rankR2,
        message:
          `A model on ranks explains much more of the output (R² = ${fix(rankR2)}) than a linear model (R² = ${fix(r2)}): ` +
          'the output moves consistently with its inputs but not in straight lines. Prefer rank correlation and ' +
          'contribution to variance over standardized regression coefficients.',
      });
    }
  }
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const rho = rankFit.correlations[i * k + j];
      if (Math.abs(rho) > maxInputCorrelation) {
        warnings.push({
          code: 'correlated-inputs',
          value: rho,
          inputs: [i, j],
          message:
            `"${name(i)}" and "${name(j)}" move together (Spearman ρ = ${fix(rho)}). Contribution to variance counts ` +
            'their shared effect twice, and one-at-a-time charts (tornado, spider) understate what happens when both move.',
        });
      }
    }
  }
  return warnings;
}
