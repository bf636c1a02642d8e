import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../models/stats/quantile-sorted.ts';
import { quantileBuckets, quantiles } from '../../models/stats/quantiles.ts';
import { scanColumn } from '../../models/stats/scan-column.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';

const PS = [0, 0.001, 0.01, 0.05, 0.1, 0.25, 0.333, 0.5, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

/** Reference: full sort of the non-NaN values, then quantileSorted. */
function reference(values: Float64Array, ps: number[]): number[] {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort();
  return ps.map((p) => quantileSorted(sorted, p));
}

describe('quantiles (selection, no full sort)', () => {
  it('gives the PERCENTILE.INC values of a small unsorted column, in the order asked', () => {
    const q = quantiles(new Float64Array([50, 15, 40, 20, 35]), [0.75, 0.4, 0]);
    expect(q[0]).toBe(40);
    expect(q[1]).toBeCloseTo(29, 12);
    expect(q[2]).toBe(15);
  });

  it('matches quantileSorted bit for bit on large continuous data (Floyd–Rivest sampling path)', () => {
    const rng = mulberry32(1);
    for (const n of [1, 2, 3, 601, 10_007, 100_000]) {
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = Math.log(rng()) * (rng() < 0.5 ? -1 : 3);
      expect(Array.from(quantiles(x, PS))).toEqual(reference(x, PS));
    }
  });

  it('buckets columns of a few hundred values on, about one bucket per four values (at most 4,096), and stays exact', () => {
    const rng = mulberry32(6);
    expect(quantileBuckets(scanColumn(new Float64Array(255).map(() => rng()))).buckets).toBe(1);
    expect(quantileBuckets(scanColumn(new Float64Array(256).map(() => rng()))).buckets).toBe(64);
    expect(quantileBuckets(scanColumn(new Float64Array(10_000).map(() => rng()))).buckets).toBe(4096);
    expect(quantileBuckets(scanColumn(new Float64Array(100_000).map(() => rng()))).buckets).toBe(4096);
    for (const n of [255, 256, 300, 1000, 4097, 16_385]) {
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = rng() < 0.3 ? Math.floor(rng() * 5) : Math.log(rng()) * 1e6;
      x[n >> 1] = Infinity;
      x[n >> 2] = Number.NaN;
      expect(Array.from(quantiles(x, PS)), `n = ${n}`).toEqual(reference(x, PS));
    }
  });

  it('matches on heavily tied data, ignores NaN and keeps infinities', () => {
    const rng = mulberry32(2);
    const n = 50_000;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = Math.floor(rng() * 7);
    x[3] = Number.NaN;
    x[10] = Number.NaN;
    x[20] = Infinity;
    x[30] = -Infinity;
    expect(Array.from(quantiles(x, PS))).toEqual(reference(x, PS));
    expect(quantiles(x, [0, 1])[0]).toBe(-Infinity);
    expect(quantiles(x, [0, 1])[1]).toBe(Infinity);
  });

  it('matches a full sort on a 1M long-tailed column with many infinities (bucketed path)', () => {
    const rng = mulberry32(3);
    const n = 1_000_000;
    const x = new Float64Array(n);
    // Most mass near 0, a tail reaching ~1e9: nearly every value lands in the first buckets.
    for (let i = 0; i < n; i++) x[i] = Math.exp(-12 * Math.log(rng()) * (rng() < 0.01 ? 1 : 0.01));
    for (let i = 0; i < n; i += 97) x[i] = Infinity;
    for (let i = 5; i < n; i += 1009) x[i] = Number.NaN;
    for (let i = 7; i < n; i += 5003) x[i] = -Infinity;
    const ps = [...PS, 0.9896, 0.99];
    expect(Array.from(quantiles(x, ps))).toEqual(reference(x, ps));
  });

  it("gives the same order statistics from a caller's bucket counts and per-value bucket index", () => {
    const rng = mulberry32(4);
    const n = 200_000;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = rng() < 0.2 ? Math.floor(rng() * 40) : Math.exp(3 * Math.log(rng()));
    for (let i = 11; i < n; i += 301) x[i] = Infinity;
    for (let i = 13; i < n; i += 907) x[i] = Number.NaN;
    const scan = scanColumn(x);
    const { buckets, lo, scale } = quantileBuckets(scan);
    expect(buckets).toBeGreaterThan(1);
    // The rule quantileBuckets documents: min(floor((v − lo)·scale), buckets − 1).
    const counts = new Uint32Array(buckets);
    const index = new Uint16Array(n).fill(buckets); // one past the last bucket: not finite
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(x[i])) continue;
      index[i] = Math.min(Math.floor((x[i] - lo) * scale), buckets - 1);
      counts[index[i]]++;
    }
    expect(Array.from(quantiles(x, PS, scan, counts, index))).toEqual(reference(x, PS));
  });

  it('handles constant finite values among infinities, and a range too wide for one float', () => {
    const constant = new Float64Array(100_000).fill(27_000);
    constant[1] = -Infinity;
    constant[2] = Infinity;
    expect(Array.from(quantiles(constant, [0, 0.5, 1]))).toEqual([-Infinity, 27_000, Infinity]);
    const wide = new Float64Array(100_000);
    for (let i = 0; i < wide.length; i++) wide[i] = (i % 2 ? 1 : -1) * 1e308 * ((i % 1000) / 1000);
    expect(Array.from(quantiles(wide, PS))).toEqual(reference(wide, PS));
  });

  it('does not modify its input', () => {
    const x = new Float64Array([3, 1, 2]);
    quantiles(x, [0.5]);
    expect(Array.from(x)).toEqual([3, 1, 2]);
  });

  it('returns NaN when no value is left, and an empty array for no probabilities', () => {
    expect(Array.from(quantiles(new Float64Array([Number.NaN]), [0.5, 0.9]))).toEqual([Number.NaN, Number.NaN]);
    expect(quantiles(new Float64Array([1, 2]), []).length).toBe(0);
  });

  it('rejects probabilities outside [0, 1]', () => {
    expect(() => quantiles(new Float64Array([1]), [-0.1])).toThrow(RangeError);
  });
});
