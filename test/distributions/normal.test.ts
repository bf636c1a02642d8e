import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_ERRORS } from '../../models/distributions/distribution-errors.ts';
import { NormalDistribution, STANDARD_NORMAL_P95 } from '../../models/distributions/normal.ts';
import { expectCdfInvertsInv, expectClose, expectDistributionError, expectFillMatchesInv } from './distribution-checks.ts';

describe('NormalDistribution', () => {
  const d = new NormalDistribution(100, 15);

  it('has mean μ and variance σ²', () => {
    expect(d.mean()).toBe(100);
    expect(d.variance()).toBe(225);
  });

  it('has quantiles μ + σ·z_p', () => {
    expectClose(d.inv(0.975), 100 + 15 * 1.959963984540054, 1e-15);
    expectClose(d.inv(0.05), 100 - 15 * 1.6448536269514722, 1e-15);
    expect(d.inv(0.5)).toBe(100);
    expect(d.inv(0)).toBe(-Infinity);
    expect(d.inv(1)).toBe(Infinity);
  });

  it('has cdf Φ((x − μ)/σ) and density φ((x − μ)/σ)/σ', () => {
    expectClose(d.cdf(115), 0.8413447460685429, 1e-15);
    expectClose(d.cdf(85), 0.15865525393145705, 1e-15);
    expectClose(d.pdf(100), 1 / (15 * Math.sqrt(2 * Math.PI)), 1e-15);
    expectClose(d.pdf(130), Math.exp(-2) / (15 * Math.sqrt(2 * Math.PI)), 1e-14);
    expectCdfInvertsInv(d, 1e-15);
  });

  it('builds from a 90% interval: mean = (p5 + p95)/2, sd = (p95 − p5)/(2·1.6448536269514722)', () => {
    const fromInterval = NormalDistribution.fromPercentiles(80, 120);
    expect(fromInterval.mean()).toBe(100);
    expect(fromInterval.sd).toBe(40 / (2 * STANDARD_NORMAL_P95));
    expectClose(fromInterval.inv(0.05), 80, 1e-15);
    expectClose(fromInterval.inv(0.95), 120, 1e-15);
  });

  it('fills columns with exactly inv(u)', () => {
    expectFillMatchesInv(d);
  });

  it('gives the closed-form truncated moments: half-normal mean σ√(2/π), variance σ²(1 − 2/π)', () => {
    const halfNormal = new NormalDistribution(0, 2).truncatedMoments(0, Infinity);
    expectClose(halfNormal.mean, 2 * Math.sqrt(2 / Math.PI), 1e-15);
    expectClose(halfNormal.variance, 4 * (1 - 2 / Math.PI), 1e-14);
  });

  it('rejects bad parameters, naming the field', () => {
    expectDistributionError(() => new NormalDistribution(0, 0), 'sd', DISTRIBUTION_ERRORS.notPositive);
    expectDistributionError(() => new NormalDistribution(Infinity, 1), 'mean', DISTRIBUTION_ERRORS.notFinite);
    expectDistributionError(() => NormalDistribution.fromPercentiles(5, 5), 'p95', DISTRIBUTION_ERRORS.p95NotAboveP5);
    expectDistributionError(() => NormalDistribution.fromPercentiles(Number.NaN, 5), 'p5', DISTRIBUTION_ERRORS.notFinite);
  });
});
