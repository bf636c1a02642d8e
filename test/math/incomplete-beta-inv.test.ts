import { describe, expect, it } from 'vitest';
import { incompleteBeta, incompleteBetaUpper } from '../../models/math/incomplete-beta.ts';
import { incompleteBetaInv } from '../../models/math/incomplete-beta-inv.ts';

const SHAPES = [0.05, 0.3, 0.5, 1, 1.5, 2, 3.7, 10, 51, 300];
const PROBABILITIES = [1e-12, 1e-6, 0.001, 0.05, 0.3, 0.5, 0.7, 0.95, 0.999, 1 - 1e-6];

/**
 * True when the exact root lies within ±tolerance of x, where the tolerance is
 * 1e-12 relative to the nearer end of [0, 1] but never below 4 ulps of 1 (a
 * double cannot get closer to 1 than that). Checked in the tail that carries
 * precision: the lower tail for p <= 1/2, the upper tail otherwise.
 */
function bracketsRoot(p: number, a: number, b: number): boolean {
  const x = incompleteBetaInv(p, a, b);
  const tolerance = Math.max(1e-12 * Math.min(x, 1 - x), 4 * Number.EPSILON);
  const below = Math.max(0, x - tolerance);
  const above = Math.min(1, x + tolerance);
  if (p <= 0.5) return incompleteBeta(below, a, b) <= p && p <= incompleteBeta(above, a, b);
  return incompleteBetaUpper(below, a, b) >= 1 - p && 1 - p >= incompleteBetaUpper(above, a, b);
}

describe('incompleteBetaInv', () => {
  it('inverts closed forms: Beta(2, 5) at 0.579825 is 0.3; Beta(1, b) and Beta(a, 1) exactly', () => {
    expect(incompleteBetaInv(1 - 0.7 ** 6 - 6 * 0.3 * 0.7 ** 5, 2, 5)).toBeCloseTo(0.3, 14);
    for (const p of [1e-9, 0.2, 0.5, 0.77, 0.999]) {
      expect(incompleteBetaInv(p, 4, 1)).toBeCloseTo(p ** (1 / 4), 14);
      expect(incompleteBetaInv(p, 1, 3)).toBeCloseTo(1 - (1 - p) ** (1 / 3), 14);
      expect(incompleteBetaInv(p, 0.5, 0.5)).toBeCloseTo(Math.sin((Math.PI * p) / 2) ** 2, 14);
    }
  });

  it('gives the median of a symmetric beta', () => {
    for (const shape of [0.2, 1, 3, 40]) expect(incompleteBetaInv(0.5, shape, shape)).toBeCloseTo(0.5, 14);
  });

  it('finds the root to 1e-12 (relative to the nearer end) over a grid of shapes and tail probabilities', () => {
    const misses: [number, number, number][] = [];
    for (const a of SHAPES) {
      for (const b of SHAPES) {
        for (const p of PROBABILITIES) if (!bracketsRoot(p, a, b)) misses.push([p, a, b]);
      }
    }
    expect(misses).toEqual([]);
  });

  it('round-trips the probability to 1e-13 where x is well inside (0, 1)', () => {
    for (const [a, b] of [
      [2, 5],
      [0.5, 0.5],
      [3.7, 1.5],
      [51, 10],
    ]) {
      for (const p of [1e-12, 1e-6, 0.01, 0.3, 0.5, 0.8, 0.99]) {
        expect(Math.abs(incompleteBeta(incompleteBetaInv(p, a, b), a, b) / p - 1)).toBeLessThan(1e-13);
      }
    }
  });

  it('keeps relative precision for tiny quantiles (x ~ 1e-200)', () => {
    // Beta(0.05, 1): I_x = x^0.05, so the 1e-10 quantile is 1e-200.
    expect(Math.abs(incompleteBetaInv(1e-10, 0.05, 1) / 1e-200 - 1)).toBeLessThan(1e-13);
  });

  it('is monotone in p', () => {
    for (const [a, b] of [
      [2, 5],
      [0.3, 0.7],
      [51, 3],
    ]) {
      let previous = 0;
      for (let i = 1; i < 2000; i++) {
        const x = incompleteBetaInv(i / 2000, a, b);
        expect(x).toBeGreaterThanOrEqual(previous);
        previous = x;
      }
    }
  });

  it('returns the support ends at 0 and 1 and NaN for invalid input', () => {
    expect(incompleteBetaInv(0, 2, 3)).toBe(0);
    expect(incompleteBetaInv(1, 2, 3)).toBe(1);
    expect(incompleteBetaInv(-0.1, 2, 3)).toBeNaN();
    expect(incompleteBetaInv(1.1, 2, 3)).toBeNaN();
    expect(incompleteBetaInv(0.5, 0, 3)).toBeNaN();
    expect(incompleteBetaInv(Number.NaN, 2, 3)).toBeNaN();
  });
});
