import * as dm from '../math/deterministic-math.ts';
import { isOnlyRoot } from './is-only-root.ts';
import { CONTRACTION_FINAL_ERROR, CONTRACTION_FINAL_STEP, HALLEY_FINAL_STEP } from './irr-stopping-rules.ts';

/** What the running total's signs say about the roots when the flows change sign more than once. */
type RootCount = typeof ONE_POSITIVE_ROOT | typeof EVEN_ROOTS | typeof ODD_ROOTS;
/** One sign change of the cumulative flow (Norström): exactly one root, with r > 0. */
const ONE_POSITIVE_ROOT = 0;
/** First and last flows of one sign: none or an even number, so no single rate. */
const EVEN_ROOTS = 1;
/** An odd number: find one, then check that it is the only one. */
const ODD_ROOTS = 2;

/**
 * One trial's IRR search (see createTrialIrr), step by step; its fields carry a call's
 * intermediate results between the steps (no allocation per trial) and the warm start
 * between calls.
 *
 * @example
 * const search = new TrialIrrSearch();
 * search.solve(new Float64Array([-1000, 100, 1200]), 3, NaN, NaN, NaN) // ≈ 4.16
 */
export class TrialIrrSearch {
  /**
   * Warm start from the previous root: trials of one case have similar rates. Reset per
   * chunk, so a chunk's results never depend on which thread ran what before it.
   */
  previousRoot = 0;
  // The first and last non-zero months, and the positive and negative flows as two lumps
  // (sum, and month-weighted sum for their centre), for the starting guess.
  private first = 0;
  private last = 0;
  /** Positive sum, positive moment, negative sum, negative moment: unboxed doubles. */
  private readonly lumps = new Float64Array(4);
  // The bracket: g has the sign of the last flow below lo, and of the first flow above hi.
  private lo = 0;
  private hi = 0;
  /** g, its derivative and its second derivative at the last t summed (see sums): unboxed doubles. */
  private readonly g = new Float64Array(3);

  solve(flows: Float64Array, months: number, hintRate = NaN, hintValue = NaN, hintTotal = NaN): number {
    const signChanges = this.scan(flows, months);
    if (signChanges < 0) return NaN;
    const first = this.first;
    if (signChanges === 0) return flows[first] > 0 ? Infinity : -Infinity;
    let positiveOnly = false;
    let mustCertify = false;
    if (signChanges > 1) {
      const count = this.countRoots(flows);
      if (count === EVEN_ROOTS) return NaN;
      positiveOnly = count === ONE_POSITIVE_ROOT;
      mustCertify = count === ODD_ROOTS;
    }
    // With terms e^(−k·t), large t favours the earliest flow and small (negative) t the latest:
    // g has the first flow's sign as t → +∞ and the last flow's as t → −∞.
    const signAtLargeT = flows[first] > 0 ? 1 : -1;
    this.lo = positiveOnly ? 0 : -Infinity;
    this.hi = Infinity;
    this.narrowByHints(signAtLargeT, hintRate, hintValue, hintTotal);
    // NaN when the search gives no single rate.
    const t = this.halley(flows, this.startingGuess(positiveOnly), signAtLargeT, mustCertify);
    if (t !== t || (mustCertify && !isOnlyRoot(flows, first, this.last, t))) return NaN;
    this.previousRoot = Number.isFinite(t) ? t : 0;
    // The time shift to the first month does not change the root.
    return dm.exp(12 * t) - 1;
  }

  /** Finds the non-zero months and the two lumps; returns the number of sign changes, or −1 when every flow is 0. */
  private scan(flows: Float64Array, months: number): number {
    let signChanges = 0;
    let positiveSum = 0;
    let positiveMoment = 0;
    let negativeSum = 0;
    let negativeMoment = 0;
    let month = 0;
    while (month < months && flows[month] === 0) month++;
    if (month === months) return -1;
    this.first = month;
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
    this.last = last;
    const lumps = this.lumps;
    lumps[0] = positiveSum;
    lumps[1] = positiveMoment;
    lumps[2] = negativeSum;
    lumps[3] = negativeMoment;
    return signChanges;
  }

