/** Result of `coverageShare`. */
export interface CoverageShare {
  /** Observations inside their interval (bounds included). */
  inside: number;
  /** Observations counted: those with a value and both bounds (NaN left out). */
  n: number;
  /** inside / n; NaN when n = 0. About 0.9 for a calibrated P5–P95 interval. */
  share: number;
}

/**
 * Share of a series' observations that fall inside the forecast's interval for their
 * month, e.g. P5–P95: `values[i]` is checked against [`lower[i]`, `upper[i]`]. Throws a
 * RangeError when the three columns differ in length.
 *
 * @example
 * coverageShare([5, 12, 7], [4, 4, 4], [10, 10, 10]); // { inside: 2, n: 3, share: 0.6666666666666666 }
 */
export function coverageShare(values: ArrayLike<number>, lower: ArrayLike<number>, upper: ArrayLike<number>): CoverageShare {
  if (values.length !== lower.length || values.length !== upper.length) {
    throw new RangeError(`coverageShare: ${values.length} observations but ${lower.length} lower and ${upper.length} upper bounds`);
  }
  let inside = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const lo = lower[i];
    const hi = upper[i];
    if (v !== v || lo !== lo || hi !== hi) continue;
    n++;
    if (v >= lo && v <= hi) inside++;
  }
  return { inside, n, share: n > 0 ? inside / n : Number.NaN };
}
