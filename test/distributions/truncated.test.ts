import { describe, expect, it } from 'vitest';
import { BernoulliDistribution } from '../../models/distributions/bernoulli.ts';
import { BETA_TABLE_MAX_ERROR } from '../../models/distributions/beta-quantile-table.ts';
import { BetaDistribution } from '../../models/distributions/beta.ts';
import { DiscreteDistribution } from '../../models/distributions/discrete.ts';
import { DISTRIBUTION_ERRORS } from '../../models/distributions/distribution-errors.ts';
import { FixedDistribution } from '../../models/distributions/fixed.ts';
import { LognormalDistribution } from '../../models/distributions/lognormal.ts';
import { NormalDistribution } from '../../models/distributions/normal.ts';
import { PertDistribution } from '../../models/distributions/pert.ts';
import { TriangularDistribution } from '../../models/distributions/triangular.ts';
import { TruncatedDistribution } from '../../models/distributions/truncated.ts';
import { UniformDistribution } from '../../models/distributions/uniform.ts';
import { incompleteBeta } from '../../models/math/incomplete-beta.ts';
import { normalCdf } from '../../models/math/normal-cdf.ts';
import { normalInv } from '../../models/math/normal-inv.ts';
import { expectCdfInvertsInv, expectClose, expectDistributionError, expectFillMatchesInv } from './distribution-checks.ts';

const phi = (z: number): number => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

