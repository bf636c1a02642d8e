import { describe, expect, it } from 'vitest';
import { xirr } from '../../models/finance/xirr.ts';
import { xnpv } from '../../models/finance/xnpv.ts';
import { catchFinanceError } from './catch-finance-error.ts';
import { expectRelativelyClose } from './expect-relatively-close.ts';

const flows = [-10000, 2750, 4250, 3250, 2750];
const dates = ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'];

describe('xirr', () => {
  it("matches Excel's documented example", () => {
    expectRelativelyClose(xirr(flows, dates), 0.373362535);
  });

  it('returns the rate at which xnpv is zero, whatever the guess', () => {
    const rate = xirr(flows, dates);
    expect(Math.abs(xnpv(rate, flows, dates))).toBeLessThan(1e-8);
    for (const guess of [-0.5, 0, 2]) expect(xirr(flows, dates, guess)).toBeCloseTo(rate, 12);
  });

  it('accepts Date objects', () => {
    expect(
      xirr(
        flows,
        dates.map((date) => new Date(date)),
      ),
    ).toBe(xirr(flows, dates));
  });

  it('matches the closed form for one year of 365 days', () => {
    expectRelativelyClose(xirr([-100, 110], ['2001-03-01', '2002-03-01']), 0.1);
  });

  it('throws MULTIPLE_IRR with every rate when the flows have two IRRs', () => {
    const error = catchFinanceError(() => xirr([-1, 5, -6], ['2001-01-01', '2002-01-01', '2003-01-01']));
    expect(error.code).toBe('MULTIPLE_IRR');
    expect(error.rates).toHaveLength(2);
    expectRelativelyClose(error.rates![0], 1);
    expectRelativelyClose(error.rates![1], 2);
  });

  it('throws NO_SIGN_CHANGE without both a positive and a negative flow', () => {
    expect(catchFinanceError(() => xirr([100, 200], ['2008-01-01', '2009-01-01'])).code).toBe('NO_SIGN_CHANGE');
  });

  it('rejects bad arguments with INVALID_ARGUMENT naming the argument', () => {
    const cases: Array<[() => unknown, string]> = [
      [() => xirr([], []), 'cashFlows'],
      [() => xirr(flows, dates.slice(0, 4)), 'dates'],
      [() => xirr([-1, 2], ['2008-01-01', '2007-01-01']), 'dates[1]'],
      [() => xirr([-1, 2], ['2008-01-01', '2008-13-01']), 'dates[1]'],
      [() => xirr(flows, dates, -2), 'guess'],
    ];
    for (const [action, argument] of cases) {
      const error = catchFinanceError(action);
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.argument).toBe(argument);
    }
  });
});