  /** Norström: a single sign change of the running total guarantees one root with r > 0; else the end signs decide. */
  private countRoots(flows: Float64Array): RootCount {
    const { first, last } = this;
    let cumulative = 0;
    let cumulativeSign = 0;
    let cumulativeChanges = 0;
    for (let m = first; m <= last; m++) {
      cumulative += flows[m];
      const sign = cumulative > 0 ? 1 : cumulative < 0 ? -1 : 0;
      if (sign !== 0 && cumulativeSign !== 0 && sign !== cumulativeSign) cumulativeChanges++;
      if (sign !== 0) cumulativeSign = sign;
    }
    if (cumulativeChanges === 1 && cumulative !== 0) return ONE_POSITIVE_ROOT;
    // First and last flows of one sign: g has that sign at both ends, so no root or an even number.
    if (flows[first] > 0 === flows[last] > 0) return EVEN_ROOTS;
    return ODD_ROOTS;
  }

  /**
   * Two free points of g bracket the root before any iteration: the undiscounted total
   * at t = 0 and the NPV at the discount rate (g there is the NPV times a positive factor).
   */
  private narrowByHints(signAtLargeT: number, hintRate: number, hintValue: number, hintTotal: number): void {
    if (!(hintRate > 0 && Number.isFinite(hintValue) && Number.isFinite(hintTotal))) return;
    if (hintTotal !== 0) {
      if (hintTotal * signAtLargeT > 0) this.hi = Math.min(this.hi, 0);
      else this.lo = Math.max(this.lo, 0);
    }
    if (hintValue !== 0) {
      if (hintValue * signAtLargeT > 0) this.hi = Math.min(this.hi, hintRate);
      else this.lo = Math.max(this.lo, hintRate);
    }
  }

  /**
   * Start where the two lumps balance: N·e^(−a·t) + P·e^(−b·t) = 0 at t = ln(−P/N)/(b − a).
   * On the fixtures it is closer than the secant through the two free points, and it has no
   * trouble with deep losses, where the secant lands on the wrong side of t = 0. Otherwise
   * the warm start, or a point of the bracket.
   */
  private startingGuess(positiveOnly: boolean): number {
    const { lo, hi, lumps } = this;
    const positiveSum = lumps[0];
    const negativeSum = lumps[2];
    let t = NaN;
    if (positiveSum > 0 && negativeSum < 0) {
      const negativeCentre = lumps[3] / negativeSum;
      const positiveCentre = lumps[1] / positiveSum;
      if (positiveCentre !== negativeCentre) t = dm.log(-positiveSum / negativeSum) / (positiveCentre - negativeCentre);
    }
    if (!(t > lo && t < hi && t > -1 && t < 5)) {
      const warm = positiveOnly && this.previousRoot <= 0 ? 0.01 : this.previousRoot;
      t = warm > lo && warm < hi ? warm : Number.isFinite(lo) && Number.isFinite(hi) ? (lo + hi) / 2 : Number.isFinite(lo) ? lo + 0.01 : hi - 0.01;
    }
    return t;
  }

  /** Halley's method from t inside the bracket, bisecting when a step leaves it: the root, or NaN. */
  private halley(flows: Float64Array, t: number, signAtLargeT: number, mustCertify: boolean): number {
    // The previous Halley step's size, 0 when the previous step was not Halley's (or there was none).
    let previousHalleyStep = 0;
    // The bracket in locals from here on: nothing after the search reads it.
    let { lo, hi } = this;
    for (let iteration = 0; iteration < 200; iteration++) {
      const g = this.g;
      laneSums(flows, this.first, this.last, t, g);
      const g0 = g[0];
      const g1 = g[1];
      const g2 = g[2];
      if (g0 === 0) return t;
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
        next =
          Number.isFinite(lo) && Number.isFinite(hi) ? (lo + hi) / 2 : Number.isFinite(lo) ? lo + Math.max(1, Math.abs(lo)) : hi - Math.max(1, Math.abs(hi));
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
      if (step <= 1e-12 * scale || final) return next;
      if (next < -30 || next > 30) return NaN; // |monthly rate| beyond e^30: no meaningful IRR
      t = next;
    }
    return NaN;
  }
}

/**
 * g(t) = Σ flow_k e^(−k·t) and its derivatives into out (g0, g1 = −Σ k·flow·x^k, g2), over the
 * months from first to last.
 */
function laneSums(flows: Float64Array, first: number, last: number, t: number, out: Float64Array): void {
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
  let a0 = 0,
    a1 = 0,
    a2 = 0,
    a3 = 0; // Σ flow·x^k per lane
  let b0 = 0,
    b1 = 0,
    b2 = 0,
    b3 = 0; // Σ k·flow·x^k
  let c0 = 0,
    c1 = 0,
    c2 = 0,
    c3 = 0; // Σ k²·flow·x^k
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
  out[0] = g0;
  out[1] = g1;
  out[2] = g2;
}
