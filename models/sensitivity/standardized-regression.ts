import { linearRegression } from '../stats/linear-regression.ts';

/** Result of `standardizedRegression`. */
export interface StandardizedRegression {
  /** SRC_i = b_i·sd(x_i)/sd(y) for each input (0 for an aliased input). */
  coefficients: Float64Array;
  /**
   * R² of the linear fit. For independent inputs Σ SRC_i² ≈ R², and SRC_i² is the share
   * of output variance explained by input i only when R² is high: below 0.7 the output
   * is non-linear or interaction-dominated and SRCs mislead.
   */
  rSquared: number;
  /** Inputs dropped as constant or collinear. */
  aliased: number[];
}

/**
 * Standardized regression coefficients of the output on all inputs jointly (multiple
 * OLS), with the model R² so callers can warn when the linear model explains too little.
 *
 * @example
 * const x1 = new Float64Array([0, 1, 0, 1]);
 * const x2 = new Float64Array([0, 0, 1, 1]);
 * const y = new Float64Array([0, 3, 4, 7]); // y = 3·x1 + 4·x2
 * standardizedRegression([x1, x2], y); // coefficients [0.6, 0.8], rSquared 1
 */
export function standardizedRegression(inputs: readonly Float64Array[], output: Float64Array): StandardizedRegression {
  const fit = linearRegression(inputs, output);
  return { coefficients: fit.standardized, rSquared: fit.rSquared, aliased: fit.aliased };
}
