import { describe, expect, it } from 'vitest';
import { Decimal, MONEY_ERRORS, roundMoney } from '../../models/money/money.ts';

describe('roundMoney', () => {
  it.each([
    // amount, halfUp (away from zero, Excel ROUND), halfEven (banker's)
    ['2.345', '2.35', '2.34'],
    ['-2.345', '-2.35', '-2.34'],
    ['0.125', '0.13', '0.12'],
    ['0.135', '0.14', '0.14'],
    ['2.3449999', '2.34', '2.34'],
    ['2.3450001', '2.35', '2.35'],
  ])('rounds %s to %s half-up and %s half-even (EUR)', (amount, halfUp, halfEven) => {
    expect(roundMoney(amount, 'EUR')).toBe(halfUp);
    expect(roundMoney(amount, 'EUR', 'halfUp')).toBe(halfUp);
    expect(roundMoney(amount, 'EUR', 'halfEven')).toBe(halfEven);
    expect(roundMoney(new Decimal(amount), 'EUR', 'halfEven')).toBe(halfEven);
  });

  it('treats a JavaScript number by its shortest decimal form (2.345, not 2.34499999999999997…)', () => {
    // The double nearest 2.345 is slightly below it; Excel and decimal.js both round the shown value.
    expect(roundMoney(2.345, 'EUR')).toBe('2.35');
    expect(roundMoney(-2.345, 'EUR')).toBe('-2.35');
    expect(roundMoney(0.125, 'EUR', 'halfEven')).toBe('0.12');
  });

  it('rounds towards and away from zero with down and up', () => {
    expect(roundMoney('2.345', 'EUR', 'down')).toBe('2.34');
    expect(roundMoney('-2.345', 'EUR', 'down')).toBe('-2.34');
    expect(roundMoney('2.341', 'EUR', 'up')).toBe('2.35');
    expect(roundMoney('-2.341', 'EUR', 'up')).toBe('-2.35');
  });

  it("uses the currency's minor unit: JPY whole yen, BHD three decimals", () => {
    expect(roundMoney('2.5', 'JPY')).toBe('3');
    expect(roundMoney('2.5', 'JPY', 'halfEven')).toBe('2');
    expect(roundMoney('-3.5', 'JPY', 'halfEven')).toBe('-4');
    expect(roundMoney('1.0005', 'BHD')).toBe('1.001');
    expect(roundMoney('1.0005', 'BHD', 'halfEven')).toBe('1.000');
    expect(roundMoney('7', 'EUR')).toBe('7.00');
  });

  it('keeps cents exact on large amounts (beyond 2^53 minor units)', () => {
    expect(roundMoney('123456789012345678.125', 'EUR')).toBe('123456789012345678.13');
  });

  it.each([Number.NaN, Infinity, -Infinity])('rejects %s', (amount) => {
    expect(() => roundMoney(amount, 'EUR')).toThrow(MONEY_ERRORS.nonFinite);
  });
});
