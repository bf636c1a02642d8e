import { describe, expect, it } from 'vitest';
import { mirr } from '../../models/finance/mirr.ts';
import { catchFinanceError } from './catch-finance-error.ts';
import { expectRelativelyClose } from './expect-relatively-close.ts';

const flows = [-120000, 39000, 30000, 21000, 37000, 46000];

describe('mirr', () => {
  it("matches Excel's documented examples", () => {
    // Excel shows 12.61%; 0.126094 is that value to six decimals.
    expect(mirr(flows, 0.1, 0.12)).toBeCloseTo(0.126094, 6);
    expectRelativelyClose(mirr(flows, 0.1, 0.12), 0.12609413036590533);
    expectRelativelyClose(mirr(flows.slice(0, 4), 0.1, 0.12), -0.048044655);
    expectRelativelyClose(mirr(flows, 0.1, 0.14), 0.134759111);
  });

  it('matches the closed form', () => {
    // One outflow now, one inflow after two periods: (121 / 100)^(1/2) - 1, whatever the rates.
    expectRelativelyClose(mirr([-100, 0, 121], 0.3, 0.7), 0.1);
    // Outflow discounted at 10% and inflow compounded at 20% over n - 1 = 2 periods.
    expectRelativelyClose(mirr([-100, -110, 100], 0.1, 0.2), Math.sqrt(100 / 200) - 1);
  });

  it('throws NO_SIGN_CHANGE without both a positive and a negative flow (Excel #DIV/0!)', () => {
    expect(catchFinanceError(() => mirr([100, 200], 0.1, 0.1)).code).toBe('NO_SIGN_CHANGE');
    expect(catchFinanceError(() => mirr([-100, -200], 0.1, 0.1)).code).toBe('NO_SIGN_CHANGE');
    expect(catchFinanceError(() => mirr([-100], 0.1, 0.1)).code).toBe('NO_SIGN_CHANGE');
  });

  it('rejects bad arguments with INVALID_ARGUMENT naming the argument', () => {
    const cases: Array<[() => unknown, string]> = [
      [() => mirr([], 0.1, 0.1), 'cashFlows'],
      [() => mirr(flows, -1, 0.1), 'financeRate'],
      [() => mirr(flows, 0.1, Number.NaN), 'reinvestRate'],
    ];
    for (const [action, argument] of cases) {
      const error = catchFinanceError(action);
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.argument).toBe(argument);
    }
  });
});
