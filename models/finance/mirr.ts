import { assertCashFlows } from './assert-cash-flows.ts';
import { assertRateAboveMinusOne } from './assert-rate-above-minus-one.ts';
import { FinanceError, FINANCE_ERROR_MESSAGES } from './finance-error.ts';

/**
 * Modified internal rate of return, as Excel's MIRR: negative flows are
 * discounted to time 0 at `financeRate`, positive flows are compounded to the
 * last period at `reinvestRate`, and the result is the per-period rate linking
 * the two over n − 1 periods (n = number of flows):
 * (FV(positives) / −PV(negatives))^(1 / (n − 1)) − 1.
 * Always unique, so it is a safe summary when `irr` throws `MULTIPLE_IRR`.
 * Throws `NO_SIGN_CHANGE` without a positive and a negative flow (Excel's
 * #DIV/0!), and `INVALID_ARGUMENT` for bad flows or rates <= -1.
 *
 * @example
 * mirr([-120000, 39000, 30000, 21000, 37000, 46000], 0.1, 0.12); // 0.126094...
 */
export function mirr(cashFlows: readonly number[], financeRate: number, reinvestRate: number): number {
  assertCashFlows(cashFlows, 'cashFlows');
  assertRateAboveMinusOne(financeRate, 'financeRate');
  assertRateAboveMinusOne(reinvestRate, 'reinvestRate');
  const lastPeriod = cashFlows.length - 1;
  let presentValueOfOutflows = 0;
  let futureValueOfInflows = 0;
  cashFlows.forEach((cashFlow, period) => {
    if (cashFlow < 0) presentValueOfOutflows += cashFlow * (1 + financeRate) ** -period;
    else futureValueOfInflows += cashFlow * (1 + reinvestRate) ** (lastPeriod - period);
  });
  if (presentValueOfOutflows === 0 || futureValueOfInflows === 0) {
    throw new FinanceError('NO_SIGN_CHANGE', FINANCE_ERROR_MESSAGES.NO_SIGN_CHANGE);
  }
  return (futureValueOfInflows / -presentValueOfOutflows) ** (1 / lastPeriod) - 1;
}
