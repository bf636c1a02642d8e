import { describe, expect, it } from 'vitest';
import { integrate } from '../../models/math/gauss-kronrod.ts';

describe('integrate', () => {
  it('integrates smooth functions to machine precision', () => {
    expect(integrate(Math.sin, 0, Math.PI)).toBeCloseTo(2, 15);
    expect(integrate(Math.exp, -1, 2)).toBeCloseTo(Math.exp(2) - Math.exp(-1), 14);
    expect(integrate((x) => Math.exp(-0.5 * x * x), -40, 40)).toBeCloseTo(Math.sqrt(2 * Math.PI), 14);
  });

  it('is exact for polynomials of degree up to 22 on one interval', () => {
    expect(integrate((x) => x ** 22, 0, 1, { maxIntervals: 1 })).toBeCloseTo(1 / 23, 15);
  });

  it('handles integrable endpoint singularities', () => {
    expect(integrate((x) => 1 / Math.sqrt(x), 0, 1)).toBeCloseTo(2, 12);
    expect(integrate(Math.log, 0, 1)).toBeCloseTo(-1, 13);
    expect(integrate((x) => x ** 0.2, 0, 1)).toBeCloseTo(1 / 1.2, 14);
  });

  it('refines around interior kinks', () => {
    expect(integrate((x) => Math.abs(x - 0.3), 0, 1)).toBeCloseTo(0.29, 14);
  });

  it('returns 0 for an empty interval and changes sign when reversed', () => {
    expect(integrate(Math.exp, 1, 1)).toBe(0);
    expect(integrate((x) => x, 1, 0)).toBeCloseTo(-0.5, 15);
  });
});
