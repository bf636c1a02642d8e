import type { Intake } from '../../../models/case/intake-schema.ts';
import { COST_CATEGORIES, COST_CATEGORY_LABELS, type CostCategory } from '../../../models/case/cost-categories.ts';

/** A 90 % range as the user types it: the low and high ends; equal ends mean a known number. */
export interface RangeAnswer {
  low?: number;
  high?: number;
}

/** One baseline metric: today's value, in numbers, with its unit and where it comes from. */
export interface BaselineMetricAnswer {
  label: string;
  value?: number;
  unit: string;
  source: string;
}

/** What a baseline metric should become after launch. */
export interface ExpectedChangeAnswer {
  /** Index into the baseline metrics. */
  metric: number;
  expected?: number;
}

/** One source of value: a monthly volume times a value per unit (time saved × cost per hour, or money). */
export interface ValueDriverAnswer {
  label: string;
  volume: RangeAnswer;
  volumeUnit: string;
  volumeSource: string;
  valueKind: 'time' | 'money';
  hoursPerUnit: RangeAnswer;
  costPerHour: RangeAnswer;
  valuePerUnit: RangeAnswer;
  valueSource: string;
  /** Share of the gross value that becomes real money or capacity, in %. */
  realizationPercent?: number;
}

/** One cost category, answered with a cost or with "none" and a reason; '' is not answered yet. */
export interface CostAnswer {
  answer: 'cost' | 'none' | '';
  oneTime?: number;
  oneTimeMonth?: number;
  monthly?: number;
  reason: string;
}

/** The categories the guided start walks through: the whole taxonomy but the catch-all. */
export const GUIDED_COST_CATEGORIES = COST_CATEGORIES.filter((category) => category !== 'other') as Exclude<CostCategory, 'other'>[];
export type GuidedCostCategory = (typeof GUIDED_COST_CATEGORIES)[number];

/** Everything the guided start asks, in the order it asks. */
export interface GuidedAnswers {
  name: string;
  description: string;
  process: string;
  businessOwner: string;
  sponsor: string;
  preparedBy: string;
  /** The intake questionnaire as answered so far; written into the case once complete. */
  intake?: Partial<Intake>;
  currency: string;
  startDate: string;
  horizonMonths?: number;
  discountRatePercent?: number;
  metrics: BaselineMetricAnswer[];
  hypothesis: string;
  changes: ExpectedChangeAnswer[];
  drivers: ValueDriverAnswer[];
  hadPilot: boolean;
  pilotScope: string;
  pilotScopePercent?: number;
  pilotMonths?: number;
  pilotCost?: number;
  pilotCostCategory: CostCategory;
  pilotRoiPercent?: number;
  costs: Record<GuidedCostCategory, CostAnswer>;
  adoptionCeilingPercent?: number;
  adoptionMonthsToHalf?: number;
  adoptionStartMonth?: number;
}

/**
 * What each category usually covers in production, so "none" is a considered answer.
 *
 * @example
 * COST_CATEGORY_HINTS.monitoring // 'Quality evaluation, drift and error monitoring, dashboards, on-call'
 */
export const COST_CATEGORY_HINTS: Record<GuidedCostCategory, string> = {
  integration: 'Connecting the tool to the systems of record (ERP, CRM, ticketing), single sign-on, workflow changes',
  data: 'Preparing, cleaning and labelling data; data pipelines; data ownership and quality work',
  security: 'Security review, penetration test, privacy impact assessment (DPIA), access controls',
  infrastructure: 'Model or API usage (inference), hosting, licences, environments',
  training: 'Training users, change management, updated procedures, floor support at launch',
  monitoring: 'Quality evaluation, drift and error monitoring, dashboards, on-call',
  maintenance: 'Prompt and model upkeep, version upgrades, fixes, vendor changes',
  governance: 'Risk assessment, legal and compliance review, AI policy, audits',
  management: 'Time of managers and subject-matter experts: steering, reviews, feedback to the team',
};

/**
 * The label of a guided cost category, as the reports print it.
 *
 * @example
 * costCategoryLabel('management') // 'Manager & expert time'
 */
export function costCategoryLabel(category: CostCategory): string {
  return COST_CATEGORY_LABELS[category];
}

/** An empty 90 % range. */
export const emptyRange = (): RangeAnswer => ({});

/** A value driver with nothing typed yet, valued in time saved, 80 % realised. */
export function emptyDriver(): ValueDriverAnswer {
  return {
    label: '',
    volume: emptyRange(),
    volumeUnit: '',
    volumeSource: '',
    valueKind: 'time',
    hoursPerUnit: emptyRange(),
    costPerHour: emptyRange(),
    valuePerUnit: emptyRange(),
    valueSource: '',
    realizationPercent: 80,
  };
}

/** A baseline metric with nothing typed yet. */
export const emptyMetric = (): BaselineMetricAnswer => ({ label: '', unit: '', source: '' });

/**
 * The first day of the month after `today` (YYYY-MM-DD): a new case usually starts next month.
 *
 * @example
 * nextMonthStart('2026-12-07') // '2027-01-01'
 */
export function nextMonthStart(today: string): string {
  const [year, month] = today.split('-').map(Number);
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return `${next.year}-${String(next.month).padStart(2, '0')}-01`;
}

/**
 * The answers a new guided start begins with: sensible defaults where a default exists
 * (EUR, next month, 36 months, 8 % a year, adoption to 70 % with half reached in 6
 * months from month 3), blanks where only the user knows.
 *
 * @example
 * initialAnswers('2026-12-07').startDate // '2027-01-01'
 */
export function initialAnswers(today: string, currency = 'EUR'): GuidedAnswers {
  const costs = Object.fromEntries(GUIDED_COST_CATEGORIES.map((category) => [category, { answer: '', reason: '', oneTimeMonth: 1 }])) as unknown as Record<
    GuidedCostCategory,
    CostAnswer
  >;
  return {
    name: '',
    description: '',
    process: '',
    businessOwner: '',
    sponsor: '',
    preparedBy: '',
    intake: {},
    currency,
    startDate: nextMonthStart(today),
    horizonMonths: 36,
    discountRatePercent: 8,
    metrics: [emptyMetric()],
    hypothesis: '',
    changes: [{ metric: 0 }],
    drivers: [emptyDriver()],
    hadPilot: true,
    pilotScope: '',
    pilotMonths: 3,
    pilotCostCategory: 'infrastructure',
    costs,
    adoptionCeilingPercent: 70,
    adoptionMonthsToHalf: 6,
    adoptionStartMonth: 3,
  };
}

/**
 * Answers saved in this browser tab (JSON), laid over fresh defaults so an older or
 * partial save still gives every field; null when there is nothing usable.
 *
 * @example
 * restoreAnswers(JSON.stringify({ name: 'Invoice copilot' }), '2026-12-07')?.horizonMonths // 36
 */
export function restoreAnswers(saved: string | null, today: string): GuidedAnswers | null {
  if (!saved) return null;
  try {
    const parsed = JSON.parse(saved) as Partial<GuidedAnswers> | null;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const fresh = initialAnswers(today);
    return { ...fresh, ...parsed, costs: { ...fresh.costs, ...(parsed.costs ?? {}) } };
  } catch {
    return null;
  }
}
