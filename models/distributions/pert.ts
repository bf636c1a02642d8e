import { BetaDistribution } from './beta.ts';
import { DistributionError } from './distribution.ts';
import { DISTRIBUTION_ERRORS } from './distribution-errors.ts';
import { requireFinite, requirePositive, requireRange } from './validation.ts';

/**
 * The classic PERT weight of the mode: mean = (min + 4·mode + max) / 6.
 *
 * @example
 * new PertDistribution(0, 3, 12).lambda === DEFAULT_PERT_LAMBDA // true
 */
export const DEFAULT_PERT_LAMBDA = 4;

/**
 * PERT: a Beta scaled to [min, max] with
 * alpha = 1 + λ(mode − min)/(max − min) and beta = 1 + λ(max − mode)/(max − min),
 * so mean = (min + λ·mode + max)/(λ + 2).
 *
 * @example
 * const d = new PertDistribution(0, 3, 12);
 * d.mean() // 4
 * d.alpha // 2
 */
export class PertDistribution extends BetaDistribution {
  override readonly type = 'pert';

  constructor(
    min: number,
    readonly mode: number,
    max: number,
    readonly lambda = DEFAULT_PERT_LAMBDA,
  ) {
    requireFinite('mode', mode);
    requireRange(min, max);
    if (!(mode >= min && mode <= max)) throw new DistributionError('mode', DISTRIBUTION_ERRORS.modeOutsideRange);
    requirePositive('lambda', lambda);
    const range = max - min;
    super(1 + (lambda * (mode - min)) / range, 1 + (lambda * (max - mode)) / range, min, max);
  }
}
