import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_ERRORS } from '../../models/distributions/distribution-errors.ts';
import { TriangularDistribution } from '../../models/distributions/triangular.ts';
import { expectCdfInvertsInv, expectClose, expectDistributionError, expectFillMatchesInv } from './distribution-checks.ts';

/** Closed-form triangular quantile, written out independently of the class. */
function triangularQuantile(p: number, a: number, c: number, b: number): number {
  const split = (c - a) / (b - a);
  return p < split ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c));
}

describe('TriangularDistribution', () => {
  const [a, c, b] = [0, 2, 10];
  const d = new TriangularDistribution(a, c, b);

  it('has mean (a + b + c)/3 and variance (a² + b² + c² − ab − ac − bc)/18', () => {
    expectClose(d.mean(), 4, 1e-15);
    expectClose(d.variance(), (a * a + b * b + c * c - a * b - a * c - b * c) / 18, 1e-15);
    const shifted = new TriangularDistribution(1e6, 1e6 + 2, 1e6 + 10);
    expectClose(shifted.variance(), 84 / 18, 1e-12);
  });

  it('has the closed-form quantile, with the mode at p = (c − a)/(b − a)', () => {
    expect(d.inv(0.2)).toBe(2);
    expect(d.inv(0)).toBe(0);
    expect(d.inv(1)).toBe(10);
    for (const p of [0.01, 0.1, 0.19, 0.21, 0.5, 0.9, 0.999]) {
      expectClose(d.inv(p), triangularQuantile(p, a, c, b), 1e-15);
    }
    expectClose(d.inv(0.1), Math.sqrt(2), 1e-15);
    expectClose(d.inv(0.9), 10 - Math.sqrt(8), 1e-15);
  });

  it('has the piecewise quadratic cdf and piecewise linear density', () => {
    expectClose(d.cdf(1), 1 / 20, 1e-15);
    expectClose(d.cdf(6), 1 - 16 / 80, 1e-15);
    expect(d.cdf(-1)).toBe(0);
    expect(d.cdf(11)).toBe(1);
    expectClose(d.pdf(2), 0.2, 1e-15);
    expectClose(d.pdf(1), 0.1, 1e-15);
    expectClose(d.pdf(6), 0.1, 1e-15);
    expect(d.pdf(10.5)).toBe(0);
    expectCdfInvertsInv(d, 1e-15);
  });

  it('handles the mode at either end', () => {
    const rising = new TriangularDistribution(0, 1, 1);
    expectClose(rising.inv(0.25), 0.5, 1e-15);
    expectClose(rising.mean(), 2 / 3, 1e-15);
    expectClose(rising.pdf(1), 2, 1e-15);
    const falling = new TriangularDistribution(0, 0, 1);
    expectClose(falling.inv(0.75), 0.5, 1e-15);
    expectClose(falling.variance(), 1 / 18, 1e-15);
    expectClose(falling.pdf(0), 2, 1e-15);
  });

  it('fills columns with exactly inv(u)', () => {
    expectFillMatchesInv(d);
    expectFillMatchesInv(new TriangularDistribution(-5, -5, 3));
  });

  it('rejects bad parameters, naming the field', () => {
    expectDistributionError(() => new TriangularDistribution(0, 11, 10), 'mode', DISTRIBUTION_ERRORS.modeOutsideRange);
    expectDistributionError(() => new TriangularDistribution(0, -1, 10), 'mode', DISTRIBUTION_ERRORS.modeOutsideRange);
    expectDistributionError(() => new TriangularDistribution(5, 5, 5), 'max', DISTRIBUTION_ERRORS.maxNotAboveMin);
    expectDistributionError(() => new TriangularDistribution(0, Number.NaN, 1), 'mode', DISTRIBUTION_ERRORS.notFinite);
  });
});
