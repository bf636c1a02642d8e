import { z } from 'zod';
import { distributionSpecSchema } from '../distributions/spec.ts';
import { decisionRulesSchema } from '../gate/decision-rules.ts';
import { COST_CATEGORIES } from './cost-categories.ts';
import { readinessSchema } from './readiness.ts';

/** A name usable in formulas: a letter, then letters, digits or underscores. */
const identifier = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must start with a letter and contain only letters, digits and _');

/** A formula in mathjs syntax, or a plain number (treated as a constant formula). */
export const formulaSchema = z.union([z.string().min(1, 'formula must not be empty'), z.number().finite()]);
export type Formula = z.infer<typeof formulaSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

export const inputSchema = z.strictObject({
  label: z.string().optional(),
  unit: z.string().min(1, 'every input needs a unit, e.g. "EUR/hour" or "tickets/month"'),
  source: z.string().min(1, 'say where the estimate comes from (source or rationale)'),
  distribution: distributionSpecSchema,
  /** What it would cost to measure this input before deciding (value of information). */
  measurementCost: z.number().finite().nonnegative().optional(),
});

export const correlationSchema = z.strictObject({
  inputs: z.array(identifier).min(2),
  /** Spearman rank correlations, symmetric with a unit diagonal, applied with Iman–Conover. */
  matrix: z.array(z.array(z.number().min(-1).max(1))),
});

const lineBase = {
  id: identifier,
  label: z.string().min(1),
  note: z.string().optional(),
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
  label: z.string().min(1),
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
  costs: z.array(pilotCostSchema),
  /** The ROI the pilot team reported, for the record. */
  reportedRoi: z.number().finite().optional(),
  note: z.string().optional(),
});

export const baselineMetricSchema = z.strictObject({
  id: identifier,
  label: z.string().min(1),
  value: z.number().finite(),
  unit: z.string().min(1),
  source: z.string().min(1),
  measuredOn: isoDate.optional(),
});

export const baselineSchema = z.strictObject({
  description: z.string().optional(),
  metrics: z.array(baselineMetricSchema),
});

export const expectedChangeSchema = z.strictObject({
  metric: identifier,
  /** Expected value after launch, in the metric's unit. */
  expected: z.number().finite(),
  /** The input that carries this change into the model, if any. */
  input: identifier.optional(),
  note: z.string().optional(),
});

export const valueHypothesisSchema = z.strictObject({
  statement: z.string().min(1),
  expectedChanges: z.array(expectedChangeSchema),
});

export const measurementPlanSchema = z.strictObject({
  metric: z.string().min(1),
  method: z.string().min(1),
  when: z.string().min(1),
  owner: z.string().optional(),
});

export const decisionCriteriaSchema = z.strictObject({
  /** When the criteria were agreed; must precede the first results. */
  setOn: isoDate,
  scale: z.string().min(1),
  stop: z.string().min(1),
  firstResultsOn: isoDate.optional(),
});

export const metricSchema = z.strictObject({
  id: identifier,
  label: z.string().min(1),
  unit: z.string().min(1),
  formula: formulaSchema,
});

/**
 * A variant of the case, for comparisons such as "with knowledge-base clean-up"
 * against "without": lines removed by id, inputs or variables overridden, lines added.
 */
export const variantSchema = z.strictObject({
  label: z.string().min(1),
  description: z.string().optional(),
  /** Ids of benefit or cost lines this variant does not have. */
  removeLines: z.array(identifier).optional(),
  /** Inputs whose distribution differs in this variant (new inputs may be added too). */
  inputs: z.record(identifier, inputSchema).optional(),
  variables: z.record(identifier, formulaSchema).optional(),
  addBenefits: z.array(benefitLineSchema).optional(),
  addCosts: z.array(costLineSchema).optional(),
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
  $schema: z.string().optional(),
  formatVersion: z.literal(1),
  name: z.string().min(1),
  description: z.string().optional(),
  ownership: z.strictObject({
    /** Accountable for the process outcome; not the same person as the sponsor. */
    businessOwner: z.string().optional(),
    sponsor: z.string().min(1),
    preparedBy: z.string().optional(),
  }),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
  locale: z.string().optional(),
  startDate: isoDate,
  horizonMonths: z.number().int().min(1).max(240),
  discountRateAnnual: z.number().min(0).max(1),
  inputs: z.record(identifier, inputSchema),
  correlations: correlationSchema.optional(),
  variables: z.record(identifier, formulaSchema).optional(),
  adoption: adoptionSchema,
  benefits: z.array(benefitLineSchema).min(1),
  costs: z.array(costLineSchema),
  pilot: pilotSchema.optional(),
  baseline: baselineSchema.optional(),
  valueHypothesis: valueHypothesisSchema.optional(),
  measurementPlan: measurementPlanSchema.optional(),
  decisionCriteria: decisionCriteriaSchema.optional(),
  readiness: readinessSchema.optional(),
  metrics: z.array(metricSchema).optional(),
  decisionRules: decisionRulesSchema.optional(),
  variants: z.record(identifier, variantSchema).optional(),
  simulation: simulationDefaultsSchema.optional(),
});

/** A case as written (defaults not yet applied). */
export type CaseInput = z.input<typeof caseSchema>;
/** A validated case with defaults applied. */
export type BusinessCase = z.output<typeof caseSchema>;
export type CostLine = BusinessCase['costs'][number];
export type BenefitLine = BusinessCase['benefits'][number];
export type InputDefinition = BusinessCase['inputs'][string];
