/**
 * The largest double below 1 (1 − 2⁻⁵³). Probabilities handed to a quantile function
 * inside (0, 1) are capped here: rounding can otherwise reach exactly 1, where an
 * unbounded distribution's quantile is +∞.
 *
 * @example
 * const p = value < 1 ? value : LARGEST_BELOW_ONE;
 */
export const LARGEST_BELOW_ONE = 1 - 2 ** -53;
