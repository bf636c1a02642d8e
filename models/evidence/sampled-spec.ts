import type { DistributionSpec } from '../distributions/spec.ts';
import { REPRESENTATIVENESS_FACTORS, type RepresentativenessFactors } from './representativeness-factors.ts';
import { updateInput, type InputWithEvidence } from './update-input.ts';

/**
 * The distribution the simulation samples for an input: its stated distribution, or,
 * when it carries evidence, the distribution updated by that evidence. The compiler and
 * the point estimate both read it, so Node, workers and the browser get the same spec.
 *
 * @example
 * sampledSpec('x', { distribution: { type: 'normal', mean: 0, sd: 1 } }) // the stated spec, unchanged
 */
export function sampledSpec(name: string, input: InputWithEvidence, factors: RepresentativenessFactors = REPRESENTATIVENESS_FACTORS): DistributionSpec {
  return updateInput(name, input, factors)?.posterior ?? input.distribution;
}
