import { describe, expect, it } from 'vitest';
import { caseSchema } from '../../models/case/case-schema.ts';
import { classifyEuAiAct } from '../../models/case/eu-ai-act.ts';
import { resolveGovernance } from '../../models/governance/case-governance.ts';
import { DEFAULT_RISK_TIERS, classifyRiskTier, type RiskTier } from '../../models/governance/risk-tiers.ts';
import { evaluateGate } from '../../models/gate/evaluate-gate.ts';
import { gateInputs, readyCaseInput } from '../gate/gate-fixtures.ts';
import { FULL_ACCOUNTABILITY, LOW_INTAKE, allMetChecklist } from './governance-fixtures.ts';

describe('EU AI Act category from the intake', () => {
  it('gives prohibited (Art. 5), highRisk (Art. 6 with the Annex III area), transparency (Art. 50) and minimal, with the answers behind them', () => {
    expect(classifyEuAiAct({ ...LOW_INTAKE, prohibitedPractice: 'socialScoring', euAiActArea: 'employment' })).toEqual({
      value: 'prohibited',
      article: 'Art. 5(1)(c) (social scoring)',
      because: ['prohibitedPractice: socialScoring'],
    });
    expect(classifyEuAiAct({ ...LOW_INTAKE, euAiActArea: 'employment' })).toMatchObject({
      value: 'highRisk',
      article: 'Art. 6(2), Annex III point 4 (employment and worker management)',
    });
    expect(classifyEuAiAct({ ...LOW_INTAKE, generatesContent: true, affected: ['customers'] })).toMatchObject({
      value: 'transparency',
      because: ['generatesContent: yes', 'affected: customers'],
    });
    // Generated content that stays with employees triggers no Art. 50 duty here.
    expect(classifyEuAiAct({ ...LOW_INTAKE, generatesContent: true }).value).toBe('minimal');
    expect(classifyEuAiAct({ ...LOW_INTAKE, interactsWithPeople: true }).value).toBe('transparency');
  });

  it('refuses a category that differs from the intake without a reason, and accepts it with one', () => {
    const governance = { intake: LOW_INTAKE, euAiActCategory: { value: 'highRisk' as const } };
    const refused = caseSchema.safeParse(readyCaseInput({ governance }));
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0].path).toEqual(['governance', 'euAiActCategory', 'overrideReason']);
    expect(refused.error!.issues[0].message).toContain('the intake answers give "minimal"');
    const accepted = caseSchema.safeParse(
      readyCaseInput({ governance: { ...governance, euAiActCategory: { value: 'highRisk', overrideReason: 'Legal treats it as Annex III 4' } } }),
    );
    expect(accepted.success).toBe(true);
  });
});

describe('risk tiers', () => {
  it('derives low, medium and high from the default rules, naming the deciding answers', () => {
    expect(classifyRiskTier(LOW_INTAKE, 'minimal', DEFAULT_RISK_TIERS)).toEqual({ value: 'low', because: ['no condition of a higher tier matches'] });
    expect(classifyRiskTier({ ...LOW_INTAKE, decisions: ['financial'] }, 'minimal', DEFAULT_RISK_TIERS)).toEqual({
      value: 'medium',
      because: ['decisions: financial'],
    });
    expect(classifyRiskTier(LOW_INTAKE, 'highRisk', DEFAULT_RISK_TIERS)).toEqual({ value: 'high', because: ['euAiActCategory: highRisk'] });
    expect(classifyRiskTier({ ...LOW_INTAKE, autonomy: 'acts', affected: ['customers'] }, 'minimal', DEFAULT_RISK_TIERS).value).toBe('high');
    expect(classifyRiskTier(undefined, 'minimal', DEFAULT_RISK_TIERS).value).toBe('low');
  });

  it('uses a tier override only with a reason; without one the intake’s tier applies and the issue is named', () => {
    const unreasoned = resolveGovernance({ governance: { intake: LOW_INTAKE, riskTier: { value: 'high' } } });
    expect(unreasoned.riskTier).toMatchObject({ value: 'low', derived: 'low', overridden: false });
    expect(unreasoned.issues[0].path).toBe('/governance/riskTier/overrideReason');
    const reasoned = resolveGovernance({ governance: { intake: LOW_INTAKE, riskTier: { value: 'high', overrideReason: 'Board asked for formal approval' } } });
    expect(reasoned.riskTier).toMatchObject({ value: 'high', derived: 'low', overridden: true, overrideReason: 'Board asked for formal approval' });
    expect(resolveGovernance({ governance: { intake: LOW_INTAKE, riskTier: { value: 'extreme', overrideReason: 'x' } } }).issues[0].path).toBe(
      '/governance/riskTier/value',
    );
  });

  it('gives the same case different required gates and approvals per tier', () => {
    // The case itself requires one gate; the low tier keeps that, the high tier adds all six.
    const base = { decisionRules: { requiredGates: ['businessOwnership' as const] } };
    const lowCase = readyCaseInput({ ...base, governance: { intake: LOW_INTAKE, accountability: FULL_ACCOUNTABILITY } });
    const highCase = readyCaseInput({
      ...base,
      governance: { intake: LOW_INTAKE, riskTier: { value: 'high', overrideReason: 'handles complaints' }, accountability: FULL_ACCOUNTABILITY },
    });
    const low = evaluateGate(gateInputs({ caseInput: lowCase }));
    const high = evaluateGate(gateInputs({ caseInput: highCase }));
    expect(low.rulesUsed.requiredGates).toEqual(['businessOwnership']);
    expect(low.governance).toMatchObject({ riskTier: 'low', requiredApprovals: [], mandatoryItems: [], reviewEveryMonths: 3 });
    expect(low.recommendation).toBe('scale');
    expect(high.rulesUsed.requiredGates).toHaveLength(6);
    expect(high.governance).toMatchObject({ riskTier: 'high', requiredApprovals: ['businessOwner', 'riskOwner', 'approver'], reviewEveryMonths: 1 });
    // No checklist: the six mandatory items of the high tier are missing, so it cannot scale.
    expect(high.criteria.filter((c) => c.id.startsWith('mandatory.') && !c.met)).toHaveLength(6);
    expect(high.recommendation).toBe('redesign');
    expect(high.headline).toContain('6 mandatory items not met');
  });

  it('leaves a case without a governance section exactly as before: low tier, no extra criteria', () => {
    const result = evaluateGate(gateInputs());
    expect(result.governance).toEqual({
      euAiActCategory: 'minimal',
      euAiActArticle: 'no intake answers yet',
      riskTier: 'low',
      riskTierLabel: 'Low',
      requiredApprovals: [],
      mandatoryItems: [],
      reviewEveryMonths: 3,
      issues: [],
    });
    expect(result.criteria).toHaveLength(12);
    expect(result.recommendation).toBe('scale');
  });
});

