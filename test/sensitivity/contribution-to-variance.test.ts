import { describe, expect, it } from 'vitest';
import { contributionToVariance } from '../../models/sensitivity/contribution-to-variance.ts';

const f = (xs: number[]): Float64Array => new Float64Array(xs);

describe('contributionToVariance', () => {
  it('normalises squared rank correlations to 100 and keeps their sign', () => {
    // Spearman ρ = 1 and −0.8 → 1 : 0.64 → 100/1.64 and −64/1.64.
    const c = contributionToVariance([f([1, 2, 3, 4]), f([4, 3, 1, 2])], f([1, 4, 9, 16]));
    expect(c[0]).toBeCloseTo(100 / 1.64, 12);
    expect(c[1]).toBeCloseTo(-64 / 1.64, 12);
    expect(Math.abs(c[0]) + Math.abs(c[1])).toBeCloseTo(100, 12);
  });

  it('gives a constant input 0 and all zeros when nothing correlates', () => {
    const c = contributionToVariance([f([1, 2, 3, 4]), f([5, 5, 5, 5])], f([2, 4, 6, 8]));
    expect(Array.from(c)).toEqual([100, 0]);
    // x = (1, 2, 3, 4, 5) vs y = (2, 5, 3, 1, 4): Σ dx·dy = 2 − 2 + 0 − 2 + 2 = 0 → ρ = 0.
    const none = contributionToVariance([f([1, 2, 3, 4, 5])], f([2, 5, 3, 1, 4]));
    expect(none[0]).toBe(0);
  });
});
