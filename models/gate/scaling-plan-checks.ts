import type { BusinessCase } from '../case/case-schema.ts';
import type { ReadinessGate } from '../case/readiness.ts';
import { SCALING_PLAN_PART_LABELS, SCALING_PLAN_PARTS, type ScalingPlan, type ScalingPlanPart } from '../case/scaling-plan-schema.ts';
import type { CheckOutcome } from './value-measurement-checks.ts';

/** One part of the scaling plan, checked for completeness. */
export interface ScalingPlanCheck {
  part: ScalingPlanPart;
  label: string;
  /** The readiness gate a missing or incomplete part counts against. */
  gate: ReadinessGate;
  passed: CheckOutcome;
  /** Why, in a sentence. */
  detail: string;
}

/**
 * The readiness gate each plan part belongs to.
 *
 * @example
 * SCALING_PLAN_GATES.adoption // 'adoptionChange'
 */
export const SCALING_PLAN_GATES = {
  integration: 'workflowIntegration',
  adoption: 'adoptionChange',
  accountability: 'businessOwnership',
  valueMeasurement: 'valueMeasurement',
} as const satisfies Record<ScalingPlanPart, ReadinessGate>;

/** What each part says when it is missing altogether. */
export const SCALING_PLAN_MISSING = {
  integration: 'no integration plan: which systems change, and who delivers which milestone by when',
  adoption: 'no adoption plan: training, champions, the managers’ role and the rollout timeline',
  accountability: 'no post-launch accountability: who measures what, when, and who can stop it',
  valueMeasurement: 'no value-measurement approach: how the change is attributed to the tool and how it is reported',
} as const satisfies Record<ScalingPlanPart, string>;

const blank = (value: string | undefined): boolean => !value?.trim();
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

type Verdict = [CheckOutcome, string];

function integration(part: NonNullable<ScalingPlan['integration']>): Verdict {
  const systems = part.systems ?? [];
  const milestones = part.milestones ?? [];
  const gaps: string[] = [];
  if (systems.length === 0) gaps.push('names no system it touches');
  if (milestones.length === 0) gaps.push('has no milestone');
  const unowned = milestones.filter((m) => blank(m.owner) || !m.due).map((m) => m.label);
  if (unowned.length) gaps.push(`has milestones without an owner or a date: ${unowned.join(', ')}`);
  if (gaps.length) return ['partly', `the integration plan ${gaps.join('; ')}`];
  const last = milestones
    .map((m) => m.due!)
    .sort()
    .at(-1);
  return [
    'yes',
    `${plural(systems.length, 'system')} (${systems.map((s) => s.name).join(', ')}); ${plural(milestones.length, 'milestone')}, the last due ${last}`,
  ];
}

function adoption(part: NonNullable<ScalingPlan['adoption']>): Verdict {
  const missing: string[] = (
    [
      ['training', 'training'],
      ['champions', 'champions'],
      ['managersRole', 'the managers’ role'],
    ] as const
  )
    .filter(([field]) => blank(part[field]))
    .map(([, words]) => words);
  const timeline = part.timeline ?? [];
  if (timeline.length === 0) missing.push('a rollout timeline');
  if (missing.length) return ['partly', `the adoption plan does not say: ${missing.join(', ')}`];
  const last = Math.max(...timeline.map((step) => step.month));
  return ['yes', `training, champions, the managers’ role and ${plural(timeline.length, 'rollout step')} to month ${last}`];
}

function accountability(part: NonNullable<ScalingPlan['accountability']>): Verdict {
  const measures = part.measures ?? [];
  const missing: string[] = [];
  if (measures.length === 0) missing.push('who measures what, and when');
  if (blank(part.canStop)) missing.push('who can stop it');
  if (missing.length) return ['partly', `post-launch accountability does not say: ${missing.join(', ')}`];
  return ['yes', `${plural(measures.length, 'measurement')} with an owner and a date; ${part.canStop!.trim()} can stop it`];
}

function valueMeasurement(part: NonNullable<ScalingPlan['valueMeasurement']>, bc: Pick<BusinessCase, 'measurementPlan'>): Verdict {
  const missing: string[] = [];
  if (!bc.measurementPlan) missing.push('the measurement plan (metric, method, when)');
  if (blank(part.attribution)) missing.push('how the change is attributed to the tool');
  if (blank(part.reporting)) missing.push('how and to whom value is reported');
  if (missing.length) return ['partly', `the value-measurement approach does not say: ${missing.join(', ')}`];
  return ['yes', `attribution: ${part.attribution!.trim()}`];
}

/**
 * The four parts of the scaling plan, each 'yes' (complete), 'partly' (present but
 * incomplete, naming what is missing) or 'no' (missing). The gate adds every part that
 * is not complete as an item of its readiness gate (`SCALING_PLAN_GATES`), so a missing
 * plan keeps that gate from being met; a complete part adds nothing (the checklist
 * judges readiness, the plan is its evidence).
 *
 * @example
 * scalingPlanChecks({ measurementPlan: undefined, scalingPlan: undefined }).map((c) => c.passed) // ['no', 'no', 'no', 'no']
 */
export function scalingPlanChecks(bc: Pick<BusinessCase, 'scalingPlan' | 'measurementPlan'>): ScalingPlanCheck[] {
  const plan = bc.scalingPlan;
  return SCALING_PLAN_PARTS.map((part) => {
    const [passed, detail] = verdict(part, plan, bc);
    return { part, label: SCALING_PLAN_PART_LABELS[part], gate: SCALING_PLAN_GATES[part], passed, detail };
  });
}

function verdict(part: ScalingPlanPart, plan: ScalingPlan | undefined, bc: Pick<BusinessCase, 'measurementPlan'>): Verdict {
  if (part === 'integration') return plan?.integration ? integration(plan.integration) : ['no', SCALING_PLAN_MISSING.integration];
  if (part === 'adoption') return plan?.adoption ? adoption(plan.adoption) : ['no', SCALING_PLAN_MISSING.adoption];
  if (part === 'accountability') return plan?.accountability ? accountability(plan.accountability) : ['no', SCALING_PLAN_MISSING.accountability];
  return plan?.valueMeasurement ? valueMeasurement(plan.valueMeasurement, bc) : ['no', SCALING_PLAN_MISSING.valueMeasurement];
}
