import * as dm from '../math/deterministic-math.ts';

/** A Halley step at most this small (relative) is final: convergence is cubic, so the error left is far smaller (measured on 40,960 trials of each fixture: ≤ 2.5e-11 in the annual rate). */
export const HALLEY_FINAL_STEP = 1e-5;

/**
 * A Halley step at most this small (relative) that follows another is final when the
 * error it leaves, estimated from the two, is at most CONTRACTION_FINAL_ERROR (relative).
 * On 40,960 contact-center trials this took the mean number of passes over the flows
 * from 2.51 to 2.18 and moved no IRR by more than 1.4e-12 of itself.
 */
export const CONTRACTION_FINAL_STEP = 1e-2;
export const CONTRACTION_FINAL_ERROR = 1e-12;

/**
 * The annualised IRR of one trial's monthly net cash flows (month 1 discounted one
 * month, as Excel's IRR treats the first flow of a series starting one period out).
 * When no rate solves NPV = 0 the result still ranks correctly: −Infinity when no
 * month's net flow is positive (the project never earns anything back), +Infinity
 * when none is negative. NaN means no single rate: none exists, or several may.
 *
 * With one sign change there is exactly one root (Descartes); with one sign change
 * of the cumulative cash flow, exactly one positive root (Norström). Otherwise, when
 * the first and last flows differ in sign there is an odd number of roots: one is
 * found and kept only if the rule of signs on each side of it shows there is no other
 * (`isOnlyRoot`). When they share a sign there is none or an even number: NaN.
 *
 * The root is found with Halley's method on g(t) = Σ flow_k e^(−k·t), t = ln(1 + r_monthly),
 * inside a bracket that falls back to bisection. The undiscounted total and the NPV at the
 * discount rate (free from the kernel) narrow the bracket before the first iteration. Each
 * pass sums the months in four lanes (the WebAssembly port's two f64x2 vectors), and a
 * pass ends the search once its step, or the error two successive steps leave, is tiny.
 *
 * @example
 * const irr = createTrialIrr();
 * irr.solve(new Float64Array([-1000, 100, 1200]), 3) // monthly ≈ 0.1466 → annualised ≈ 4.16
 */
