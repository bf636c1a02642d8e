/** Formatters for the sentences the gate writes. */
export interface GateFormat {
  /** Whole currency units, e.g. '€12,346'. */
  money(amount: number): string;
  /** A probability as a percentage with at most one decimal, e.g. '79.5%'. */
  percent(probability: number): string;
  /** Months, or 'beyond the horizon' for +Infinity (no payback within it). */
  months(months: number): string;
  /** A trial count with grouping, e.g. '40,000'. */
  count(value: number): string;
  /** An input value with up to four significant digits, e.g. '0.65' or '12,350'. */
  value(value: number): string;
}

/**
 * The locale used when the case names none.
 *
 * @example
 * gateFormat('EUR', bc.locale ?? DEFAULT_GATE_LOCALE)
 */
export const DEFAULT_GATE_LOCALE = 'en-GB';

/**
 * Formatters for the case's currency and locale (default en-GB); money has no decimals,
 * because a board reads the order of magnitude, not the cents.
 *
 * @example
 * gateFormat('EUR').money(12345.6) // '€12,346'
 * gateFormat('EUR').months(Infinity) // 'beyond the horizon'
 */
export function gateFormat(currency: string, locale: string = DEFAULT_GATE_LOCALE): GateFormat {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const value = new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 });
  const months = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    money: (amount) => money.format(amount),
    percent: (probability) => percent.format(probability),
    months: (m) => (m === Infinity ? 'beyond the horizon' : `${months.format(m)} month${m === 1 ? '' : 's'}`),
    count: (n) => count.format(n),
    value: (v) => value.format(v),
  };
}
