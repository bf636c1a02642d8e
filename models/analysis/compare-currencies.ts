import { AnalysisError } from './analysis-error.ts';

/** How B's money is stated in A's currency for a comparison. */
export interface CurrencyConversion {
  /** A's currency: every money figure of the comparison is in it. */
  currency: string;
  /** B's own currency. */
  from: string;
  /** 1 unit of `from` = `rate` units of `currency`; 1 when both cases share a currency. */
  rate: number;
}

/**
 * Checks that two cases can be compared in money: the same currency, or an explicit
 * exchange rate (1 unit of B's currency = `exchangeRate` units of A's). Money is never
 * mixed silently: different currencies without a rate are an `AnalysisError` on
 * `exchangeRate` that names both.
 *
 * @example
 * compareCurrencies('EUR', 'USD', 0.92) // { currency: 'EUR', from: 'USD', rate: 0.92 }
 */
export function compareCurrencies(currencyA: string, currencyB: string, exchangeRate?: number): CurrencyConversion {
  if (exchangeRate !== undefined && !(Number.isFinite(exchangeRate) && exchangeRate > 0)) {
    throw new AnalysisError('exchangeRate', `the exchange rate must be a positive number, got ${exchangeRate}`);
  }
  if (currencyA === currencyB) {
    if (exchangeRate !== undefined && exchangeRate !== 1) {
      throw new AnalysisError('exchangeRate', `both cases are in ${currencyA}: an exchange rate of ${exchangeRate} would distort B; leave it out`);
    }
    return { currency: currencyA, from: currencyB, rate: 1 };
  }
  if (exchangeRate === undefined) {
    throw new AnalysisError(
      'exchangeRate',
      `case A is in ${currencyA} and case B in ${currencyB}: money in two currencies cannot be compared; give an exchange rate (1 ${currencyB} = ? ${currencyA})`,
    );
  }
  return { currency: currencyA, from: currencyB, rate: exchangeRate };
}
