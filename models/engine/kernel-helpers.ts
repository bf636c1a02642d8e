import { createTrialIrr } from './trial-irr.ts';
import * as dm from '../math/deterministic-math.ts';
import { SCALAR_HELPERS, type ScalarHelperName } from '../formula/scalar-helpers.ts';

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

export { SCALAR_HELPERS, type DeterministicHelperName, type ScalarHelper, type ScalarHelperName } from '../formula/scalar-helpers.ts';

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
  const scalars = Object.fromEntries(Object.entries(SCALAR_HELPERS).map(([name, helper]) => [name, helper.js])) as Record<
    ScalarHelperName,
    (...args: number[]) => number
  >;
  return {
    ...scalars,
    irr: irr.solve,
    resetIrr: irr.reset,
    df: monthlyDiscountFactors(discountRateAnnual, horizonMonths),
  };
}
