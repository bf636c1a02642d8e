import { assertCashFlows } from './assert-cash-flows.ts';
import { assertRateAboveMinusOne } from './assert-rate-above-minus-one.ts';
import { solveRate } from './solve-rate.ts';

/**
 * Internal rate of return of periodic cash flows, as Excel's IRR: the rate r
 * with Σ cashFlows[i] / (1 + r)^i = 0 (the first flow is at time 0).
 *
 * Unlike Excel, it never returns one of several rates depending on `guess`:
 * it throws `FinanceError` with code `NO_SIGN_CHANGE` (no positive or no
 * negative flow), `MULTIPLE_IRR` (all rates in `error.rates`), `NO_IRR` (flows
 * change sign but no rate > -1 works) or `NO_CONVERGENCE` (the rate lies beyond
 * 1 + r in [1e-15, 1e300]). Uniqueness is proven by Descartes' rule of signs or
 * Norström's cumulative cash flow criterion when possible (see `maxRateCount`),
 * and otherwise checked by the scan of `irrAll`. `guess` (> -1) only seeds the
 * search and never changes the answer.
 *
 * @example
 * irr([-70000, 12000, 15000, 18000, 21000, 26000]); // 0.0866309480365173
 * irr([-70000, 12000, 15000], -0.1); // -0.443506941...
 * irr([-1, 5, -6]); // throws FinanceError MULTIPLE_IRR, error.rates = [1, 2]
 */
export function irr(cashFlows: readonly number[], guess = 0.1): number {
  assertCashFlows(cashFlows, 'cashFlows');
  assertRateAboveMinusOne(guess, 'guess');
  return solveRate(
    cashFlows,
    cashFlows.map((_, period) => period),
    guess,
  );
}
