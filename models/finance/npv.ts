import { assertCashFlows } from './assert-cash-flows.ts';
import { assertRateAboveMinusOne } from './assert-rate-above-minus-one.ts';

/**
 * Net present value with Excel's NPV convention: `cashFlows[i]` arrives at the
 * end of period i + 1, so even the first flow is discounted one full period.
 * For an investment made today, add it outside: `npv(rate, later) + today`.
 * Throws `INVALID_ARGUMENT` for a non-finite rate, a rate <= -1, or empty/non-finite flows.
 *
 * @example
 * npv(0.1, [-10000, 3000, 4200, 6800]); // 1188.443412...
 * npv(0.08, [8000, 9200, 10000, 12000, 14500]) - 40000; // 1922.061279...
 */
export function npv(rate: number, cashFlows: readonly number[]): number {
  assertRateAboveMinusOne(rate, 'rate');
  assertCashFlows(cashFlows, 'cashFlows');
  const growth = 1 + rate;
  // Horner's scheme from the last flow back: one division per flow, no powers.
  let presentValue = 0;
  for (let index = cashFlows.length - 1; index >= 0; index--) {
    presentValue = (presentValue + cashFlows[index]) / growth;
  }
  return presentValue;
}
