import { describe, expect, it } from 'vitest';
import { countPossibleIrrs } from '../../models/finance/count-possible-irrs.ts';
import { irrAll } from '../../models/finance/irr-all.ts';
import { catchFinanceError } from './catch-finance-error.ts';

describe('countPossibleIrrs', () => {
  it('is 1 for a conventional investment (Descartes: one sign change)', () => {
    expect(countPossibleIrrs([-70000, 12000, 15000, 18000, 21000, 26000])).toBe(1);
  });

  it("is 1 when cumulative flows change sign once (Norström's criterion)", () => {
    expect(countPossibleIrrs([-100, 50, -10, 80])).toBe(1);
  });

  it('bounds the actual number of rates', () => {
    const cases = [
      [-1, 5, -6],
      [1, -10, 35, -50, 24],
      [-1, 2, -1],
      [1, -1, 1],
      [-100, 230, -132],
    ];
    for (const flows of cases) expect(irrAll(flows).length).toBeLessThanOrEqual(countPossibleIrrs(flows));
    expect(countPossibleIrrs([-1, 5, -6])).toBe(2);
    expect(countPossibleIrrs([1, -10, 35, -50, 24])).toBe(4);
  });

  it('is 0 when the flows cannot have a rate of return', () => {
    expect(countPossibleIrrs([100, 200])).toBe(0);
    expect(countPossibleIrrs([1, -1, 1])).toBe(0);
  });

  it('rejects bad arguments with INVALID_ARGUMENT naming the argument', () => {
    const error = catchFinanceError(() => countPossibleIrrs([]));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.argument).toBe('cashFlows');
  });
});
