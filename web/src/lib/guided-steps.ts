import { INTAKE_QUESTIONS, unansweredQuestions } from './intake-questions.ts';
import { costCategoryLabel, GUIDED_COST_CATEGORIES, type GuidedAnswers, type GuidedCostCategory, type RangeAnswer } from './guided-answers.ts';

/** One screen of the guided start. */
export type GuidedStep =
  | { id: 'useCase' | 'owners' | 'intake' | 'economics' | 'baseline' | 'hypothesis' | 'volumes' | 'pilot' | 'adoption' | 'review'; title: string }
  | { id: 'cost'; category: GuidedCostCategory; title: string };

/**
 * The screens in the order the business case needs them: what and whose, the money
 * frame, today's numbers, what should change, the value, the pilot, production costs
 * category by category through the taxonomy, adoption, then the review.
 *
 * @example
 * GUIDED_STEPS[0].title // 'The use case'
 */
export const GUIDED_STEPS: readonly GuidedStep[] = [
  { id: 'useCase', title: 'The use case' },
  { id: 'owners', title: 'Business owner and sponsor' },
  { id: 'intake', title: 'Risk classification (intake)' },
  { id: 'economics', title: 'Currency, start and horizon' },
  { id: 'baseline', title: "Today's baseline in numbers" },
  { id: 'hypothesis', title: 'The value hypothesis' },
  { id: 'volumes', title: 'Volumes and value per unit' },
  { id: 'pilot', title: 'The pilot' },
  ...GUIDED_COST_CATEGORIES.map((category) => ({ id: 'cost' as const, category, title: `Production cost: ${costCategoryLabel(category)}` })),
  { id: 'adoption', title: 'Adoption' },
  { id: 'review', title: 'Review and create' },
];

/** Field labels, shared by the screens and their messages so a message names what the user sees. */
export const GUIDED_LABELS = {
  name: 'Use case name',
  process: 'Process it changes',
  businessOwner: 'Business owner',
  sponsor: 'Sponsor',
  currency: 'Currency',
  startDate: 'Start date (month 1)',
  horizonMonths: 'Horizon',
  discountRatePercent: 'Discount rate',
  metricLabel: 'Metric',
  metricValue: 'Value today',
  metricUnit: 'Unit',
  metricSource: 'Source',
  hypothesis: 'What changes',
  expected: 'Expected value after launch',
  driverLabel: 'What is counted',
  volume: 'Eligible volume per month',
  volumeUnit: 'Volume unit',
  volumeSource: 'Source of the volume',
  hoursPerUnit: 'Hours saved per unit',
  costPerHour: 'Cost per hour',
  valuePerUnit: 'Value per unit',
  valueSource: 'Source of the value',
  realizationPercent: 'Share of the value that becomes real',
  pilotScope: 'Pilot scope',
  pilotScopePercent: 'Share of production volume the pilot covered',
  pilotMonths: 'Pilot duration',
  pilotCost: 'Pilot cost (total)',
  oneTime: 'One-time amount',
  oneTimeMonth: 'In month',
  monthly: 'Monthly amount',
  reason: 'Why none',
  adoptionCeilingPercent: 'Adoption ceiling',
  adoptionMonthsToHalf: 'Months to half the ceiling',
  adoptionStartMonth: 'Month use begins',
} as const;

const L = GUIDED_LABELS;
const blank = (text: string): boolean => text.trim() === '';

function required(problems: string[], text: string, label: string, example: string): void {
  if (blank(text)) problems.push(`${label} is required: ${example}.`);
}

function number(problems: string[], value: number | undefined, label: string, rule: { min?: number; max?: number; integer?: boolean }): void {
  if (value === undefined) return void problems.push(`${label} is required: enter a number.`);
  if (rule.integer && !Number.isInteger(value)) problems.push(`${label} must be a whole number.`);
  if (rule.min !== undefined && value < rule.min) problems.push(`${label} must be at least ${rule.min}.`);
  if (rule.max !== undefined && value > rule.max) problems.push(`${label} must be at most ${rule.max}.`);
}

