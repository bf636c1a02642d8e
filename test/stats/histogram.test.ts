import { describe, expect, it } from 'vitest';
import { histogram } from '../../models/stats/histogram.ts';

const f = (xs: number[]): Float64Array => new Float64Array(xs);

describe('histogram', () => {
  it('bins finite values over their range and counts ±Infinity and NaN apart', () => {
    const h = histogram(f([0, 1, 1, 2, 4, Infinity, -Infinity, Infinity, Number.NaN]), 2);
    expect(Array.from(h.edges)).toEqual([0, 2, 4]);
    expect(Array.from(h.counts)).toEqual([3, 2]); // [0, 2): 0, 1, 1; [2, 4]: 2, 4
    expect(h.positiveInfinity).toBe(2);
    expect(h.negativeInfinity).toBe(1);
    expect(h.nan).toBe(1);
    expect(h.underflow + h.overflow).toBe(0);
  });

  it('puts values that sit exactly on an edge in the bin to its right (last bin closed)', () => {
    const values = f(Array.from({ length: 11 }, (_, i) => i / 10)); // 0, 0.1, …, 1
    const h = histogram(values, 10);
    expect(Array.from(h.counts)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
    for (let b = 0; b <= 10; b++) expect(h.edges[b]).toBe(b / 10);
  });

  it('counts finite values outside an explicit range as under/overflow', () => {
    const h = histogram(f([-5, 0, 2.5, 5, 7.5, 10, 11]), 4, { min: 0, max: 10 });
    expect(Array.from(h.edges)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(Array.from(h.counts)).toEqual([1, 1, 1, 2]);
    expect(h.underflow).toBe(1);
    expect(h.overflow).toBe(1);
  });

  it('widens a degenerate range to [v − 0.5, v + 0.5] like numpy', () => {
    const h = histogram(f([3, 3, 3]), 2);
    expect(Array.from(h.edges)).toEqual([2.5, 3, 3.5]);
    expect(Array.from(h.counts)).toEqual([0, 3]);
  });

  it('has NaN edges and no counts when there is no finite value and no range', () => {
    const h = histogram(f([Number.NaN, Infinity]), 3);
    expect(h.edges.every(Number.isNaN)).toBe(true);
    expect(Array.from(h.counts)).toEqual([0, 0, 0]);
    expect(h.positiveInfinity).toBe(1);
  });

  it('rejects invalid bins or range', () => {
    expect(() => histogram(f([1]), 0)).toThrow(RangeError);
    expect(() => histogram(f([1]), 2, { min: 1, max: 1 })).toThrow(RangeError);
  });
});
