import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseSchema } from '../../models/case/case-schema.ts';
import { adoptionTimelineChecks, monthReaching } from '../../models/compile/adoption-timeline.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { validateDraft } from '../../models/compile/validate-draft.ts';
import { SCALING_PLAN_MISSING, scalingPlanChecks } from '../../models/gate/scaling-plan-checks.ts';
import { minimalCase } from '../helpers/minimal-case.ts';
import { evaluateGate } from '../../models/gate/evaluate-gate.ts';
import { COMPLETE_SCALING_PLAN, gateInputs, readyCaseInput } from '../gate/gate-fixtures.ts';

describe('the scaling plan section (issue 19)', () => {
  it('parses a complete plan and keeps it', () => {
    const parsed = caseSchema.parse(minimalCase({ scalingPlan: COMPLETE_SCALING_PLAN }));
    expect(parsed.scalingPlan?.integration?.milestones?.[0]).toEqual({ label: 'CRM panel live', owner: 'IT delivery lead', due: '2026-04-30' });
  });

  it('parses old cases without a plan, the fixtures included', () => {
    expect(caseSchema.safeParse(minimalCase()).success).toBe(true);
    const old = JSON.parse(readFileSync(new URL('../../fixtures/contact-center-assistant.json', import.meta.url), 'utf8'));
    delete old.scalingPlan;
    expect(caseSchema.safeParse(old).success).toBe(true);
  });

  it('names the field of a wrong plan value', () => {
    const result = caseSchema.safeParse(minimalCase({ scalingPlan: { adoption: { timeline: [{ label: 'All live', month: 6, reach: 1.5 }] } } }));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(['scalingPlan', 'adoption', 'timeline', 0, 'reach']);
  });

  it('saves a draft with a partial plan and lists what the plan still lacks', () => {
    const result = validateDraft({
      formatVersion: 1,
      name: 'Invoice matching',
      scalingPlan: { integration: { systems: [{ name: 'SAP' }] }, adoption: { training: 'A half-day course' } },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const plan = result.todo.filter((item) => item.path.startsWith('/scalingPlan'));
    expect(plan.map((item) => item.path)).toEqual([
      '/scalingPlan/integration/milestones',
      '/scalingPlan/adoption/champions',
      '/scalingPlan/adoption/managersRole',
      '/scalingPlan/adoption/timeline',
      '/scalingPlan/accountability',
      '/scalingPlan/valueMeasurement',
    ]);
    expect(plan.every((item) => item.blocks === 'gate')).toBe(true);
    expect(plan[0].field).toBe('Integration plan › Milestones');
  });
});

describe('scalingPlanChecks: what the gate counts', () => {
  it('counts every missing part as unmet, each against its readiness gate', () => {
    const checks = scalingPlanChecks({ scalingPlan: undefined, measurementPlan: undefined });
    expect(checks.map((c) => [c.part, c.gate, c.passed])).toEqual([
      ['integration', 'workflowIntegration', 'no'],
      ['adoption', 'adoptionChange', 'no'],
      ['accountability', 'businessOwnership', 'no'],
      ['valueMeasurement', 'valueMeasurement', 'no'],
    ]);
    expect(checks[0].detail).toBe(SCALING_PLAN_MISSING.integration);
  });

  it('passes a complete plan and names what an incomplete one lacks', () => {
    const measurementPlan = { metric: 'AHT', method: 'A/B', when: 'monthly' };
    expect(scalingPlanChecks({ scalingPlan: COMPLETE_SCALING_PLAN, measurementPlan }).map((c) => c.passed)).toEqual(['yes', 'yes', 'yes', 'yes']);
    const partial = scalingPlanChecks({
      measurementPlan: undefined,
      scalingPlan: { integration: { systems: [{ name: 'CRM' }], milestones: [{ label: 'Go-live' }] }, valueMeasurement: { attribution: 'control group' } },
    });
    expect(partial[0]).toMatchObject({ passed: 'partly', detail: 'the integration plan has milestones without an owner or a date: Go-live' });
    expect(partial[3].detail).toBe(
      'the value-measurement approach does not say: the measurement plan (metric, method, when), how and to whom value is reported',
    );
  });
});

describe('adoption timeline against the adoption curve', () => {
  // Use starts in month 3, half of a 70 % ceiling 6 months later: 90 % of the ceiling in month 12.
  const curve = { startMonth: 3, monthsToHalf: 6, ceiling: 0.7 };

  it('finds the month the logistic curve reaches a share of its ceiling', () => {
    expect(monthReaching(curve, 0.5)).toBe(9);
    // 3 + 6 + ln 9 / (ln 99 / 6) = 11.87: reached in month 12.
    expect(monthReaching(curve, 0.9)).toBe(12);
    expect(monthReaching(curve, 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('warns when the plan says full rollout at month 6 but the curve reaches 90 % only at month 14', () => {
    const bc = minimalCase({
      adoption: { type: 'logistic', startMonth: 4, monthsToHalf: 8, ceiling: 0.8 },
      scalingPlan: {
        adoption: {
          timeline: [
            { label: 'Full rollout', month: 6, reach: 0.9 },
            { label: 'Half way', month: 12, reach: 0.5 },
          ],
        },
      },
    });
    const checks = adoptionTimelineChecks(parseCase(bc).case);
    expect(checks[0]).toMatchObject({ curveMonth: 16, disagrees: true });
    expect(checks[0].message).toMatch(/^Rollout step 'Full rollout' says 90 % of the ceiling by month 6, but the adoption curve only reaches it in month 16/);
    expect(checks[1]).toMatchObject({ curveMonth: 12, disagrees: false });
    expect(parseCase(bc).warnings.filter((w) => w.path.startsWith('/scalingPlan'))).toEqual([
      { path: '/scalingPlan/adoption/timeline/0/month', message: checks[0].message },
    ]);
  });
});

describe('evaluateGate with and without a scaling plan', () => {
  const readinessCriteria = (caseInput: ReturnType<typeof readyCaseInput>) =>
    evaluateGate(gateInputs({ caseInput }))
      .criteria.filter((c) => c.id.startsWith('readiness.'))
      .map((c) => [c.id, c.met, c.note]);

  it('scales a ready case with a complete plan, and the plan adds no item', () => {
    const result = evaluateGate(gateInputs());
    expect(result.recommendation).toBe('scale');
    expect(result.scalingPlan.map((c) => c.passed)).toEqual(['yes', 'yes', 'yes', 'yes']);
    expect(result.readiness.find((g) => g.gate === 'workflowIntegration')!.total).toBe(1);
  });

  it('counts each missing plan part as an unmet item of its gate: four gates fail, two still pass', () => {
    const result = evaluateGate(gateInputs({ caseInput: readyCaseInput({ scalingPlan: undefined }) }));
    expect(result.recommendation).toBe('redesign');
    expect(readinessCriteria(readyCaseInput({ scalingPlan: undefined }))).toEqual([
      ['readiness.businessOwnership', false, '1 of 2 items met (partly)'],
      ['readiness.productionData', true, '1 of 1 items met (met)'],
      ['readiness.workflowIntegration', false, '1 of 2 items met (partly)'],
      ['readiness.valueMeasurement', false, '6 of 7 items met (partly)'],
      ['readiness.adoptionChange', false, '1 of 2 items met (partly)'],
      ['readiness.governanceRisk', true, '1 of 1 items met (met)'],
    ]);
    const item = result.readiness.find((g) => g.gate === 'adoptionChange')!.items[1];
    expect(item).toMatchObject({ item: 'Adoption plan (checked automatically from the scaling plan)', status: 'notMet', owner: 'valuegate' });
  });

  it('counts an incomplete part as partly met', () => {
    const { accountability: _dropped, ...rest } = COMPLETE_SCALING_PLAN;
    const plan = { ...rest, accountability: { measures: [{ who: 'WFM lead', what: 'AHT', when: 'monthly' }] } };
    const result = evaluateGate(gateInputs({ caseInput: readyCaseInput({ scalingPlan: plan }) }));
    expect(result.readiness.find((g) => g.gate === 'businessOwnership')!.items[1]).toMatchObject({
      status: 'partly',
      evidence: { text: 'post-launch accountability does not say: who can stop it' },
    });
    expect(result.recommendation).toBe('redesign');
  });
});

describe('the example cases', () => {
  const files = ['contact-center-assistant', 'document-processing', 'finance-cost-anomaly', 'post-launch/1-scaled-invoice-intake'];

  it.each(files)('%s has a complete plan that agrees with its adoption curve, so its gate gains no item', (file) => {
    const raw = JSON.parse(readFileSync(new URL(`../../fixtures/${file}.json`, import.meta.url), 'utf8'));
    const { case: bc, warnings } = parseCase(raw.case ?? raw);
    expect(scalingPlanChecks(bc).map((c) => c.passed)).toEqual(['yes', 'yes', 'yes', 'yes']);
    expect(adoptionTimelineChecks(bc).every((c) => !c.disagrees)).toBe(true);
    expect(warnings.filter((w) => w.path.startsWith('/scalingPlan'))).toEqual([]);
  });
});
