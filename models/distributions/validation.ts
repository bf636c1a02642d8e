import { DistributionError } from './distribution.ts';
import { DISTRIBUTION_ERRORS } from './distribution-errors.ts';

/**
 * Throws `DistributionError(field, notFinite)` unless `value` is a finite number.
 *
 * @example
 * requireFinite('mean', 3) // ok
 * requireFinite('mean', NaN) // throws
 */
export function requireFinite(field: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DistributionError(field, DISTRIBUTION_ERRORS.notFinite);
  }
}

/**
 * Throws `DistributionError(field, notPositive)` unless `value` is finite and > 0.
 *
 * @example
 * requirePositive('sd', 0) // throws
 */
export function requirePositive(field: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value > 0)) {
    throw new DistributionError(field, DISTRIBUTION_ERRORS.notPositive);
  }
}

/**
 * Validates a finite range with min < max, blaming `max` when it is not above `min`.
 *
 * @example
 * requireRange(0, 1) // ok
 * requireRange(1, 1) // throws DistributionError('max', …)
 */
export function requireRange(min: number, max: number): void {
  requireFinite('min', min);
  requireFinite('max', max);
  if (!(max > min)) throw new DistributionError('max', DISTRIBUTION_ERRORS.maxNotAboveMin);
}
