import { describe, expect, it } from 'vitest';
import { FinanceError, FINANCE_ERROR_MESSAGES } from '../../models/finance/finance-error.ts';

describe('FinanceError', () => {
  it('is an Error with a code, an optional argument and frozen rates', () => {
    const error = new FinanceError('MULTIPLE_IRR', 'two rates', { rates: [1, 2] });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('FinanceError');
    expect(error.code).toBe('MULTIPLE_IRR');
    expect(error.argument).toBeUndefined();
    expect(error.rates).toEqual([1, 2]);
    expect(Object.isFrozen(error.rates)).toBe(true);
  });

  it('exports its messages as a frozen object', () => {
    expect(Object.isFrozen(FINANCE_ERROR_MESSAGES)).toBe(true);
    expect(typeof FINANCE_ERROR_MESSAGES.NO_SIGN_CHANGE).toBe('string');
  });
});
