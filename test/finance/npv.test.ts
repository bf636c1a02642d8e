import { describe, expect, it } from 'vitest';
import { npv } from '../../models/finance/npv.ts';
import { catchFinanceError } from './catch-finance-error.ts';
import { expectRelativelyClose } from './expect-relatively-close.ts';

describe('npv', () => {
  it("matches Excel's documented examples", () => {
    expectRelativelyClose(npv(0.1, [-10000, 3000, 4200, 6800]), 1188.443412);
    // Excel shows $1,922.06; 1922.0615549323722 is the exact value (rational arithmetic).
    expectRelativelyClose(npv(0.08, [8000, 9200, 10000, 12000, 14500]) - 40000, 1922.0615549323722);
    expect((npv(0.08, [8000, 9200, 10000, 12000, 14500]) - 40000).toFixed(2)).toBe('1922.06');
    expectRelativelyClose(npv(0.08, [8000, 9200, 10000, 12000, 14500, -9000]) - 40000, -3749.465087);
  });

  it('discounts the first flow one full period', () => {
    expectRelativelyClose(npv(0.1, [110]), 100);
    expectRelativelyClose(npv(0.1, [0, 121]), 100);
  });

  it('equals the annuity formula for level flows', () => {
    const rate = 0.07;
    const payment = 250;
    const periods = 30;
    const annuity = (payment * (1 - (1 + rate) ** -periods)) / rate;
    expectRelativelyClose(
      npv(
        rate,
        Array.from({ length: periods }, () => payment),
      ),
      annuity,
    );
  });

  it('adds the flows up at a zero rate', () => {
    expect(npv(0, [-100, 40, 70])).toBeCloseTo(10, 12);
  });

  it('rejects bad arguments with INVALID_ARGUMENT naming the argument', () => {
    const cases: Array<[() => unknown, string]> = [
      [() => npv(Number.NaN, [1]), 'rate'],
      [() => npv(-1, [1]), 'rate'],
      [() => npv(-1.5, [1]), 'rate'],
      [() => npv(0.1, []), 'cashFlows'],
      [() => npv(0.1, [1, Number.POSITIVE_INFINITY]), 'cashFlows[1]'],
    ];
    for (const [action, argument] of cases) {
      const error = catchFinanceError(action);
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.argument).toBe(argument);
      expect(error.message.startsWith(argument)).toBe(true);
    }
  });
});
