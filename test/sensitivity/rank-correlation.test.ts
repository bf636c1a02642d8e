import { describe, expect, it } from 'vitest';
import { rankCorrelation } from '../../models/sensitivity/rank-correlation.ts';

const f = (xs: number[]): Float64Array => new Float64Array(xs);

describe('rankCorrelation', () => {
  it('gives the Spearman ρ of each input with the output', () => {
    const x1 = f([1, 2, 3, 4]);
    const x2 = f([4, 3, 1, 2]); // ranks (4, 3, 1, 2) vs (1, 2, 3, 4): Sxy = −4, Sxx = Syy = 5
    const r = rankCorrelation([x1, x2], f([1, 4, 9, 16]));
    expect(r[0]).toBeCloseTo(1, 15);
    expect(r[1]).toBeCloseTo(-0.8, 15);
  });

  it('reproduces the textbook IQ vs TV-hours value −29/165 and is unaffected by monotone transforms', () => {
    const iq = f([106, 100, 86, 101, 99, 103, 97, 113, 112, 110]);
    const tv = f([7, 27, 2, 50, 28, 29, 20, 12, 6, 17]);
    const logTv = tv.map(Math.log);
    const r = rankCorrelation([iq, iq.map((v) => v ** 3)], logTv);
    expect(r[0]).toBeCloseTo(-29 / 165, 14);
    expect(r[1]).toBeCloseTo(-29 / 165, 14);
  });

  it('is NaN for a constant input and rejects a length mismatch', () => {
    expect(rankCorrelation([f([1, 1, 1])], f([1, 2, 3]))[0]).toBeNaN();
    expect(() => rankCorrelation([f([1, 2])], f([1, 2, 3]))).toThrow(RangeError);
  });
});
