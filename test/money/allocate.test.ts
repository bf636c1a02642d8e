import { describe, expect, it } from 'vitest';
import { Decimal, MONEY_ERRORS, allocate } from '../../models/money/money.ts';

const sum = (parts: string[]): string => parts.reduce((total, part) => total.plus(part), new Decimal(0)).toFixed(2);

describe('allocate', () => {
  it('splits 100.00 EUR three ways as 33.34 + 33.33 + 33.33, summing exactly', () => {
    const parts = allocate('100.00', [1, 1, 1], 'EUR');
    expect(parts).toEqual(['33.34', '33.33', '33.33']);
    expect(sum(parts)).toBe('100.00');
  });

  it('gives the remainder units to the largest fractional parts', () => {
    // 100 cents in 1 : 2 → 33.33… and 66.66…: floors 33 + 66, the extra cent goes to the .66… part.
    expect(allocate('1.00', [1, 2], 'EUR')).toEqual(['0.33', '0.67']);
    // 1000 cents in 1 : 1 : 1 : 3 → 166.66…, 166.66…, 166.66…, 500: floors sum to 998; two extra cents, earliest first.
    expect(allocate('10.00', [1, 1, 1, 3], 'EUR')).toEqual(['1.67', '1.67', '1.66', '5.00']);
  });

  it('gives nothing to a zero weight', () => {
    expect(allocate('100.00', [0, 1], 'EUR')).toEqual(['0.00', '100.00']);
    expect(allocate('100.00', [1, 0, 1], 'EUR')).toEqual(['50.00', '0.00', '50.00']);
  });

  it("works in the currency's minor unit (JPY, BHD)", () => {
    expect(allocate(100, [1, 1, 1], 'JPY')).toEqual(['34', '33', '33']);
    expect(allocate('1', [1, 1, 1], 'BHD')).toEqual(['0.334', '0.333', '0.333']);
  });

  it('rounds the total half-up to the minor unit first', () => {
    // 10.005 → 10.01 = 1001 cents: 500.5 each → 500 + 500 + one extra cent to the first.
    expect(allocate('10.005', [1, 1], 'EUR')).toEqual(['5.01', '5.00']);
  });

  it('always sums exactly to the rounded total', () => {
    const cases: [string, number[]][] = [
      ['1234.57', [0.1, 0.2, 0.3, 0.4]],
      ['0.01', [1, 1, 1]],
      ['999999.99', [3, 7, 11, 13, 17]],
      ['-100.00', [1, 1, 1]],
      ['50.00', [1e-9, 1]],
    ];
    for (const [total, weights] of cases) {
      const parts = allocate(total, weights, 'EUR');
      expect(parts).toHaveLength(weights.length);
      expect(sum(parts)).toBe(new Decimal(total).toFixed(2));
      // Each part is within one cent of its exact share.
      const weightSum = weights.reduce((a, b) => a + b, 0);
      parts.forEach((part, index) => {
        const exact = new Decimal(total).mul(weights[index]).div(weightSum);
        expect(new Decimal(part).minus(exact).abs().lte('0.01')).toBe(true);
      });
    }
  });

  it.each([
    ['all zero', [0, 0]],
    ['negative', [-1, 2]],
    ['NaN', [Number.NaN, 1]],
    ['empty', []],
  ])('rejects %s weights', (_, weights) => {
    expect(() => allocate('100.00', weights, 'EUR')).toThrow(RangeError);
    expect(() => allocate('100.00', weights, 'EUR')).toThrow(MONEY_ERRORS.weights);
  });

  // BUG (models/money/money.ts, allocate): the weight check `!(weight >= 0)` lets +Infinity
  // through. allocate('100.00', [Infinity, 1], 'EUR') returns ['NaN', '0.01'] instead of
  // throwing MONEY_ERRORS.weights (Infinity/Infinity is NaN, and the parts no longer sum).
  it('rejects an infinite weight', () => {
    expect(() => allocate('100.00', [Infinity, 1], 'EUR')).toThrow(MONEY_ERRORS.weights);
  });

  // BUG (models/money/money.ts, allocate): the weight sum is a float, so finite weights whose
  // sum overflows (1e308 + 1e308 = Infinity) make every exact share 0; the remainder loop
  // hands out at most one unit per part, so allocate('100.00', [1e308, 1e308], 'EUR') returns
  // ['0.01', '0.01'] — 9,998 cents disappear. Expected ['50.00', '50.00'].
  it('splits huge but finite weights correctly (weight sum overflows a double)', () => {
    expect(allocate('100.00', [1e308, 1e308], 'EUR')).toEqual(['50.00', '50.00']);
  });
});
