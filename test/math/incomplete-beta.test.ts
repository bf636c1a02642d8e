import { describe, expect, it } from 'vitest';
import { incompleteBeta, incompleteBetaUpper } from '../../models/math/incomplete-beta.ts';

/** For integer a, b: I_x(a, b) = P(Binomial(a + b − 1, x) >= a), a finite sum. */
function integerIncompleteBeta(x: number, a: number, b: number): number {
  const n = a + b - 1;
  let sum = 0;
  let coefficient = 1; // C(n, j), built up from C(n, 0)
  for (let j = 0; j <= n; j++) {
    if (j >= a) sum += coefficient * x ** j * (1 - x) ** (n - j);
    coefficient = (coefficient * (n - j)) / (j + 1);
  }
  return sum;
}

/** Lower and upper tails to 17 significant digits (mpmath betainc, 40 digits). */
const REFERENCE: readonly [number, number, number, number, number][] = [
  [1e-10, 0.5, 3, 1.874999999875e-5, 0.99998125000000125],
  [0.2, 3.7, 1.3, 0.0042677754892929102, 0.99573222451070709],
  [0.4, 100, 150, 0.50343561029854033, 0.49656438970145967],
  [0.05, 0.05, 5, 0.94500944451440856, 0.054990555485591437],
  [0.7, 50, 20, 0.38250924838123325, 0.61749075161876675],
];

describe('incompleteBeta', () => {
  it('gives pbeta(0.3, 2, 5) = 0.579825 (= 1 − 0.7^6 − 6·0.3·0.7^5)', () => {
    expect(incompleteBeta(0.3, 2, 5)).toBeCloseTo(1 - 0.7 ** 6 - 6 * 0.3 * 0.7 ** 5, 14);
    expect(incompleteBeta(0.3, 2, 5)).toBeCloseTo(0.579825, 14);
  });

  it('matches the binomial-sum closed form for integer parameters', () => {
    for (const [a, b] of [
      [1, 1],
      [2, 5],
      [5, 2],
      [3, 3],
      [7, 13],
      [20, 4],
    ]) {
      for (const x of [0.01, 0.1, 0.25, 0.5, 0.6, 0.9, 0.99]) {
        expect(Math.abs(incompleteBeta(x, a, b) - integerIncompleteBeta(x, a, b))).toBeLessThan(1e-14);
      }
    }
  });

  it('matches I_x(1/2, 1/2) = (2/π)·asin(√x), I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b', () => {
    for (const x of [1e-8, 0.1, 0.5, 0.9, 0.999]) {
      expect(incompleteBeta(x, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(x)), 14);
      expect(Math.abs(incompleteBeta(x, 3.3, 1) / x ** 3.3 - 1)).toBeLessThan(1e-13);
      expect(incompleteBeta(x, 1, 0.4)).toBeCloseTo(1 - (1 - x) ** 0.4, 14);
    }
  });

  it.each(REFERENCE)('I_%d(%d, %d) matches the reference in both tails', (x, a, b, lower, upper) => {
    expect(Math.abs(incompleteBeta(x, a, b) / lower - 1)).toBeLessThan(1e-13);
    expect(Math.abs(incompleteBetaUpper(x, a, b) / upper - 1)).toBeLessThan(1e-13);
  });

  it('keeps the upper tail relatively accurate where 1 − I would cancel', () => {
    // Beta(2, b): P(X > x) = (1 − x)^b·(1 + b·x)
    expect(Math.abs(incompleteBetaUpper(0.99, 2, 30) / (0.01 ** 30 * (1 + 30 * 0.99)) - 1)).toBeLessThan(1e-13);
    expect(Math.abs(incompleteBetaUpper(0.999, 2, 2) / (3 * 0.001 ** 2 - 2 * 0.001 ** 3) - 1)).toBeLessThan(1e-11);
  });

  it('is symmetric: I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    for (const [x, a, b] of [
      [0.3, 2.5, 7],
      [0.8, 0.4, 0.9],
      [0.55, 40, 35],
    ]) {
      expect(incompleteBeta(x, a, b)).toBeCloseTo(incompleteBetaUpper(1 - x, b, a), 14);
    }
  });

  it('clamps outside (0, 1) and rejects invalid parameters', () => {
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(-1, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
    expect(incompleteBetaUpper(0, 2, 3)).toBe(1);
    expect(incompleteBetaUpper(1, 2, 3)).toBe(0);
    expect(incompleteBeta(0.5, 0, 3)).toBeNaN();
    expect(incompleteBeta(0.5, 2, -1)).toBeNaN();
    expect(incompleteBeta(Number.NaN, 2, 3)).toBeNaN();
  });
});
