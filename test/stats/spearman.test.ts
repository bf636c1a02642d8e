import { describe, expect, it } from 'vitest';
import { spearman } from '../../models/stats/spearman.ts';

const f = (xs: number[]): Float64Array => new Float64Array(xs);

describe('spearman', () => {
  it('reproduces the textbook IQ vs TV-hours example: ρ = 1 − 6·194/(10·99) = −29/165', () => {
    const iq = f([106, 100, 86, 101, 99, 103, 97, 113, 112, 110]);
    const tv = f([7, 27, 2, 50, 28, 29, 20, 12, 6, 17]);
    expect(spearman(iq, tv)).toBeCloseTo(-29 / 165, 14);
  });

  it('is 1 for any strictly increasing relation', () => {
    expect(spearman(f([1, 2, 3, 4, 5]), f([1, 8, 27, 64, 125]))).toBeCloseTo(1, 15);
    expect(spearman(f([0.1, 0.5, 0.2]), f([Math.exp(0.1), Math.exp(0.5), Math.exp(0.2)]))).toBeCloseTo(1, 15);
  });

  it('uses average ranks for ties: x = (1, 2, 2, 3), y = (1, 2, 3, 4) → 3/√10', () => {
    // Ranks (1, 2.5, 2.5, 4) vs (1, 2, 3, 4): Sxy = 4.5, Sxx = 4.5, Syy = 5.
    expect(spearman(f([1, 2, 2, 3]), f([1, 2, 3, 4]))).toBeCloseTo(3 / Math.sqrt(10), 14);
  });

  it('is NaN for a constant column and rejects different lengths', () => {
    expect(spearman(f([2, 2, 2]), f([1, 2, 3]))).toBeNaN();
    expect(() => spearman(f([1, 2]), f([1]))).toThrow(RangeError);
  });
});
