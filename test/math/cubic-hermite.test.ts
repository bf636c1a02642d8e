import { describe, expect, it } from 'vitest';
import { cubicHermiteCoefficients } from '../../models/math/cubic-hermite.ts';

describe('cubicHermiteCoefficients', () => {
  it('reproduces a cubic exactly from its values and slopes (Hermite interpolation is exact for cubics)', () => {
    // y(x) = x³ − x + 2 on nodes x = 1, 2, 3 (step 1), slopes y' = 3x² − 1.
    const y = (x: number): number => x ** 3 - x + 2;
    const coefficients = cubicHermiteCoefficients(Float64Array.of(y(1), y(2), y(3)), Float64Array.of(2, 11, 26))!;
    for (const [k, f] of [
      [0, 0],
      [0, 0.25],
      [0, 0.5],
      [1, 0.75],
      [1, 1],
    ]) {
      const j = 4 * k;
      const value = coefficients[j] + f * (coefficients[j + 1] + f * (coefficients[j + 2] + f * coefficients[j + 3]));
      expect(value).toBeCloseTo(y(1 + k + f), 12);
    }
  });

  it('refuses intervals that do not rise and slopes that are not finite', () => {
    expect(cubicHermiteCoefficients(Float64Array.of(1, 1), Float64Array.of(0, 0))).toBeNull();
    expect(cubicHermiteCoefficients(Float64Array.of(0, 1), Float64Array.of(1, Infinity))).toBeNull();
  });
});
