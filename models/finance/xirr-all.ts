import { assertCashFlows } from './assert-cash-flows.ts';
import { findRates } from './find-rates.ts';
import { toCashFlowTerms } from './to-cash-flow-terms.ts';
import type { DateInput } from './to-day-number.ts';
import { yearsSinceFirstDate } from './years-since-first-date.ts';

/**
 * Every annual rate r > -1 at which `xnpv` of the dated cash flows is zero,
 * ascending; `[]` when there is none. Same method and limits as `irrAll`, with
 * the flows' times in 365-day years from the first date.
 *
 * @example
 * xirrAll([-1, 5, -6], ['2001-01-01', '2002-01-01', '2003-01-01']); // [1, 2]
 */
export function xirrAll(cashFlows: readonly number[], dates: readonly DateInput[]): number[] {
  assertCashFlows(cashFlows, 'cashFlows');
  return findRates(toCashFlowTerms(cashFlows, yearsSinceFirstDate(dates, cashFlows.length)));
}
