import { describe, expect, it } from 'vitest';
import { createDistribution } from '../../models/distributions/create-distribution.ts';
import type { Distribution } from '../../models/distributions/distribution.ts';
import type { DistributionSpec } from '../../models/distributions/spec.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';

/*
 * Statistical checks on large samples from fillFromUniforms, fed by a small
 * seeded PRNG defined here so the tests do not depend on the project's RNG.
 * Seeds are fixed, so every run sees the same draws: a pass is reproducible.
 */

const SAMPLE_SIZE = 200_000;
/** 1% critical value of the Kolmogorov–Smirnov statistic for large n. */
const KS_CRITICAL = 1.63 / Math.sqrt(SAMPLE_SIZE);
const STANDARD_ERRORS = 4;

function draw(distribution: Distribution, seed: number): Float64Array {
  const next = mulberry32(seed);
  const u = new Float64Array(SAMPLE_SIZE);
  for (let i = 0; i < SAMPLE_SIZE; i++) u[i] = next();
  const out = new Float64Array(SAMPLE_SIZE);
  distribution.fillFromUniforms(u, out, SAMPLE_SIZE);
  return out;
}

/** D = sup |F_n(x) − F(x)| over the sorted sample. */
function kolmogorovSmirnov(sample: Float64Array, cdf: (x: number) => number): number {
  const sorted = sample.slice().sort();
  const n = sorted.length;
  let statistic = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    statistic = Math.max(statistic, f - i / n, (i + 1) / n - f);
  }
  return statistic;
}

function sampleMean(sample: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < sample.length; i++) sum += sample[i];
  return sum / sample.length;
}

function expectMeanWithinStandardErrors(sample: Float64Array, distribution: Distribution): void {
  const standardError = Math.sqrt(distribution.variance() / sample.length);
  expect(Math.abs(sampleMean(sample) - distribution.mean())).toBeLessThanOrEqual(STANDARD_ERRORS * standardError);
}

const CONTINUOUS: [string, DistributionSpec][] = [
  ['uniform', { type: 'uniform', min: -3, max: 7 }],
  ['normal', { type: 'normal', mean: 100, sd: 15 }],
  ['normal from p5/p95', { type: 'normal', p5: -20, p95: 60 }],
  ['lognormal from p5/p95', { type: 'lognormal', p5: 10, p95: 1000 }],
  ['lognormal from mean/sd', { type: 'lognormal', mean: 50, sd: 20 }],
  ['triangular', { type: 'triangular', min: 0, mode: 2, max: 10 }],
  ['pert', { type: 'pert', min: 10, mode: 20, max: 60 }],
  ['pert lambda 10, mode at max', { type: 'pert', min: 0, mode: 1, max: 1, lambda: 10 }],
  ['beta(2, 5)', { type: 'beta', alpha: 2, beta: 5 }],
  ['beta(0.5, 0.5) on [-1, 1]', { type: 'beta', alpha: 0.5, beta: 0.5, min: -1, max: 1 }],
  ['truncated normal', { type: 'normal', mean: 10, sd: 2, truncate: { min: 9, max: 14 } }],
  ['half-normal', { type: 'normal', mean: 0, sd: 1, truncate: { min: 0 } }],
  ['truncated lognormal', { type: 'lognormal', p5: 10, p95: 1000, truncate: { max: 500 } }],
  ['truncated pert', { type: 'pert', min: 0, mode: 3, max: 12, truncate: { min: 2, max: 9 } }],
  ['truncated triangular', { type: 'triangular', min: 0, mode: 2, max: 10, truncate: { min: 1, max: 6 } }],
  ['truncated beta', { type: 'beta', alpha: 2, beta: 5, truncate: { max: 0.4 } }],
  ['truncated uniform', { type: 'uniform', min: 0, max: 10, truncate: { min: 4 } }],
];

const POINT_MASSES: [string, DistributionSpec][] = [
  ['fixed', { type: 'fixed', value: 3 }],
  ['bernoulli', { type: 'bernoulli', p: 0.2, value: 50_000 }],
  ['bernoulli with a negative value', { type: 'bernoulli', p: 0.3, value: -100 }],
  ['discrete', { type: 'discrete', values: [30, 10, 20, 40], weights: [1, 2, 3, 4] }],
  ['truncated discrete', { type: 'discrete', values: [10, 20, 30, 40], weights: [1, 2, 3, 4], truncate: { min: 15, max: 30 } }],
  ['truncated bernoulli', { type: 'bernoulli', p: 0.3, value: 10, truncate: { min: 5 } }],
];

describe('sampling from fillFromUniforms', () => {
  it.each(CONTINUOUS)('%s: KS statistic below the 1%% critical value, mean within 4 SE', (_name, spec) => {
    const distribution = createDistribution(spec);
    const sample = draw(distribution, 0x5eed + spec.type.length);
    expect(kolmogorovSmirnov(sample, (x) => distribution.cdf(x))).toBeLessThan(KS_CRITICAL);
    expectMeanWithinStandardErrors(sample, distribution);
  });

  it.each(POINT_MASSES)('%s: frequencies within 4 SE of the probabilities, mean within 4 SE', (_name, spec) => {
    const distribution = createDistribution(spec);
    const sample = draw(distribution, 0xd15c + spec.type.length);
    const counts = new Map<number, number>();
    for (const value of sample) counts.set(value, (counts.get(value) ?? 0) + 1);
    let total = 0;
    for (const [value, count] of counts) {
      const probability = distribution.pdf(value);
      expect(probability).toBeGreaterThan(0); // nothing outside the support
      const standardError = Math.sqrt((probability * (1 - probability)) / SAMPLE_SIZE);
      expect(Math.abs(count / SAMPLE_SIZE - probability)).toBeLessThanOrEqual(STANDARD_ERRORS * standardError);
      total += probability;
    }
    expect(total).toBeCloseTo(1, 12); // every support value was drawn
    if (distribution.variance() === 0) expect(sampleMean(sample)).toBe(distribution.mean());
    else expectMeanWithinStandardErrors(sample, distribution);
  });

  it('has the power to reject a wrong distribution (control for the KS check)', () => {
    const sample = draw(createDistribution({ type: 'normal', mean: 100, sd: 15 }), 0x5eed);
    const shifted = createDistribution({ type: 'normal', mean: 100.3, sd: 15 });
    expect(kolmogorovSmirnov(sample, (x) => shifted.cdf(x))).toBeGreaterThan(KS_CRITICAL);
  });

  it('sample(rng) is inv(rng())', () => {
    for (const [, spec] of [...CONTINUOUS, ...POINT_MASSES]) {
      const distribution = createDistribution(spec);
      const first = mulberry32(7);
      const second = mulberry32(7);
      for (let i = 0; i < 20; i++) expect(distribution.sample(first)).toBe(distribution.inv(second()));
    }
  });
});
