import { describe, expect, it } from 'vitest';
import { MONEY_ERRORS, minorUnits } from '../../models/money/money.ts';

describe('minorUnits (ISO 4217 exponent)', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['BHD', 3],
    ['KWD', 3],
  ])('%s has %i decimals', (currency, digits) => {
    expect(minorUnits(currency)).toBe(digits);
  });

  it.each(['eur', 'EURO', 'EU', '', '€'])('rejects %j as a currency code', (currency) => {
    expect(() => minorUnits(currency)).toThrow(RangeError);
    expect(() => minorUnits(currency)).toThrow(MONEY_ERRORS.currency);
  });
});
