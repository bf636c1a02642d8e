import type { CaseInput, CostLine } from '../../../models/case/case-schema.ts';
import type { CostCategory } from '../../../models/case/cost-categories.ts';
import type { DistributionSpec } from '../../../models/distributions/spec.ts';
import { RESERVED_NAMES } from '../../../models/formula/functions.ts';
import { costCategoryLabel, GUIDED_COST_CATEGORIES, type GuidedAnswers, type RangeAnswer, type ValueDriverAnswer } from './guided-answers.ts';
import { governanceWithIntake } from './intake-document.ts';
import { completeIntake } from './intake-questions.ts';

type Inputs = CaseInput['inputs'];

/** The governance section when the intake was answered whole (the server derives the tier on save). */
function governancePart(answers: GuidedAnswers): Pick<CaseInput, 'governance'> {
  const intake = completeIntake(answers.intake ?? {});
  return intake ? { governance: governanceWithIntake(undefined, intake, null) } : {};
}

/**
 * A formula name from a label: camelCase letters and digits, starting with a letter,
 * never a built-in name, at most 40 characters.
 *
 * @example
 * identifierFrom('Invoices matched / month', 'driver') // 'invoicesMatchedMonth'
 * identifierFrom('42', 'metric') // 'metric42'
 */
export function identifierFrom(label: string, fallback: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let name = words.map((word, index) => (index === 0 ? word.charAt(0).toLowerCase() : word.charAt(0).toUpperCase()) + word.slice(1)).join('');
  if (!/^[A-Za-z]/.test(name)) name = `${fallback}${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  name = name.slice(0, 40);
  return RESERVED_NAMES.has(name) ? `${name}Value` : name;
}

/** Hands out unique names: a repeat gets 2, 3, … appended. */
function uniqueNames(): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate); n++) candidate = `${name}${n}`;
    used.add(candidate);
    return candidate;
  };
}

/**
 * The distribution of a typed 90 % range: a fixed number when both ends are equal, a
 * lognormal (positive quantities, right-skewed as volumes and costs are) when the low
 * end is above zero, else a normal truncated at zero.
 *
 * @example
 * rangeDistribution({ low: 5, high: 10 }) // { type: 'lognormal', p5: 5, p95: 10 }
 * rangeDistribution({ low: 4, high: 4 }) // { type: 'fixed', value: 4 }
 */
export function rangeDistribution(range: RangeAnswer): DistributionSpec {
  const low = range.low ?? range.high ?? 0;
  const high = range.high ?? low;
  if (low === high) return { type: 'fixed', value: low };
  if (low > 0) return { type: 'lognormal', p5: low, p95: high };
  return { type: 'normal', p5: low, p95: high, truncate: { min: 0 } };
}

/** The inputs and the benefit line of one value driver. */
function driverParts(driver: ValueDriverAnswer, index: number, currency: string, unique: (name: string) => string) {
  const base = unique(identifierFrom(driver.label, `value${index + 1}`));
  const volume = `${base}Volume`;
  const inputs: Inputs = {
    [volume]: { label: `${driver.label}: volume`, unit: driver.volumeUnit, source: driver.volumeSource, distribution: rangeDistribution(driver.volume) },
  };
  let amount: string;
  if (driver.valueKind === 'time') {
    const hours = `${base}HoursPerUnit`;
    const rate = `${base}CostPerHour`;
    inputs[hours] = {
      label: `${driver.label}: hours saved per unit`,
      unit: 'hours/unit',
      source: driver.valueSource,
      distribution: rangeDistribution(driver.hoursPerUnit),
    };
    inputs[rate] = {
      label: `${driver.label}: cost per hour`,
      unit: `${currency}/hour`,
      source: driver.valueSource,
      distribution: rangeDistribution(driver.costPerHour),
    };
    amount = `${volume} * ${hours} * ${rate}`;
  } else {
    const value = `${base}ValuePerUnit`;
    inputs[value] = {
      label: `${driver.label}: value per unit`,
      unit: `${currency}/unit`,
      source: driver.valueSource,
      distribution: rangeDistribution(driver.valuePerUnit),
    };
    amount = `${volume} * ${value}`;
  }
  const benefit = { id: base, label: driver.label, amount, realization: (driver.realizationPercent ?? 100) / 100, scaleByAdoption: true };
  return { inputs, benefit };
}

/** The production cost lines and the "none" answers, category by category. */
function costParts(answers: GuidedAnswers): { costs: CostLine[]; noCostReasons: Partial<Record<CostCategory, string>> } {
  const costs: CostLine[] = [];
  const noCostReasons: Partial<Record<CostCategory, string>> = {};
  for (const category of GUIDED_COST_CATEGORIES) {
    const answer = answers.costs[category];
    const label = costCategoryLabel(category);
    if (answer.answer === 'none') noCostReasons[category] = answer.reason.trim();
    if (answer.answer !== 'cost') continue;
    if (answer.oneTime) {
      costs.push({ id: `${category}OneTime`, label: `${label}: one-time`, category, kind: 'oneTime', month: answer.oneTimeMonth ?? 1, amount: answer.oneTime });
    }
    if (answer.monthly) costs.push({ id: `${category}Monthly`, label: `${label}: monthly`, category, kind: 'monthly', amount: answer.monthly });
  }
  return { costs, noCostReasons };
}

/** The pilot section, or undefined when there was none. */
function pilotPart(answers: GuidedAnswers): CaseInput['pilot'] {
  if (!answers.hadPilot) return undefined;
  return {
    durationMonths: answers.pilotMonths ?? 1,
    scopeShare: (answers.pilotScopePercent ?? 100) / 100,
    costs: [{ label: 'Pilot cost', category: answers.pilotCostCategory, amount: answers.pilotCost ?? 0 }],
    ...(answers.pilotRoiPercent === undefined ? {} : { reportedRoi: answers.pilotRoiPercent / 100 }),
    ...(answers.pilotScope.trim() ? { note: answers.pilotScope.trim() } : {}),
  };
}

/** The description: what the use case does, then the process it changes. */
function describe(answers: GuidedAnswers): string | undefined {
  const parts = [answers.description.trim(), answers.process.trim() ? `Process it changes: ${answers.process.trim()}` : ''].filter(Boolean);
  return parts.length ? parts.join('\n\n') : undefined;
}

/**
 * Turns the guided start's answers into a complete case document (format v1): the
 * baseline metrics and the value hypothesis linked to them, one input per typed range
 * (volume, hours saved, cost per hour or value per unit) and one benefit line per value
 * driver, one cost line per one-time or monthly amount, every category answered "none"
 * recorded with its reason in `noCostReasons`, the pilot and the adoption curve. Call it
 * on answers that passed every step's check (`guidedStepProblems`); the result then
 * passes `validateCase` and simulates.
 *
 * @example
 * const document = guidedCaseDocument(answers);
 * validateCase(document).ok // true
 */
export function guidedCaseDocument(answers: GuidedAnswers): CaseInput {
  const unique = uniqueNames();
  const metricIds = answers.metrics.map((metric, index) => unique(identifierFrom(metric.label, `metric${index + 1}`)));
  const drivers = answers.drivers.map((driver, index) => driverParts(driver, index, answers.currency, unique));
  const { costs, noCostReasons } = costParts(answers);
  const description = describe(answers);
  const pilot = pilotPart(answers);
  return {
    formatVersion: 1,
    name: answers.name.trim(),
    ...(description ? { description } : {}),
    ownership: {
      businessOwner: answers.businessOwner.trim(),
      sponsor: answers.sponsor.trim(),
      ...(answers.preparedBy.trim() ? { preparedBy: answers.preparedBy.trim() } : {}),
    },
    ...governancePart(answers),
    currency: answers.currency,
    startDate: answers.startDate,
    horizonMonths: answers.horizonMonths ?? 36,
    discountRateAnnual: (answers.discountRatePercent ?? 0) / 100,
    inputs: Object.assign({}, ...drivers.map((driver) => driver.inputs)),
    adoption: {
      type: 'logistic',
      startMonth: answers.adoptionStartMonth ?? 1,
      monthsToHalf: answers.adoptionMonthsToHalf ?? 6,
      ceiling: (answers.adoptionCeilingPercent ?? 100) / 100,
    },
    benefits: drivers.map((driver) => driver.benefit),
    costs,
    ...(Object.keys(noCostReasons).length ? { noCostReasons } : {}),
    ...(pilot ? { pilot } : {}),
    baseline: {
      ...(answers.process.trim() ? { description: answers.process.trim() } : {}),
      metrics: answers.metrics.map((metric, index) => ({
        id: metricIds[index],
        label: metric.label.trim(),
        value: metric.value ?? 0,
        unit: metric.unit.trim(),
        source: metric.source.trim(),
      })),
    },
    valueHypothesis: {
      statement: answers.hypothesis.trim(),
      expectedChanges: answers.changes.map((change) => ({ metric: metricIds[change.metric] ?? metricIds[0], expected: change.expected ?? 0 })),
    },
  };
}
