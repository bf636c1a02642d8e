/**
 * The messages `DistributionError` carries. They are constants so callers and
 * tests can match them; the offending parameter is in `DistributionError.field`,
 * a spec key such as `max` or, for nested keys, a JSON-pointer-style path such as
 * `truncate/max` (so callers can append it to the spec's own pointer).
 *
 * @example
 * new DistributionError('max', DISTRIBUTION_ERRORS.maxNotAboveMin)
 */
export const DISTRIBUTION_ERRORS = {
  notFinite: 'must be a finite number',
  notPositive: 'must be a finite number greater than 0',
  maxNotAboveMin: 'max must be greater than min',
  modeOutsideRange: 'mode must lie within [min, max]',
  p95NotAboveP5: 'p95 must be greater than p5',
  probabilityOutOfRange: 'p must be a probability between 0 and 1',
  valuesEmpty: 'values must contain at least one value',
  weightsLengthMismatch: 'weights must have exactly one entry per value',
  weightNegative: 'weights must be finite and non-negative',
  weightsAllZero: 'weights must not all be zero',
  lognormalMeanSdOutOfRange: 'sd relative to mean is too extreme to express as a lognormal',
  truncateBoundsReversed: 'truncate.max must not be below truncate.min',
  truncateNoMass: 'truncation leaves no probability mass',
  unknownType: 'unknown distribution type',
} as const;
