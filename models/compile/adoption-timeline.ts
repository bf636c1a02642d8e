import type { CaseIssue } from '../case/case-error.ts';
import type { BusinessCase } from '../case/case-schema.ts';
import { createDistribution } from '../distributions/create-distribution.ts';
import { parseFormula } from '../formula/parse-formula.ts';
import { floatEvaluate } from './float-evaluate.ts';

/** How far (in months) a rollout step may sit from the adoption curve before it is flagged. */
export const ADOPTION_TIMELINE_TOLERANCE_MONTHS = 2;

/** The adoption curve's parameters at the inputs' medians. */
export interface AdoptionCurvePoint {
  startMonth: number;
  monthsToHalf: number;
  ceiling: number;
}

/** One rollout step of the adoption plan set against the curve. */
export interface AdoptionTimelineCheck {
  index: number;
  label: string;
  /** The month the plan gives. */
  plannedMonth: number;
  reach: number;
  /** The month in which the curve first reaches `reach` of its ceiling (Infinity: never within reach of a logistic). */
  curveMonth: number;
  /** Whether the plan and the curve disagree by more than the tolerance. */
  disagrees: boolean;
  /** The comparison in a sentence. */
  message: string;
}

/**
 * The adoption curve's start month, months to half and ceiling with every input at its
 * median (the point estimate's convention), or null when a parameter is not finite.
 *
 * @example
 * adoptionCurveAtMedians(bc) // { startMonth: 3, monthsToHalf: 6, ceiling: 0.7 }
 */
export function adoptionCurveAtMedians(bc: BusinessCase): AdoptionCurvePoint | null {
  const scope = new Map<string, number>();
  for (const [name, input] of Object.entries(bc.inputs)) scope.set(name, createDistribution(input.distribution).inv(0.5));
  scope.set('horizonMonths', bc.horizonMonths).set('month', 1).set('year', 1).set('monthOfYear', 1);
  const value = (formula: string | number, path: string): number => floatEvaluate(parseFormula(formula, path), scope);
  try {
    const startMonth = value(bc.adoption.startMonth, '/adoption/startMonth');
    const monthsToHalf = value(bc.adoption.monthsToHalf, '/adoption/monthsToHalf');
    const ceiling = value(bc.adoption.ceiling, '/adoption/ceiling');
    if (![startMonth, monthsToHalf, ceiling].every(Number.isFinite)) return null;
    return { startMonth, monthsToHalf: Math.max(monthsToHalf, 0.01), ceiling: Math.min(Math.max(ceiling, 0), 1) };
  } catch {
    // A variable in an adoption parameter is not in this scope: no check rather than a wrong one.
    return null;
  }
}

/**
 * The first whole month in which the logistic curve reaches `reach` of its ceiling: the
 * engine's curve is ceiling / (1 + exp(−ln 99 / half × (m − start − half))), zero before
 * the start month.
 *
 * @example
 * monthReaching({ startMonth: 3, monthsToHalf: 6, ceiling: 0.7 }, 0.5) // 9
 */
export function monthReaching(curve: AdoptionCurvePoint, reach: number): number {
  if (reach <= 0) return 1;
  if (reach >= 1) return Number.POSITIVE_INFINITY;
  const k = Math.log(99) / curve.monthsToHalf;
  const exact = curve.startMonth + curve.monthsToHalf + Math.log(reach / (1 - reach)) / k;
  return Math.max(Math.ceil(exact - 1e-9), Math.ceil(curve.startMonth), 1);
}

const pct = (share: number): string => `${Math.round(share * 100)} %`;

/**
 * Each rollout step of the adoption plan against the case's adoption curve: a step that
 * says usage reaches a share of the ceiling more than two months before or after the
 * curve does is flagged, e.g. a plan with full rollout at month 6 while the curve reaches
 * 90 % of its ceiling only at month 14.
 *
 * @example
 * adoptionTimelineChecks(bc).filter((check) => check.disagrees)[0].message
 * // "Rollout step 'Full rollout' says 90 % of the ceiling by month 6, but the adoption curve reaches it only in month 14 …"
 */
export function adoptionTimelineChecks(bc: BusinessCase): AdoptionTimelineCheck[] {
  const steps = bc.scalingPlan?.adoption?.timeline ?? [];
  if (steps.length === 0) return [];
  const curve = adoptionCurveAtMedians(bc);
  if (!curve) return [];
  const curveWords = `use starts in month ${round(curve.startMonth)}, half of the ${pct(curve.ceiling)} ceiling ${round(curve.monthsToHalf)} months later`;
  return steps.map((step, index) => {
    const curveMonth = monthReaching(curve, step.reach);
    const gap = curveMonth - step.month;
    const disagrees = Math.abs(gap) > ADOPTION_TIMELINE_TOLERANCE_MONTHS;
    const reached =
      curveMonth === Number.POSITIVE_INFINITY ? 'never reaches it (a logistic curve only approaches its ceiling)' : `reaches it in month ${curveMonth}`;
    const message = disagrees
      ? `Rollout step '${step.label}' says ${pct(step.reach)} of the ceiling by month ${step.month}, but the adoption curve ${
          gap > 0 ? `only ${reached}` : reached
        } (${curveWords}): change the plan or the curve`
      : `Rollout step '${step.label}' (${pct(step.reach)} of the ceiling by month ${step.month}) agrees with the adoption curve, which ${reached}`;
    return { index, label: step.label, plannedMonth: step.month, reach: step.reach, curveMonth, disagrees, message };
  });
}

/**
 * The disagreeing rollout steps as case warnings, pointing at each step's month.
 *
 * @example
 * adoptionTimelineWarnings(bc)[0].path // '/scalingPlan/adoption/timeline/0/month'
 */
export function adoptionTimelineWarnings(bc: BusinessCase): CaseIssue[] {
  return adoptionTimelineChecks(bc)
    .filter((check) => check.disagrees)
    .map((check) => ({ path: `/scalingPlan/adoption/timeline/${check.index}/month`, message: check.message }));
}

const round = (n: number): string => String(Math.round(n * 10) / 10);