/** Composite Simpson's rule, as an integrator independent of the code under test. */
function simpson(f: (x: number) => number, a: number, b: number, intervals = 20_000): number {
  const h = (b - a) / intervals;
  let sum = f(a) + f(b);
  for (let i = 1; i < intervals; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

/**
 * Moments of a scaled Beta(a, b) on [lo, hi] ⊂ [min, max] from the identities
 * E[Z·1{Z ≤ z}] = a/(a+b)·I_z(a+1, b) and E[Z²·1{Z ≤ z}] = a(a+1)/((a+b)(a+b+1))·I_z(a+2, b).
 */
function truncatedBetaMoments(a: number, b: number, min: number, max: number, lo: number, hi: number) {
  const range = max - min;
  const zLo = (lo - min) / range;
  const zHi = (hi - min) / range;
  const between = (shape: number) => incompleteBeta(zHi, shape, b) - incompleteBeta(zLo, shape, b);
  const mass = between(a);
  const first = ((a / (a + b)) * between(a + 1)) / mass;
  const second = (((a * (a + 1)) / ((a + b) * (a + b + 1))) * between(a + 2)) / mass;
  return { mean: min + range * first, variance: range * range * (second - first * first) };
}

/** Moments of triangular(a, c, b) on [lo, hi] by integrating the piecewise polynomial density exactly. */
function truncatedTriangularMoments(a: number, c: number, b: number, lo: number, hi: number) {
  const rising = 2 / ((b - a) * (c - a));
  const falling = 2 / ((b - a) * (b - c));
  // Antiderivatives of x^k·(x − a) and x^k·(b − x).
  const up = (x: number, k: number) => x ** (k + 2) / (k + 2) - (a * x ** (k + 1)) / (k + 1);
  const down = (x: number, k: number) => (b * x ** (k + 1)) / (k + 1) - x ** (k + 2) / (k + 2);
  const moment = (k: number) => rising * (up(Math.min(hi, c), k) - up(lo, k)) + falling * (down(hi, k) - down(Math.max(lo, c), k));
  const mass = moment(0);
  const mean = moment(1) / mass;
  return { mass, mean, variance: moment(2) / mass - mean * mean };
}

describe('TruncatedDistribution of a normal', () => {
  const [mu, sigma, lo, hi] = [10, 2, 9, 14];
  const d = new TruncatedDistribution(new NormalDistribution(mu, sigma), lo, hi);
  const [a, b] = [(lo - mu) / sigma, (hi - mu) / sigma];
  const mass = normalCdf(b) - normalCdf(a);

  it('has mean μ + σ(φ(a) − φ(b))/(Φ(b) − Φ(a)) and the matching variance', () => {
    const mean = mu + (sigma * (phi(a) - phi(b))) / mass;
    const variance = sigma * sigma * (1 + (a * phi(a) - b * phi(b)) / mass - ((phi(a) - phi(b)) / mass) ** 2);
    expectClose(d.mean(), mean, 1e-14);
    expectClose(d.variance(), variance, 1e-13);
    // Independent check by direct integration of the density.
    const density = (x: number) => phi((x - mu) / sigma) / (sigma * mass);
    expectClose(
      d.mean(),
      simpson((x) => x * density(x), lo, hi),
      1e-12,
    );
    expectClose(
      d.variance(),
      simpson((x) => (x - d.mean()) ** 2 * density(x), lo, hi),
      1e-11,
    );
  });

  it('has quantile μ + σ·Φ⁻¹(Φ(a) + p(Φ(b) − Φ(a))), clamped to the bounds', () => {
    for (const p of [0.01, 0.3, 0.5, 0.9, 0.999]) {
      expectClose(d.inv(p), mu + sigma * normalInv(normalCdf(a) + p * mass), 1e-15);
    }
    expectClose(d.inv(0), lo, 1e-15);
    expectClose(d.inv(1), hi, 1e-15);
    expect(d.cdf(8)).toBe(0);
    expect(d.cdf(15)).toBe(1);
    expectClose(d.pdf(10), phi(0) / (sigma * mass), 1e-14);
    expect(d.pdf(8.9)).toBe(0);
    expectCdfInvertsInv(d, 1e-14);
    expect(d.type).toBe('normal');
  });

  it('gives the half-normal: mean √(2/π), variance 1 − 2/π, median Φ⁻¹(3/4)', () => {
    const half = new TruncatedDistribution(new NormalDistribution(0, 1), 0);
    expectClose(half.mean(), Math.sqrt(2 / Math.PI), 1e-15);
    expectClose(half.variance(), 1 - 2 / Math.PI, 1e-14);
    expectClose(half.inv(0.5), 0.6744897501960817, 1e-15);
    expect(half.inv(1)).toBe(Infinity);
  });

  it('keeps draws near p = 1 finite when F(min) > ½ (rounding must not reach the base quantile at 1)', () => {
    // Φ(7) = 1 − 1.28e-12: F(min) + u·mass rounds to 1 for u close to 1, where Φ⁻¹ is +∞.
    const farTail = new TruncatedDistribution(new NormalDistribution(0, 1), 7);
    const largestBelowOne = 1 - 2 ** -53;
    const u = Float64Array.of(0.5, 1 - 1e-6, 1 - 1e-12, largestBelowOne);
    const out = new Float64Array(u.length);
    farTail.fillFromUniforms(u, out, u.length, true);
    for (const x of out) {
      expect(Number.isFinite(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(7);
    }
    expect(Number.isFinite(farTail.inv(largestBelowOne))).toBe(true);
    expect(farTail.inv(1)).toBe(Infinity);
    // The half-normal's top draw, F(0) = ½: the base sees 1 − 2^−53, not 1.
    expect(new TruncatedDistribution(new NormalDistribution(0, 1), 0).inv(largestBelowOne)).toBe(normalInv(largestBelowOne));
  });

  it('fills columns with exactly inv(u)', () => {
    expectFillMatchesInv(d);
    expectFillMatchesInv(new TruncatedDistribution(new NormalDistribution(0, 1), undefined, 1.5));
  });
});

describe('TruncatedDistribution of a lognormal', () => {
  const base = LognormalDistribution.fromPercentiles(10, 1000);
  const { mu, sigma } = base;

  it('capped above: partial-expectation closed forms', () => {
    const cap = 500;
    const d = new TruncatedDistribution(base, undefined, cap);
    const z = (Math.log(cap) - mu) / sigma;
    const mass = normalCdf(z);
    const mean = (Math.exp(mu + (sigma * sigma) / 2) * normalCdf((Math.log(cap) - mu - sigma * sigma) / sigma)) / mass;
    const second = (Math.exp(2 * mu + 2 * sigma * sigma) * normalCdf((Math.log(cap) - mu - 2 * sigma * sigma) / sigma)) / mass;
    expectClose(d.mean(), mean, 1e-14);
    expectClose(d.variance(), second - mean * mean, 1e-13);
    // Independent check on the log scale: X = e^Y, Y normal truncated above at ln(cap).
    const density = (y: number) => phi((y - mu) / sigma) / (sigma * mass);
    expectClose(
      d.mean(),
      simpson((y) => Math.exp(y) * density(y), mu - 12 * sigma, Math.log(cap)),
      1e-11,
    );
    expectClose(d.inv(0.5), Math.exp(mu + sigma * normalInv(0.5 * mass)), 1e-15);
    expectClose(d.inv(1), cap, 1e-15);
    expectCdfInvertsInv(d, 1e-14);
    expectFillMatchesInv(d);
  });

  it('floored below: E[X | X >= m] = e^(μ+σ²/2)·Φ(σ − α)/Φ(−α)', () => {
    const floor = 50;
    const d = new TruncatedDistribution(base, floor);
    const alpha = (Math.log(floor) - mu) / sigma;
    expectClose(d.mean(), (Math.exp(mu + (sigma * sigma) / 2) * normalCdf(sigma - alpha)) / normalCdf(-alpha), 1e-14);
    expect(d.inv(0)).toBe(floor);
    expectFillMatchesInv(d);
  });
});

describe('TruncatedDistribution of a PERT', () => {
  const base = new PertDistribution(0, 3, 12); // Beta(2, 4) on [0, 12]
  const d = new TruncatedDistribution(base, 2, 9);

  it('has the moments given by incomplete-beta identities', () => {
    const expected = truncatedBetaMoments(2, 4, 0, 12, 2, 9);
    expectClose(d.mean(), expected.mean, 1e-13);
    expectClose(d.variance(), expected.variance, 1e-12);
  });

  it('has quantiles inside [2, 9] that invert the truncated cdf', () => {
    expectClose(d.inv(0), 2, 1e-14);
    expectClose(d.inv(1), 9, 1e-14);
    const lowMass = incompleteBeta(2 / 12, 2, 4);
    const mass = incompleteBeta(9 / 12, 2, 4) - lowMass;
    expectClose(d.cdf(5), (incompleteBeta(5 / 12, 2, 4) - lowMass) / mass, 1e-13);
    for (const p of [0.001, 0.2, 0.5, 0.8, 0.999]) {
      const x = d.inv(p);
      expect(x).toBeGreaterThanOrEqual(2);
      expect(x).toBeLessThanOrEqual(9);
      expectClose((incompleteBeta(x / 12, 2, 4) - lowMass) / mass, p, 1e-13);
    }
    expectCdfInvertsInv(d, 1e-13);
    expect(d.type).toBe('pert');
  });

  it('fills columns within the table error of inv', () => {
    expectFillMatchesInv(d, BETA_TABLE_MAX_ERROR * 12);
  });
});

describe('TruncatedDistribution of other continuous bases', () => {
  it('triangular: moments from the piecewise polynomial density', () => {
    const d = new TruncatedDistribution(new TriangularDistribution(0, 2, 10), 1, 6);
    const expected = truncatedTriangularMoments(0, 2, 10, 1, 6);
    expectClose(d.mean(), expected.mean, 1e-13);
    expectClose(d.variance(), expected.variance, 1e-12);
    expectClose(d.cdf(2), (0.2 - 0.05) / expected.mass, 1e-14);
    expectFillMatchesInv(d);
  });

  it('U-shaped beta: moments from incomplete-beta identities', () => {
    const d = new TruncatedDistribution(new BetaDistribution(0.5, 0.5, -1, 1), -0.8, 0.2);
    const expected = truncatedBetaMoments(0.5, 0.5, -1, 1, -0.8, 0.2);
    expectClose(d.mean(), expected.mean, 1e-13);
    expectClose(d.variance(), expected.variance, 1e-12);
  });

  it('uniform: uniform on the overlap', () => {
    const d = new TruncatedDistribution(new UniformDistribution(0, 10), 4);
    expect(d.mean()).toBe(7);
    expectClose(d.variance(), 3, 1e-15);
    expect(d.inv(0.5)).toBe(7);
    expectClose(d.pdf(5), 1 / 6, 1e-15);
    expectFillMatchesInv(d);
  });
});

describe('TruncatedDistribution of point masses', () => {
  const base = new DiscreteDistribution([10, 20, 30, 40], [1, 2, 3, 4]);

  it('keeps atoms on the bounds and renormalises', () => {
    const d = new TruncatedDistribution(base, 20, 30);
    expect(d.supportValues).toEqual([20, 30]);
    expect(d.supportProbabilities).toEqual([0.4, 0.6]);
    expect(d.mean()).toBe(0.4 * 20 + 0.6 * 30);
    expectClose(d.variance(), 0.4 * 0.6 * 100, 1e-15);
    expect(d.inv(0)).toBe(20);
    expect(d.inv(0.4)).toBe(20);
    expect(d.inv(0.41)).toBe(30);
    expect(d.inv(1)).toBe(30);
    expect(d.cdf(19)).toBe(0);
    expectClose(d.cdf(25), 0.4, 1e-15);
    expect(d.cdf(30)).toBe(1);
    expectClose(d.pdf(30), 0.6, 1e-15);
    expect(d.discrete).toBe(true);
    expectFillMatchesInv(d);
  });

  it('between atoms behaves the same as on them', () => {
    const d = new TruncatedDistribution(base, 15, 35);
    expect(d.supportValues).toEqual([20, 30]);
    expect(d.mean()).toBe(26);
    expectFillMatchesInv(d);
  });

  it('reduces a bernoulli to its surviving outcome', () => {
    const d = new TruncatedDistribution(new BernoulliDistribution(0.3, 10), 5);
    expect(d.mean()).toBe(10);
    expect(d.variance()).toBe(0);
    expect(d.inv(0.01)).toBe(10);
    expectFillMatchesInv(d);
  });

  it('keeps a fixed value inside the bounds', () => {
    const d = new TruncatedDistribution(new FixedDistribution(3), 0, 3);
    expect(d.mean()).toBe(3);
    expect(d.inv(0.7)).toBe(3);
  });
});

describe('TruncatedDistribution validation', () => {
  it('rejects bounds that leave no probability mass', () => {
    const normal = new NormalDistribution(0, 1);
    expectDistributionError(() => new TruncatedDistribution(normal, 1, 1), 'truncate', DISTRIBUTION_ERRORS.truncateNoMass);
    expectDistributionError(() => new TruncatedDistribution(new UniformDistribution(0, 1), 2, 3), 'truncate', DISTRIBUTION_ERRORS.truncateNoMass);
    expectDistributionError(() => new TruncatedDistribution(new DiscreteDistribution([1, 5], [1, 1]), 2, 4), 'truncate', DISTRIBUTION_ERRORS.truncateNoMass);
    expectDistributionError(() => new TruncatedDistribution(new FixedDistribution(3), 4), 'truncate', DISTRIBUTION_ERRORS.truncateNoMass);
    expectDistributionError(() => new TruncatedDistribution(normal, 40), 'truncate', DISTRIBUTION_ERRORS.truncateNoMass);
  });

  it('rejects reversed or invalid bounds, naming the bound', () => {
    const normal = new NormalDistribution(0, 1);
    expectDistributionError(() => new TruncatedDistribution(normal, 2, 1), 'truncate/max', DISTRIBUTION_ERRORS.truncateBoundsReversed);
    expectDistributionError(() => new TruncatedDistribution(normal, Number.NaN), 'truncate/min', DISTRIBUTION_ERRORS.notFinite);
    expectDistributionError(() => new TruncatedDistribution(normal, 0, Number.NaN), 'truncate/max', DISTRIBUTION_ERRORS.notFinite);
  });
});
