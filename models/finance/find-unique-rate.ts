import { brentRoot } from './brent-root.ts';
import { RATE_SEARCH_LIMITS } from './rate-search-limits.ts';
import { scaledNetValue } from './scaled-net-value.ts';
import type { CashFlowTerm } from './to-cash-flow-terms.ts';

const FIRST_STEP = 0.05;

/**
 * Outcome of `findUniqueRate`: the rate, no rate at all, or a rate that exists
 * but lies beyond the searchable range.
 *
 * @example
 * const search: UniqueRateSearch = { status: 'found', rate: 0.1 };
 */
export type UniqueRateSearch = { status: 'found'; rate: number } | { status: 'none' } | { status: 'beyond-range' };

/**
 * The rate of return when `maxRateCount(terms) <= 1`, i.e. when at most one rate
 * exists. There is none when the first and last amounts share a sign: the root
 * count then is even, hence zero.
 *
 * Because the NPV changes sign exactly once in t = ln(1 + r), it walks from
 * `guess` towards the root with doubling steps until the sign flips, then
 * refines with Brent's method. `guess` only affects speed, never the answer.
 *
 * @example
 * findUniqueRate(toCashFlowTerms([-100, 110], [0, 1]), 0.1); // { status: 'found', rate: 0.1 }
 */
export function findUniqueRate(terms: readonly CashFlowTerm[], guess: number): UniqueRateSearch {
  const signAsRateGrows = Math.sign(terms[0].amount);
  const signAsRateFalls = Math.sign(terms[terms.length - 1].amount);
  if (signAsRateGrows === signAsRateFalls) return { status: 'none' };

  const { value } = scaledNetValue(terms);
  const { floor, ceiling } = RATE_SEARCH_LIMITS;
  let from = Math.min(Math.max(Math.log1p(guess), floor), ceiling);
  let valueFrom = value(from);
  if (valueFrom === 0) return { status: 'found', rate: Math.expm1(from) };
  // On the high-rate side of the root the NPV has the sign of the earliest flow.
  const direction = Math.sign(valueFrom) === signAsRateGrows ? -1 : 1;
  const limit = direction < 0 ? floor : ceiling;
  for (let step = FIRST_STEP; from !== limit; step *= 2) {
    const to = direction < 0 ? Math.max(from - step, floor) : Math.min(from + step, ceiling);
    const valueTo = value(to);
    if (valueTo === 0) return { status: 'found', rate: Math.expm1(to) };
    if (Math.sign(valueTo) !== Math.sign(valueFrom)) {
      const root = direction < 0 ? brentRoot(value, to, from, valueTo, valueFrom) : brentRoot(value, from, to, valueFrom, valueTo);
      return { status: 'found', rate: Math.expm1(root) };
    }
    from = to;
    valueFrom = valueTo;
  }
  return { status: 'beyond-range' };
}
