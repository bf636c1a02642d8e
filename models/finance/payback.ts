import { assertCashFlows } from './assert-cash-flows.ts';
import { assertRateAboveMinusOne } from './assert-rate-above-minus-one.ts';
import { FINANCE_ERROR_MESSAGES } from './finance-error.ts';
import { invalidArgumentError } from './invalid-argument-error.ts';

/**
 * Options of `payback`.
 *
 * @example
 * const options: PaybackOptions = { discountRatePerPeriod: 0.1, interpolate: true };
 */
export interface PaybackOptions {
  /**
   * Discount each flow before accumulating (discounted payback). Follows Excel's
   * NPV convention: `cashFlows[i]` is divided by (1 + rate)^(i + 1). Discounting
   * flow 0 by (1 + rate)^0 instead would give the same answer, since a common
   * positive factor changes neither when the running total turns non-negative
   * nor the interpolated fraction. Default: no discounting.
   */
  readonly discountRatePerPeriod?: number;
  /**
   * Return a fractional index, assuming the paying-back flow arrives evenly
   * across its period. Default `false`: a whole index.
   */
  readonly interpolate?: boolean;
}

/** Running totals within this many ulps of the flows' size count as zero, so exact break-even is not lost to rounding. */
const ROUNDING_SLACK = 8 * Number.EPSILON;

/**
 * Payback period: the first index i at which the running total
 * cashFlows[0] + … + cashFlows[i] (optionally discounted) is >= 0, or `null`
 * when the running total stays negative through the last flow (not paid back
 * within the horizon). Index 0 is the first flow; with a time-0 investment in
 * `cashFlows[0]` the index reads as "periods after the investment".
 *
 * With `interpolate: true` the result is i − 1 + (−total[i − 1]) / cashFlows[i],
 * in (i − 1, i], i.e. the part of flow i needed to close the gap is assumed to
 * arrive linearly through period i. If cashFlows[0] >= 0 the result is 0.
 *
 * It is the *first* crossing: later negative flows (e.g. decommissioning) can
 * push the total below zero again, which this measure ignores, as payback
 * ignores everything after the crossing. Check `npv` too.
 * Throws `INVALID_ARGUMENT` for bad flows, a discount rate <= -1 or a non-boolean `interpolate`.
 *
 * @example
 * payback([-100, 30, 40, 50, 60]); // 3
 * payback([-100, 30, 40, 50, 60], { interpolate: true }); // 2.6
 * payback([-100, 30, 40], { discountRatePerPeriod: 0.1 }); // null
 */
export function payback(cashFlows: readonly number[], options: PaybackOptions = {}): number | null {
  assertCashFlows(cashFlows, 'cashFlows');
  if (typeof options !== 'object' || options === null) {
    throw invalidArgumentError('options', FINANCE_ERROR_MESSAGES.NOT_AN_OBJECT);
  }
  const { discountRatePerPeriod = 0, interpolate = false } = options;
  assertRateAboveMinusOne(discountRatePerPeriod, 'options.discountRatePerPeriod');
  if (typeof interpolate !== 'boolean') {
    throw invalidArgumentError('options.interpolate', FINANCE_ERROR_MESSAGES.NOT_A_BOOLEAN);
  }

  let runningTotal = 0;
  let size = 0;
  for (let index = 0; index < cashFlows.length; index++) {
    const flow = cashFlows[index] / (1 + discountRatePerPeriod) ** (index + 1);
    const previousTotal = runningTotal;
    runningTotal += flow;
    size += Math.abs(flow);
    if (runningTotal >= -ROUNDING_SLACK * size) {
      if (!interpolate || index === 0) return index;
      return index - 1 + Math.min(1, -previousTotal / flow);
    }
  }
  return null;
}
