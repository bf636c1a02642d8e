import { countSignChanges } from './count-sign-changes.ts';
import type { CashFlowTerm } from './to-cash-flow-terms.ts';

/** Below this fraction of the flows' total size, the undiscounted sum counts as zero. */
const ZERO_SUM_TOLERANCE = 1e-12;

/**
 * An upper bound on how many rates r > -1 (counted with multiplicity) set
 * Σ amount · (1 + r)^-time to zero. With x = 1 / (1 + r) the NPV is a
 * (generalised) polynomial Σ amount · x^time on x in (0, ∞), and two classic
 * bounds apply; the smaller one is returned:
 *
 * 1. Descartes' rule of signs (which Laguerre extended to real exponents): at
 *    most as many positive roots as sign changes in the amounts.
 * 2. Norström's criterion (Laguerre's rule for x in (0, 1)): at most as many
 *    rates r > 0 as sign changes in the running totals from the first flow.
 *    Applied to x' = 1 / x it bounds the rates in (-1, 0) by the sign changes
 *    of the running totals from the last flow. r = 0 adds one when the flows
 *    sum to zero.
 *
 * A bound of 1 means the rate, if any, is unique; it exists exactly when the
 * first and last amounts have opposite signs.
 *
 * @example
 * maxRateCount(toCashFlowTerms([-1, 5, -6], [0, 1, 2])); // 2 (the rates are 100% and 200%)
 */
export function maxRateCount(terms: readonly CashFlowTerm[]): number {
  const amounts = terms.map((term) => term.amount);
  const descartesBound = countSignChanges(amounts);

  const runningFromFirst: number[] = [];
  let total = 0;
  for (const amount of amounts) runningFromFirst.push((total += amount));
  const runningFromLast: number[] = [];
  let totalFromLast = 0;
  for (let index = amounts.length - 1; index >= 0; index--) runningFromLast.push((totalFromLast += amounts[index]));

  const size = amounts.reduce((sum, amount) => sum + Math.abs(amount), 0);
  // The rules count strict sign changes, so an undiscounted sum that is zero up
  // to rounding must be counted as a possible root at r = 0 to keep the bound safe.
  const rootAtZeroRate = Math.abs(total) <= ZERO_SUM_TOLERANCE * size ? 1 : 0;
  const norstromBound = countSignChanges(runningFromFirst) + countSignChanges(runningFromLast) + rootAtZeroRate;
  return Math.min(descartesBound, norstromBound);
}
