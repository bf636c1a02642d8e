import {
  DECISION_RULES_ERRORS,
  DEFAULT_DECISION_RULES,
  decisionRulesSchema,
  type DecisionRules,
  type DecisionRulesInput,
} from '../case/decision-rules-schema.ts';

export {
  DECISION_RULES_ERRORS,
  DEFAULT_DECISION_RULES,
  READINESS_LEVELS,
  decisionRulesSchema,
  type DecisionRules,
  type DecisionRulesInput,
  type ReadinessLevel,
} from '../case/decision-rules-schema.ts';

/**
 * Merges partial rules over the defaults, once. Later layers win, and a field left
 * `undefined` never hides the layer below, so a portfolio can pass
 * `resolveDecisionRules(case.decisionRules, portfolioRules)`. The merged rules are
 * validated; a stop threshold above the scale threshold is rejected because the two
 * bands would overlap.
 *
 * @example
 * resolveDecisionRules({ tooCloseZ: 3 }).scaleMinProbabilityPositive // 0.8
 * resolveDecisionRules({ tooCloseZ: 3 }, { tooCloseZ: undefined }).tooCloseZ // 3
 */
export function resolveDecisionRules(...layers: (Partial<DecisionRules> | DecisionRulesInput | undefined)[]): DecisionRules {
  const merged: Record<string, unknown> = { ...DEFAULT_DECISION_RULES };
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) if (value !== undefined) merged[key] = value;
  }
  // Parsing also copies the gate list, so the result never aliases a caller's array.
  const parsed = decisionRulesSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RangeError(`decision rules: ${issue.path.join('.') || '(root)'} ${issue.message}`);
  }
  const rules = parsed.data as DecisionRules;
  if (rules.stopBelowProbabilityPositive > rules.scaleMinProbabilityPositive) {
    throw new RangeError(`decision rules: ${DECISION_RULES_ERRORS.stopAboveScale}`);
  }
  return rules;
}
