import { scanColumn, type ColumnScan } from '../stats/scan-column.ts';
import { quantileBucketOf, quantileBuckets, quantiles } from '../stats/quantiles.ts';
import { columnSummaryWasm, MAX_WASM_BINS, type ColumnSummaryWasm } from '../wasm/column-summary-wasm.ts';

/** From this many values a column's two full passes run as WebAssembly (same bits); below, the JavaScript ones are as fast. */
const WASM_SUMMARY_FROM = 65_536;

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

/** Options for `summarizeOutput`. */
export interface SummarizeOutputOptions {
  /** Histogram bins (default 40). */
  bins?: number;
  /** False skips the histogram and CDF. */
  distribution?: boolean;
  /** False keeps a large column's passes in JavaScript (the same bits; tests compare the two). */
  wasm?: boolean;
}

/**
 * Summarises one output column: moments with standard error, percentiles, P(>0),
 * and (unless `distribution: false`) histogram and CDF points. Percentiles use
 * selection, not a full sort.
 *
 * @example
 * summarizeOutput(result.outputs.npv).percentiles.p50
 */
export function summarizeOutput(values: Float64Array, options: SummarizeOutputOptions = {}): OutputSummary {
  const bins = options.bins ?? 40;
  const useWasm = options.wasm !== false && values.length >= WASM_SUMMARY_FROM && bins <= MAX_WASM_BINS && typeof WebAssembly === 'object';
  const passes = useWasm ? columnSummaryWasm(values.length) : null;
  const scan = passes ? passes.scan(values) : scanColumn(values);
  const { negativeInfinite, positiveInfinite, finite: finiteCount, positive } = scan;
  const defined = values.length - scan.nan;
  const withDistribution = finiteCount > 0 && options.distribution !== false;
  const edges = withDistribution ? histogramEdges(scan.min, scan.max, bins) : [];
  const layout = quantileBuckets(scan);
  const { moments, counts, atLowerEdge, bucketCounts, bucketIndex } = passes
    ? momentsAndBinsWasm(passes, scan, edges, layout)
    : momentsAndBins(values, scan, edges, layout);
  const bands = SUMMARY_PERCENTILES.flatMap((p) => {
    const delta = 1.96 * Math.sqrt((p * (1 - p)) / Math.max(defined, 1));
    return [Math.max(0, p - delta), Math.min(1, p + delta)];
  });
  // The module's copy of the column: the bucket indices refer to it, and it has the same values.
  const all = quantiles(passes ? passes.values() : values, [...SUMMARY_PERCENTILES, ...bands], scan, bucketCounts, bucketIndex);
  const [p5, p10, p50, p90, p95] = all;
  const percentileError = (index: number): number => {
    const low = all[5 + 2 * index];
    const high = all[6 + 2 * index];
    return low === high ? 0 : (high - low) / (2 * 1.96);
  };
  const probability = defined > 0 ? positive / defined : NaN;
  return {
    finiteCount,
    positiveInfiniteCount: positiveInfinite,
    negativeInfiniteCount: negativeInfinite,
    undefinedCount: scan.nan,
    mean: moments.mean,
    standardError: moments.standardError,
    sd: moments.sd,
    percentiles: { p5, p10, p50, p90, p95 },
    percentileStandardErrors: { p5: percentileError(0), p10: percentileError(1), p50: percentileError(2), p90: percentileError(3), p95: percentileError(4) },
    probabilityPositive: { value: probability, standardError: Math.sqrt((probability * (1 - probability)) / defined) },
    histogram: { edges, counts: Array.from(counts) },
    cdf: withDistribution ? cdfAtEdges(edges, counts, atLowerEdge, negativeInfinite, defined) : [],
  };
}

/** The edges `histogram` uses for finite values in [min, max]: equal widths, last edge exactly max. */
function histogramEdges(min: number, max: number, bins: number): number[] {
  const lo = min === max ? min - 0.5 : min;
  const hi = min === max ? max + 0.5 : max;
  const edges: number[] = [];
  for (let b = 0; b < bins; b++) edges.push(lo + ((hi - lo) * b) / bins);
  edges.push(hi);
  return edges;
}

/**
 * One pass for the finite values' spread (the same compensated sums as
 * `meanAndStandardError`, so the same bits) and their histogram counts by
 * `histogram`'s rule: bin b holds [e_b, e_b+1), the last bin is closed. It also
 * counts values lying exactly on their bin's lower edge, for the exact CDF, and the
 * values per `quantiles` bucket, so the percentiles need no counting pass of their own.
 */
