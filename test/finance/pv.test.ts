import { describe, expect, it } from 'vitest';
import { pv } from '../../models/finance/pv.ts';
import { catchFinanceError } from './catch-finance-error.ts';
import { expectRelativelyClose } from './expect-relatively-close.ts';

describe('pv', () => {
  it("matches Excel's documented example", () => {
    expectRelativelyClose(pv(0.08 / 12, 12 * 20, 500, 0, 0), -59777.14585);
    expectRelativelyClose(pv(0.08 / 12, 12 * 20, 500), -59777.14585);
  });

  it('follows the annuity formula with Excel sign convention', () => {
    const rate = 0.05;
    const periods = 10;
    const payment = 1000;
    expectRelativelyClose(pv(rate, periods, payment), -(payment * (1 - (1 + rate) ** -periods)) / rate);
  });

  it('discounts a future value', () => {
    expectRelativelyClose(pv(0.1, 2, 0, 121), -100);
  });

  it('treats type 1 as payments one period earlier', () => {
    expectRelativelyClose(pv(0.05, 10, 1000, 0, 1), pv(0.05, 10, 1000) * 1.05);
  });

  it('handles a zero rate and stays continuous next to it', () => {
    expect(pv(0, 10, 100, 50)).toBe(-1050);
    expect(pv(0, 10, 100, 0, 1)).toBe(-1000);
    expectRelativelyClose(pv(1e-12, 10, 100), -1000);
  });

  it('rejects bad arguments with INVALID_ARGUMENT naming the argument', () => {
    const cases: Array<[() => unknown, string]> = [
      [() => pv(-1, 10, 100), 'rate'],
      [() => pv(0.1, Number.NaN, 100), 'nper'],
      [() => pv(0.1, 10, Number.NaN), 'pmt'],
      [() => pv(0.1, 10, 100, Number.POSITIVE_INFINITY), 'fv'],
      [() => pv(0.1, 10, 100, 0, 2 as 0 | 1), 'type'],
    ];
    for (const [action, argument] of cases) {
      const error = catchFinanceError(action);
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.argument).toBe(argument);
    }
  });
});
