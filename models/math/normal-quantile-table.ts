import * as dm from './deterministic-math.ts';
import { cubicHermiteCoefficients } from './cubic-hermite.ts';
import { normalInv } from './normal-inv.ts';

/*
 * Why a table: the exact normal quantile (AS 241) costs ~20 ns a draw, a rational
 * function with a division, and a logarithm in the tails. Latin Hypercube strata
 * arrive in ascending order, so a cubic Hermite table of z(u) over the central
 * u in [1/64, 63/64] (32,768 intervals, 1 MB) is read front to back (cache-friendly)
 * for ~8 ns a draw. Nodes are exact quantiles and node slopes the exact derivative
 * dz/du = 1/φ(z). The interpolation error is ~6e-14 in z at most (at the ends of the
 * range; measured over 2^20 ascending points in test/math/normal-quantile-table.test.ts)
 * and is checked at build time against the exact quantile inside every eighth
 * interval: the table is dropped if it exceeds NORMAL_TABLE_MAX_ERROR. Outside the
 * central range, or without a table, the exact quantile is used.
 * Built from IEEE arithmetic and the deterministic library only, so every engine
 * builds the same table.
 */
const LOW = 1 / 64;
const HIGH = 63 / 64;
const INTERVALS = 32768;
const STEP = (HIGH - LOW) / INTERVALS;
const INVERSE_STEP = INTERVALS / (HIGH - LOW);
const CHECK_EVERY = 8;

/**
 * Largest |table z − exact z| allowed; the table is dropped if any checked point exceeds it.
 *
 * @example
 * Math.abs(standardNormalFromTable(0.3) - normalInv(0.3)) <= NORMAL_TABLE_MAX_ERROR
 */
export const NORMAL_TABLE_MAX_ERROR = 1e-12;

let table: Float64Array | null | undefined;

function build(): Float64Array | null {
  const density = (z: number): number => dm.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  const nodes = new Float64Array(INTERVALS + 1);
  const slopes = new Float64Array(INTERVALS + 1);
  for (let k = 0; k <= INTERVALS; k++) {
    nodes[k] = normalInv(LOW + k * STEP);
    slopes[k] = STEP / density(nodes[k]);
  }
  const coefficients = cubicHermiteCoefficients(nodes, slopes);
  if (!coefficients) return null;
  for (let k = 0; k < INTERVALS; k += CHECK_EVERY) {
    for (const f of [0.25, 0.75]) {
      const j = 4 * k;
      const interpolated = coefficients[j] + f * (coefficients[j + 1] + f * (coefficients[j + 2] + f * coefficients[j + 3]));
      if (!(Math.abs(interpolated - normalInv(LOW + (k + f) * STEP)) <= NORMAL_TABLE_MAX_ERROR)) return null;
    }
  }
  return coefficients;
}

/**
 * out[i] = location + scale · z(u[i]) for ascending u (Latin Hypercube strata): the
 * table inside [1/64, 63/64), the exact quantile outside. Agrees with
 * `location + scale · normalInv(u[i])` to NORMAL_TABLE_MAX_ERROR · scale.
 *
 * @example
 * fillNormalQuantilesAscending(strata, out, n, 10, 2);
 */
export function fillNormalQuantilesAscending(u: Float64Array, out: Float64Array, n: number, location: number, scale: number): void {
  if (table === undefined) table = build();
  const coefficients = table;
  for (let i = 0; i < n; i++) {
    const p = u[i];
    if (coefficients !== null && p >= LOW && p < HIGH) {
      const position = (p - LOW) * INVERSE_STEP;
      const k = position | 0;
      const f = position - k;
      const j = 4 * k;
      out[i] = location + scale * (coefficients[j] + f * (coefficients[j + 1] + f * (coefficients[j + 2] + f * coefficients[j + 3])));
    } else out[i] = location + scale * normalInv(p);
  }
}
