import { histogram } from '../stats/histogram.ts';
import { meanAndStandardError } from '../stats/mean-and-standard-error.ts';
import { quantiles } from '../stats/quantiles.ts';

/** The percentiles every summary reports (type 7, as Excel's PERCENTILE.INC). */
export const SUMMARY_PERCENTILES = [0.05, 0.1, 0.5, 0.9, 0.95] as const;

/** Summary statistics of one output column. */
export interface OutputSummary {
  /** Trials with a finite value; the moments below use these only. */
  finiteCount: number;
  /** Trials whose value is +Infinity (for payback: not within the horizon). */
  positiveInfiniteCount: number;
  negativeInfiniteCount: number;
  /** Trials with no defined value (NaN: e.g. no IRR exists). */
  undefinedCount: number;
  mean: number;
  /** Monte Carlo standard error of the mean, sd/√n (conservative for Latin Hypercube). */
  standardError: number;
  sd: number;
  /** p5, p10, p50, p90, p95 over all defined values (±Infinity included in the ranking). */
  percentiles: { p5: number; p10: number; p50: number; p90: number; p95: number };
  /**
   * Monte Carlo standard error of each percentile, from the distribution-free 95%
   * order-statistic interval: (q(p + δ) − q(p − δ)) / (2·1.96), δ = 1.96·√(p(1 − p)/n).
   * Infinite where the interval reaches ±Infinity (e.g. payback beyond the horizon).
   */
  percentileStandardErrors: { p5: number; p10: number; p50: number; p90: number; p95: number };
  /** P(value > 0) over defined values, with its binomial standard error. */
  probabilityPositive: { value: number; standardError: number };
  histogram: { edges: number[]; counts: number[] };
  /** Points (x, P(X <= x)) of the empirical CDF at the histogram edges: exact, no interpolation. */
  cdf: { x: number; p: number }[];
}

/**
 * Summarises one output column: moments with standard error, percentiles, P(>0),
 * and (unless `distribution: false`) histogram and CDF points. Percentiles use
 * selection, not a full sort.
 *
 * @example
 * summarizeOutput(result.outputs.npv).percentiles.p50
 */
export function summarizeOutput(values: Float64Array, options: { bins?: number; distribution?: boolean } = {}): OutputSummary {
  const bins = options.bins ?? 40;
  let positiveInfinite = 0;
  let negativeInfinite = 0;
  let undefinedCount = 0;
  let positive = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== value) undefinedCount++;
    else {
      if (value === Infinity) positiveInfinite++;
      else if (value === -Infinity) negativeInfinite++;
      if (value > 0) positive++;
    }
  }
  const defined = values.length - undefinedCount;
  const finiteCount = defined - positiveInfinite - negativeInfinite;
  const finite = finiteCount === values.length ? values : values.filter((value) => Number.isFinite(value));
  const moments = meanAndStandardError(finite);
  const defined0 = values.length - undefinedCount;
  const bands = SUMMARY_PERCENTILES.flatMap((p) => {
    const delta = 1.96 * Math.sqrt((p * (1 - p)) / Math.max(defined0, 1));
    return [Math.max(0, p - delta), Math.min(1, p + delta)];
  });
  const all = quantiles(values, [...SUMMARY_PERCENTILES, ...bands]);
  const [p5, p10, p50, p90, p95] = all;
  const percentileError = (index: number): number => {
    const low = all[5 + 2 * index];
    const high = all[6 + 2 * index];
    return low === high ? 0 : (high - low) / (2 * 1.96);
  };
  const probability = defined > 0 ? positive / defined : NaN;

  let edges: number[] = [];
  let counts: number[] = [];
  const cdf: { x: number; p: number }[] = [];
  if (finiteCount > 0 && options.distribution !== false) {
    const built = histogram(finite, bins);
    edges = Array.from(built.edges);
    counts = Array.from(built.counts);
    // Histogram bins are [a, b); recount exactly at each edge so the CDF is P(X <= x).
    exactCdfAtEdges(finite, edges, negativeInfinite, defined, cdf);
  }
  return {
    finiteCount,
    positiveInfiniteCount: positiveInfinite,
    negativeInfiniteCount: negativeInfinite,
    undefinedCount,
    mean: moments.mean,
    standardError: moments.standardError,
    sd: moments.sd,
    percentiles: { p5, p10, p50, p90, p95 },
    percentileStandardErrors: { p5: percentileError(0), p10: percentileError(1), p50: percentileError(2), p90: percentileError(3), p95: percentileError(4) },
    probabilityPositive: { value: probability, standardError: Math.sqrt((probability * (1 - probability)) / defined) },
    histogram: { edges, counts },
    cdf,
  };
}

function exactCdfAtEdges(
  finite: Float64Array,
  edges: number[],
  negativeInfinite: number,
  defined: number,
  cdf: { x: number; p: number }[],
): void {
  const counts = new Float64Array(edges.length);
  const last = edges.length - 1;
  const lo = edges[0];
  const width = (edges[last] - lo) / last;
  for (let i = 0; i < finite.length; i++) {
    const value = finite[i];
    // Index of the first edge >= value; the value counts towards that edge and every later one.
    let index = width > 0 ? Math.ceil((value - lo) / width) : 0;
    if (index < 0) index = 0;
    while (index > 0 && edges[index - 1] >= value) index--;
    while (index <= last && edges[index] < value) index++;
    if (index <= last) counts[index]++;
  }
  let cumulative = negativeInfinite;
  for (let e = 0; e <= last; e++) {
    cumulative += counts[e];
    cdf[e] = { x: edges[e], p: cumulative / defined };
  }
}
