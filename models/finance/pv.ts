import { assertFiniteNumber } from './assert-finite-number.ts';
import { assertRateAboveMinusOne } from './assert-rate-above-minus-one.ts';
import { FINANCE_ERROR_MESSAGES } from './finance-error.ts';
import { invalidArgumentError } from './invalid-argument-error.ts';

/**
 * Present value of a level annuity, as Excel's PV: the amount that, with `nper`
 * payments of `pmt` and a final balance `fv`, makes the deal fair at `rate` per
 * period. Excel's sign convention: money paid out is negative, so receiving
 * payments (pmt > 0) has a negative present value (what you pay for them).
 * `type` 0 pays at period ends, 1 at period starts. It solves
 * pv·(1+rate)^nper + pmt·(1+rate·type)·((1+rate)^nper − 1)/rate + fv = 0,
 * and pv + pmt·nper + fv = 0 when rate = 0.
 * Throws `INVALID_ARGUMENT` for non-finite arguments, rate <= -1 or type not 0/1.
 *
 * @example
 * pv(0.08 / 12, 12 * 20, 500); // -59777.14585...
 * pv(0, 10, 100); // -1000
 */
export function pv(rate: number, nper: number, pmt: number, fv = 0, type: 0 | 1 = 0): number {
  assertRateAboveMinusOne(rate, 'rate');
  assertFiniteNumber(nper, 'nper');
  assertFiniteNumber(pmt, 'pmt');
  assertFiniteNumber(fv, 'fv');
  if (type !== 0 && type !== 1) throw invalidArgumentError('type', FINANCE_ERROR_MESSAGES.INVALID_PAYMENT_TIMING);
  if (rate === 0) return -(pmt * nper + fv);
  // Via log1p/expm1 so tiny rates do not lose digits in (1 + rate)^nper − 1.
  const growthMinusOne = Math.expm1(nper * Math.log1p(rate));
  const growth = growthMinusOne + 1;
  return -(fv + (pmt * (1 + rate * type) * growthMinusOne) / rate) / growth;
}
