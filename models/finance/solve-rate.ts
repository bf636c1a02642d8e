import { findAllRates } from './find-all-rates.ts';
import { findUniqueRate } from './find-unique-rate.ts';
import { FinanceError, FINANCE_ERROR_MESSAGES } from './finance-error.ts';
import { maxRateCount } from './max-rate-count.ts';
import { toCashFlowTerms } from './to-cash-flow-terms.ts';

/**
 * The single rate r > -1 at which Σ amount · (1 + r)^-time is zero, shared by
 * `irr` and `xirr`. It throws instead of picking one of several rates, which
 * Newton's method (Excel's approach) does silently depending on the guess:
 * - `NO_SIGN_CHANGE` when no amount is positive or none is negative;
 * - `MULTIPLE_IRR` with `rates` when more than one rate exists;
 * - `NO_IRR` when the amounts change sign but no rate zeroes the NPV;
 * - `NO_CONVERGENCE` when the one rate lies beyond 1 + r in [1e-15, 1e300].
 *
 * If the rules of signs guarantee at most one rate, a bracketing search from
 * `guess` finds it; otherwise all rates are located by `findAllRates`.
 *
 * @example
 * solveRate([-100, 110], [0, 1], 0.1); // 0.1
 */
export function solveRate(amounts: readonly number[], times: readonly number[], guess: number): number {
  if (!amounts.some((amount) => amount > 0) || !amounts.some((amount) => amount < 0)) {
    throw new FinanceError('NO_SIGN_CHANGE', FINANCE_ERROR_MESSAGES.NO_SIGN_CHANGE);
  }
  const terms = toCashFlowTerms(amounts, times);
  // Same-date flows that cancel out leave nothing to discount: every rate is a root.
  if (terms.length === 0) throw new FinanceError('MULTIPLE_IRR', FINANCE_ERROR_MESSAGES.ZERO_AT_EVERY_RATE, { rates: [] });

  if (maxRateCount(terms) <= 1) {
    const search = findUniqueRate(terms, guess);
    if (search.status === 'found') return search.rate;
    if (search.status === 'beyond-range') throw new FinanceError('NO_CONVERGENCE', FINANCE_ERROR_MESSAGES.NO_CONVERGENCE);
    throw new FinanceError('NO_IRR', FINANCE_ERROR_MESSAGES.NO_IRR);
  }

  const rates = findAllRates(terms);
  if (rates.length === 1) return rates[0];
  if (rates.length === 0) throw new FinanceError('NO_IRR', FINANCE_ERROR_MESSAGES.NO_IRR);
  const listed = rates.map((rate) => `${(rate * 100).toPrecision(6)}%`).join(', ');
  throw new FinanceError('MULTIPLE_IRR', `${FINANCE_ERROR_MESSAGES.MULTIPLE_IRR}: ${listed}`, { rates });
}
