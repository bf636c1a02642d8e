import { brentRoot } from './brent-root.ts';
import { RATE_SEARCH_LIMITS } from './rate-search-limits.ts';
import { scaledNetValue } from './scaled-net-value.ts';
import type { CashFlowTerm } from './to-cash-flow-terms.ts';

/** A minimum of |NPV| below this fraction of the flows' total size counts as a (double) root. */
const TOUCHING_ROOT_TOLERANCE = 1e-12;
/** Roots closer than this in ln(1 + r) are one root found twice. */
const DUPLICATE_ROOT_DISTANCE = 1e-9;

/**
 * Every rate r > -1 at which Σ amount · (1 + r)^-time is zero, ascending.
 *
 * Method. In t = ln(1 + r) the NPV is a smooth, overflow-safe function
 * (`scaledNetValue`). It is sampled on a grid with step 0.01 (1% steps of the
 * growth factor 1 + r) from r = -99.99% to r = 1,000,000%, t = 0 (r = 0)
 * being a grid point. In each grid cell:
 * - a sign change brackets a root, refined by Brent's method to full precision;
 * - otherwise, a sign change of the derivative brackets an extremum (found by
 *   Brent's method on the derivative). If the NPV there has the opposite sign,
 *   the cell holds two roots, each bracketed and refined; if it is zero up to
 *   1e-12 of Σ|amount|, it is a double root (the curve touches zero).
 * Beyond either end of the grid, the NPV tends to the sign of the earliest flow
 * (r → ∞) or of the latest flow (r → -1); if the edge value disagrees, the
 * search walks outwards with doubling steps to bracket that root, down to
 * 1 + r = 1e-15 and up to 1 + r = 1e300.
 *
 * Limits: roots with more than one extremum between them inside one 1% cell,
 * or more than one root beyond an end of the grid, can be missed. Use
 * `maxRateCount` to know when the rate is guaranteed unique.
 *
 * @example
 * findAllRates(toCashFlowTerms([-1, 5, -6], [0, 1, 2])); // [1, 2]
 */
export function findAllRates(terms: readonly CashFlowTerm[]): number[] {
  if (terms.length < 2) return [];
  const { value, slope } = scaledNetValue(terms);
  const { gridLow, gridHigh, gridStep, floor, ceiling } = RATE_SEARCH_LIMITS;
  const size = terms.reduce((sum, term) => sum + Math.abs(term.amount), 0);
  const touchingTolerance = TOUCHING_ROOT_TOLERANCE * size;
  const roots: number[] = [];

  const firstIndex = Math.floor(gridLow / gridStep);
  const lastIndex = Math.ceil(gridHigh / gridStep);
  let left = firstIndex * gridStep;
  let valueLeft = value(left);
  let slopeLeft = slope(left);
  if (valueLeft === 0) roots.push(left);
  for (let index = firstIndex + 1; index <= lastIndex; index++) {
    // Multiplying the integer keeps t = 0 exact, where `slope` is discontinuous.
    const right = index * gridStep;
    const valueRight = value(right);
    const slopeRight = slope(right);
    if (valueRight === 0) roots.push(right);
    if (valueRight !== 0 && slopeRight === 0 && Math.abs(valueRight) <= touchingTolerance) roots.push(right);

    const signLeft = Math.sign(valueLeft);
    const signRight = Math.sign(valueRight);
    // The cell ending at t = 0 lies on the t < 0 branch of the derivative, which jumps at 0.
    const cellSide = right === 0 ? -1 : right;
    const slopeRightInCell = right === 0 ? slope(right, cellSide) : slopeRight;
    if (signLeft !== 0 && signRight !== 0 && signLeft !== signRight) {
      roots.push(brentRoot(value, left, right, valueLeft, valueRight));
    } else if (Math.sign(slopeLeft) * Math.sign(slopeRightInCell) < 0 && (signLeft !== 0 || signRight !== 0)) {
      const slopeInCell = (logGrowth: number): number => slope(logGrowth, cellSide);
      const extremum = brentRoot(slopeInCell, left, right, slopeLeft, slopeRightInCell);
      const valueExtremum = value(extremum);
      const cellSign = signLeft !== 0 ? signLeft : signRight;
      if (Math.abs(valueExtremum) <= touchingTolerance) {
        roots.push(extremum);
      } else if (Math.sign(valueExtremum) !== cellSign) {
        if (signLeft !== 0) roots.push(brentRoot(value, left, extremum, valueLeft, valueExtremum));
        if (signRight !== 0) roots.push(brentRoot(value, extremum, right, valueExtremum, valueRight));
      }
    }
    left = right;
    valueLeft = valueRight;
    slopeLeft = slopeRight;
  }

  const lowEdge = firstIndex * gridStep;
  const highEdge = lastIndex * gridStep;
  const lowTailRoot = rootBeyondEdge(value, lowEdge, floor, Math.sign(terms[terms.length - 1].amount));
  const highTailRoot = rootBeyondEdge(value, highEdge, ceiling, Math.sign(terms[0].amount));
  if (lowTailRoot !== undefined) roots.push(lowTailRoot);
  if (highTailRoot !== undefined) roots.push(highTailRoot);

  roots.sort((a, b) => a - b);
  const distinct = roots.filter((root, index) => index === 0 || root - roots[index - 1] > DUPLICATE_ROOT_DISTANCE);
  return distinct.map((root) => Math.expm1(root));
}

/** Walks from `edge` towards `limit` until the NPV takes `limitingSign`, and returns the root crossed. */
function rootBeyondEdge(value: (logGrowth: number) => number, edge: number, limit: number, limitingSign: number): number | undefined {
  let from = edge;
  let valueFrom = value(from);
  if (valueFrom === 0 || Math.sign(valueFrom) === limitingSign) return undefined;
  const direction = Math.sign(limit - edge);
  for (let step = 1; from !== limit; step *= 2) {
    const to = direction < 0 ? Math.max(from - step, limit) : Math.min(from + step, limit);
    const valueTo = value(to);
    if (valueTo === 0) return to;
    if (Math.sign(valueTo) !== Math.sign(valueFrom)) {
      return direction < 0 ? brentRoot(value, to, from, valueTo, valueFrom) : brentRoot(value, from, to, valueFrom, valueTo);
    }
    from = to;
    valueFrom = valueTo;
  }
  return undefined;
}
