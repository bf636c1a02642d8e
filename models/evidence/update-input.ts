import type { Evidence, Representativeness } from '../case/evidence-schema.ts';
import { createDistribution } from '../distributions/create-distribution.ts';
import { DistributionError, type Distribution } from '../distributions/distribution.ts';
import type { LognormalDistribution } from '../distributions/lognormal.ts';
import { type NormalDistribution, STANDARD_NORMAL_P95 } from '../distributions/normal.ts';
import type { DistributionSpec } from '../distributions/spec.ts';
import * as dm from '../math/deterministic-math.ts';
import { betaBinomialUpdate, betaFromMoments, normalNormalUpdate } from './conjugate-updates.ts';
import { EVIDENCE_ERRORS, EvidenceError, evidencePath } from './evidence-error.ts';
import { REPRESENTATIVENESS_FACTORS, type RepresentativenessFactors } from './representativeness-factors.ts';
import { sampleStatistics, type Support } from './sample-statistics.ts';

/**
 * How an input is updated: `normal` (normal–normal on the mean), `lognormal` (the same on
 * the logarithm), `matchedNormal` (a bounded input: a normal prior with the range's mean
 * and sd, updated, truncated to the range) or `betaBinomial` (a share, from a count).
 */
export type UpdateMethod = 'normal' | 'lognormal' | 'matchedNormal' | 'betaBinomial';

/** One input updated by its evidence. */
export interface InputUpdate {
  input: string;
  method: UpdateMethod;
  representativeness: Representativeness;
  /** The effective-sample-size factor applied. */
  factor: number;
  /** Measurements (or trials) given, and what they count as: factor·n. */
  n: number;
  effectiveN: number;
  /** The input's stated distribution: the prior. */
  prior: DistributionSpec;
  /** The updated distribution: what the simulation samples. */
  posterior: DistributionSpec;
  /** Parameters of the conjugate prior and posterior (normal: mean, sd; lognormal: mu, sigma of ln x; beta: alpha, beta). */
  priorParameters: Record<string, number>;
  posteriorParameters: Record<string, number>;
}

/** What `updateInput` reads of an input. */
export interface InputWithEvidence {
  distribution: DistributionSpec;
  evidence?: Evidence;
}

/**
 * The input's distribution updated by its evidence (null without evidence). Throws
 * `EvidenceError` naming the field for bad evidence or an input type it cannot update.
 * Truncation bounds of the prior are kept: truncating the prior to a set truncates the
 * conjugate posterior to the same set, exactly.
 *
 * @example
 * updateInput('minutes', { distribution: { type: 'normal', mean: 1, sd: 0.5 },
 *   evidence: { summary: { n: 30, mean: 0.8, sd: 1 }, representativeness: 'production', takenOn: '2026-03-01', takenBy: 'WFM' } })?.posterior
 * // { type: 'normal', mean: 0.8211…, sd: 0.1622… }
 */
export function updateInput(name: string, input: InputWithEvidence, factors: RepresentativenessFactors = REPRESENTATIVENESS_FACTORS): InputUpdate | null {
  if (!input.evidence) return null;
  const update = conjugateUpdate(name, input, input.evidence, factors);
  try {
    createDistribution(update.posterior);
  } catch (error) {
    // A truncated posterior far outside its range has no mass left to sample.
    if (error instanceof DistributionError) throw new EvidenceError(evidencePath(name), EVIDENCE_ERRORS.noPosterior);
    throw error;
  }
  return update;
}

