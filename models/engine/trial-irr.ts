import * as dm from '../math/deterministic-math.ts';

/** A Halley step at most this small (relative) is final: with cubic convergence the next error is ~K·1e-15 (K ≈ (months/2)²); measured on the fixtures: < 6e-12 relative. */
const HALLEY_FINAL_STEP = 1e-5;

/**
 * The annualised IRR of one trial's monthly net cash flows (month 1 discounted one
 * month, as Excel's IRR treats the first flow of a series starting one period out).
 * When no rate solves NPV = 0 the result still ranks correctly: −Infinity when no
 * month's net flow is positive (the project never earns anything back), +Infinity
 * when none is negative. NaN is returned only when the flows change sign more than
 * once and the cumulative cash flow also changes sign more than once, so several
 * rates may solve NPV = 0 and none is "the" IRR.
 *
 * With one sign change there is exactly one root (Descartes); with one sign change
 * of the cumulative cash flow, exactly one positive root (Norström). It is found with
 * Halley's method on g(t) = Σ flow_k e^(−k·t), t = ln(1 + r_monthly), from t = 0,
 * kept inside a bracket that falls back to bisection, so it always converges.
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
    let lastSign = 0;
    let first = -1;
    let last = -1;
    for (let m = 0; m < months; m++) {
      const flow = flows[m];
      if (flow === 0) continue;
      if (first < 0) first = m;
      last = m;
      const sign = flow > 0 ? 1 : -1;
      if (lastSign !== 0 && sign !== lastSign) signChanges++;
      lastSign = sign;
    }
    if (first < 0) return NaN;
    if (signChanges === 0) return flows[first] > 0 ? Infinity : -Infinity;
    // Norström: a single sign change of the running total guarantees one root with r > 0.
    let positiveOnly = false;
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
      if (cumulativeChanges !== 1 || cumulative === 0) return NaN;
      positiveOnly = true;
    }
    // g(t) has the sign of the first flow as t → −∞... and of the last flow as t → +∞ is reversed:
    // with terms e^(−k t), large t favours the earliest flow, small (negative) t the latest.
    const signAtLargeT = flows[first] > 0 ? 1 : -1;
    let lo = positiveOnly ? 0 : -Infinity; // g has the sign of the last flow below lo
    let hi = Infinity; // g has the sign of the first flow above hi
    let t = positiveOnly && previousRoot <= 0 ? 0.01 : previousRoot;
    // Two free points of g: the undiscounted total at t = 0 and the NPV at the discount rate.
    // Their secant usually lands next to the root, so Halley needs a step or two.
    if (hintRate > 0 && Number.isFinite(hintValue) && Number.isFinite(hintTotal) && hintTotal !== hintValue) {
      const secant = (hintTotal * hintRate) / (hintTotal - hintValue);
      if (Number.isFinite(secant) && secant > -1 && secant < 5 && (!positiveOnly || secant > 0)) t = secant;
    }
    for (let iteration = 0; iteration < 200; iteration++) {
      const x = dm.exp(-t);
      // Powers relative to the first non-zero month keep the sums in range. Two months per
      // step, each with its own power chain, halve the loop's dependency on the multiply.
      const xx = x * x;
      let powerEven = 1;
      let powerOdd = x;
      let g0 = 0;
      let g1 = 0;
      let g2 = 0;
      let k = 0;
      let m = first;
      for (; m < last; m += 2, k += 2) {
        const even = flows[m] * powerEven;
        const odd = flows[m + 1] * powerOdd;
        const kOdd = k + 1;
        g0 += even + odd;
        g1 += k * even + kOdd * odd;
        g2 += k * k * even + kOdd * kOdd * odd;
        powerEven *= xx;
        powerOdd *= xx;
      }
      if (m === last) {
        const even = flows[m] * powerEven;
        g0 += even;
        g1 += k * even;
        g2 += k * k * even;
      }
      g1 = -g1;
      if (g0 === 0) break;
      if (g0 * signAtLargeT > 0) hi = Math.min(hi, t);
      else lo = Math.max(lo, t);
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
      if (step <= 1e-12 * scale || (halley && step <= HALLEY_FINAL_STEP * scale)) {
        t = next;
        break;
      }
      if (next < -30 || next > 30) return NaN; // |monthly rate| beyond e^30: no meaningful IRR
      t = next;
    }
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
