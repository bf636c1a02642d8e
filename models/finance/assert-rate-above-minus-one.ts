import { assertFiniteNumber } from './assert-finite-number.ts';
import { FINANCE_ERROR_MESSAGES } from './finance-error.ts';
import { invalidArgumentError } from './invalid-argument-error.ts';

/**
 * Throws `INVALID_ARGUMENT` unless `rate` is finite and above -1: at -100% the
 * discount factor 1 / (1 + rate) is undefined, and below it the sign flips every period.
 *
 * @example
 * assertRateAboveMinusOne(-1, 'rate'); // throws "rate must be greater than -1 (-100%)"
 */
export function assertRateAboveMinusOne(rate: unknown, argument: string): asserts rate is number {
  assertFiniteNumber(rate, argument);
  if (rate <= -1) throw invalidArgumentError(argument, FINANCE_ERROR_MESSAGES.RATE_NOT_ABOVE_MINUS_ONE);
}
