import { FINANCE_ERROR_MESSAGES } from './finance-error.ts';
import { invalidArgumentError } from './invalid-argument-error.ts';

/**
 * Throws `INVALID_ARGUMENT` naming `argument` unless `value` is a finite number.
 *
 * @example
 * assertFiniteNumber(Number.NaN, 'nper'); // throws "nper must be a finite number"
 */
export function assertFiniteNumber(value: unknown, argument: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidArgumentError(argument, FINANCE_ERROR_MESSAGES.NOT_A_FINITE_NUMBER);
  }
}
