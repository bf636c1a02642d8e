import { assertCashFlows } from './assert-cash-flows.ts';
import { assertRateAboveMinusOne } from './assert-rate-above-minus-one.ts';
import { solveRate } from './solve-rate.ts';
import type { DateInput } from './to-day-number.ts';
import { yearsSinceFirstDate } from './years-since-first-date.ts';

/**
 * Annual internal rate of return of dated cash flows, as Excel's XIRR: the rate
 * at which `xnpv` is zero (365-day years from the first date). Dates follow
 * `xnpv`'s rules. Same error discipline as `irr`: throws `FinanceError` with
 * `NO_SIGN_CHANGE`, `MULTIPLE_IRR` (with `error.rates`), `NO_IRR` or
 * `NO_CONVERGENCE` instead of returning a guess-dependent rate; Descartes' and
 * Laguerre's rules of signs hold for real exponents, so uniqueness is proven
 * the same way. `guess` (> -1) only seeds the search.
 *
 * @example
 * xirr([-10000, 2750, 4250, 3250, 2750],
 *   ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01']); // 0.373362535...
 */
export function xirr(cashFlows: readonly number[], dates: readonly DateInput[], guess = 0.1): number {
  assertCashFlows(cashFlows, 'cashFlows');
  const years = yearsSinceFirstDate(dates, cashFlows.length);
  assertRateAboveMinusOne(guess, 'guess');
  return solveRate(cashFlows, years, guess);
}
