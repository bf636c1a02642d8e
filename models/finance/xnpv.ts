import { assertCashFlows } from './assert-cash-flows.ts';
import { assertRateAboveMinusOne } from './assert-rate-above-minus-one.ts';
import type { DateInput } from './to-day-number.ts';
import { yearsSinceFirstDate } from './years-since-first-date.ts';

/**
 * Net present value of irregularly dated cash flows, as Excel's XNPV:
 * Σ cashFlows[i] / (1 + rate)^((dates[i] − dates[0]) / 365). The first flow is
 * not discounted. `dates` are `Date`s (read by UTC calendar day) or
 * `'YYYY-MM-DD'` strings, in any order after the first; a date before the first
 * throws `INVALID_ARGUMENT` (Excel's #NUM!), as do mismatched lengths, invalid
 * dates, non-finite values and rate <= -1.
 *
 * @example
 * xnpv(0.09, [-10000, 2750, 4250, 3250, 2750],
 *   ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01']); // 2086.647602...
 */
export function xnpv(rate: number, cashFlows: readonly number[], dates: readonly DateInput[]): number {
  assertRateAboveMinusOne(rate, 'rate');
  assertCashFlows(cashFlows, 'cashFlows');
  const years = yearsSinceFirstDate(dates, cashFlows.length);
  const growth = 1 + rate;
  return cashFlows.reduce((sum, cashFlow, index) => sum + cashFlow / growth ** years[index], 0);
}
