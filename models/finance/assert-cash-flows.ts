import { assertFiniteNumber } from './assert-finite-number.ts';
import { FINANCE_ERROR_MESSAGES } from './finance-error.ts';
import { invalidArgumentError } from './invalid-argument-error.ts';

/**
 * Throws `INVALID_ARGUMENT` unless `cashFlows` is a non-empty array of finite
 * numbers; the message names the first bad element, e.g. `cashFlows[3]`.
 *
 * @example
 * assertCashFlows([-100, Number.NaN], 'cashFlows'); // throws "cashFlows[1] must be a finite number"
 */
export function assertCashFlows(cashFlows: unknown, argument: string): asserts cashFlows is readonly number[] {
  if (!Array.isArray(cashFlows)) throw invalidArgumentError(argument, FINANCE_ERROR_MESSAGES.NOT_AN_ARRAY);
  if (cashFlows.length === 0) throw invalidArgumentError(argument, FINANCE_ERROR_MESSAGES.EMPTY);
  cashFlows.forEach((value: unknown, index) => assertFiniteNumber(value, `${argument}[${index}]`));
}
