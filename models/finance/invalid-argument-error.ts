import { FinanceError } from './finance-error.ts';

/**
 * Builds the `INVALID_ARGUMENT` error whose message starts with the argument's name.
 *
 * @example
 * throw invalidArgumentError('rate', FINANCE_ERROR_MESSAGES.NOT_A_FINITE_NUMBER);
 * // FinanceError: rate must be a finite number
 */
export function invalidArgumentError(argument: string, message: string): FinanceError {
  return new FinanceError('INVALID_ARGUMENT', `${argument} ${message}`, { argument });
}
