import { describe, expect, it } from 'vitest';
import { payback } from '../../models/finance/payback.ts';
import { catchFinanceError } from './catch-finance-error.ts';
import { expectRelativelyClose } from './expect-relatively-close.ts';

const flows = [-100, 30, 40, 50, 60];

describe('payback', () => {
  it('returns the first index at which the running total is >= 0', () => {
    expect(payback(flows)).toBe(3);
    expect(payback([-100, 50, 50])).toBe(2);
    expect(payback([-0.3, 0.1, 0.2])).toBe(2); // break-even survives rounding
  });

  it('interpolates linearly within the paying-back period', () => {
    // After index 2 the total is -30; flow 3 (50) closes it 60% of the way through.
    expectRelativelyClose(payback(flows, { interpolate: true })!, 2.6);
    expect(payback([-100, 50, 50], { interpolate: true })).toBe(2);
  });

  it('returns null when not paid back within the horizon', () => {
    expect(payback([-100, 30, 40])).toBeNull();
    expect(payback([-100, 30, 40], { interpolate: true })).toBeNull();
  });

  it('returns 0 when the first flow is not negative', () => {
    expect(payback([50, -100, 200])).toBe(0);
    expect(payback([50, -100, 200], { interpolate: true })).toBe(0);
  });

  it('reports the first crossing even if a later flow turns the total negative again', () => {
    expect(payback([-100, 150, -200])).toBe(1);
  });

  it('discounts flow i by (1 + r)^(i + 1), which gives the same answer as (1 + r)^i', () => {
    const rate = 0.1;
    // Discounted by (1 + r)^i: -100, 27.27, 33.06, 37.57 → total -2.10 after index 3, +35.16 after index 4.
    const discounted = flows.map((flow, index) => flow / (1 + rate) ** index);
    const totalBefore = discounted.slice(0, 4).reduce((sum, flow) => sum + flow, 0);
    expect(payback(flows, { discountRatePerPeriod: rate })).toBe(4);
    expectRelativelyClose(payback(flows, { discountRatePerPeriod: rate, interpolate: true })!, 3 + -totalBefore / discounted[4]);
    expect(payback([-100, 30, 40, 50], { discountRatePerPeriod: rate })).toBeNull();
  });

  it('rejects bad arguments with INVALID_ARGUMENT naming the argument', () => {
    const cases: Array<[() => unknown, string]> = [
      [() => payback([]), 'cashFlows'],
      [() => payback([-1, Number.NaN]), 'cashFlows[1]'],
      [() => payback(flows, { discountRatePerPeriod: -1 }), 'options.discountRatePerPeriod'],
      [() => payback(flows, { interpolate: 'yes' as unknown as boolean }), 'options.interpolate'],
      [() => payback(flows, null as unknown as object), 'options'],
    ];
    for (const [action, argument] of cases) {
      const error = catchFinanceError(action);
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.argument).toBe(argument);
    }
  });
});
