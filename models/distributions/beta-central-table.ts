import { cubicHermiteCoefficients } from '../math/cubic-hermite.ts';
import { incompleteBetaWithLogs } from '../math/incomplete-beta.ts';
import { incompleteBetaInv } from '../math/incomplete-beta-inv.ts';
import { logBeta } from '../math/log-beta.ts';
import * as dm from '../math/deterministic-math.ts';

/*
 * The central table covers u in [1/64, 63/64], where most draws fall, with a cubic
 * Hermite interpolant of x(u) on a uniform grid (exact values and slopes 1/pdf), so a
 * draw costs a multiply-add chain instead of a log and an exp. Built only for
 * alpha, beta >= 1 (smooth quantile in the middle) and kept only if its error, checked
 * at every interval's midpoint against the exact inverse, is below CENTRAL_MAX_ERROR.
 */
export const CENTRAL_LOW = 1 / 64;
export const CENTRAL_HIGH = 63 / 64;
export const CENTRAL_INTERVALS = 16384;
const CENTRAL_STEP = (CENTRAL_HIGH - CENTRAL_LOW) / CENTRAL_INTERVALS;
export const CENTRAL_INVERSE_STEP = CENTRAL_INTERVALS / (CENTRAL_HIGH - CENTRAL_LOW);
const CENTRAL_MAX_ERROR = 1e-12;
const CENTRAL_CHECK_EVERY = 16;

/**
 * The central table's cubic coefficients (four per interval) for Beta(alpha, beta), or
 * null when its checked error is too large.
 *
 * @example
 * const central = alpha >= 1 && beta >= 1 ? buildCentralTable(alpha, beta) : null;
 */
export function buildCentralTable(alpha: number, beta: number): Float64Array | null {
  const logNormaliser = logBeta(alpha, beta);
  const logPdf = (x: number): number => (alpha - 1) * dm.log(x) + (beta - 1) * dm.log1p(-x) - logNormaliser;
  const nodes = new Float64Array(CENTRAL_INTERVALS + 1);
  const slopes = new Float64Array(CENTRAL_INTERVALS + 1);
  let x = incompleteBetaInv(CENTRAL_LOW, alpha, beta);
  for (let k = 0; k <= CENTRAL_INTERVALS; k++) {
    const u = CENTRAL_LOW + k * CENTRAL_STEP;
    if (k > 0) {
      // Newton from the neighbouring node extrapolated along its slope: a few steps reach full precision.
      x = Math.min(Math.max(x + slopes[k - 1], Number.MIN_VALUE), 1 - Number.EPSILON);
      let converged = false;
      for (let iteration = 0; iteration < 8; iteration++) {
        // ln x and ln(1 − x) serve both the incomplete beta and the density.
        const logX = dm.log(x);
        const logOneMinusX = dm.log1p(-x);
        const logDensity = (alpha - 1) * logX + (beta - 1) * logOneMinusX - logNormaliser;
        const step = (incompleteBetaWithLogs(x, alpha, beta, false, logX, logOneMinusX) - u) * dm.exp(-logDensity);
        const next = x - step;
        if (!(next > 0 && next < 1)) break;
        x = next;
        if (Math.abs(step) <= 1e-16 * Math.max(x, 1e-300) + 1e-17) {
          converged = true;
          break;
        }
      }
      if (!converged) x = incompleteBetaInv(u, alpha, beta);
    }
    nodes[k] = x;
    slopes[k] = dm.exp(-logPdf(x)) * CENTRAL_STEP;
  }
  const coefficients = cubicHermiteCoefficients(nodes, slopes);
  if (!coefficients) return null;
  // Check nodes and midpoints against the exact inverse on an even subsample of intervals.
  for (let k = 0; k < CENTRAL_INTERVALS; k += CENTRAL_CHECK_EVERY) {
    const j = k * 4;
    const interpolated = coefficients[j] + 0.5 * (coefficients[j + 1] + 0.5 * (coefficients[j + 2] + 0.5 * coefficients[j + 3]));
    const exactMidpoint = incompleteBetaInv(CENTRAL_LOW + (k + 0.5) * CENTRAL_STEP, alpha, beta);
    const exactNode = incompleteBetaInv(CENTRAL_LOW + k * CENTRAL_STEP, alpha, beta);
    if (!(Math.abs(interpolated - exactMidpoint) <= CENTRAL_MAX_ERROR && Math.abs(nodes[k] - exactNode) <= CENTRAL_MAX_ERROR)) return null;
  }
  return coefficients;
}
