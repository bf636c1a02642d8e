import { z } from 'zod';
import { distributionSpecSchema } from '../distributions/spec.ts';
import { decisionRulesSchema } from './decision-rules-schema.ts';
import { CASE_LIMITS as L, limitMessage } from './case-limits.ts';
import { COST_CATEGORIES } from './cost-categories.ts';
import { readinessSchema } from './readiness.ts';
import { scalingPlanSchema } from './scaling-plan-schema.ts';
import { evidenceSchema, samplingCostSchema } from './evidence-schema.ts';
import { estimateSchema } from './estimate-schema.ts';
import { governanceSchema } from './governance-schema.ts';

/** A string of at most `limit` characters; the message names the limit. */
function maxLength(limit: number, what: string) {
  return z
    .string()
    .refine((value) => value.length <= limit, { error: (issue) => limitMessage((issue.input as string).length, limit, `characters in a ${what}`) });
}

/** A name usable in formulas: a letter, then letters, digits or underscores. */
const identifier = z
  .string()
  .refine((name) => name.length <= L.identifierLength, {
    error: (issue) => limitMessage((issue.input as string).length, L.identifierLength, 'characters in a name'),
  })
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must start with a letter and contain only letters, digits and _');

/** Free text, bounded so that no field can carry the whole document budget alone. */
const text = maxLength(L.textLength, 'text field');

/** An array of at most `limit` items, the limit named in the message. */
const bounded = <T extends z.ZodType>(item: T, limit: number, what: string) =>
  z.array(item).refine((items) => items.length <= limit, { error: (issue) => limitMessage((issue.input as unknown[]).length, limit, what) });

/** A record of at most `limit` entries, the limit named in the message. */
const boundedRecord = <T extends z.ZodType>(value: T, limit: number, what: string) =>
  z.record(identifier, value).refine((entries) => Object.keys(entries).length <= limit, {
    error: (issue) => limitMessage(Object.keys(issue.input as object).length, limit, what),
  });

/** A formula in mathjs syntax, or a plain number (treated as a constant formula). */
export const formulaSchema = z.union([maxLength(L.formulaLength, 'formula').min(1, 'formula must not be empty'), z.number().finite()]);
export type Formula = z.infer<typeof formulaSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

export const inputSchema = z.strictObject({
  label: text.optional(),
  /** Optional (empty when left out): a missing unit is a warning, and the gate's value-measurement check counts it. */
  unit: text.default(''),
  /** Where the estimate comes from (source or rationale); missing is a warning, as for the unit. */
  source: text.optional(),
  distribution: distributionSpecSchema,
  /** What it would cost to measure this input before deciding (value of information). */
  measurementCost: z.number().finite().nonnegative().optional(),
  /** What a planned measurement of n observations would cost: fixed + perObservation·n (EVSI). */
  samplingCost: samplingCostSchema.optional(),
  /** Measurements of this input; the simulation samples the distribution they update (issue 20). */
  evidence: evidenceSchema.optional(),
  /** Who gave the range and when, scored once the value is known (estimator calibration). */
  estimate: estimateSchema.optional(),
});

export const correlationSchema = z.strictObject({
  inputs: z
    .array(identifier)
    .min(2)
    .refine((names) => names.length <= L.correlatedInputs, {
      error: (issue) => limitMessage((issue.input as unknown[]).length, L.correlatedInputs, 'correlated inputs'),
    }),
  /** Spearman rank correlations, symmetric with a unit diagonal, applied with Iman–Conover. */
  matrix: bounded(bounded(z.number().min(-1).max(1), L.correlatedInputs, 'columns'), L.correlatedInputs, 'rows'),
});

const lineBase = {
  id: identifier,
  label: text.min(1),
  note: text.optional(),
};

const monthRange = {
  fromMonth: z.number().int().min(1).optional(),
  toMonth: z.number().int().min(1).optional(),
};

