import { describe, expect, it } from 'vitest';
import { pearson } from '../../models/stats/pearson.ts';

const f = (xs: number[]): Float64Array => new Float64Array(xs);

// Anscombe's quartet (Anscombe 1973): four data sets with the same correlation ≈ 0.816.
const X123 = f([10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5]);
const X4 = f([8, 8, 8, 8, 8, 8, 8, 19, 8, 8, 8]);
const Y1 = f([8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68]);
const Y2 = f([9.14, 8.14, 8.74, 8.77, 9.26, 8.1, 6.13, 3.1, 9.13, 7.26, 4.74]);
const Y3 = f([7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73]);
const Y4 = f([6.58, 5.76, 7.71, 8.84, 8.47, 7.04, 5.25, 12.5, 5.56, 7.91, 6.89]);

describe('pearson', () => {
  it('matches a hand computation: x = (1, 2, 3), y = (2, 4, 7) → 15/√228', () => {
    // Sxy = 5, Sxx = 2, Syy = 114/9 → r = 5/√(228/9) = 15/√228.
    expect(pearson(f([1, 2, 3]), f([2, 4, 7]))).toBeCloseTo(15 / Math.sqrt(228), 14);
  });

  it("reproduces Anscombe's quartet correlations (0.8164, 0.8162, 0.8163, 0.8165)", () => {
    expect(pearson(X123, Y1)).toBeCloseTo(0.81642, 5);
    expect(pearson(X123, Y2)).toBeCloseTo(0.81624, 5);
    expect(pearson(X123, Y3)).toBeCloseTo(0.81629, 5);
    expect(pearson(X4, Y4)).toBeCloseTo(0.81652, 5);
  });

  it('is exactly ±1 for exact linear relations and invariant to shifts', () => {
    expect(pearson(f([1, 2, 3, 4]), f([3, 5, 7, 9]))).toBe(1);
    expect(pearson(f([1, 2, 3, 4]), f([-1, -2, -3, -4]))).toBe(-1);
    expect(pearson(f([1e9 + 1, 1e9 + 2, 1e9 + 3]), f([2, 4, 7]))).toBeCloseTo(15 / Math.sqrt(228), 9);
  });

  it('is NaN for a constant column, fewer than two values or a NaN', () => {
    expect(pearson(f([1, 1, 1]), f([1, 2, 3]))).toBeNaN();
    expect(pearson(f([1]), f([2]))).toBeNaN();
    expect(pearson(f([1, Number.NaN, 3]), f([1, 2, 3]))).toBeNaN();
  });

  it('rejects columns of different lengths', () => {
    expect(() => pearson(f([1, 2]), f([1, 2, 3]))).toThrow(RangeError);
  });
});
