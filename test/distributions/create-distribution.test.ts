import { describe, expect, it } from 'vitest';
import { BernoulliDistribution } from '../../models/distributions/bernoulli.ts';
import { BetaDistribution } from '../../models/distributions/beta.ts';
import { createDistribution } from '../../models/distributions/create-distribution.ts';
import { DiscreteDistribution } from '../../models/distributions/discrete.ts';
import { DISTRIBUTION_ERRORS } from '../../models/distributions/distribution-errors.ts';
import { FixedDistribution } from '../../models/distributions/fixed.ts';
import { LognormalDistribution } from '../../models/distributions/lognormal.ts';
import { NormalDistribution } from '../../models/distributions/normal.ts';
import { PertDistribution } from '../../models/distributions/pert.ts';
import { distributionSpecSchema, DISTRIBUTION_TYPES, type DistributionSpec } from '../../models/distributions/spec.ts';
import { TriangularDistribution } from '../../models/distributions/triangular.ts';
import { TruncatedDistribution } from '../../models/distributions/truncated.ts';
import { UniformDistribution } from '../../models/distributions/uniform.ts';
import { expectClose, expectDistributionError } from './distribution-checks.ts';

const Z95 = 1.6448536269514722;

/** One valid spec of every type, each parsed by the zod schema first. */
const EXAMPLES: Record<(typeof DISTRIBUTION_TYPES)[number], DistributionSpec> = {
  fixed: { type: 'fixed', value: 7 },
  uniform: { type: 'uniform', min: 1, max: 3 },
  normal: { type: 'normal', mean: 5, sd: 2 },
  lognormal: { type: 'lognormal', p5: 2, p95: 50 },
  triangular: { type: 'triangular', min: 0, mode: 2, max: 10 },
  pert: { type: 'pert', min: 10, mode: 20, max: 60 },
  beta: { type: 'beta', alpha: 2, beta: 5 },
  bernoulli: { type: 'bernoulli', p: 0.25 },
  discrete: { type: 'discrete', values: [1, 2], weights: [3, 1] },
};

