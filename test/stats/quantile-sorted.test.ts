import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../models/stats/quantile-sorted.ts';

const f = (xs: number[]): Float64Array => new Float64Array(xs);

describe('quantileSorted (R type 7 = Excel PERCENTILE.INC)', () => {
  it('reproduces the textbook PERCENTILE.INC example {15, 20, 35, 40, 50}', () => {
    // Excel / Wikipedia "Percentile", C = 1 variant: 40th percentile = 29, h = 4·0.4 = 1.6 → 20 + 0.6·15.
    const x = f([15, 20, 35, 40, 50]);
    expect(quantileSorted(x, 0.4)).toBeCloseTo(29, 12);
    expect(quantileSorted(x, 0.5)).toBe(35);
    expect(quantileSorted(x, 0.75)).toBe(40);
    expect(quantileSorted(x, 0)).toBe(15);
    expect(quantileSorted(x, 1)).toBe(50);
  });

  it('matches R quantile(1:10, p) for type 7', () => {
    const x = f([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // R: quantile(1:10, c(.1, .25, .5, .9)) = 1.90 3.25 5.50 9.10
    expect(quantileSorted(x, 0.1)).toBeCloseTo(1.9, 12);
    expect(quantileSorted(x, 0.25)).toBe(3.25);
    expect(quantileSorted(x, 0.5)).toBe(5.5);
    expect(quantileSorted(x, 0.9)).toBeCloseTo(9.1, 12);
  });

  it('handles a single value, an empty column and ties', () => {
    expect(quantileSorted(f([7]), 0.3)).toBe(7);
    expect(quantileSorted(f([]), 0.5)).toBeNaN();
    expect(quantileSorted(f([1, 2, 2, 2, 3]), 0.6)).toBe(2);
  });

  it('interpolates towards infinite end points without producing NaN', () => {
    expect(quantileSorted(f([-Infinity, 0, 1]), 0.25)).toBe(-Infinity);
    expect(quantileSorted(f([0, 1, Infinity]), 0.75)).toBe(Infinity);
    expect(quantileSorted(f([-Infinity, 0, 1]), 0.5)).toBe(0);
  });

  it('rejects probabilities outside [0, 1]', () => {
    expect(() => quantileSorted(f([1, 2]), 1.5)).toThrow(RangeError);
    expect(() => quantileSorted(f([1, 2]), Number.NaN)).toThrow(RangeError);
  });
});
