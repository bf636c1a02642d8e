export { statedRange, type StatedRange } from './stated-range.ts';
export { rangeScore, type RangeScore } from './range-score.ts';
export { wilsonInterval, Z_95 } from './wilson-interval.ts';
export { wideningFactor, CALIBRATION_TARGET } from './widening-factor.ts';
export { resolveValue, EVIDENCE_RESOLUTION_SHARE, type Resolution } from './resolve-value.ts';
export { inputSeries } from './input-series.ts';
export { resolvedRanges, type ResolvedRange } from './resolved-ranges.ts';
export { estimatorCalibration, type EstimatorCalibration } from './estimator-calibration.ts';
export { widenSpec, WIDEN_ERRORS } from './widen-spec.ts';
