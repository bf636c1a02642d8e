export { Decimal, ROUNDING_MODES, MONEY_ERRORS, minorUnits, roundMoney, allocate, type RoundingMode } from './money.ts';