function range(problems: string[], value: RangeAnswer, label: string): void {
  if (value.low === undefined || value.high === undefined) return void problems.push(`${label}: enter both ends of the range (low and high; equal if known).`);
  if (value.low < 0) problems.push(`${label}: the low end cannot be negative.`);
  if (value.low > value.high) problems.push(`${label}: the low end is above the high end; swap them.`);
}

function economicsProblems(a: GuidedAnswers, p: string[]): void {
  if (!/^[A-Z]{3}$/.test(a.currency)) p.push(`${L.currency} must be a three-letter code such as EUR, USD or GBP.`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a.startDate)) p.push(`${L.startDate} is required: pick the month the case starts.`);
  number(p, a.horizonMonths, L.horizonMonths, { min: 1, max: 240, integer: true });
  number(p, a.discountRatePercent, L.discountRatePercent, { min: 0, max: 100 });
}

function baselineProblems(a: GuidedAnswers, p: string[]): void {
  if (a.metrics.length === 0) p.push('Add at least one baseline metric: without one the gate recommends keep-as-research.');
  a.metrics.forEach((metric, index) => {
    const which = a.metrics.length > 1 ? ` (metric ${index + 1})` : '';
    required(p, metric.label, `${L.metricLabel}${which}`, 'e.g. "Minutes per invoice"');
    if (metric.value === undefined) p.push(`${L.metricValue}${which} is required: enter today's number.`);
    required(p, metric.unit, `${L.metricUnit}${which}`, 'e.g. "minutes" or "invoices/month"');
    required(p, metric.source, `${L.metricSource}${which}`, 'say where the number comes from, e.g. "ERP report, Q3"');
  });
}

function driverProblems(a: GuidedAnswers, p: string[]): void {
  if (a.drivers.length === 0) p.push('Add at least one source of value.');
  a.drivers.forEach((driver, index) => {
    const which = a.drivers.length > 1 ? ` (value ${index + 1})` : '';
    required(p, driver.label, `${L.driverLabel}${which}`, 'e.g. "Invoices matched"');
    range(p, driver.volume, `${L.volume}${which}`);
    required(p, driver.volumeUnit, `${L.volumeUnit}${which}`, 'e.g. "invoices/month"');
    required(p, driver.volumeSource, `${L.volumeSource}${which}`, 'e.g. "ERP volumes, last 12 months"');
    if (driver.valueKind === 'time') {
      range(p, driver.hoursPerUnit, `${L.hoursPerUnit}${which}`);
      range(p, driver.costPerHour, `${L.costPerHour}${which}`);
    } else range(p, driver.valuePerUnit, `${L.valuePerUnit}${which}`);
    required(p, driver.valueSource, `${L.valueSource}${which}`, 'e.g. "pilot time study" or "finance rate card"');
    number(p, driver.realizationPercent, `${L.realizationPercent}${which}`, { min: 0, max: 100 });
  });
}

function pilotProblems(a: GuidedAnswers, p: string[]): void {
  if (!a.hadPilot) return;
  required(p, a.pilotScope, L.pilotScope, 'say who and what the pilot covered');
  number(p, a.pilotScopePercent, L.pilotScopePercent, { min: 0, max: 100 });
  if (a.pilotScopePercent === 0) p.push(`${L.pilotScopePercent} must be above 0.`);
  number(p, a.pilotMonths, L.pilotMonths, { min: 1, integer: true });
  number(p, a.pilotCost, L.pilotCost, { min: 0 });
}

