import { storedNumber } from './cell-values.ts';

/** The number formats of one workbook, in its currency. */
export interface NumberFormats {
  /** Whole currency units: totals and results. */
  money: string;
  /** Currency with cents: unit prices, rates, the exact point estimate. */
  moneyCents: string;
  percent: string;
  months: string;
  count: string;
  general: string;
}

/** A number with a format; `storedNumber` reads the strings stored JSON uses for ±Infinity and NaN. */
export function num(value: unknown, numFmt: string): { value: number; numFmt: string } {
  return { value: storedNumber(value), numFmt };
}

/**
 * The formats of a workbook in one currency.
 *
 * @example
 * numberFormats('GBP').money // '"£"#,##0;-"£"#,##0'
 */
export function numberFormats(currency: string): NumberFormats {
  const symbol = currencySymbol(currency);
  const quoted = `"${symbol}"`;
  return {
    money: `${quoted}#,##0;-${quoted}#,##0`,
    moneyCents: `${quoted}#,##0.00;-${quoted}#,##0.00`,
    percent: '0.0%',
    months: '0.0',
    count: '#,##0',
    general: 'General',
  };
}

/** The currency's symbol (e.g. £), or its code; never a character a number format would misread. */
function currencySymbol(currency: string): string {
  try {
    const part = new Intl.NumberFormat('en', { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency');
    return (part?.value ?? currency).replace(/["\\]/g, '');
  } catch {
    return currency;
  }
}

/** Money inputs (unit "GBP", "GBP/hour", …) get the currency format; other units stay general. */
export function inputFormat(unit: string, currency: string, formats: NumberFormats): string {
  return unit === currency || unit.startsWith(`${currency}/`) ? formats.moneyCents : formats.general;
}

/** The format of a summarised output by its unit; `exact` keeps the cents of the point estimate. */
export function outputFormat(unit: string, formats: NumberFormats, exact = false): string {
  if (unit === 'currency') return exact ? formats.moneyCents : formats.money;
  if (unit === 'ratio') return exact ? '0.0000%' : formats.percent;
  if (unit === 'months') return formats.months;
  return formats.general;
}

/**
 * The decimals a value needs once float noise (beyond 10 significant digits) is gone, at most `max`.
 *
 * @example
 * decimalsNeeded(249999.99999999983) // 0
 * decimalsNeeded(0.0308) // 4
 */
export function decimalsNeeded(value: number, max = 6): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  const clean = Number(value.toPrecision(10));
  for (let decimals = 0; decimals < max; decimals++) if (Number(clean.toFixed(decimals)) === clean) return decimals;
  return max;
}

/** Decimals that show about five significant digits (0 from 10,000 up, at most 6). */
function significantDecimals(value: number): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  return Math.min(6, Math.max(0, 4 - Math.floor(Math.log10(Math.abs(value)))));
}

/**
 * The number format of a value in an input's unit: the currency with cents for money,
 * a percentage for shares and rates, else a grouped number with the decimals it needs
 * (about five significant digits), so 249999.99999999983 shows as 250,000.
 *
 * @example
 * unitFormat(0.03, 'share/year', 'GBP', numberFormats('GBP')) // '0%' … '0.0%' as needed
 */
export function unitFormat(value: number, unit: string, currency: string, formats: NumberFormats): string {
  if (unit === currency || unit.startsWith(`${currency}/`)) return formats.moneyCents;
  if (/^(share|%|percent|rate)\b/i.test(unit)) {
    const decimals = decimalsNeeded(value * 100, significantDecimals(value * 100));
    return decimals ? `0.${'0'.repeat(decimals)}%` : '0%';
  }
  const decimals = decimalsNeeded(value, significantDecimals(value));
  return decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}
