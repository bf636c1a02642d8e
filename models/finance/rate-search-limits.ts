/**
 * Where the rate solvers look, in t = ln(1 + r).
 *
 * `grid*` bound the fine scan of `findAllRates` (-99.99% to 1,000,000%, every
 * 1% of growth); `floor`/`ceiling` bound any search, because below
 * 1 + r = 1e-15 a double can no longer tell r from -1 and above 1e300 the
 * growth factor is close to overflowing.
 *
 * @example
 * Math.expm1(RATE_SEARCH_LIMITS.gridLow); // -0.9999
 */
export const RATE_SEARCH_LIMITS = Object.freeze({
  gridLow: Math.log1p(-0.9999),
  gridHigh: Math.log1p(1e6),
  gridStep: 0.01,
  floor: Math.log(1e-15),
  ceiling: Math.log(1e300),
});
