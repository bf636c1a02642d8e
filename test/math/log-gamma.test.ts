import { describe, expect, it } from 'vitest';
import { logGamma } from '../../models/math/log-gamma.ts';

/** ln Γ(x) to 17 significant digits (mpmath loggamma, 40 digits). */
const REFERENCE: readonly [number, number][] = [
  [1e-300, 690.77552789821371],
  [1e-8, 18.420680738180209],
  [0.001, 6.9071788853838537],
  [0.1, 2.252712651734206],
  [1.5, -0.12078223763524522],
  [2.5, 0.28468287047291916],
  [7.3, 7.147892523022249],
  [33.3, 82.603723581654953],
  [1000, 5905.2204232091812],
  [1e6, 12815504.569147612],
  [1e15, 33538776394910669],
];

describe('logGamma', () => {
  it('gives ln √π at 1/2', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 15);
  });

  it('gives ln (n − 1)! at the integers', () => {
    let factorial = 1;
    for (let n = 1; n <= 30; n++) {
      expect(Math.abs(logGamma(n) - Math.log(factorial))).toBeLessThan(1e-13 * Math.max(1, Math.log(factorial)));
      factorial *= n;
    }
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15);
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 12);
  });

  it.each(REFERENCE)('ln Γ(%d) matches the reference', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThan(2e-15 * Math.max(1, Math.abs(expected)));
  });

  it('satisfies Γ(x + 1) = x·Γ(x)', () => {
    for (const x of [0.01, 0.3, 0.77, 1.2, 4.4, 17.9, 123.45]) {
      expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 12);
    }
  });

  it('uses the reflection formula below 1/2: Γ(−1/2) = −2√π', () => {
    expect(logGamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 14);
  });

  it('is +Infinity at the poles', () => {
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-3)).toBe(Infinity);
    expect(logGamma(Infinity)).toBe(Infinity);
    expect(logGamma(Number.NaN)).toBeNaN();
  });
});
