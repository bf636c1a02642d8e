import { describe, expect, it } from 'vitest';
import { logBeta } from '../../models/math/log-beta.ts';

/** ln B(a, b) to 17 significant digits (mpmath, 40 digits). */
const REFERENCE: readonly [number, number, number][] = [
  [0.1, 7, 2.0646703843595361],
  [2.5, 40, -8.9836273392981518],
  [12, 30, -25.274864968419808],
  [100, 250, -210.60883787778091],
  [1e4, 3e4, -22496.948166341114],
  [0.01, 1e5, 4.4843506728924003],
  [5000, 0.05, 2.5430242916234174],
];

describe('logBeta', () => {
  it('matches closed forms: B(1/2, 1/2) = π, B(1, 1) = 1, B(2, 3) = 1/12, B(1, b) = 1/b', () => {
    expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
    expect(Math.abs(logBeta(1, 1))).toBeLessThan(1e-15);
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    for (const b of [0.3, 2, 11, 57.5, 400]) expect(logBeta(1, b)).toBeCloseTo(-Math.log(b), 13);
  });

  it.each(REFERENCE)('ln B(%d, %d) matches the reference to 1e-15 relative', (a, b, expected) => {
    expect(Math.abs(logBeta(a, b) - expected)).toBeLessThan(1e-15 * Math.max(1, Math.abs(expected)) * 4);
  });

  it('is symmetric', () => {
    for (const [a, b] of [
      [0.2, 5],
      [3, 12],
      [15, 400],
    ]) {
      expect(logBeta(a, b)).toBe(logBeta(b, a));
    }
  });
});
