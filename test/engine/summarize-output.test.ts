import { describe, expect, it } from 'vitest';
import { SUMMARY_PERCENTILES, summarizeOutput } from '../../models/engine/summarize-output.ts';

const oneToHundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);

/** Brute-force empirical CDF over the defined values: #{x ≤ edge} / #defined. */
function empiricalCdf(values: Float64Array, x: number): number {
  let defined = 0;
  let atOrBelow = 0;
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    defined++;
    if (value <= x) atOrBelow++;
  }
  return atOrBelow / defined;
}

/** Bin counts by the histogram's own rule: [e_b, e_{b+1}), the last bin closed. */
function binCounts(values: Float64Array, edges: number[]): number[] {
  const last = edges.length - 2;
  return edges.slice(0, -1).map((lo, b) => {
    const hi = edges[b + 1];
    return Array.from(values).filter((v) => Number.isFinite(v) && v >= lo && (b === last ? v <= hi : v < hi)).length;
  });
}

describe('summarizeOutput', () => {
  it('reports the type-7 (PERCENTILE.INC) percentiles of 1..100 worked out by hand', () => {
    // h = 99·p: p5 → 4.95 → 5 + 0.95 = 5.95; p10 → 9.9 → 10.9; p50 → 49.5 → 50.5;
    // p90 → 89.1 → 90.1; p95 → 94.05 → 95.05.
    const { percentiles } = summarizeOutput(oneToHundred);
    expect(Array.from(SUMMARY_PERCENTILES)).toEqual([0.05, 0.1, 0.5, 0.9, 0.95]);
    expect(percentiles.p5).toBeCloseTo(5.95, 12);
    expect(percentiles.p10).toBeCloseTo(10.9, 12);
    expect(percentiles.p50).toBe(50.5);
    expect(percentiles.p90).toBeCloseTo(90.1, 12);
    expect(percentiles.p95).toBeCloseTo(95.05, 12);
  });

  it('gives the exact mean, sample sd and standard error of 1..100', () => {
    // Sample variance of 1..n is n(n + 1)/12 = 841.666…; s.e. = sd/√100.
    const summary = summarizeOutput(oneToHundred);
    expect(summary.finiteCount).toBe(100);
    expect(summary.mean).toBe(50.5);
    expect(summary.sd).toBeCloseTo(Math.sqrt((100 * 101) / 12), 12);
    expect(summary.standardError).toBeCloseTo(Math.sqrt((100 * 101) / 12) / 10, 12);
  });

  it('P(> 0) and its binomial standard error', () => {
    expect(summarizeOutput(oneToHundred).probabilityPositive).toEqual({ value: 1, standardError: 0 });
    // −49..50: 50 of 100 values are > 0 (zero is not positive); s.e. = √(½·½/100) = 0.05.
    const centred = Float64Array.from({ length: 100 }, (_, i) => i - 49);
    const { value, standardError } = summarizeOutput(centred).probabilityPositive;
    expect(value).toBe(0.5);
    expect(standardError).toBeCloseTo(0.05, 15);
  });

  it('histogram counts sum to the finite count and match a direct count per bin', () => {
    const summary = summarizeOutput(oneToHundred);
    const { edges, counts } = summary.histogram;
    expect(edges).toHaveLength(41);
    expect(edges[0]).toBe(1);
    expect(edges[40]).toBe(100);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100);
    expect(counts).toEqual(binCounts(oneToHundred, edges));
  });

  it('the CDF points are the exact empirical P(X ≤ x) at each histogram edge', () => {
    const summary = summarizeOutput(oneToHundred);
    expect(summary.cdf.map((point) => point.x)).toEqual(summary.histogram.edges);
    for (const point of summary.cdf) expect(point.p).toBe(empiricalCdf(oneToHundred, point.x));
    // Edge 1 + 2.475·b: e.g. b = 4 → 10.9 → P(X ≤ 10.9) = 10/100.
    expect(summary.cdf[4].p).toBe(0.1);
    expect(summary.cdf[40].p).toBe(1);
  });

  it('counts values lying exactly on an edge as ≤ the edge (0..40 with 40 bins: edges are the integers)', () => {
    const values = Float64Array.from({ length: 41 }, (_, i) => i);
    const summary = summarizeOutput(values, { bins: 40 });
    expect(summary.histogram.edges).toEqual(Array.from({ length: 41 }, (_, i) => i));
    summary.cdf.forEach((point, b) => expect(point.p).toBe((b + 1) / 41));
    // Bins are [b, b + 1) and the last is [39, 40]: 1, 1, …, 1, 2.
    expect(summary.histogram.counts).toEqual([...new Array(39).fill(1), 2]);
  });

  it('the CDF is exact for awkward edges (tenths, negative values, duplicates)', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => Math.round(((i * 7919) % 1000) / 10 - 30) / 10);
    for (const bins of [1, 3, 7, 40, 97]) {
      const summary = summarizeOutput(values, { bins });
      for (const point of summary.cdf) expect(point.p).toBe(empiricalCdf(values, point.x));
      expect(summary.histogram.counts.reduce((a, b) => a + b, 0)).toBe(1000);
      expect(summary.histogram.counts).toEqual(binCounts(values, summary.histogram.edges));
    }
  });

  describe('a column with NaN and ±Infinity', () => {
    // Defined values, sorted: −∞, −2, 1, 2, 3, 4, +∞, +∞ (8); NaN twice.
    const column = new Float64Array([Number.NaN, -Infinity, 1, 2, 3, 4, Infinity, Infinity, Number.NaN, -2]);
    const summary = summarizeOutput(column, { bins: 6 });

    it('counts undefined and infinite values separately', () => {
      expect(summary.undefinedCount).toBe(2);
      expect(summary.positiveInfiniteCount).toBe(2);
      expect(summary.negativeInfiniteCount).toBe(1);
      expect(summary.finiteCount).toBe(5);
    });

    it('takes the moments over the finite values only', () => {
      // 1, 2, 3, 4, −2: mean 8/5; deviations −0.6, 0.4, 1.4, 2.4, −3.6 → Σd² = 21.2, variance 5.3.
      expect(summary.mean).toBeCloseTo(1.6, 14);
      expect(summary.sd).toBeCloseTo(Math.sqrt(5.3), 14);
      expect(summary.standardError).toBeCloseTo(Math.sqrt(5.3 / 5), 14);
    });

    it('ranks ±Infinity in the percentiles', () => {
      // n = 8, h = 7p: p5 → 0.35 and p10 → 0.7 lie between −∞ and −2 → −∞;
      // p50 → 3.5 → 2 + 0.5·(3 − 2) = 2.5; p90 → 6.3 and p95 → 6.65 lie between +∞ and +∞ → +∞.
      expect(summary.percentiles).toEqual({ p5: -Infinity, p10: -Infinity, p50: 2.5, p90: Infinity, p95: Infinity });
    });

    it('P(> 0) is over the defined values: 1, 2, 3, 4, +∞, +∞ → 6/8', () => {
      expect(summary.probabilityPositive.value).toBe(0.75);
      expect(summary.probabilityPositive.standardError).toBeCloseTo(Math.sqrt((0.75 * 0.25) / 8), 15);
    });

    it('the histogram holds the finite values; the CDF counts −∞ below every edge and +∞ above', () => {
      const { edges, counts } = summary.histogram;
      expect(edges).toEqual([-2, -1, 0, 1, 2, 3, 4]);
      expect(counts).toEqual([1, 0, 0, 1, 1, 2]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(summary.finiteCount);
      // P(X ≤ x) = (1 [−∞] + #{finite ≤ x}) / 8.
      expect(summary.cdf.map((point) => point.p)).toEqual([2, 2, 2, 3, 4, 5, 6].map((count) => count / 8));
      for (const point of summary.cdf) expect(point.p).toBe(empiricalCdf(column, point.x));
    });
  });

  it('a constant column: zero sd, histogram widened to [v − ½, v + ½], CDF steps at v', () => {
    const summary = summarizeOutput(new Float64Array(10).fill(5), { bins: 2 });
    expect(summary.mean).toBe(5);
    expect(summary.sd).toBe(0);
    expect(summary.percentiles.p5).toBe(5);
    expect(summary.histogram.edges).toEqual([4.5, 5, 5.5]);
    expect(summary.histogram.counts).toEqual([0, 10]);
    expect(summary.cdf).toEqual([
      { x: 4.5, p: 0 },
      { x: 5, p: 1 },
      { x: 5.5, p: 1 },
    ]);
  });

  it('omits the histogram and CDF with distribution: false, or when nothing is finite', () => {
    const off = summarizeOutput(oneToHundred, { distribution: false });
    expect(off.histogram).toEqual({ edges: [], counts: [] });
    expect(off.cdf).toEqual([]);
    expect(off.percentiles.p50).toBe(50.5);
    const none = summarizeOutput(new Float64Array([Infinity, Number.NaN, -Infinity]));
    expect(none.finiteCount).toBe(0);
    expect(none.histogram.counts).toEqual([]);
    expect(none.cdf).toEqual([]);
    expect(none.probabilityPositive.value).toBe(0.5);
    expect(none.percentiles.p50).toBeNaN(); // −∞ + ½·(+∞ − −∞) is undefined
  });

  it('everything undefined: NaN probability and percentiles', () => {
    const summary = summarizeOutput(new Float64Array([Number.NaN, Number.NaN]));
    expect(summary.undefinedCount).toBe(2);
    expect(summary.probabilityPositive.value).toBeNaN();
    expect(summary.percentiles.p50).toBeNaN();
    expect(summary.mean).toBeNaN();
  });
});
