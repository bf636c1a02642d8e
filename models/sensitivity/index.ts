export { rankCorrelation } from './rank-correlation.ts';
export { standardizedRegression, type StandardizedRegression } from './standardized-regression.ts';
export { contributionToVariance } from './contribution-to-variance.ts';
export {
  reliabilityWarnings,
  type ReliabilityWarning,
  type ReliabilityWarningCode,
  type ReliabilityWarningOptions,
} from './reliability-warnings.ts';
export { sobolIndices, type SobolIndex, type SobolInput, type SobolOptions, type SobolResult } from './sobol.ts';
export { sortTornadoBars, tornado, tornadoBars, type Tornado, type TornadoBar, type TornadoOptions } from './tornado.ts';
export { spider, type Spider, type SpiderOptions, type SpiderSeries } from './spider.ts';
export { findBreakEven, type BreakEvenValue, type FindBreakEvenOptions } from './find-break-even.ts';
export { breakEven, type BreakEven, type BreakEvenOptions } from './break-even.ts';
