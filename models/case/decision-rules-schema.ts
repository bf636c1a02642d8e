// The decision rules as a case writes them: part of the case schema, so they live in case/;
// the gate (models/gate/) resolves and applies them.
import { z } from 'zod';
import { READINESS_GATES, type ReadinessGate } from './readiness.ts';

/**
 * The least a readiness gate must reach to count towards scaling.
 *
 * @example
 * READINESS_LEVELS.includes('partly') // true
 */
export const READINESS_LEVELS = ['met', 'partly'] as const;
export type ReadinessLevel = (typeof READINESS_LEVELS)[number];

/** The thresholds the gate decides with. Every field is required once resolved. */
export interface DecisionRules {
  /** Scale only if P(NPV > 0) is at least this. */
  scaleMinProbabilityPositive: number;
  /** Scale only if the median discounted payback is at most this many months. */
  scaleMaxMedianDiscountedPaybackMonths: number;
  /** Readiness gates that must reach `requiredGateLevel` before scaling. */
  requiredGates: readonly ReadinessGate[];
  /** 'met': every item of a required gate met; 'partly': at least one item met or partly met. */
  requiredGateLevel: ReadinessLevel;
  /** Stop only if P(NPV > 0) is below this … */
  stopBelowProbabilityPositive: number;
  /** … and EVPI ≤ this share of the expected PV of costs: no measurement could plausibly change the decision. */
  stopMaxEvpiShareOfStake: number;
  /** A figure within this many Monte Carlo standard errors of its threshold is too close to call. */
  tooCloseZ: number;
  /** Days after which a portfolio treats a case's evaluation as stale. */
  driftDays: number;
}

/**
 * Messages of the rule checks, as constants.
 *
 * @example
 * expect(() => resolveDecisionRules({ stopBelowProbabilityPositive: 0.9 })).toThrow(DECISION_RULES_ERRORS.stopAboveScale);
 */
export const DECISION_RULES_ERRORS = {
  probability: 'must be a probability between 0 and 1',
  positive: 'must be a number greater than 0',
  nonNegative: 'must be a number of 0 or more',
  wholeDays: 'must be a whole number of days, 1 or more',
  duplicateGate: 'lists a readiness gate twice',
  stopAboveScale: 'stopBelowProbabilityPositive must not exceed scaleMinProbabilityPositive',
} as const;

/**
 * The documented defaults: scale at P(NPV > 0) ≥ 80 % with a median discounted payback
 * within 24 months and all six readiness gates met; stop below 30 % when perfect
 * information would be worth at most 2 % of the expected PV of costs; "too close to
 * call" within 2 standard errors; a portfolio entry drifts after 90 days.
 *
 * @example
 * DEFAULT_DECISION_RULES.scaleMinProbabilityPositive // 0.8
 */
export const DEFAULT_DECISION_RULES = {
  scaleMinProbabilityPositive: 0.8,
  scaleMaxMedianDiscountedPaybackMonths: 24,
  requiredGates: READINESS_GATES,
  requiredGateLevel: 'met',
  stopBelowProbabilityPositive: 0.3,
  stopMaxEvpiShareOfStake: 0.02,
  tooCloseZ: 2,
  driftDays: 90,
} as const satisfies DecisionRules;

const probability = z.number().min(0, DECISION_RULES_ERRORS.probability).max(1, DECISION_RULES_ERRORS.probability);
const positive = z.number().positive(DECISION_RULES_ERRORS.positive).finite(DECISION_RULES_ERRORS.positive);

/**
 * Decision rules as written in a case (or a portfolio): a strict object whose every
 * field is optional; missing fields fall back to `DEFAULT_DECISION_RULES`.
 *
 * @example
 * decisionRulesSchema.parse({ scaleMinProbabilityPositive: 0.9, requiredGates: ['businessOwnership'] });
 */
export const decisionRulesSchema = z.strictObject({
  scaleMinProbabilityPositive: probability.optional(),
  scaleMaxMedianDiscountedPaybackMonths: positive.optional(),
  requiredGates: z
    .array(z.enum(READINESS_GATES))
    .refine((gates) => new Set(gates).size === gates.length, DECISION_RULES_ERRORS.duplicateGate)
    .optional(),
  requiredGateLevel: z.enum(READINESS_LEVELS).optional(),
  stopBelowProbabilityPositive: probability.optional(),
  stopMaxEvpiShareOfStake: z.number().min(0, DECISION_RULES_ERRORS.nonNegative).finite(DECISION_RULES_ERRORS.nonNegative).optional(),
  tooCloseZ: positive.optional(),
  driftDays: z.number().int(DECISION_RULES_ERRORS.wholeDays).min(1, DECISION_RULES_ERRORS.wholeDays).optional(),
});

/** Decision rules as written (every field optional). */
export type DecisionRulesInput = z.input<typeof decisionRulesSchema>;
