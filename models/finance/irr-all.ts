import { assertCashFlows } from './assert-cash-flows.ts';
import { findRates } from './find-rates.ts';
import { toCashFlowTerms } from './to-cash-flow-terms.ts';

/**
 * Every internal rate of return r > -1 of periodic cash flows, ascending; `[]`
 * when there is none. The NPV is the polynomial Σ cashFlows[i] · x^i in
 * x = 1 / (1 + r), and its roots on x in (0, ∞) are located robustly: when
 * Descartes' rule of signs or Norström's criterion allows at most one root, a
 * bracketing search finds it; otherwise the NPV is scanned on a grid in
 * ln(1 + r) with 1% steps from r = -99.99% to r = 1,000,000%, every sign change
 * (and every extremum that dips across or touches zero) is bracketed and refined
 * by Brent's method, and the tails beyond the grid are followed outwards.
 * Roots closer together than about 1% of 1 + r may be missed.
 *
 * @example
 * irrAll([-1, 5, -6]); // [1, 2]: both 100% and 200% zero the NPV
 * irrAll([100, 50]); // []
 */
export function irrAll(cashFlows: readonly number[]): number[] {
  assertCashFlows(cashFlows, 'cashFlows');
  return findRates(
    toCashFlowTerms(
      cashFlows,
      cashFlows.map((_, period) => period),
    ),
  );
}