export function createTrialIrr(): {
  solve: (flows: Float64Array, months: number, hintRate?: number, hintValue?: number, hintTotal?: number) => number;
  reset: () => void;
} {
  // Warm start from the previous root: trials of one case have similar rates. Reset per
  // chunk, so a chunk's results never depend on which thread ran what before it.
  let previousRoot = 0;
  const solve = function trialIrr(flows: Float64Array, months: number, hintRate = NaN, hintValue = NaN, hintTotal = NaN): number {
    let signChanges = 0;
    // The positive and the negative flows as two lumps (sum, and month-weighted sum for
    // their centre), for the starting guess below.
    let positiveSum = 0;
    let positiveMoment = 0;
    let negativeSum = 0;
    let negativeMoment = 0;
    let month = 0;
    while (month < months && flows[month] === 0) month++;
    if (month === months) return NaN;
    const first = month;
    let last = month;
    let positive = flows[month] > 0;
    for (; month < months; month++) {
      const flow = flows[month];
      if (flow > 0) {
        positiveSum += flow;
        positiveMoment += flow * month;
        last = month;
        if (!positive) {
          positive = true;
          signChanges++;
        }
      } else if (flow !== 0) {
        negativeSum += flow;
        negativeMoment += flow * month;
        last = month;
        if (positive) {
          positive = false;
          signChanges++;
        }
      }
    }
    if (signChanges === 0) return flows[first] > 0 ? Infinity : -Infinity;
    // Norström: a single sign change of the running total guarantees one root with r > 0.
    let positiveOnly = false;
    let mustCertify = false;
    if (signChanges > 1) {
      let cumulative = 0;
      let cumulativeSign = 0;
      let cumulativeChanges = 0;
      for (let m = first; m <= last; m++) {
        cumulative += flows[m];
        const sign = cumulative > 0 ? 1 : cumulative < 0 ? -1 : 0;
        if (sign !== 0 && cumulativeSign !== 0 && sign !== cumulativeSign) cumulativeChanges++;
        if (sign !== 0) cumulativeSign = sign;
      }
      if (cumulativeChanges === 1 && cumulative !== 0) positiveOnly = true;
      // First and last flows of one sign: g has that sign at both ends, so no root or an even number.
      else if (flows[first] > 0 === flows[last] > 0) return NaN;
      // An odd number of roots: find one, then check that it is the only one.
      else mustCertify = true;
    }
    // With terms e^(−k·t), large t favours the earliest flow and small (negative) t the latest:
    // g has the first flow's sign as t → +∞ and the last flow's as t → −∞.
    const signAtLargeT = flows[first] > 0 ? 1 : -1;
    let lo = positiveOnly ? 0 : -Infinity; // g has the sign of the last flow below lo
    let hi = Infinity; // g has the sign of the first flow above hi
    // Two free points of g bracket the root before any iteration: the undiscounted total
    // at t = 0 and the NPV at the discount rate (g there is the NPV times a positive factor).
    if (hintRate > 0 && Number.isFinite(hintValue) && Number.isFinite(hintTotal)) {
      if (hintTotal !== 0) {
        if (hintTotal * signAtLargeT > 0) hi = Math.min(hi, 0);
        else lo = Math.max(lo, 0);
      }
      if (hintValue !== 0) {
        if (hintValue * signAtLargeT > 0) hi = Math.min(hi, hintRate);
        else lo = Math.max(lo, hintRate);
      }
    }
    // Start where the two lumps balance: N·e^(−a·t) + P·e^(−b·t) = 0 at t = ln(−P/N)/(b − a).
    // On the fixtures it is closer than the secant through the two free points, and it has no
    // trouble with deep losses, where the secant lands on the wrong side of t = 0.
    let t = NaN;
    if (positiveSum > 0 && negativeSum < 0) {
      const negativeCentre = negativeMoment / negativeSum;
      const positiveCentre = positiveMoment / positiveSum;
      if (positiveCentre !== negativeCentre) t = dm.log(-positiveSum / negativeSum) / (positiveCentre - negativeCentre);
    }
    if (!(t > lo && t < hi && t > -1 && t < 5)) {
      const warm = positiveOnly && previousRoot <= 0 ? 0.01 : previousRoot;
      t = warm > lo && warm < hi ? warm : Number.isFinite(lo) && Number.isFinite(hi) ? (lo + hi) / 2 : Number.isFinite(lo) ? lo + 0.01 : hi - 0.01;
    }
    let converged = false;
    // The previous Halley step's size, 0 when the previous step was not Halley's (or there was none).
    let previousHalleyStep = 0;
    for (let iteration = 0; iteration < 200; iteration++) {
      const x = dm.exp(-t);
      // Powers relative to the first non-zero month keep the sums in range. The months go
      // round four lanes (first + 4j + lane), each with its own power, weight and sums,
      // added up at the end as (lane 0 + lane 2) + (lane 1 + lane 3): four independent
      // chains instead of one, in the order the WebAssembly port's two f64x2 vectors give.
      const x2 = x * x;
      const x4 = x2 * x2;
      let p0 = 1;
      let p1 = x;
      let p2 = x2;
      let p3 = x2 * x;
      // k counts in floating point: the same integers, without a conversion per use.
      let k0 = 0.5 - 0.5;
      let k1 = k0 + 1;
      let k2 = k0 + 2;
      let k3 = k0 + 3;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0; // Σ flow·x^k per lane
      let b0 = 0, b1 = 0, b2 = 0, b3 = 0; // Σ k·flow·x^k
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0; // Σ k²·flow·x^k
      let m = first;
      for (; m + 3 <= last; m += 4) {
        const e0 = flows[m] * p0;
        const e1 = flows[m + 1] * p1;
        const e2 = flows[m + 2] * p2;
        const e3 = flows[m + 3] * p3;
        const w0 = k0 * e0;
        const w1 = k1 * e1;
        const w2 = k2 * e2;
        const w3 = k3 * e3;
        a0 += e0;
        a1 += e1;
        a2 += e2;
        a3 += e3;
        b0 += w0;
        b1 += w1;
        b2 += w2;
        b3 += w3;
        c0 += k0 * w0;
        c1 += k1 * w1;
        c2 += k2 * w2;
        c3 += k3 * w3;
        p0 *= x4;
        p1 *= x4;
        p2 *= x4;
        p3 *= x4;
        k0 += 4;
        k1 += 4;
        k2 += 4;
        k3 += 4;
      }
      // The last one to three months, in their lanes.
      if (m <= last) {
        const e0 = flows[m] * p0;
        const w0 = k0 * e0;
        a0 += e0;
        b0 += w0;
        c0 += k0 * w0;
      }
      if (m + 1 <= last) {
        const e1 = flows[m + 1] * p1;
        const w1 = k1 * e1;
        a1 += e1;
        b1 += w1;
        c1 += k1 * w1;
      }
      if (m + 2 <= last) {
        const e2 = flows[m + 2] * p2;
        const w2 = k2 * e2;
        a2 += e2;
        b2 += w2;
        c2 += k2 * w2;
      }
      const g0 = a0 + a2 + (a1 + a3);
      let g1 = b0 + b2 + (b1 + b3);
      const g2 = c0 + c2 + (c1 + c3);
      g1 = -g1;
      if (g0 === 0) {
        converged = true;
        break;
      }
      if (g0 * signAtLargeT > 0) hi = Math.min(hi, t);
      else lo = Math.max(lo, t);
      // g had the first flow's sign below a point where it had the last flow's: three roots at least.
      // (Beyond rounding: at a single root the two can cross by a few ulps.)
      if (mustCertify && lo > hi + 1e-9 * Math.max(1, Math.abs(hi))) return NaN;
      const denominator = 2 * g1 * g1 - g0 * g2;
      let next = denominator !== 0 ? t - (2 * g0 * g1) / denominator : NaN;
      let halley = true;
      if (!(next > lo && next < hi)) {
        // Outside the bracket (or not finite): bisect, or step out to find the other side.
        next = Number.isFinite(lo) && Number.isFinite(hi) ? (lo + hi) / 2 : Number.isFinite(lo) ? lo + Math.max(1, Math.abs(lo)) : hi - Math.max(1, Math.abs(hi));
        halley = false;
      }
      const step = Math.abs(next - t);
      const scale = Math.max(1e-3, Math.abs(next));
      // Halley converges cubically: after a step of relative size 1e-5 the error is ~K·1e-15
      // (K ~ (months/2)²), well below what any report shows, so no confirming pass is needed.
      // Near the root each error is about A times the cube of the one before, and a step is
      // about the error it removes, so two Halley steps in a row give A ≈ step / previous³
      // and leave an error of about A·step³: small enough, and this step is final too.
      const contraction = previousHalleyStep > 0 ? step / previousHalleyStep : Infinity;
      const errorLeft = contraction * contraction * contraction * step;
      const final = halley && (step <= HALLEY_FINAL_STEP * scale || (step <= CONTRACTION_FINAL_STEP * scale && errorLeft <= CONTRACTION_FINAL_ERROR * scale));
      previousHalleyStep = halley ? step : 0;
      if (step <= 1e-12 * scale || final) {
        t = next;
        converged = true;
        break;
      }
      if (next < -30 || next > 30) return NaN; // |monthly rate| beyond e^30: no meaningful IRR
      t = next;
    }
    if (!converged || (mustCertify && !isOnlyRoot(flows, first, last, t))) return NaN;
    previousRoot = Number.isFinite(t) ? t : 0;
    // The time shift to the first month does not change the root.
    return dm.exp(12 * t) - 1;
  };
  return {
    solve,
    reset: () => {
      previousRoot = 0;
    },
  };
}

