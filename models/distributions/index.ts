export { BernoulliDistribution } from './bernoulli.ts';
export { BetaDistribution } from './beta.ts';
export { BETA_TABLE_INTERVALS, BETA_TABLE_MAX_ERROR, BetaQuantileTable } from './beta-quantile-table.ts';
export { createDistribution } from './create-distribution.ts';
export { DiscreteDistribution } from './discrete.ts';
export { DistributionError, type Distribution } from './distribution.ts';
export { DISTRIBUTION_ERRORS } from './distribution-errors.ts';
export { hasFiniteSupport, type FiniteSupport } from './finite-support.ts';
export { FixedDistribution } from './fixed.ts';
export { LognormalDistribution } from './lognormal.ts';
export { NormalDistribution, STANDARD_NORMAL_P95 } from './normal.ts';
export { DEFAULT_PERT_LAMBDA, PertDistribution } from './pert.ts';
export { quantileMoments } from './quantile-moments.ts';
export * from './spec.ts';
export { TriangularDistribution } from './triangular.ts';
export { TruncatedDistribution } from './truncated.ts';
export {
  hasClosedFormTruncatedMoments,
  type ClosedFormTruncatedMoments,
  type Moments,
} from './truncated-moments.ts';
export { UniformDistribution } from './uniform.ts';
export { requireFinite, requirePositive, requireRange } from './validation.ts';
