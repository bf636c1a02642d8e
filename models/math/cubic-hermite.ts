/**
 * Coefficients of the cubic Hermite interpolant through (k, nodes[k]) with end slopes
 * slopes[k] (both per unit step), four per interval: on interval k at fraction f,
 * y = c0 + f·(c1 + f·(c2 + f·c3)). Null when an interval does not rise or a slope is
 * not finite (the quantile tables then fall back to the exact function).
 *
 * @example
 * cubicHermiteCoefficients(Float64Array.of(0, 1), Float64Array.of(1, 1)) // [0, 1, 0, 0]
 */
export function cubicHermiteCoefficients(nodes: Float64Array, slopes: Float64Array): Float64Array | null {
  const intervals = nodes.length - 1;
  const coefficients = new Float64Array(intervals * 4);
  for (let k = 0; k < intervals; k++) {
    const rise = nodes[k + 1] - nodes[k];
    const m0 = slopes[k];
    const m1 = slopes[k + 1];
    if (!(rise > 0) || !Number.isFinite(m0) || !Number.isFinite(m1)) return null;
    const j = 4 * k;
    coefficients[j] = nodes[k];
    coefficients[j + 1] = m0;
    coefficients[j + 2] = 3 * rise - 2 * m0 - m1;
    coefficients[j + 3] = m0 + m1 - 2 * rise;
  }
  return coefficients;
}