/**
 * Whether t is a root of g(t) = Σ flow_(first+k)·e^(−k·t), and the only real one, by the rule of
 * signs applied on each side of it. With d_k the flows discounted at t (Σ d_k = 0), the
 * roots beyond t are those of Σ A_j z^j in z ∈ (0, 1), A_j = d_0 + … + d_j for j < n,
 * and the roots below t those of the reversed series with B_j = d_j + … + d_n, j ≥ 1.
 * When neither sequence changes sign, neither polynomial has a positive root
 * (Descartes), so t is the only one. Otherwise another root may exist and the caller
 * reports none rather than an arbitrary one.
 */
function isOnlyRoot(flows: Float64Array, first: number, last: number, t: number): boolean {
  const x = dm.exp(-t);
  let power = 1;
  let forward = 0;
  let forwardSign = 0;
  let magnitude = 0;
  for (let m = first; m < last; m++) {
    const discounted = flows[m] * power;
    forward += discounted;
    magnitude += Math.abs(discounted);
    power *= x;
    const sign = forward > 0 ? 1 : forward < 0 ? -1 : 0;
    if (sign !== 0 && forwardSign !== 0 && sign !== forwardSign) return false;
    if (sign !== 0) forwardSign = sign;
  }
  // The argument rests on Σ d_k = 0: make sure t is a root, not just where an iteration stopped.
  const lastDiscounted = flows[last] * power;
  if (Math.abs(forward + lastDiscounted) > 1e-9 * (magnitude + Math.abs(lastDiscounted))) return false;
  let backward = 0;
  let backwardSign = 0;
  for (let m = last; m > first; m--) {
    backward += flows[m] * power;
    power /= x;
    const sign = backward > 0 ? 1 : backward < 0 ? -1 : 0;
    if (sign !== 0 && backwardSign !== 0 && sign !== backwardSign) return false;
    if (sign !== 0) backwardSign = sign;
  }
  return true;
}
