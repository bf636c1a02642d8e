import * as dm from './deterministic-math.ts';
/*
 * Lanczos approximation with g = 7 and nine coefficients (Godfrey's set):
 * about 1e-15 relative error in Γ, i.e. ~1e-15 absolute error in ln Γ.
 */
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;
const HALF_LOG_2PI = 0.91893853320467274178;
const LOG_PI = 1.1447298858494002;
/** Below this the series is less accurate than the reflection formula. */
const REFLECTION_LIMIT = 0.5;

/**
 * Natural logarithm of the absolute value of the gamma function, ln|Γ(x)|.
 * +Infinity at 0 and the negative integers.
 *
 * @example
 * logGamma(0.5) // ≈ 0.5723649429247001 (= ln √π)
 * logGamma(10) // ≈ 12.801827480081469 (= ln 9!)
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (x < REFLECTION_LIMIT) {
    // Γ(x) Γ(1 - x) = π / sin(πx)
    const sine = Math.abs(dm.sinPi(x));
    if (x === -Infinity) return Infinity;
    return LOG_PI - dm.log(sine) - logGamma(1 - x);
  }
  const z = x - 1;
  let series = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) series += LANCZOS_COEFFICIENTS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * dm.log(t) - t + dm.log(series);
}