describe('createDistribution', () => {
  it('builds every distribution type, with the matching class and type name', () => {
    const classes = {
      fixed: FixedDistribution,
      uniform: UniformDistribution,
      normal: NormalDistribution,
      lognormal: LognormalDistribution,
      triangular: TriangularDistribution,
      pert: PertDistribution,
      beta: BetaDistribution,
      bernoulli: BernoulliDistribution,
      discrete: DiscreteDistribution,
    };
    for (const type of DISTRIBUTION_TYPES) {
      const spec = distributionSpecSchema.parse(EXAMPLES[type]);
      const d = createDistribution(spec);
      expect(d).toBeInstanceOf(classes[type]);
      expect(d.type).toBe(type);
    }
  });

  it('reads normal from mean/sd or from p5/p95 (mean = midpoint, sd = width/(2·z95))', () => {
    const direct = createDistribution({ type: 'normal', mean: 5, sd: 2 });
    expect([direct.mean(), direct.variance()]).toEqual([5, 4]);
    const interval = createDistribution({ type: 'normal', p5: 80, p95: 120 });
    expect(interval.mean()).toBe(100);
    expectClose(Math.sqrt(interval.variance()), 40 / (2 * Z95), 1e-15);
  });

  it('reads lognormal from p5/p95 or from the mean/sd of the quantity', () => {
    const interval = createDistribution({ type: 'lognormal', p5: 2, p95: 50 });
    expectClose(interval.inv(0.5), 10, 1e-14);
    expectClose(interval.inv(0.95), 50, 1e-14);
    const moments = createDistribution({ type: 'lognormal', mean: 40, sd: 10 });
    expectClose(moments.mean(), 40, 1e-14);
    expectClose(moments.variance(), 100, 1e-13);
  });

  it('applies the defaults: PERT lambda 4, beta on [0, 1], bernoulli value 1', () => {
    expect(createDistribution({ type: 'pert', min: 10, mode: 20, max: 60 }).mean()).toBe((10 + 80 + 60) / 6);
    expect(createDistribution({ type: 'pert', min: 10, mode: 20, max: 60, lambda: 2 }).mean()).toBe((10 + 40 + 60) / 4);
    const beta = createDistribution({ type: 'beta', alpha: 2, beta: 5 });
    expect([beta.inv(0), beta.inv(1)]).toEqual([0, 1]);
    const scaled = createDistribution({ type: 'beta', alpha: 2, beta: 5, min: 100, max: 200 });
    expect([scaled.inv(0), scaled.inv(1)]).toEqual([100, 200]);
    expect(createDistribution({ type: 'bernoulli', p: 0.25 }).mean()).toBe(0.25);
    expect(createDistribution({ type: 'bernoulli', p: 0.25, value: -400 }).mean()).toBe(-100);
  });

  it('wraps in a truncation when a bound is given, and not otherwise', () => {
    const truncated = createDistribution({ type: 'normal', mean: 0, sd: 1, truncate: { min: 0 } });
    expect(truncated).toBeInstanceOf(TruncatedDistribution);
    expect(truncated.type).toBe('normal');
    expectClose(truncated.mean(), Math.sqrt(2 / Math.PI), 1e-15);
    expect(createDistribution({ type: 'normal', mean: 0, sd: 1, truncate: {} })).toBeInstanceOf(NormalDistribution);
    const capped = createDistribution({ type: 'pert', min: 0, mode: 3, max: 12, truncate: { max: 9 } });
    expect(capped.inv(1)).toBeCloseTo(9, 12);
  });

  describe('validation names the offending parameter', () => {
    it.each<[string, DistributionSpec, string, string]>([
      ['fixed value', { type: 'fixed', value: Number.NaN }, 'value', DISTRIBUTION_ERRORS.notFinite],
      ['uniform min >= max', { type: 'uniform', min: 2, max: 2 }, 'max', DISTRIBUTION_ERRORS.maxNotAboveMin],
      ['normal sd <= 0', { type: 'normal', mean: 0, sd: -1 }, 'sd', DISTRIBUTION_ERRORS.notPositive],
      ['normal mean', { type: 'normal', mean: Infinity, sd: 1 }, 'mean', DISTRIBUTION_ERRORS.notFinite],
      ['normal p5 >= p95', { type: 'normal', p5: 10, p95: 5 }, 'p95', DISTRIBUTION_ERRORS.p95NotAboveP5],
      ['lognormal p5 <= 0', { type: 'lognormal', p5: 0, p95: 5 }, 'p5', DISTRIBUTION_ERRORS.notPositive],
      ['lognormal p5 >= p95', { type: 'lognormal', p5: 5, p95: 5 }, 'p95', DISTRIBUTION_ERRORS.p95NotAboveP5],
      ['lognormal mean <= 0', { type: 'lognormal', mean: -1, sd: 5 }, 'mean', DISTRIBUTION_ERRORS.notPositive],
      ['lognormal mean/sd overflow', { type: 'lognormal', mean: 1e-300, sd: 1e300 }, 'sd', DISTRIBUTION_ERRORS.lognormalMeanSdOutOfRange],
      ['triangular mode > max', { type: 'triangular', min: 0, mode: 11, max: 10 }, 'mode', DISTRIBUTION_ERRORS.modeOutsideRange],
      ['triangular min >= max', { type: 'triangular', min: 3, mode: 3, max: 1 }, 'max', DISTRIBUTION_ERRORS.maxNotAboveMin],
      ['pert mode < min', { type: 'pert', min: 0, mode: -1, max: 10 }, 'mode', DISTRIBUTION_ERRORS.modeOutsideRange],
      ['pert lambda <= 0', { type: 'pert', min: 0, mode: 1, max: 10, lambda: 0 }, 'lambda', DISTRIBUTION_ERRORS.notPositive],
      ['beta alpha <= 0', { type: 'beta', alpha: 0, beta: 1 }, 'alpha', DISTRIBUTION_ERRORS.notPositive],
      ['beta min >= max', { type: 'beta', alpha: 1, beta: 1, min: 2 }, 'max', DISTRIBUTION_ERRORS.maxNotAboveMin],
      ['bernoulli p > 1', { type: 'bernoulli', p: 1.2 }, 'p', DISTRIBUTION_ERRORS.probabilityOutOfRange],
      ['discrete no values', { type: 'discrete', values: [], weights: [] }, 'values', DISTRIBUTION_ERRORS.valuesEmpty],
      ['discrete length mismatch', { type: 'discrete', values: [1, 2, 3], weights: [1, 1] }, 'weights', DISTRIBUTION_ERRORS.weightsLengthMismatch],
      ['discrete zero weights', { type: 'discrete', values: [1, 2], weights: [0, 0] }, 'weights', DISTRIBUTION_ERRORS.weightsAllZero],
      ['truncation with no mass', { type: 'uniform', min: 0, max: 1, truncate: { min: 2 } }, 'truncate', DISTRIBUTION_ERRORS.truncateNoMass],
      [
        'truncation bounds reversed',
        { type: 'normal', mean: 0, sd: 1, truncate: { min: 1, max: -1 } },
        'truncate/max',
        DISTRIBUTION_ERRORS.truncateBoundsReversed,
      ],
      [
        'discrete truncation between atoms',
        { type: 'discrete', values: [1, 5], weights: [1, 1], truncate: { min: 2, max: 4 } },
        'truncate',
        DISTRIBUTION_ERRORS.truncateNoMass,
      ],
    ])('%s', (_name, spec, field, message) => {
      expectDistributionError(() => createDistribution(spec), field, message);
    });

    it('rejects an unknown type', () => {
      const spec = { type: 'gamma', shape: 2 } as unknown as DistributionSpec;
      expectDistributionError(() => createDistribution(spec), 'type', DISTRIBUTION_ERRORS.unknownType);
    });
  });
});
