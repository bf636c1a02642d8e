import { describe, expect, it } from 'vitest';
import { ascendingOrder, weightedMean, weightedQuantiles, weightedShareAbove } from '../../models/actuals/index.ts';

const f = (xs: number[]): Float64Array => new Float64Array(xs);

describe('weightedQuantiles', () => {
  it("with equal weights is Hazen's rule (R type 5): positions (k − ½)/n, linear between", () => {
    const values = f([4, 1, 3, 2]);
    const ones = f([1, 1, 1, 1]);
    // R: quantile(1:4, c(0, .1, .125, .25, .5, .8, .875, 1), type = 5) → 1, 1, 1, 1.5, 2.5, 3.7, 4, 4
    expect(weightedQuantiles(values, ones, [0, 0.1, 0.125, 0.25, 0.5, 0.8, 0.875, 1])).toEqual(
      [1, 1, 1, 1.5, 2.5, 3.7, 4, 4].map((x, i) => (i === 5 ? expect.closeTo(x, 12) : x)),
    );
  });

  it('places each value at the midpoint of its cumulative weight and leaves out zero weights and NaN', () => {
    expect(weightedQuantiles(f([10, 20]), f([3, 1]), [0.375, 0.5, 0.875])).toEqual([10, 12.5, 20]);
    expect(weightedQuantiles(f([10, 99, Number.NaN, 20]), f([3, 0, 5, 1]), [0.5])).toEqual([12.5]);
    expect(weightedQuantiles(f([7]), f([2]), [0, 0.5, 1])).toEqual([7, 7, 7]);
    expect(weightedQuantiles(f([1, 2]), f([0, 0]), [0.5])[0]).toBeNaN();
    // A payback "not within the horizon" is +∞ and ranks last.
    expect(weightedQuantiles(f([Number.POSITIVE_INFINITY, 12, 18]), f([1, 1, 1]), [0.5, 0.9])).toEqual([18, Number.POSITIVE_INFINITY]);
  });

  it('gives the same answer with a precomputed order, and refuses bad input', () => {
    const values = f([5, -1, 3, 8, 0]);
    const weights = f([0.1, 0.3, 0.2, 0.15, 0.25]);
    const order = ascendingOrder(values);
    expect([...order]).toEqual([1, 4, 2, 0, 3]);
    expect(weightedQuantiles(values, weights, [0.1, 0.5, 0.9], order)).toEqual(weightedQuantiles(values, weights, [0.1, 0.5, 0.9]));
    expect(() => weightedQuantiles(f([1]), f([1, 2]), [0.5])).toThrow(RangeError);
    expect(() => weightedQuantiles(f([1]), f([-1]), [0.5])).toThrow(RangeError);
    expect(() => weightedQuantiles(f([1]), f([1]), [1.5])).toThrow(RangeError);
  });
});

describe('weightedMean', () => {
  it('gives Σwx/Σw, the weighted sd and the importance-sampling standard error √(Σw²(x − x̄)²)/Σw', () => {
    expect(weightedMean(f([1, 3]), f([1, 1]))).toEqual({ mean: 2, sd: 1, standardError: Math.SQRT1_2 });
    const m = weightedMean(f([0, 10, Number.NaN]), f([3, 1, 7]));
    expect(m.mean).toBe(2.5);
    expect(m.sd).toBeCloseTo(Math.sqrt((3 * 6.25 + 56.25) / 4), 14);
    expect(m.standardError).toBeCloseTo(Math.sqrt(9 * 6.25 + 56.25) / 4, 14);
    expect(weightedMean(f([1]), f([0])).mean).toBeNaN();
  });
});

describe('weightedShareAbove', () => {
  it('gives the weighted P(x > threshold) with the binomial standard error for equal weights', () => {
    expect(weightedShareAbove(f([-1, 2, 3, 4]), f([1, 1, 1, 1]))).toEqual({ share: 0.75, standardError: Math.sqrt((0.75 * 0.25) / 4) });
    expect(weightedShareAbove(f([-1, 2, 0]), f([1, 3, 4])).share).toBe(3 / 8); // 0 is not above 0
    expect(weightedShareAbove(f([5, 15]), f([1, 1]), 10).share).toBe(0.5);
  });
});
