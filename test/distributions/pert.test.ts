import { describe, expect, it } from 'vitest';
import { BETA_TABLE_MAX_ERROR } from '../../models/distributions/beta-quantile-table.ts';
import { DISTRIBUTION_ERRORS } from '../../models/distributions/distribution-errors.ts';
import { PertDistribution } from '../../models/distributions/pert.ts';
import { expectCdfInvertsInv, expectClose, expectDistributionError, expectFillMatchesInv } from './distribution-checks.ts';

/** For integer a, b: I_x(a, b) = P(Binomial(a + b − 1, x) >= a). */
function integerBetaCdf(x: number, a: number, b: number): number {
  const n = a + b - 1;
  let sum = 0;
  let coefficient = 1;
  for (let j = 0; j <= n; j++) {
    if (j >= a) sum += coefficient * x ** j * (1 - x) ** (n - j);
    coefficient = (coefficient * (n - j)) / (j + 1);
  }
  return sum;
}

describe('PertDistribution', () => {
  // min 0, mode 3, max 12, λ = 4: alpha = 1 + 4·3/12 = 2, beta = 1 + 4·9/12 = 4.
  const d = new PertDistribution(0, 3, 12);

  it('derives alpha and beta from min, mode, max and lambda', () => {
    expect(d.alpha).toBe(2);
    expect(d.beta).toBe(4);
    expect(d.lambda).toBe(4);
    expect(d.type).toBe('pert');
  });

  it('has mean (min + λ·mode + max)/(λ + 2) and the scaled beta variance', () => {
    expectClose(d.mean(), (0 + 4 * 3 + 12) / 6, 1e-15);
    // range²·αβ/((α+β)²(α+β+1)) = 144·8/(36·7)
    expectClose(d.variance(), (144 * 8) / (36 * 7), 1e-15);
    const wide = new PertDistribution(100, 130, 200, 2);
    expectClose(wide.mean(), (100 + 2 * 130 + 200) / 4, 1e-15);
  });

  it('has the Beta(2, 4) cdf and exact quantiles on [0, 12]', () => {
    for (const x of [0.5, 2, 3, 6, 11]) expectClose(d.cdf(x), integerBetaCdf(x / 12, 2, 4), 1e-14);
    for (const p of [0.001, 0.1, 0.5, 0.9, 0.999]) {
      const x = d.inv(p);
      expectClose(integerBetaCdf(x / 12, 2, 4), p, 1e-13);
    }
    expect(d.inv(0)).toBe(0);
    expect(d.inv(1)).toBe(12);
    expect(d.cdf(-1)).toBe(0);
    expect(d.cdf(13)).toBe(1);
    // density 20·z(1 − z)³/12 for Beta(2, 4) scaled by 12
    expectClose(d.pdf(3), (20 * 0.25 * 0.75 ** 3) / 12, 1e-14);
    expectCdfInvertsInv(d, 1e-14);
  });

  it('puts the mode at the density peak and handles the mode at either end', () => {
    expect(d.pdf(3)).toBeGreaterThan(d.pdf(2.9));
    expect(d.pdf(3)).toBeGreaterThan(d.pdf(3.1));
    const atMin = new PertDistribution(0, 0, 1);
    expect(atMin.alpha).toBe(1);
    expectClose(atMin.pdf(0), 5, 1e-14);
    expectClose(atMin.inv(0.5), 1 - 0.5 ** (1 / 5), 1e-14);
    const atMax = new PertDistribution(0, 1, 1);
    expectClose(atMax.inv(0.5), 0.5 ** (1 / 5), 1e-14);
  });

  it('fills columns from its table within the documented error of the exact inverse', () => {
    expectFillMatchesInv(d, BETA_TABLE_MAX_ERROR * 12);
    expectFillMatchesInv(new PertDistribution(-50, 80, 100, 10), BETA_TABLE_MAX_ERROR * 150);
  });

  it('rejects bad parameters, naming the field', () => {
    expectDistributionError(() => new PertDistribution(0, 13, 12), 'mode', DISTRIBUTION_ERRORS.modeOutsideRange);
    expectDistributionError(() => new PertDistribution(12, 12, 12), 'max', DISTRIBUTION_ERRORS.maxNotAboveMin);
    expectDistributionError(() => new PertDistribution(0, 3, 12, 0), 'lambda', DISTRIBUTION_ERRORS.notPositive);
    expectDistributionError(() => new PertDistribution(Infinity, 3, 12), 'min', DISTRIBUTION_ERRORS.notFinite);
  });
});
