export { pitValue } from './pit-value.ts';
export { crpsSample } from './crps-sample.ts';
export { crpsNormal } from './crps-normal.ts';
export { intervalScore } from './interval-score.ts';
export { scoreActual, type ActualScore } from './score-actual.ts';
export { pitHistogram, type PitHistogram } from './pit-histogram.ts';
export { coverageShare, type CoverageShare } from './coverage-share.ts';
export { regateFlag, type BandedObservation, type RegateRule, type OutsideRun, type RegateFlag } from './regate-flag.ts';
export { defaultObservationError, observationErrorProblem, DEFAULT_RELATIVE_SD, type ObservationError } from './observation-error.ts';
export {
  conditionOnActuals,
  type ObservableSeries,
  type Actual,
  type ConditionOnActualsInput,
  type Conditioning,
} from './condition-on-actuals.ts';
export { effectiveSampleSize } from './effective-sample-size.ts';
export { weightedQuantiles, ascendingOrder } from './weighted-quantiles.ts';
export { weightedMean, type WeightedMean } from './weighted-mean.ts';
export { weightedShareAbove, type WeightedShare } from './weighted-share-above.ts';
export { isDurableChange, type DurableChangeInput, type DurableChange } from './is-durable-change.ts';