export const costLineSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...lineBase,
    category: z.enum(COST_CATEGORIES),
    kind: z.literal('oneTime'),
    month: z.number().int().min(1),
    amount: formulaSchema,
  }),
  z.strictObject({
    ...lineBase,
    category: z.enum(COST_CATEGORIES),
    kind: z.literal('monthly'),
    amount: formulaSchema,
    ...monthRange,
  }),
  z.strictObject({
    ...lineBase,
    category: z.enum(COST_CATEGORIES),
    kind: z.literal('perUnit'),
    volume: formulaSchema,
    unitCost: formulaSchema,
    ...monthRange,
  }),
]);

export const benefitLineSchema = z.strictObject({
  ...lineBase,
  /** Gross monthly value before realization and adoption. */
  amount: formulaSchema,
  /** Share of the gross value that becomes real capacity or money (0..1). */
  realization: formulaSchema.default(1),
  /** Multiply by the adoption curve (default true). */
  scaleByAdoption: z.boolean().default(true),
  ...monthRange,
});

export const adoptionSchema = z.strictObject({
  type: z.literal('logistic'),
  /** Month in which use begins (adoption is 0 before it). */
  startMonth: formulaSchema,
  /** Months from the start month to half of the ceiling. */
  monthsToHalf: formulaSchema,
  /** Long-run share of eligible work that uses the tool (0..1). */
  ceiling: formulaSchema,
});

export const pilotCostSchema = z.strictObject({
  label: text.min(1),
  category: z.enum(COST_CATEGORIES),
  /** Total spent over the whole pilot. */
  amount: formulaSchema,
});

export const pilotSchema = z.strictObject({
  durationMonths: z.number().int().min(1),
  /** Share of production volume the pilot covered (0..1). */
  scopeShare: formulaSchema,
  /** Usage among pilot users (default 1: pilot users are volunteers). */
  adoption: formulaSchema.default(1),
  /** Whether the pilot's benefit counted realization; pilots usually report gross time saved. */
  countsRealization: z.boolean().default(false),
  costs: bounded(pilotCostSchema, L.listItems, 'pilot costs'),
  /** The ROI the pilot team reported, for the record. */
  reportedRoi: z.number().finite().optional(),
  note: text.optional(),
});

export const baselineMetricSchema = z.strictObject({
  id: identifier,
  label: text.min(1),
  value: z.number().finite(),
  unit: text.min(1),
  source: text.min(1),
  measuredOn: isoDate.optional(),
});

export const baselineSchema = z.strictObject({
  description: text.optional(),
  metrics: bounded(baselineMetricSchema, L.listItems, 'baseline metrics'),
});

export const expectedChangeSchema = z.strictObject({
  metric: identifier,
  /** Expected value after launch, in the metric's unit. */
  expected: z.number().finite(),
  /** The input that carries this change into the model, if any. */
  input: identifier.optional(),
  note: text.optional(),
});

export const valueHypothesisSchema = z.strictObject({
  statement: text.min(1),
  expectedChanges: bounded(expectedChangeSchema, L.listItems, 'expected changes'),
});

export const measurementPlanSchema = z.strictObject({
  metric: text.min(1),
  method: text.min(1),
  when: text.min(1),
  owner: text.optional(),
});

export const decisionCriteriaSchema = z.strictObject({
  /** When the criteria were agreed; must precede the first results. */
  setOn: isoDate,
  scale: text.min(1),
  stop: text.min(1),
  firstResultsOn: isoDate.optional(),
});

export const metricSchema = z.strictObject({
  id: identifier,
  label: text.min(1),
  unit: text.min(1),
  formula: formulaSchema,
});

/**
 * A variant of the case, for comparisons such as "with knowledge-base clean-up"
 * against "without": lines removed by id, inputs or variables overridden, lines added.
 */
export const variantSchema = z.strictObject({
  label: text.min(1),
  description: text.optional(),
  /** Ids of benefit or cost lines this variant does not have. */
  removeLines: bounded(identifier, L.lines, 'removed lines').optional(),
  /** Inputs whose distribution differs in this variant (new inputs may be added too). */
  inputs: boundedRecord(inputSchema, L.inputs, 'inputs').optional(),
  variables: boundedRecord(formulaSchema, L.variables, 'variables').optional(),
  addBenefits: bounded(benefitLineSchema, L.lines, 'benefit lines').optional(),
  addCosts: bounded(costLineSchema, L.lines, 'cost lines').optional(),
});

