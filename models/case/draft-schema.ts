import { z } from 'zod';
import {
  adoptionSchema,
  baselineSchema,
  benefitLineSchema,
  caseSchema,
  decisionCriteriaSchema,
  inputSchema,
  measurementPlanSchema,
  pilotSchema,
  valueHypothesisSchema,
} from './case-schema.ts';
import { CASE_LIMITS as L, limitMessage } from './case-limits.ts';
import { evidenceShape } from './evidence-schema.ts';
import { estimateShape } from './estimate-schema.ts';

/** The benefit lines as in the case schema, but a draft may have none yet. */
const draftBenefits = z
  .array(benefitLineSchema)
  .refine((items) => items.length <= L.lines, { error: (issue) => limitMessage((issue.input as unknown[]).length, L.lines, 'benefit lines') });

/** An input as in the case schema, but its evidence may be incomplete (the to-do list says what it lacks). */
const draftInput = inputSchema.extend({
  evidence: z.strictObject(evidenceShape).partial().optional(),
  estimate: z.strictObject(estimateShape).partial().optional(),
});
const draftInputs = z.record(caseSchema.shape.inputs.keyType, draftInput).refine((entries) => Object.keys(entries).length <= L.inputs, {
  error: (issue) => limitMessage(Object.keys(issue.input as object).length, L.inputs, 'inputs'),
});

/**
 * A case being written: `{"formatVersion": 1, "name": "…"}` at minimum. Derived from
 * `caseSchema`: every other top-level section is optional, the sections a pilot owner
 * fills in part by part (ownership, adoption, pilot, baseline, value hypothesis,
 * measurement plan, decision criteria, an input's evidence) may be incomplete, and every part that is
 * present is still type-checked, so a wrong type stays an error naming its field.
 * What a draft still lacks for a run or the gate is `caseTodo`'s list, not an error.
 *
 * @example
 * draftSchema.safeParse({ formatVersion: 1, name: 'Invoice-matching copilot' }).success // true
 * draftSchema.safeParse({ formatVersion: 1, name: 'X', horizonMonths: 'soon' }).success // false
 */
export const draftSchema = caseSchema.partial().extend({
  formatVersion: caseSchema.shape.formatVersion,
  name: caseSchema.shape.name,
  ownership: caseSchema.shape.ownership.partial().optional(),
  adoption: adoptionSchema.partial().optional(),
  inputs: draftInputs.optional(),
  benefits: draftBenefits.optional(),
  pilot: pilotSchema.partial().optional(),
  baseline: baselineSchema.partial().optional(),
  valueHypothesis: valueHypothesisSchema.partial().optional(),
  measurementPlan: measurementPlanSchema.partial().optional(),
  decisionCriteria: decisionCriteriaSchema.partial().optional(),
});

/** A draft as written. */
export type DraftInput = z.input<typeof draftSchema>;
/** A draft that parses, with the defaults of the parts present applied. */
export type CaseDraftDocument = z.output<typeof draftSchema>;
