import DecimalBase from 'decimal.js';

/** Decimal with 40 significant digits: exact for every sum of cents a report can show. */
export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

/** Named rounding modes. `halfUp` rounds halves away from zero, like Excel's ROUND. */
export const ROUNDING_MODES = {
  halfUp: DecimalBase.ROUND_HALF_UP,
  halfEven: DecimalBase.ROUND_HALF_EVEN,
  down: DecimalBase.ROUND_DOWN,
  up: DecimalBase.ROUND_UP,
} as const;
export type RoundingMode = keyof typeof ROUNDING_MODES;

/** Error messages, as constants. */
export const MONEY_ERRORS = {
  currency: 'currency must be an ISO 4217 code',
  nonFinite: 'amount must be a finite number',
  weights: 'allocation weights must be finite, non-negative and not all zero',
} as const;

/**
 * Digits after the decimal point for a currency (EUR 2, JPY 0, BHD 3).
 *
 * @example
 * minorUnits('JPY') // 0
 */
export function minorUnits(currency: string): number {
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(MONEY_ERRORS.currency);
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Rounds an amount to the currency's minor unit and returns it as a fixed-point string.
 *
 * @example
 * roundMoney(new Decimal('2.345'), 'EUR') // '2.35'
 * roundMoney(new Decimal('2.345'), 'EUR', 'halfEven') // '2.34'
 */
export function roundMoney(amount: Decimal | number | string, currency: string, mode: RoundingMode = 'halfUp'): string {
  const value = new Decimal(amount);
  if (!value.isFinite()) throw new RangeError(MONEY_ERRORS.nonFinite);
  return value.toFixed(minorUnits(currency), ROUNDING_MODES[mode]);
}

/**
 * Splits a total into parts proportional to weights, in minor units, so the parts
 * add up exactly to the rounded total. Remainder units go to the largest fractional
 * parts, ties to the earlier part: deterministic.
 *
 * @example
 * allocate('100.00', [1, 1, 1], 'EUR') // ['33.34', '33.33', '33.33']
 */
export function allocate(total: Decimal | number | string, weights: readonly number[], currency: string): string[] {
  const digits = minorUnits(currency);
  if (weights.length === 0 || weights.some((weight) => !(weight >= 0) || !Number.isFinite(weight))) throw new RangeError(MONEY_ERRORS.weights);
  // Sum in decimal: a float sum of large weights could overflow to Infinity.
  const weightSum = weights.reduce((sum, weight) => sum.plus(weight), new Decimal(0));
  if (!weightSum.gt(0)) throw new RangeError(MONEY_ERRORS.weights);
  const scale = new Decimal(10).pow(digits);
  const units = new Decimal(total).mul(scale).toDecimalPlaces(0, ROUNDING_MODES.halfUp);
  const exact = weights.map((weight) => units.mul(weight).div(weightSum));
  const floors = exact.map((value) => value.floor());
  let remainder = units.minus(floors.reduce((sum, value) => sum.plus(value), new Decimal(0))).toNumber();
  const order = exact
    .map((value, index) => ({ index, fraction: value.minus(floors[index]) }))
    .sort((a, b) => b.fraction.comparedTo(a.fraction) || a.index - b.index);
  for (const { index } of order) {
    if (remainder <= 0) break;
    floors[index] = floors[index].plus(1);
    remainder--;
  }
  return floors.map((value) => value.div(scale).toFixed(digits));
}
