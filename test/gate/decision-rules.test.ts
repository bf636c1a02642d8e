import { describe, expect, it } from 'vitest';
import { validateCase } from '../../models/compile/validate-case.ts';
import { READINESS_GATES } from '../../models/case/readiness.ts';
import { DECISION_RULES_ERRORS, DEFAULT_DECISION_RULES, decisionRulesSchema, resolveDecisionRules } from '../../models/gate/decision-rules.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

describe('decision rules', () => {
  it('documents the defaults', () => {
    expect(DEFAULT_DECISION_RULES).toEqual({
      scaleMinProbabilityPositive: 0.8,
      scaleMaxMedianDiscountedPaybackMonths: 24,
      requiredGates: [...READINESS_GATES],
      requiredGateLevel: 'met',
      stopBelowProbabilityPositive: 0.3,
      stopMaxEvpiShareOfStake: 0.02,
      tooCloseZ: 2,
      driftDays: 90,
    });
  });

  it('resolves to the defaults with nothing given', () => {
    expect(resolveDecisionRules()).toEqual(DEFAULT_DECISION_RULES);
    expect(resolveDecisionRules(undefined, {})).toEqual(DEFAULT_DECISION_RULES);
  });

  it('merges layers in order, later ones winning, undefined never hiding a value', () => {
    const rules = resolveDecisionRules(
      { scaleMinProbabilityPositive: 0.9, tooCloseZ: 3 },
      { scaleMinProbabilityPositive: 0.85, tooCloseZ: undefined, requiredGates: ['businessOwnership'] },
    );
    expect(rules.scaleMinProbabilityPositive).toBe(0.85);
    expect(rules.tooCloseZ).toBe(3);
    expect(rules.requiredGates).toEqual(['businessOwnership']);
    expect(rules.stopBelowProbabilityPositive).toBe(0.3);
  });

  it('does not alias the caller’s gate list', () => {
    const gates: ('businessOwnership' | 'productionData')[] = ['businessOwnership'];
    const rules = resolveDecisionRules({ requiredGates: gates });
    gates.push('productionData');
    expect(rules.requiredGates).toEqual(['businessOwnership']);
  });

  it('rejects a probability outside [0, 1], a stop threshold above the scale threshold and unknown fields', () => {
    expect(() => resolveDecisionRules({ scaleMinProbabilityPositive: 1.5 })).toThrow(DECISION_RULES_ERRORS.probability);
    expect(() => resolveDecisionRules({ stopBelowProbabilityPositive: 0.9 })).toThrow(DECISION_RULES_ERRORS.stopAboveScale);
    expect(() => resolveDecisionRules({ tooCloseZee: 1 } as never)).toThrow(/decision rules/);
    expect(() => resolveDecisionRules({ driftDays: 1.5 })).toThrow(DECISION_RULES_ERRORS.wholeDays);
    expect(() => resolveDecisionRules({ tooCloseZ: 0 })).toThrow(DECISION_RULES_ERRORS.positive);
  });

  it('accepts every field optional and rejects a gate listed twice', () => {
    expect(decisionRulesSchema.parse({})).toEqual({});
    expect(decisionRulesSchema.safeParse({ requiredGates: ['productionData', 'productionData'] }).success).toBe(false);
    expect(decisionRulesSchema.safeParse({ requiredGateLevel: 'partly' }).success).toBe(true);
    expect(decisionRulesSchema.safeParse({ requiredGateLevel: 'notMet' }).success).toBe(false);
  });
});

describe('decisionRules in a case', () => {
  it('validates a case that carries decision rules', () => {
    const result = validateCase(
      minimalCase({ decisionRules: { scaleMinProbabilityPositive: 0.9, requiredGates: ['businessOwnership', 'governanceRisk'], requiredGateLevel: 'partly' } }),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.case.decisionRules?.requiredGateLevel).toBe('partly');
  });

  it('names the JSON path of a bad rule, with a typo hint for an unknown one', () => {
    const result = validateCase(minimalCase({ decisionRules: { tooCloseZed: 3, stopMaxEvpiShareOfStake: -1 } as never }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({ path: '/decisionRules/tooCloseZed', message: 'unknown field', hint: 'tooCloseZ' });
    expect(result.issues.some((issue) => issue.path === '/decisionRules/stopMaxEvpiShareOfStake')).toBe(true);
  });

  it('rejects an unknown readiness gate in requiredGates', () => {
    const result = validateCase(minimalCase({ decisionRules: { requiredGates: ['productionDta'] } as never }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].path).toBe('/decisionRules/requiredGates/0');
  });
});
