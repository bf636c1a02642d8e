import { assertCashFlows } from './assert-cash-flows.ts';
import { maxRateCount } from './max-rate-count.ts';
import { toCashFlowTerms } from './to-cash-flow-terms.ts';

/**
 * An upper bound on the number of internal rates of return r > -1 of periodic
 * cash flows (counted with multiplicity), from Descartes' rule of signs and
 * Norström's cumulative cash flow criterion. 1 guarantees that any IRR is
 * unique; 0 guarantees there is none. A larger bound does not prove several
 * rates exist: `irrAll` finds out.
 *
 * @example
 * countPossibleIrrs([-70000, 12000, 15000, 18000, 21000, 26000]); // 1
 * countPossibleIrrs([-1, 5, -6]); // 2
 * countPossibleIrrs([-100, 50, -10, 80]); // 1: cumulative flows change sign once
 */
export function countPossibleIrrs(cashFlows: readonly number[]): number {
  assertCashFlows(cashFlows, 'cashFlows');
  return maxRateCount(
    toCashFlowTerms(
      cashFlows,
      cashFlows.map((_, period) => period),
    ),
  );
}