describe('EU AI Act in the gate', () => {
  it('never recommends scaling a prohibited case and says why, whatever its economics', () => {
    const input = readyCaseInput({
      governance: {
        intake: { ...LOW_INTAKE, prohibitedPractice: 'emotionRecognitionAtWorkOrSchool' },
        accountability: FULL_ACCOUNTABILITY,
        checklist: allMetChecklist(),
      },
    });
    const result = evaluateGate(gateInputs({ caseInput: input }));
    expect(result.recommendation).toBe('redesign');
    expect(result.criteria.find((c) => c.id === 'euAiActNotProhibited')).toMatchObject({ met: false, group: 'scale' });
    expect(result.headline).toContain('a prohibited practice under Art. 5(1)(f) (emotion recognition at work or in education) can never be scaled');
    // Stopped on its economics, the headline still says why it could never scale.
    const stopped = evaluateGate(gateInputs({ caseInput: input, p: 0.1, meanNpv: -40_000 }));
    expect(stopped.recommendation).toBe('stop');
    expect(stopped.headline).toMatch(/; besides, a prohibited practice under Art\. 5\(1\)\(f\) .* can never be scaled\.$/);
  });

  it('holds a transparency case until the disclosure item is met', () => {
    // One permissive tier, so only the disclosure decides.
    const tiers: RiskTier[] = [{ ...DEFAULT_RISK_TIERS[0] }];
    const intake = { ...LOW_INTAKE, generatesContent: true, affected: ['customers' as const] };
    const checklist = allMetChecklist();
    const withoutDisclosure = {
      ...checklist,
      items: checklist.items.map((item) =>
        item.disclosure
          ? { id: item.id, gate: item.gate, item: item.item, function: item.function, disclosure: true, source: item.source, status: 'notMet' as const }
          : item,
      ),
    };
    const held = evaluateGate({
      ...gateInputs({ caseInput: readyCaseInput({ governance: { intake, accountability: FULL_ACCOUNTABILITY, checklist: withoutDisclosure } }) }),
      tiers,
    });
    expect(held.governance.euAiActCategory).toBe('transparency');
    expect(held.recommendation).toBe('redesign');
    expect(held.criteria.find((c) => c.id === 'transparencyDisclosure')).toMatchObject({
      met: false,
      note: 'the disclosure item (gr-ai-disclosure) is not met',
    });
    expect(held.headline).toContain('the AI-use disclosure (EU AI Act Art. 50) is not met');
    const disclosed = evaluateGate({
      ...gateInputs({ caseInput: readyCaseInput({ governance: { intake, accountability: FULL_ACCOUNTABILITY, checklist } }) }),
      tiers,
    });
    expect(disclosed.recommendation).toBe('scale');
  });

  it('counts the accountability model in the business-ownership gate', () => {
    const result = evaluateGate(gateInputs({ caseInput: readyCaseInput({ governance: { intake: LOW_INTAKE, accountability: { riskOwner: 'Rita Risk' } } }) }));
    const gate = result.readiness.find((row) => row.gate === 'businessOwnership')!;
    expect(gate.items.at(-1)).toMatchObject({ status: 'partly', evidence: { text: 'not named: mayStop, monitoringOwner' } });
    expect(result.recommendation).toBe('redesign');
  });
});
