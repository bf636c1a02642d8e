import { expect } from 'vitest';
import { FinanceError } from '../../models/finance/finance-error.ts';

/**
 * Runs `action`, asserts it throws a `FinanceError`, and returns that error for further checks.
 *
 * @example
 * expect(catchFinanceError(() => irr([1, 2])).code).toBe('NO_SIGN_CHANGE');
 */
export function catchFinanceError(action: () => unknown): FinanceError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(FinanceError);
    return error as FinanceError;
  }
  throw new Error('expected a FinanceError, but nothing was thrown');
}
