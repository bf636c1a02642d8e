import { describe, expect, it } from 'vitest';
import { xirr } from '../../models/finance/xirr.ts';
import { xirrAll } from '../../models/finance/xirr-all.ts';
import { xnpv } from '../../models/finance/xnpv.ts';
import { catchFinanceError } from './catch-finance-error.ts';
import { expectRelativelyClose } from './expect-relatively-close.ts';

describe('xirrAll', () => {
  it('finds both rates of -1, 5, -6 one and two 365-day years apart', () => {
    const rates = xirrAll([-1, 5, -6], ['2001-01-01', '2002-01-01', '2003-01-01']);
    expect(rates).toHaveLength(2);
    expectRelativelyClose(rates[0], 1, 1e-9);
    expectRelativelyClose(rates[1], 2, 1e-9);
  });

  it('finds every rate of irregular flows with several sign changes', () => {
    const flows = [-1000, 3600, -4310, 1716];
    const dates = ['2010-01-01', '2010-11-20', '2011-12-05', '2012-10-30'];
    const rates = xirrAll(flows, dates);
    expect(rates).toHaveLength(3);
    for (const rate of rates) expect(Math.abs(xnpv(rate, flows, dates))).toBeLessThan(1e-7);
  });

  it('agrees with xirr when the rate is unique', () => {
    const flows = [-10000, 2750, 4250, 3250, 2750];
    const dates = ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'];
    const rates = xirrAll(flows, dates);
    expect(rates).toHaveLength(1);
    expectRelativelyClose(rates[0], xirr(flows, dates), 1e-12);
  });

  it('returns [] when no rate exists', () => {
    expect(xirrAll([100, 200], ['2008-01-01', '2009-01-01'])).toEqual([]);
  });

  it('rejects a date before the first date', () => {
    const error = catchFinanceError(() => xirrAll([-1, 2], ['2008-01-01', '2007-12-31']));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.argument).toBe('dates[1]');
  });
});
