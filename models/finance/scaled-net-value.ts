import type { CashFlowTerm } from './to-cash-flow-terms.ts';

/**
 * The net present value as a function of t = ln(1 + r), rescaled by a positive
 * factor so that it can neither overflow nor underflow to a wrong sign.
 *
 * @example
 * const scaled: ScaledNetValue = scaledNetValue(terms);
 */
export interface ScaledNetValue {
  /** NPV at r = e^t - 1 times a positive factor: same sign and same roots as the NPV. */
  value(logGrowth: number): number;
  /**
   * Exact derivative of `value` in t. The rescaling differs on either side of
   * t = 0, so the derivative jumps there; `side` (default `logGrowth`) picks the
   * branch: the t < 0 one when `side < 0`.
   */
  slope(logGrowth: number, side?: number): number;
}

/**
 * Builds the solver's objective for sorted, merged `terms`. Discounting a flow
 * at time τ by e^(-tτ) overflows for t < 0 (r < 0) and long horizons, e.g.
 * 120 monthly flows at r = -99.99%. Multiplying by e^(t·τref), with τref the
 * earliest time for t >= 0 and the latest for t < 0, keeps every factor in
 * (0, 1] and changes neither the sign nor the roots.
 *
 * @example
 * const { value } = scaledNetValue(toCashFlowTerms([-100, 110], [0, 1]));
 * value(Math.log1p(0.1)); // 0 (up to rounding): 10% is the rate of return
 */
export function scaledNetValue(terms: readonly CashFlowTerm[]): ScaledNetValue {
  const amounts = terms.map((term) => term.amount);
  const times = terms.map((term) => term.time);
  const earliest = times[0];
  const latest = times[times.length - 1];
  return {
    value(logGrowth) {
      const reference = logGrowth >= 0 ? earliest : latest;
      let sum = 0;
      for (let index = 0; index < amounts.length; index++) {
        sum += amounts[index] * Math.exp(-logGrowth * (times[index] - reference));
      }
      return sum;
    },
    slope(logGrowth, side = logGrowth) {
      const reference = side >= 0 ? earliest : latest;
      let sum = 0;
      for (let index = 0; index < amounts.length; index++) {
        const shiftedTime = times[index] - reference;
        sum -= amounts[index] * shiftedTime * Math.exp(-logGrowth * shiftedTime);
      }
      return sum;
    },
  };
}
