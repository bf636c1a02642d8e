import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_ERRORS } from '../../models/distributions/distribution-errors.ts';
import { LognormalDistribution } from '../../models/distributions/lognormal.ts';
import { expectCdfInvertsInv, expectClose, expectDistributionError, expectFillMatchesInv } from './distribution-checks.ts';

const Z95 = 1.6448536269514722;

describe('LognormalDistribution', () => {
  const d = LognormalDistribution.fromPercentiles(10, 1000);
  const mu = Math.log(100);
  const sigma = Math.log(100) / (2 * Z95);

  it('builds from a 90% interval: mu = (ln p5 + ln p95)/2, sigma = (ln p95 − ln p5)/(2·z95)', () => {
    expectClose(d.mu, mu, 1e-15);
    expectClose(d.sigma, sigma, 1e-15);
    expectClose(d.inv(0.05), 10, 1e-14);
    expectClose(d.inv(0.95), 1000, 1e-14);
    expectClose(d.inv(0.5), 100, 1e-15);
  });

  it('has mean exp(mu + sigma²/2) and variance (exp(sigma²) − 1)·exp(2mu + sigma²)', () => {
    expectClose(d.mean(), Math.exp(mu + (sigma * sigma) / 2), 1e-14);
    expectClose(d.variance(), (Math.exp(sigma * sigma) - 1) * Math.exp(2 * mu + sigma * sigma), 1e-14);
  });

  it('has cdf Φ((ln x − mu)/sigma) and the lognormal density', () => {
    expectClose(d.cdf(100), 0.5, 1e-15);
    expectClose(d.cdf(100 * Math.exp(sigma)), 0.8413447460685429, 1e-15);
    expect(d.cdf(0)).toBe(0);
    expect(d.cdf(-5)).toBe(0);
    expectClose(d.pdf(100), 1 / (100 * sigma * Math.sqrt(2 * Math.PI)), 1e-14);
    expect(d.pdf(0)).toBe(0);
    expectCdfInvertsInv(d, 1e-15);
  });

  it('builds from the mean and sd of the quantity (sigma² = ln(1 + s²/m²), mu = ln m − sigma²/2)', () => {
    const fromMoments = LognormalDistribution.fromMeanAndSd(100, 30);
    expectClose(fromMoments.sigma, Math.sqrt(Math.log(1 + 0.09)), 1e-15);
    expectClose(fromMoments.mu, Math.log(100) - Math.log(1.09) / 2, 1e-15);
    expectClose(fromMoments.mean(), 100, 1e-14);
    expectClose(Math.sqrt(fromMoments.variance()), 30, 1e-14);
    // Tiny relative spread keeps precision thanks to log1p/expm1.
    const narrow = LognormalDistribution.fromMeanAndSd(1, 1e-9);
    expectClose(Math.sqrt(narrow.variance()), 1e-9, 1e-6);
  });

  it('fills columns with exactly inv(u)', () => {
    expectFillMatchesInv(d);
    expectFillMatchesInv(LognormalDistribution.fromMeanAndSd(5, 20));
  });

  it('rejects bad parameters, naming the field', () => {
    expectDistributionError(() => LognormalDistribution.fromPercentiles(0, 10), 'p5', DISTRIBUTION_ERRORS.notPositive);
    expectDistributionError(() => LognormalDistribution.fromPercentiles(10, -1), 'p95', DISTRIBUTION_ERRORS.notPositive);
    expectDistributionError(() => LognormalDistribution.fromPercentiles(10, 10), 'p95', DISTRIBUTION_ERRORS.p95NotAboveP5);
    expectDistributionError(() => LognormalDistribution.fromMeanAndSd(-1, 1), 'mean', DISTRIBUTION_ERRORS.notPositive);
    expectDistributionError(() => LognormalDistribution.fromMeanAndSd(1, 0), 'sd', DISTRIBUTION_ERRORS.notPositive);
    expectDistributionError(() => LognormalDistribution.fromMeanAndSd(1e-200, 1e200), 'sd', DISTRIBUTION_ERRORS.lognormalMeanSdOutOfRange);
    expectDistributionError(() => LognormalDistribution.fromMeanAndSd(1e200, 1e-200), 'sd', DISTRIBUTION_ERRORS.lognormalMeanSdOutOfRange);
    expectDistributionError(() => new LognormalDistribution(0, -1), 'sigma', DISTRIBUTION_ERRORS.notPositive);
  });
});
