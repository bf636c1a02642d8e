import { createTrialIrr } from './trial-irr.ts';
import * as dm from '../math/deterministic-math.ts';

/**
 * The discount factor for each month under end-of-month discounting at an annual
 * rate: df[m] = (1 + rate)^(-m/12), so month 1 is discounted one month, as Excel's
 * NPV discounts its first flow one period. df[0] is 1.
 *
 * @example
 * monthlyDiscountFactors(0.1, 12)[12] // 1 / 1.1
 */
export function monthlyDiscountFactors(discountRateAnnual: number, horizonMonths: number): Float64Array {
  const factors = new Float64Array(horizonMonths + 1);
  for (let m = 0; m <= horizonMonths; m++) factors[m] = dm.pow(1 + discountRateAnnual, -m / 12);
  return factors;
}

/**
 * The helper functions a generated kernel may call. Each kernel instance gets its
 * own IRR warm-start state, so results never depend on what ran before in a thread
 * beyond the chunk itself.
 *
 * @example
 * const helpers = kernelHelpers(0.1, 48);
 */
export function kernelHelpers(discountRateAnnual: number, horizonMonths: number) {
  const irr = createTrialIrr();
  return {
    dexp: dm.exp,
    dlog: dm.log,
    dlog10: dm.log10,
    dpow: dm.pow,
    irr: irr.solve,
    resetIrr: irr.reset,
    df: monthlyDiscountFactors(discountRateAnnual, horizonMonths),
    ramp(month: number, from: number, to: number): number {
      if (to <= from) return month >= from ? 1 : 0;
      return month <= from ? 0 : month >= to ? 1 : (month - from) / (to - from);
    },
    fmod(a: number, b: number): number {
      return b === 0 ? a : a - b * Math.floor(a / b);
    },
    roundHalfAway(value: number): number {
      return Math.sign(value) * Math.round(Math.abs(value));
    },
  };
}
