import { findAllRates } from './find-all-rates.ts';
import { findUniqueRate } from './find-unique-rate.ts';
import { maxRateCount } from './max-rate-count.ts';
import type { CashFlowTerm } from './to-cash-flow-terms.ts';

/**
 * Every rate r > -1 that zeroes the NPV of `terms`, ascending. When the rules
 * of signs (`maxRateCount`) allow at most one rate, it is found by a cheap
 * bracketing search that also reaches rates beyond the grid of `findAllRates`;
 * otherwise the grid scan of `findAllRates` runs.
 *
 * @example
 * findRates(toCashFlowTerms([-70000, 12000, 15000, 18000, 21000, 26000], [0, 1, 2, 3, 4, 5])); // [0.0866309480365173]
 */
export function findRates(terms: readonly CashFlowTerm[]): number[] {
  if (terms.length < 2) return [];
  if (maxRateCount(terms) <= 1) {
    const search = findUniqueRate(terms, 0.1);
    return search.status === 'found' ? [search.rate] : [];
  }
  return findAllRates(terms);
}
