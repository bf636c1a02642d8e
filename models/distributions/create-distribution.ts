import { BernoulliDistribution } from './bernoulli.ts';
import { BetaDistribution } from './beta.ts';
import { DiscreteDistribution } from './discrete.ts';
import { DistributionError, type Distribution } from './distribution.ts';
import { DISTRIBUTION_ERRORS } from './distribution-errors.ts';
import { FixedDistribution } from './fixed.ts';
import { LognormalDistribution } from './lognormal.ts';
import { NormalDistribution } from './normal.ts';
import { PertDistribution } from './pert.ts';
import type { DistributionSpec } from './spec.ts';
import { TriangularDistribution } from './triangular.ts';
import { TruncatedDistribution } from './truncated.ts';
import { UniformDistribution } from './uniform.ts';

/**
 * Builds and validates the distribution a spec describes, wrapped in a
 * truncation when `spec.truncate` gives a bound. Throws `DistributionError`
 * naming the offending parameter (e.g. `max` when min >= max, `p95` when
 * p5 >= p95, `truncate` when the bounds leave no probability).
 *
 * @example
 * createDistribution({ type: 'pert', min: 10, mode: 20, max: 60 }).mean() // 25
 * createDistribution({ type: 'normal', p5: 80, p95: 120, truncate: { min: 0 } })
 */
export function createDistribution(spec: DistributionSpec): Distribution {
  const base = createUntruncated(spec);
  const truncate = spec.truncate;
  if (truncate === undefined || (truncate.min === undefined && truncate.max === undefined)) return base;
  return new TruncatedDistribution(base, truncate.min, truncate.max);
}

function createUntruncated(spec: DistributionSpec): Distribution {
  switch (spec.type) {
    case 'fixed':
      return new FixedDistribution(spec.value);
    case 'uniform':
      return new UniformDistribution(spec.min, spec.max);
    case 'normal':
      return 'p5' in spec ? NormalDistribution.fromPercentiles(spec.p5, spec.p95) : new NormalDistribution(spec.mean, spec.sd);
    case 'lognormal':
      return 'p5' in spec ? LognormalDistribution.fromPercentiles(spec.p5, spec.p95) : LognormalDistribution.fromMeanAndSd(spec.mean, spec.sd);
    case 'triangular':
      return new TriangularDistribution(spec.min, spec.mode, spec.max);
    case 'pert':
      return new PertDistribution(spec.min, spec.mode, spec.max, spec.lambda);
    case 'beta':
      return new BetaDistribution(spec.alpha, spec.beta, spec.min, spec.max);
    case 'bernoulli':
      return new BernoulliDistribution(spec.p, spec.value);
    case 'discrete':
      return new DiscreteDistribution(spec.values, spec.weights);
    default:
      throw new DistributionError('type', DISTRIBUTION_ERRORS.unknownType);
  }
}
