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
