import { describe, expect, it } from 'vitest';
import { npv } from '../../models/finance/npv.ts';
import { xnpv } from '../../models/finance/xnpv.ts';
import { catchFinanceError } from './catch-finance-error.ts';
import { expectRelativelyClose } from './expect-relatively-close.ts';

const flows = [-10000, 2750, 4250, 3250, 2750];
const dates = ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'];

describe('xnpv', () => {
  it("matches Excel's documented example", () => {
    expectRelativelyClose(xnpv(0.09, flows, dates), 2086.647602);
  });

  it('reads Date objects by their UTC calendar day, ignoring the time of day', () => {
    const asDates = dates.map((date) => new Date(`${date}T00:00:00Z`));
    expect(xnpv(0.09, flows, asDates)).toBe(xnpv(0.09, flows, dates));
    const withTimes = dates.map((date) => new Date(`${date}T17:45:00Z`));
    expect(xnpv(0.09, flows, withTimes)).toBe(xnpv(0.09, flows, dates));
  });

  it('accepts later dates in any order after the first', () => {
    const order = [0, 3, 1, 4, 2];
    const shuffledFlows = order.map((index) => flows[index]);
    const shuffledDates = order.map((index) => dates[index]);
    expectRelativelyClose(xnpv(0.09, shuffledFlows, shuffledDates), 2086.647602);
  });

  it('equals npv times (1 + rate) for flows 365 days apart', () => {
    const yearly = ['2001-01-01', '2002-01-01', '2003-01-01', '2004-01-01'];
    const cashFlows = [-1000, 300, 400, 500];
    expectRelativelyClose(xnpv(0.1, cashFlows, yearly), npv(0.1, cashFlows) * 1.1);
  });

  it('rejects a date before the first date, as Excel returns #NUM!', () => {
    const error = catchFinanceError(() => xnpv(0.09, [-100, 50, 60], ['2008-01-01', '2008-06-01', '2007-12-31']));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.argument).toBe('dates[2]');
  });

  it('rejects bad arguments with INVALID_ARGUMENT naming the argument', () => {
    const cases: Array<[() => unknown, string]> = [
      [() => xnpv(-1, flows, dates), 'rate'],
      [() => xnpv(0.09, [], []), 'cashFlows'],
      [() => xnpv(0.09, [1, Number.NaN], ['2008-01-01', '2008-02-01']), 'cashFlows[1]'],
      [() => xnpv(0.09, flows, dates.slice(1)), 'dates'],
      [() => xnpv(0.09, [1, 2], ['2008-01-01', '2009-02-30']), 'dates[1]'],
      [() => xnpv(0.09, [1, 2], ['2008-01-01', '1/2/2008']), 'dates[1]'],
      [() => xnpv(0.09, [1, 2], ['2008-01-01', new Date(Number.NaN)]), 'dates[1]'],
    ];
    for (const [action, argument] of cases) {
      const error = catchFinanceError(action);
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.argument).toBe(argument);
    }
  });
});
