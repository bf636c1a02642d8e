import { z } from 'zod';
import { CASE_LIMITS as L, limitMessage } from './case-limits.ts';

// The scaling plan of a production business case (issue 19): how the pilot becomes a
// production service. Every part is optional so that old cases still parse and drafts can
// be written part by part; the gate counts a missing or incomplete part as an unmet item
// (models/gate/scaling-plan-checks.ts), and the to-do list says what is left.

const text = z.string().refine((value) => value.length <= L.textLength, {
  error: (issue) => limitMessage((issue.input as string).length, L.textLength, 'characters in a text field'),
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).refine((items) => items.length <= L.listItems, { error: (issue) => limitMessage((issue.input as unknown[]).length, L.listItems, what) });

/** A system the production service touches, and what changes in it. */
export const planSystemSchema = z.strictObject({
  name: text.min(1),
  change: text.optional(),
  owner: text.optional(),
});

/** An integration milestone: what, who delivers it, by when. */
export const planMilestoneSchema = z.strictObject({
  label: text.min(1),
  owner: text.optional(),
  due: isoDate.optional(),
});

/** A step of the rollout: by case month `month`, usage reaches `reach` of the adoption curve's ceiling. */
export const adoptionStepSchema = z.strictObject({
  label: text.min(1),
  /** Case month (1 = the start date's month). */
  month: z.number().int().min(1).max(L.months),
  /** Share of the long-run ceiling reached by then (0..1): "full rollout" is usually 0.9 or more. */
  reach: z.number().min(0).max(1),
});

/** Who measures what after launch, and when. */
export const accountabilityRowSchema = z.strictObject({
  who: text.min(1),
  what: text.min(1),
  when: text.min(1),
});

export const scalingPlanSchema = z.strictObject({
  /** Integration plan: systems touched and milestones with owners and dates. */
  integration: z
    .strictObject({
      systems: list(planSystemSchema, 'systems').optional(),
      milestones: list(planMilestoneSchema, 'milestones').optional(),
      note: text.optional(),
    })
    .optional(),
  /** Adoption plan: training, champions, the managers' role and the rollout timeline. */
  adoption: z
    .strictObject({
      training: text.optional(),
      champions: text.optional(),
      managersRole: text.optional(),
      timeline: list(adoptionStepSchema, 'rollout steps').optional(),
    })
    .optional(),
  /** Post-launch accountability: who measures what, when, and who can stop it. */
  accountability: z
    .strictObject({
      measures: list(accountabilityRowSchema, 'accountability rows').optional(),
      canStop: text.optional(),
      stopTrigger: text.optional(),
    })
    .optional(),
  /** How value is measured beyond the case's measurement plan: attribution and reporting. */
  valueMeasurement: z
    .strictObject({
      attribution: text.optional(),
      reporting: text.optional(),
    })
    .optional(),
});

/**
 * The parts of a scaling plan, in document order.
 *
 * @example
 * SCALING_PLAN_PARTS[0] // 'integration'
 */
export const SCALING_PLAN_PARTS = ['integration', 'adoption', 'accountability', 'valueMeasurement'] as const;
export type ScalingPlanPart = (typeof SCALING_PLAN_PARTS)[number];

/** Labels of the parts, as the editor, the gate and the document show them. */
export const SCALING_PLAN_PART_LABELS = {
  integration: 'Integration plan',
  adoption: 'Adoption plan',
  accountability: 'Post-launch accountability',
  valueMeasurement: 'Value-measurement approach',
} as const satisfies Record<ScalingPlanPart, string>;

export type ScalingPlan = z.infer<typeof scalingPlanSchema>;
