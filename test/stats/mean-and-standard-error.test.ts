import { describe, expect, it } from 'vitest';
import { meanAndStandardError } from '../../models/stats/mean-and-standard-error.ts';

const f = (xs: number[]): Float64Array => new Float64Array(xs);

describe('meanAndStandardError', () => {
  it('gives mean 5, sd √(32/7) and se sd/√8 for (2, 4, 4, 4, 5, 5, 7, 9)', () => {
    const r = meanAndStandardError(f([2, 4, 4, 4, 5, 5, 7, 9]));
    expect(r.n).toBe(8);
    expect(r.mean).toBe(5);
    expect(r.sd).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(r.standardError).toBeCloseTo(Math.sqrt(32 / 7) / Math.sqrt(8), 14);
  });

  it('keeps full accuracy with a large offset (variance of 1e9 + (4, 7, 13, 16) is exactly 30)', () => {
    const r = meanAndStandardError(f([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]));
    expect(r.mean).toBe(1e9 + 10);
    expect(r.sd * r.sd).toBeCloseTo(30, 6);
  });

  it('compensates cancellation in the sum: mean of (1, 1e100, 1, −1e100) is 0.5', () => {
    expect(meanAndStandardError(f([1, 1e100, 1, -1e100])).mean).toBe(0.5);
  });

  it('ignores NaN and reports NaN spread for fewer than two values', () => {
    const r = meanAndStandardError(f([Number.NaN, 3, Number.NaN, 5]));
    expect(r.n).toBe(2);
    expect(r.mean).toBe(4);
    expect(r.sd).toBeCloseTo(Math.SQRT2, 15);
    const one = meanAndStandardError(f([3]));
    expect(one.mean).toBe(3);
    expect(one.sd).toBeNaN();
    expect(meanAndStandardError(f([])).mean).toBeNaN();
  });
});
