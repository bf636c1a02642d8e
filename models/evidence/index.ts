export { betaBinomialUpdate, betaFromMoments, normalNormalUpdate, type BetaParameters, type NormalBelief } from './conjugate-updates.ts';
export { EVIDENCE_ERRORS, EvidenceError, evidencePath } from './evidence-error.ts';
export {
  FACTOR_ERRORS,
  FactorError,
  factorsText,
  parseFactorsText,
  REPRESENTATIVENESS_FACTORS,
  representativenessFactorsSchema,
  resolveFactors,
  type RepresentativenessFactors,
  type RepresentativenessFactorsInput,
} from './representativeness-factors.ts';
export { sampleStatistics, type SampleStatistics, type Support } from './sample-statistics.ts';
export { sampledSpec } from './sampled-spec.ts';
export { updateInput, type InputUpdate, type InputWithEvidence, type UpdateMethod } from './update-input.ts';
export { evidenceComparison, type DistributionView, type EvidenceComparisonRow } from './evidence-comparison.ts';
export { withoutEvidence } from './without-evidence.ts';