function costProblems(a: GuidedAnswers, category: GuidedCostCategory, p: string[]): void {
  const answer = a.costs[category];
  const label = costCategoryLabel(category);
  if (answer.answer === '') return void p.push(`${label}: answer with a cost, or "none" with a reason; it cannot be left blank.`);
  if (answer.answer === 'none') return void required(p, answer.reason, `${label}: ${L.reason}`, 'e.g. "covered by the existing licence"');
  if (!answer.oneTime && !answer.monthly) p.push(`${label}: enter a ${L.oneTime.toLowerCase()} or a ${L.monthly.toLowerCase()} (or answer "none").`);
  if ((answer.oneTime ?? 0) < 0 || (answer.monthly ?? 0) < 0) p.push(`${label}: a cost cannot be negative.`);
  if (answer.oneTime) number(p, answer.oneTimeMonth, `${label}: ${L.oneTimeMonth}`, { min: 1, max: a.horizonMonths ?? 240, integer: true });
}

function adoptionProblems(a: GuidedAnswers, p: string[]): void {
  number(p, a.adoptionCeilingPercent, L.adoptionCeilingPercent, { min: 0, max: 100 });
  number(p, a.adoptionMonthsToHalf, L.adoptionMonthsToHalf, { min: 0.5 });
  number(p, a.adoptionStartMonth, L.adoptionStartMonth, { min: 1, max: a.horizonMonths ?? 240, integer: true });
}

/**
 * What still blocks a step, in words naming each field by its label; empty when the
 * step may move on.
 *
 * @example
 * guidedStepProblems(GUIDED_STEPS[0], initialAnswers('2026-12-07'))
 * // ['Use case name is required: e.g. "Invoice-matching copilot".', 'Process it changes is required: …']
 */
export function guidedStepProblems(step: GuidedStep, a: GuidedAnswers): string[] {
  const p: string[] = [];
  if (step.id === 'useCase') {
    required(p, a.name, L.name, 'e.g. "Invoice-matching copilot"');
    required(p, a.process, L.process, 'e.g. "Accounts-payable matching of supplier invoices to purchase orders"');
  } else if (step.id === 'owners') {
    required(p, a.businessOwner, L.businessOwner, 'name the person accountable for the process outcome');
    required(p, a.sponsor, L.sponsor, 'name the person who funds the case');
  } else if (step.id === 'intake') intakeProblems(a, p);
  else if (step.id === 'economics') economicsProblems(a, p);
  else if (step.id === 'baseline') baselineProblems(a, p);
  else if (step.id === 'hypothesis') {
    required(p, a.hypothesis, L.hypothesis, 'say what changes and by how much');
    a.changes.forEach((change, index) => {
      if (change.expected === undefined) p.push(`${L.expected} (change ${index + 1}) is required: enter the number the metric should reach.`);
      if (!a.metrics[change.metric]) p.push(`Change ${index + 1}: pick the baseline metric it changes.`);
    });
  } else if (step.id === 'volumes') driverProblems(a, p);
  else if (step.id === 'pilot') pilotProblems(a, p);
  else if (step.id === 'cost') costProblems(a, step.category, p);
  else if (step.id === 'adoption') adoptionProblems(a, p);
  return p;
}

/** The intake is optional here (the editor asks again), but a half-answered one cannot be saved. */
function intakeProblems(a: GuidedAnswers, p: string[]): void {
  const left = unansweredQuestions(a.intake ?? {});
  if (left.length > 0 && left.length < INTAKE_QUESTIONS.length) {
    p.push(`Answer the remaining intake questions, or leave them all for the case editor: ${left.map((question) => question.question).join(' ')}`);
  }
}

/**
 * Every problem left in the answers, step by step (the review's check before "Create case").
 *
 * @example
 * allGuidedProblems(answers).length === 0 // ready to create
 */
export function allGuidedProblems(a: GuidedAnswers): { step: GuidedStep; problems: string[] }[] {
  return GUIDED_STEPS.map((step) => ({ step, problems: guidedStepProblems(step, a) })).filter((entry) => entry.problems.length > 0);
}