function momentsAndBins(values: Float64Array, scan: ColumnScan, edges: number[], layout: ReturnType<typeof quantileBuckets>) {
  const n = scan.finite;
  const mean = n > 0 ? (scan.sum + scan.compensation) / n : Number.NaN;
  const bins = Math.max(edges.length - 1, 0);
  const counts = new Float64Array(bins);
  const atLowerEdge = new Float64Array(bins);
  const lo = edges[0];
  const scale = bins / (edges[bins] - lo);
  const spread = n >= 2 && Number.isFinite(mean);
  let ss = 0;
  let ssComp = 0;
  let dev = 0;
  const { buckets, lo: bucketLo, scale: bucketScale } = layout;
  const bucketCounts = new Uint32Array(buckets);
  const bucketIndex = buckets > 1 ? bucketIndexScratch(values.length) : undefined;
  const lastBucket = buckets - 1;
  if (spread || bins > 0 || buckets > 1) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v - v !== 0) {
        if (bucketIndex) bucketIndex[i] = buckets; // one past the last: not finite
        continue;
      }
      if (bucketIndex) {
        const bucket = quantileBucketOf(v, bucketLo, bucketScale, lastBucket);
        bucketIndex[i] = bucket;
        bucketCounts[bucket]++;
      }
      if (spread) {
        const d = v - mean;
        dev += d;
        const sq = d * d;
        const t = ss + sq;
        ssComp += ss >= sq ? ss - t + sq : sq - t + ss;
        ss = t;
      }
      if (bins > 0) {
        let b = ((v - lo) * scale) | 0;
        if (!(b >= 0)) b = 0;
        if (b >= bins) b = bins - 1;
        // Rounding in the scale can miss an edge by one bin: settle against the stored edges.
        while (b > 0 && v < edges[b]) b--;
        while (b < bins - 1 && v >= edges[b + 1]) b++;
        counts[b]++;
        if (v === edges[b]) atLowerEdge[b]++;
      }
    }
  }
  return { moments: spreadMoments(mean, n, spread, ss, ssComp, dev), counts, atLowerEdge, bucketCounts, bucketIndex };
}

/** momentsAndBins on the column the module last scanned (column-summary-wasm.ts, the same operations). */
function momentsAndBinsWasm(passes: ColumnSummaryWasm, scan: ColumnScan, edges: number[], layout: ReturnType<typeof quantileBuckets>) {
  const n = scan.finite;
  const mean = n > 0 ? (scan.sum + scan.compensation) / n : Number.NaN;
  const { ss, ssComp, dev, counts, atLowerEdge, bucketCounts, bucketIndex } = passes.moments(mean, layout, edges);
  const spread = n >= 2 && Number.isFinite(mean);
  return { moments: spreadMoments(mean, n, spread, ss, ssComp, dev), counts, atLowerEdge, bucketCounts, bucketIndex };
}

/** Mean, sd and standard error from the compensated squared deviations. */
function spreadMoments(mean: number, n: number, spread: boolean, ss: number, ssComp: number, dev: number): { mean: number; sd: number; standardError: number } {
  const sd = spread ? Math.sqrt(Math.max(0, (ss + ssComp - (dev * dev) / n) / (n - 1))) : Number.NaN;
  return { mean, sd, standardError: sd / Math.sqrt(n) };
}

/*
 * One index array per thread, reused: a fresh 2 MB array per output of a 1M-trial run
 * waited for the collector and raised a run's peak RSS by about 75 MB. Summaries run
 * one at a time in a thread, and each writes every entry it reads.
 */
let bucketIndexArray = new Uint16Array(0);

function bucketIndexScratch(length: number): Uint16Array {
  if (bucketIndexArray.length < length) bucketIndexArray = new Uint16Array(length);
  return bucketIndexArray.subarray(0, length);
}

/**
 * P(X <= edge) at every histogram edge, exactly: values below an edge are the bins
 * before it, plus those equal to it (which sit in bins whose lower edge equals it).
 */
function cdfAtEdges(edges: number[], counts: Float64Array, atLowerEdge: Float64Array, negativeInfinite: number, defined: number): { x: number; p: number }[] {
  const last = edges.length - 1;
  const cdf: { x: number; p: number }[] = [];
  let below = negativeInfinite;
  for (let e = 0; e <= last; e++) {
    let atOrBelow = below;
    for (let b = e; b < last && edges[b] === edges[e]; b++) atOrBelow += atLowerEdge[b];
    if (e === last) atOrBelow = below;
    cdf.push({ x: edges[e], p: atOrBelow / defined });
    if (e < last) below += counts[e];
  }
  return cdf;
}
