/** What one pass over a column tells: counts by kind, finite range and a compensated sum. */
export interface ColumnScan {
  nan: number;
  negativeInfinite: number;
  positiveInfinite: number;
  finite: number;
  /** Values > 0, +Infinity included. */
  positive: number;
  /** Smallest and largest finite value (Infinity / −Infinity when there is none). */
  min: number;
  max: number;
  /** Neumaier-compensated sum of the finite values: sum + compensation. */
  sum: number;
  compensation: number;
}

/**
 * One pass over a column: NaN and infinity counts, the finite range and the
 * compensated sum of the finite values, so later passes need not repeat them.
 *
 * @example
 * scanColumn(new Float64Array([1, NaN, Infinity, -2])).finite // 2
 */
export function scanColumn(values: Float64Array): ColumnScan {
  let nan = 0;
  let negativeInfinite = 0;
  let positiveInfinite = 0;
  let positive = 0;
  let finite = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let compensation = 0;
  let nonFinite = 0;
  // Written without data-dependent branches where possible: random signs would mispredict.
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v === 0) {
      finite++;
      // Number(bool) compiles without a branch; a branch on the sign would mispredict.
      positive += Number(v > 0);
      min = Math.min(min, v);
      max = Math.max(max, v);
      const t = sum + v;
      compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
      sum = t;
    } else nonFinite++;
  }
  if (nonFinite > 0) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v - v === 0) continue;
      if (v !== v) nan++;
      else if (v > 0) {
        positiveInfinite++;
        positive++;
      } else negativeInfinite++;
    }
  }
  return { nan, negativeInfinite, positiveInfinite, finite, positive, min, max, sum, compensation };
}
