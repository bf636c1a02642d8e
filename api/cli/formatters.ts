/** Number formatters for one case's currency and locale. */
export interface Formatters {
  money: (value: number) => string;
  percent: (value: number) => string;
  /** A probability's standard error, to two decimals of a percent: 1M trials put it below 0.1 %. */
  percentError: (value: number) => string;
  months: (value: number) => string;
  number: (value: number) => string;
  /** A whole count, every digit shown: trials, runs. */
  count: (value: number) => string;
  /** A plain number with a fixed number of decimals (indices, correlations). */
  fixed: (value: number, digits: number) => string;
  /** An exact decimal string (a point estimate to the cent) in the locale's money format, without rounding through a float. */
  exactMoney: (decimal: string) => string;
}

/**
 * Formatters that follow the case's currency and locale. Non-finite values read as
 * words, never as "NaN": +∞ months is "not within horizon".
 *
 * @example
 * formatters('EUR', 'de-DE').money(1234.5) // '1.235 €'
 */
export function formatters(currency: string, locale = 'en-GB'): Formatters {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const percentError = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const plain = new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const exactMoney = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const undefinedValue = (value: number): string | undefined =>
    Number.isNaN(value) ? 'n/a' : value === Infinity ? '+∞' : value === -Infinity ? '−∞' : undefined;
  return {
    money: (value) => undefinedValue(value) ?? money.format(value),
    percent: (value) => undefinedValue(value) ?? percent.format(value),
    percentError: (value) => undefinedValue(value) ?? percentError.format(value),
    months: (value) => (value === Infinity ? 'not within horizon' : (undefinedValue(value) ?? `month ${Math.round(value)}`)),
    number: (value) => undefinedValue(value) ?? plain.format(value),
    count: (value) => undefinedValue(value) ?? whole.format(value),
    fixed: (value, digits) =>
      undefinedValue(value) ??
      new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        useGrouping: false,
        signDisplay: 'negative' as 'auto',
      }).format(value),
    // Intl formats a numeric string exactly (no float rounding), so the cents stay the decimal's own.
    exactMoney: (decimal) => exactMoney.format(decimal as unknown as number),
  };
}