/** Post-launch rules of a case (issue 17): re-gate after k months outside P10–P90, durable-change thresholds, review cadence. */
export const postLaunchSchema = z.strictObject({
  regateAfterMonths: z.number().int().min(1).max(L.months).optional(),
  durableMonths: z.number().int().min(1).max(L.months).optional(),
  durableShare: z.number().gt(0).max(1).optional(),
  reviewEveryMonths: z.number().int().min(1).max(L.months).optional(),
  /** Observation error per series id, e.g. { "benefit:clerkTime": { kind: "normal", sd: 500 } }. */
  observationErrors: z
    .record(
      maxLength(200, 'series id'),
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('lognormal'), relativeSd: z.number().positive().finite() }),
        z.strictObject({ kind: z.literal('normal'), sd: z.number().positive().finite() }),
      ]),
    )
    .optional(),
});

export const simulationDefaultsSchema = z.strictObject({
  trials: z.number().int().min(1).max(10_000_000).optional(),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  sampling: z.enum(['mc', 'lhs']).optional(),
});

/**
 * A valuegate business case, format v1.
 *
 * @example
 * const parsed = caseSchema.safeParse(JSON.parse(text));
 */
export const caseSchema = z.strictObject({
  $schema: text.optional(),
  formatVersion: z.literal(1),
  name: text.min(1),
  description: text.optional(),
  ownership: z.strictObject({
    /** Accountable for the process outcome; not the same person as the sponsor. */
    businessOwner: text.optional(),
    sponsor: text.min(1),
    preparedBy: text.optional(),
  }),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
  locale: text.optional(),
  startDate: isoDate,
  horizonMonths: z.number().int().min(1).max(L.months),
  discountRateAnnual: z.number().min(0).max(1),
  inputs: boundedRecord(inputSchema, L.inputs, 'inputs'),
  correlations: correlationSchema.optional(),
  variables: boundedRecord(formulaSchema, L.variables, 'variables').optional(),
  adoption: adoptionSchema,
  benefits: bounded(benefitLineSchema, L.lines, 'benefit lines').min(1),
  costs: bounded(costLineSchema, L.lines, 'cost lines'),
  /**
   * Cost categories answered "none", each with the reason (e.g. "runs on the existing CRM licence"):
   * an explicit answer, never a blank. The gate reports them as answered, not as likely hidden costs.
   */
  noCostReasons: z
    .partialRecord(z.enum(COST_CATEGORIES), text.regex(/\S/, 'say why this category costs nothing, e.g. "covered by the existing licence"'))
    .optional(),
  pilot: pilotSchema.optional(),
  baseline: baselineSchema.optional(),
  valueHypothesis: valueHypothesisSchema.optional(),
  measurementPlan: measurementPlanSchema.optional(),
  /** The production plan: integration, adoption, post-launch accountability and value measurement (optional; the gate counts a missing part). */
  scalingPlan: scalingPlanSchema.optional(),
  decisionCriteria: decisionCriteriaSchema.optional(),
  readiness: readinessSchema.optional(),
  metrics: bounded(metricSchema, L.metrics, 'metrics').optional(),
  decisionRules: decisionRulesSchema.optional(),
  variants: boundedRecord(variantSchema, L.variants, 'variants').optional(),
  simulation: simulationDefaultsSchema.optional(),
  /** Variables whose monthly values can be measured after launch (series `variable:<name>`). */
  observableVariables: bounded(identifier, L.variables, 'observable variables').optional(),
  postLaunch: postLaunchSchema.optional(),
  /** Intake classification, accountability model and the readiness checklist from the organisation's template (issue 18). */
  governance: governanceSchema.optional(),
});

/** A case as written (defaults not yet applied). */
export type CaseInput = z.input<typeof caseSchema>;
/** A validated case with defaults applied. */
export type BusinessCase = z.output<typeof caseSchema>;
export type CostLine = BusinessCase['costs'][number];
export type BenefitLine = BusinessCase['benefits'][number];
export type InputDefinition = BusinessCase['inputs'][string];
