/**
 * Number formatting for one case: every figure in the case's currency and locale.
 * Money is shown in whole units in tables (a board reads magnitudes, not cents) and in
 * compact form (€1.2M) on chart axes, where space is short.
 */
export interface CaseFormat {
  readonly currency: string;
  readonly locale: string;
  /** Whole currency units, e.g. "€1,234,567". */
  money(amount: number | null | undefined): string;
  /** Compact currency, e.g. "€1.2M", for axes and tight cells. */
  moneyCompact(amount: number | null | undefined): string;
  /** Signed money, e.g. "+€12,000" or "−€3,400". */
  moneySigned(amount: number | null | undefined): string;
  /** A probability or share as a percentage, e.g. "79.5%". */
  percent(share: number | null | undefined, digits?: number): string;
  /** Months, "beyond the horizon" for +Infinity. */
  months(months: number | null | undefined): string;
  /** A plain number with up to four significant digits. */
  value(value: number | null | undefined): string;
  /** A whole count with grouping, e.g. "10,000". */
  count(value: number | null | undefined): string;
  /** A ratio such as ROI, as a percentage. */
  ratio(value: number | null | undefined): string;
  /** A value with its unit; money units (the currency code) format as currency. */
  withUnit(value: number | null | undefined, unit: string): string;
  /** A date (YYYY-MM-DD or ISO timestamp) in the locale's short form. */
  date(iso: string | null | undefined): string;
  /** A date and time in the locale's short form. */
  dateTime(iso: string | null | undefined): string;
  /** The currency symbol, e.g. "€". */
  readonly currencySymbol: string;
}

const DASH = '—';
export const DEFAULT_LOCALE = 'en-GB';

const cache = new Map<string, CaseFormat>();

function isMissing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value);
}

/** Intl throws on an unknown locale or currency; fall back rather than break a page. */
function safeLocale(locale: string | null | undefined): string {
  if (!locale) return DEFAULT_LOCALE;
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length ? locale : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function safeCurrency(currency: string | null | undefined): string {
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return 'EUR';
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency });
    return currency;
  } catch {
    return 'EUR';
  }
}

/**
 * Formatters for a currency and locale (default en-GB), cached per pair.
 *
 * @example
 * caseFormat('EUR', 'de-DE').money(1234567.8) // '1.234.568 €'
 * caseFormat('USD').moneyCompact(1_250_000) // 'US$1.3M'
 */
export function caseFormat(currency: string | null | undefined, locale?: string | null): CaseFormat {
  const cur = safeCurrency(currency);
  const loc = safeLocale(locale);
  const key = `${cur}|${loc}`;
  const cached = cache.get(key);
  if (cached) return cached;

  const money = new Intl.NumberFormat(loc, { style: 'currency', currency: cur, maximumFractionDigits: 0, minimumFractionDigits: 0 });
  const moneySigned = new Intl.NumberFormat(loc, {
    style: 'currency',
    currency: cur,
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
    signDisplay: 'exceptZero',
  });
  const compact = new Intl.NumberFormat(loc, { style: 'currency', currency: cur, notation: 'compact', maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(loc, { maximumFractionDigits: 0 });
  const value = new Intl.NumberFormat(loc, { maximumSignificantDigits: 4 });
  const monthsFormat = new Intl.NumberFormat(loc, { maximumFractionDigits: 1 });
  const percentFormats = new Map<number, Intl.NumberFormat>();
  const percentFormat = (digits: number): Intl.NumberFormat => {
    let format = percentFormats.get(digits);
    if (!format) {
      // 'negative': a tiny negative estimate (a Sobol index of -0.0004) reads 0 %, never "-0.0 %".
      format = new Intl.NumberFormat(loc, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0, signDisplay: 'negative' as 'auto' });
      percentFormats.set(digits, format);
    }
    return format;
  };
  const dateFormat = new Intl.DateTimeFormat(loc, { year: 'numeric', month: 'short', day: 'numeric' });
  const dateTimeFormat = new Intl.DateTimeFormat(loc, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const symbol = money.formatToParts(0).find((part) => part.type === 'currency')?.value ?? cur;

  const infinite = (amount: number): string | null => (amount === Infinity ? '+∞' : amount === -Infinity ? '−∞' : null);

  const format: CaseFormat = {
    currency: cur,
    locale: loc,
    currencySymbol: symbol,
    money: (amount) => (isMissing(amount) ? DASH : (infinite(amount) ?? money.format(amount))),
    moneyCompact: (amount) => {
      if (isMissing(amount)) return DASH;
      const special = infinite(amount);
      if (special) return special;
      // Some locales (de-DE) only abbreviate from a million; below that, whole units read better than "509.240,7 €".
      return compact.formatToParts(amount).some((part) => part.type === 'compact') ? compact.format(amount) : money.format(amount);
    },
    moneySigned: (amount) => (isMissing(amount) ? DASH : (infinite(amount) ?? moneySigned.format(amount))),
    percent: (share, digits = 1) => (isMissing(share) ? DASH : percentFormat(digits).format(share)),
    months: (value) => {
      if (isMissing(value)) return DASH;
      // Stored runs carry +∞ as the JSON string "Infinity" (JSON has no infinity).
      const m = Number(value);
      if (m === Infinity) return 'beyond the horizon';
      return `${monthsFormat.format(m)} month${m === 1 ? '' : 's'}`;
    },
    value: (v) => (isMissing(v) ? DASH : (infinite(v) ?? value.format(v))),
    count: (v) => (isMissing(v) ? DASH : count.format(v)),
    ratio: (v) => (isMissing(v) ? DASH : (infinite(v) ?? percentFormat(0).format(v))),
    withUnit: (v, unit) => {
      if (isMissing(v)) return DASH;
      if (unit === cur || unit === 'currency') return format.money(v);
      if (unit === 'ratio' || unit === 'share') return format.percent(v);
      if (unit === 'months') return format.months(v);
      return `${value.format(v)} ${unit}`;
    },
    date: (iso) => {
      if (!iso) return DASH;
      const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
      return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
    },
    dateTime: (iso) => {
      if (!iso) return DASH;
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
    },
  };
  cache.set(key, format);
  return format;
}

/**
 * Formats an output figure by the unit the engine gives it ('currency', 'ratio', 'months', or a free unit).
 *
 * @example
 * formatOutput(caseFormat('EUR'), 0.42, 'ratio') // '42%'
 */
export function formatOutput(format: CaseFormat, value: number | null | undefined, unit: string): string {
  if (unit === 'currency') return format.money(value);
  if (unit === 'ratio') return format.ratio(value);
  if (unit === 'months') return format.months(value);
  return format.withUnit(value, unit);
}

/**
 * Milliseconds as a short human duration, for timings shown to the user.
 *
 * @example
 * formatDuration(1530) // '1.5 s'
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A payback month as stored: JSON has no Infinity, so a stored run's "never within the
 * horizon" arrives as null; the live engine gives +Infinity. Both mean the same.
 *
 * @example
 * paybackMonths(null) // Infinity
 */
export function paybackMonths(value: number | null | undefined): number {
  return value === null || value === undefined ? Infinity : value;
}
