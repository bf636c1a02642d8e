export {
  DECISION_RULES_ERRORS,
  DEFAULT_DECISION_RULES,
  READINESS_LEVELS,
  decisionRulesSchema,
  resolveDecisionRules,
  type DecisionRules,
  type DecisionRulesInput,
  type ReadinessLevel,
} from './decision-rules.ts';
export { RECOMMENDATIONS, RECOMMENDATION_LABELS, type Recommendation } from './recommendation.ts';
export { gateStatus, meetsReadinessLevel, readinessStatus, type GateStatus, type ReadinessGateStatus } from './readiness-status.ts';
export {
  VALUE_MEASUREMENT_CHECK_IDS,
  VALUE_MEASUREMENT_CHECK_LABELS,
  VALUE_MEASUREMENT_DETAILS,
  valueMeasurementChecks,
  type CheckOutcome,
  type ValueMeasurementCheck,
  type ValueMeasurementCheckId,
  type ValueMeasurementSections,
} from './value-measurement-checks.ts';
export { DEFAULT_GATE_LOCALE, gateFormat, type GateFormat } from './gate-format.ts';
export { MEDIAN_INTERVAL_Z, medianInterval, type MedianInterval } from './median-interval.ts';
export { niceTrialCount, tooCloseToCall, type TooCloseCall, type TooCloseOptions } from './too-close.ts';
export { gateCriteria, type CriteriaInputs, type Criterion, type CriterionGroup } from './gate-criteria.ts';
export { redesignLevers, type GateTornado, type GateTornadoBar, type Lever, type RedesignLeverOptions } from './redesign-levers.ts';
export { measureNext, type MeasureNextEntry, type VoiRankingEntry } from './measure-next.ts';
export { hiddenCostFlags, noCostAnswers, type HiddenCostFlag, type NoCostAnswer, type NoCostReasons } from './hidden-costs.ts';
export { gateHeadline, type HeadlineContext } from './gate-headline.ts';
export { SCALING_PLAN_GATES, SCALING_PLAN_MISSING, scalingPlanChecks, type ScalingPlanCheck } from './scaling-plan-checks.ts';
export { GATE_ERRORS, evaluateGate, type GateInputs, type GateResult } from './evaluate-gate.ts';
