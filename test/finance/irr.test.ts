import { describe, expect, it } from 'vitest';
import { irr } from '../../models/finance/irr.ts';
import { npv } from '../../models/finance/npv.ts';
import { catchFinanceError } from './catch-finance-error.ts';
import { expectRelativelyClose } from './expect-relatively-close.ts';

describe('irr', () => {
  it("matches Excel's documented examples", () => {
    expectRelativelyClose(irr([-70000, 12000, 15000, 18000, 21000, 26000]), 0.0866309480365173);
    expectRelativelyClose(irr([-70000, 12000, 15000, 18000, 21000]), -0.0212448482);
    // Excel's IRR(A2:A4, -10%) covers the cost and the first two years only.
    expectRelativelyClose(irr([-70000, 12000, 15000], -0.1), -0.443506941);
  });

  it('matches closed forms', () => {
    expectRelativelyClose(irr([-100, 110]), 0.1);
    // -70000 + 12000x + 15000x² = 0 with x = 1 / (1 + r)
    const x = (-12000 + Math.sqrt(12000 ** 2 + 4 * 15000 * 70000)) / (2 * 15000);
    expectRelativelyClose(irr([-70000, 12000, 15000]), 1 / x - 1);
    expect(Math.abs(irr([-100, 100]))).toBeLessThan(1e-15);
  });

  it('returns a rate at which the NPV is zero, whatever the guess', () => {
    const flows = [-70000, 12000, 15000, 18000];
    const rate = irr(flows);
    expect(Math.abs(npv(rate, flows))).toBeLessThan(1e-8);
    for (const guess of [-0.9, -0.5, 0, 0.5, 10]) expect(irr(flows, guess)).toBeCloseTo(rate, 12);
  });

  it('throws MULTIPLE_IRR with every rate when the flows have two IRRs', () => {
    const error = catchFinanceError(() => irr([-1, 5, -6]));
    expect(error.code).toBe('MULTIPLE_IRR');
    expect(error.rates).toHaveLength(2);
    expectRelativelyClose(error.rates![0], 1);
    expectRelativelyClose(error.rates![1], 2);
  });

  it('throws NO_SIGN_CHANGE without both a positive and a negative flow', () => {
    expect(catchFinanceError(() => irr([100, 200, 300])).code).toBe('NO_SIGN_CHANGE');
    expect(catchFinanceError(() => irr([-100, -200])).code).toBe('NO_SIGN_CHANGE');
    expect(catchFinanceError(() => irr([0, 0])).code).toBe('NO_SIGN_CHANGE');
  });

  it('throws NO_IRR when the flows change sign but no rate zeroes the NPV', () => {
    // 1 - x + x² has no real root.
    expect(catchFinanceError(() => irr([1, -1, 1])).code).toBe('NO_IRR');
  });

  it('finds a unique rate even when the flows change sign several times', () => {
    // Cumulative flows change sign once (Norström), so the rate is unique.
    const flows = [-100, 50, -10, 80];
    const rate = irr(flows);
    expect(Math.abs(npv(rate, flows))).toBeLessThan(1e-9);
  });

  it('handles long horizons and extreme rates without overflow', () => {
    const monthly = [-5000, ...Array.from({ length: 119 }, (_, month) => (month % 12 === 11 ? -300 : 80))];
    const rate = irr(monthly);
    expect(Math.abs(npv(rate, monthly))).toBeLessThan(1e-8);
    expectRelativelyClose(irr([-1, 1e7]), 1e7 - 1);
    expectRelativelyClose(irr([-1, 0.001]), -0.999);
  });

  it('rejects bad arguments with INVALID_ARGUMENT naming the argument', () => {
    const cases: Array<[() => unknown, string]> = [
      [() => irr([]), 'cashFlows'],
      [() => irr([-1, Number.NaN]), 'cashFlows[1]'],
      [() => irr([-1, 2], -1), 'guess'],
      [() => irr([-1, 2], Number.NaN), 'guess'],
    ];
    for (const [action, argument] of cases) {
      const error = catchFinanceError(action);
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.argument).toBe(argument);
    }
  });
});
