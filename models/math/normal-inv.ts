import * as dm from './deterministic-math.ts';
/*
 * M. J. Wichura, "Algorithm AS 241: The percentage points of the normal
 * distribution", Applied Statistics 37 (1988) 477–484, PPND16: rational
 * approximations with about 1e-16 relative accuracy over the whole double range.
 * The same arithmetic appears twice below (scalar and column form) on purpose:
 * the column form is the Monte Carlo hot path and must give identical bits.
 */

const SPLIT_CENTRAL = 0.425;
const SPLIT_TAIL = 5;
const CENTRAL_OFFSET = 0.180625;
const MIDDLE_OFFSET = 1.6;

const A0 = 3.387132872796366608;
const A1 = 133.14166789178437745;
const A2 = 1971.5909503065514427;
const A3 = 13731.693765509461125;
const A4 = 45921.953931549871457;
const A5 = 67265.770927008700853;
const A6 = 33430.575583588128105;
const A7 = 2509.0809287301226727;
const B1 = 42.313330701600911252;
const B2 = 687.1870074920579083;
const B3 = 5394.1960214247511077;
const B4 = 21213.794301586595867;
const B5 = 39307.89580009271061;
const B6 = 28729.085735721942674;
const B7 = 5226.495278852854561;

const C0 = 1.42343711074968357734;
const C1 = 4.6303378461565452959;
const C2 = 5.7694972214606914055;
const C3 = 3.64784832476320460504;
const C4 = 1.27045825245236838258;
const C5 = 0.24178072517745061177;
const C6 = 0.0227238449892691845833;
const C7 = 7.7454501427834140764e-4;
const D1 = 2.05319162663775882187;
const D2 = 1.6763848301838038494;
const D3 = 0.68976733498510000455;
const D4 = 0.14810397642748007459;
const D5 = 0.0151986665636164571966;
const D6 = 5.475938084995344946e-4;
const D7 = 1.05075007164441684324e-9;

const E0 = 6.6579046435011037772;
const E1 = 5.4637849111641143699;
const E2 = 1.7848265399172913358;
const E3 = 0.29656057182850489123;
const E4 = 0.026532189526576123093;
const E5 = 0.0012426609473880784386;
const E6 = 2.71155556874348757815e-5;
const E7 = 2.01033439929228813265e-7;
const F1 = 0.59983220655588793769;
const F2 = 0.13692988092273580531;
const F3 = 0.0148753612908506148525;
const F4 = 7.868691311456132591e-4;
const F5 = 1.8463183175100546818e-5;
const F6 = 1.4215117583164458887e-7;
const F7 = 2.04426310338993978564e-15;

/**
 * Standard normal quantile Φ⁻¹(p) for p in [0, 1] (AS 241, full double
 * precision). Returns -Infinity at 0, +Infinity at 1 and NaN outside [0, 1].
 *
 * @example
 * normalInv(0.975) // ≈ 1.959963984540054
 * normalInv(0.5) // 0
 */
export function normalInv(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= SPLIT_CENTRAL) {
    const r = CENTRAL_OFFSET - q * q;
    return (
      (q * (((((((A7 * r + A6) * r + A5) * r + A4) * r + A3) * r + A2) * r + A1) * r + A0)) /
      (((((((B7 * r + B6) * r + B5) * r + B4) * r + B3) * r + B2) * r + B1) * r + 1)
    );
  }
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  let r = Math.sqrt(-dm.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= SPLIT_TAIL) {
    r -= MIDDLE_OFFSET;
    z =
      (((((((C7 * r + C6) * r + C5) * r + C4) * r + C3) * r + C2) * r + C1) * r + C0) /
      (((((((D7 * r + D6) * r + D5) * r + D4) * r + D3) * r + D2) * r + D1) * r + 1);
  } else {
    r -= SPLIT_TAIL;
    z =
      (((((((E7 * r + E6) * r + E5) * r + E4) * r + E3) * r + E2) * r + E1) * r + E0) /
      (((((((F7 * r + F6) * r + F5) * r + F4) * r + F3) * r + F2) * r + F1) * r + 1);
  }
  return q < 0 ? -z : z;
}

/**
 * Column form of `location + scale · normalInv(u[i])` into out[0..n): the Monte
 * Carlo hot path. Allocates nothing, calls nothing per element, and gives
 * exactly the same numbers as the scalar expression. `out` may be `u` itself.
 *
 * @example
 * const u = Float64Array.of(0.5, 0.975);
 * const out = new Float64Array(2);
 * fillNormalQuantiles(u, out, 2, 10, 2); // out ≈ [10, 13.919927969080108]
 */
export function fillNormalQuantiles(u: Float64Array, out: Float64Array, n: number, location: number, scale: number): void {
  for (let i = 0; i < n; i++) {
    const p = u[i];
    const q = p - 0.5;
    // z starts as a double and only ever holds doubles, so optimised code keeps it unboxed.
    let z = 0;
    if (Math.abs(q) <= SPLIT_CENTRAL) {
      const r = CENTRAL_OFFSET - q * q;
      z =
        (q * (((((((A7 * r + A6) * r + A5) * r + A4) * r + A3) * r + A2) * r + A1) * r + A0)) /
        (((((((B7 * r + B6) * r + B5) * r + B4) * r + B3) * r + B2) * r + B1) * r + 1);
    } else if (!(p >= 0 && p <= 1)) {
      z = 0 / 0;
    } else if (p === 0) {
      z = -1 / 0;
    } else if (p === 1) {
      z = 1 / 0;
    } else {
      let r = Math.sqrt(-dm.log(q < 0 ? p : 1 - p));
      if (r <= SPLIT_TAIL) {
        r -= MIDDLE_OFFSET;
        z =
          (((((((C7 * r + C6) * r + C5) * r + C4) * r + C3) * r + C2) * r + C1) * r + C0) /
          (((((((D7 * r + D6) * r + D5) * r + D4) * r + D3) * r + D2) * r + D1) * r + 1);
      } else {
        r -= SPLIT_TAIL;
        z =
          (((((((E7 * r + E6) * r + E5) * r + E4) * r + E3) * r + E2) * r + E1) * r + E0) /
          (((((((F7 * r + F6) * r + F5) * r + F4) * r + F3) * r + F2) * r + F1) * r + 1);
      }
      if (q < 0) z = -z;
    }
    out[i] = location + scale * z;
  }
}

/** AS 241's coefficients, lowest order first (B, D, F start at order 1), for ports that must use the same bits. */
export const AS241 = {
  SPLIT_CENTRAL,
  SPLIT_TAIL,
  CENTRAL_OFFSET,
  MIDDLE_OFFSET,
  A: [A0, A1, A2, A3, A4, A5, A6, A7],
  B: [1, B1, B2, B3, B4, B5, B6, B7],
  C: [C0, C1, C2, C3, C4, C5, C6, C7],
  D: [1, D1, D2, D3, D4, D5, D6, D7],
  E: [E0, E1, E2, E3, E4, E5, E6, E7],
  F: [1, F1, F2, F3, F4, F5, F6, F7],
} as const;