function conjugateUpdate(name: string, input: InputWithEvidence, evidence: Evidence, factors: RepresentativenessFactors): InputUpdate {
  for (const value of Object.values(factors)) if (!(value > 0 && value <= 1)) throw new RangeError(EVIDENCE_ERRORS.factor);
  const spec = input.distribution;
  const factor = factors[evidence.representativeness];
  const stated = createDistribution(spec);
  const support: Support = { min: stated.inv(0), max: stated.inv(1) };
  const keep = spec.truncate ? { truncate: spec.truncate } : {};
  const common = { input: name, representativeness: evidence.representativeness, factor, prior: spec };
  const refuse = (): never => {
    throw new EvidenceError(evidencePath(name), `${EVIDENCE_ERRORS.unsupported} ${spec.type}`);
  };
  switch (spec.type) {
    case 'normal': {
      if (evidence.proportion) throw new EvidenceError(evidencePath(name, 'proportion'), EVIDENCE_ERRORS.notProportionLike);
      const base = createDistribution({ ...spec, truncate: undefined }) as NormalDistribution;
      const prior = { mean: base.location, sd: base.sd };
      const sample = sampleStatistics(name, evidence, support);
      const post = normalNormalUpdate(prior, sample, factor);
      return {
        ...common,
        method: 'normal',
        n: sample.n,
        effectiveN: factor * sample.n,
        posterior: { type: 'normal', ...post, ...keep },
        priorParameters: { ...prior },
        posteriorParameters: { ...post },
      };
    }
    case 'lognormal': {
      if (evidence.proportion) throw new EvidenceError(evidencePath(name, 'proportion'), EVIDENCE_ERRORS.notProportionLike);
      const base = createDistribution({ ...spec, truncate: undefined }) as LognormalDistribution;
      const prior = { mean: base.mu, sd: base.sigma };
      const sample = sampleStatistics(name, evidence, { ...support, min: Math.max(0, support.min), minExclusive: support.min <= 0 }, true);
      const post = normalNormalUpdate(prior, sample, factor);
      const z = STANDARD_NORMAL_P95 * post.sd;
      const posterior: DistributionSpec = { type: 'lognormal', p5: dm.exp(post.mean - z), p95: dm.exp(post.mean + z), ...keep };
      const sampled = createDistribution({ ...posterior, truncate: undefined }) as LognormalDistribution;
      return {
        ...common,
        method: 'lognormal',
        n: sample.n,
        effectiveN: factor * sample.n,
        posterior,
        priorParameters: { mu: prior.mean, sigma: prior.sd },
        posteriorParameters: { mu: sampled.mu, sigma: sampled.sigma },
      };
    }
    case 'uniform':
    case 'triangular':
    case 'pert':
    case 'beta':
      return evidence.proportion ? betaUpdate(name, evidence, stated, support, common, keep) : matchedNormalUpdate(name, evidence, stated, support, common);
    default:
      return refuse();
  }
}

type Common = Pick<InputUpdate, 'input' | 'representativeness' | 'factor' | 'prior'>;

function matchedNormalUpdate(name: string, evidence: Evidence, stated: Distribution, support: Support, common: Common): InputUpdate {
  const prior = { mean: stated.mean(), sd: Math.sqrt(stated.variance()) };
  const sample = sampleStatistics(name, evidence, support);
  const post = normalNormalUpdate(prior, sample, common.factor);
  return {
    ...common,
    method: 'matchedNormal',
    n: sample.n,
    effectiveN: common.factor * sample.n,
    posterior: { type: 'normal', ...post, truncate: { min: support.min, max: support.max } },
    priorParameters: { ...prior },
    posteriorParameters: { ...post },
  };
}

function betaUpdate(name: string, evidence: Evidence, stated: Distribution, support: Support, common: Common, keep: object): InputUpdate {
  if (support.min < 0 || support.max > 1) throw new EvidenceError(evidencePath(name, 'proportion'), EVIDENCE_ERRORS.notProportionLike);
  const { successes, trials } = evidence.proportion!;
  const at = (key: string): string => evidencePath(name, 'proportion', key);
  for (const [key, value] of [
    ['successes', successes],
    ['trials', trials],
  ] as const) {
    if (!Number.isFinite(value)) throw new EvidenceError(at(key), EVIDENCE_ERRORS.notFinite);
    if (!Number.isInteger(value) || value < 0) throw new EvidenceError(at(key), EVIDENCE_ERRORS.countsNotWhole);
  }
  if (trials < 1) throw new EvidenceError(at('trials'), EVIDENCE_ERRORS.trialsNotPositive);
  if (successes > trials) throw new EvidenceError(at('successes'), EVIDENCE_ERRORS.successesAboveTrials);
  const prior = betaFromMoments(stated.mean(), stated.variance());
  const post = betaBinomialUpdate(prior, successes, trials, common.factor);
  return {
    ...common,
    method: 'betaBinomial',
    n: trials,
    effectiveN: common.factor * trials,
    posterior: { type: 'beta', ...post, ...keep },
    priorParameters: { ...prior },
    posteriorParameters: { ...post },
  };
}
