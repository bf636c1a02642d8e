// The governance section of a case (issue 18): intake answers, the EU AI Act category and the
// organisation's risk tier with any override and its reason, the accountability model and the
// readiness checklist instantiated from the organisation's template. Part of the case format,
// so it lives in case/; classification and the rules that use it live in models/governance/.
import { z } from 'zod';
import { classifyEuAiAct } from './eu-ai-act.ts';
import { EU_AI_ACT_CATEGORIES, intakeSchema } from './intake-schema.ts';

import { READINESS_GATES } from './readiness.ts';

export {
  EU_AI_ACT_AREAS,
  EU_AI_ACT_CATEGORIES,
  EU_AI_ACT_PROHIBITED_PRACTICES,
  INTAKE_AFFECTED,
  INTAKE_AUTONOMY,
  INTAKE_DECISIONS,
  INTAKE_PERSONAL_DATA,
  intakeSchema,
  type EuAiActCategory,
  type Intake,
} from './intake-schema.ts';

const text = z.string().max(5000, 'must be at most 5,000 characters');
const name = z.string().max(200, 'must be at most 200 characters');
const reason = z.string().max(5000, 'must be at most 5,000 characters').regex(/\S/, 'say why the classification is overridden');

/**
 * The functions that own checklist items and sign them off; tokens carry one or more.
 *
 * @example
 * FUNCTIONS.includes('legal') // true
 */
export const FUNCTIONS = ['business', 'it', 'data', 'risk', 'legal', 'hr', 'operations'] as const;
export type BusinessFunction = (typeof FUNCTIONS)[number];

/** Human labels for the functions. */
export const FUNCTION_LABELS = {
  business: 'Business',
  it: 'IT',
  data: 'Data',
  risk: 'Risk',
  legal: 'Legal',
  hr: 'HR',
  operations: 'Operations',
} as const satisfies Record<BusinessFunction, string>;

/** A classification as stored: the value, the answers that led to it, and an override's reason. */
const classification = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    value,
    /** The answers that led to the derived value, as "question: answer" lines (written by the classifier). */
    because: z.array(text).max(50).optional(),
    /** Required when `value` differs from what the intake derives. */
    overrideReason: reason.optional(),
  });

export const euAiActCategorySchema = classification(z.enum(EU_AI_ACT_CATEGORIES));
export const riskTierChoiceSchema = classification(z.string().regex(/^[a-z][a-zA-Z0-9-]{0,39}$/, 'must be a tier id such as "low"'));

/** The accountability model (business owner and sponsor are `ownership`'s). */
export const accountabilitySchema = z.strictObject({
  /** Accepts the risk. */
  riskOwner: name.optional(),
  /** Who may stop the project (one or more people). */
  mayStop: z.array(name).max(20).optional(),
  /** Monitors outcomes after launch. */
  monitoringOwner: name.optional(),
});

/** A checklist item id: lower-case letters, digits and dashes. */
export const checklistItemId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes, e.g. "gr-ai-disclosure"');

/** Control references of an item: NIST AI RMF subcategories (e.g. "GOVERN 1.2") and ISO/IEC 42001 Annex A controls (e.g. "A.5.2"). */
export const controlReferencesSchema = z.strictObject({
  nistAiRmf: z
    .array(z.string().regex(/^(GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+$/, 'must be a NIST AI RMF subcategory such as "MAP 3.2"'))
    .max(20)
    .optional(),
  iso42001: z
    .array(z.string().regex(/^A\.\d+(\.\d+){1,2}$/, 'must be an ISO/IEC 42001 Annex A control such as "A.6.2.6"'))
    .max(20)
    .optional(),
});

/** The definition of an item, as the template (or a case adding its own) writes it. */
export const checklistItemDefinitionShape = {
  id: checklistItemId,
  gate: z.enum(READINESS_GATES),
  item: text.min(1, 'must not be empty'),
  function: z.enum(FUNCTIONS),
  /** What counts as evidence. */
  evidenceHint: text.optional(),
  references: controlReferencesSchema.optional(),
  /** The item is the AI-use disclosure a `transparency` case must meet before scaling (Art. 50). */
  disclosure: z.boolean().optional(),
};

/** The statuses an item can have; `notApplicable` only with a reason, and never for a mandatory item. */
export const CHECKLIST_STATUSES = ['notMet', 'partly', 'met', 'notApplicable'] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

export const checklistEvidenceSchema = z.strictObject({ text: text.optional(), link: z.string().max(2000).optional() });

/** One item of a case's checklist: its definition, where it came from and its current sign-off. */
export const caseChecklistItemSchema = z
  .strictObject({
    ...checklistItemDefinitionShape,
    source: z.enum(['template', 'case']),
    status: z.enum(CHECKLIST_STATUSES),
    evidence: checklistEvidenceSchema.optional(),
    notApplicableReason: text.optional(),
    /** Who set the current status, when, and whether as the item's function or as an admin. */
    signedBy: name.optional(),
    signedAt: z.string().max(40).optional(),
    signedAs: z.enum(['function', 'admin']).optional(),
  })
  .superRefine((item, ctx) => {
    if (item.status === 'met' && !item.evidence?.text?.trim() && !item.evidence?.link?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'a met item needs evidence (text and/or link)' });
    }
    if (item.status === 'notApplicable' && !item.notApplicableReason?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['notApplicableReason'], message: '"not applicable" needs a reason' });
    }
  });
export type CaseChecklistItem = z.infer<typeof caseChecklistItemSchema>;

export const caseChecklistSchema = z
  .strictObject({
    /** The organisation template version the case follows (pinned at creation; changed only by migration). */
    templateVersion: z.number().int().min(1),
    items: z.array(caseChecklistItemSchema).max(500),
  })
  .superRefine((checklist, ctx) => {
    const seen = new Set<string>();
    checklist.items.forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `item id "${item.id}" appears twice` });
      seen.add(item.id);
    });
  });
export type CaseChecklist = z.infer<typeof caseChecklistSchema>;

/**
 * The governance section of a case document.
 *
 * @example
 * caseSchema.parse({ ...doc, governance: { intake, euAiActCategory: { value: 'transparency' }, riskTier: { value: 'medium' } } });
 */
export const governanceSchema = z
  .strictObject({
    intake: intakeSchema.optional(),
    euAiActCategory: euAiActCategorySchema.optional(),
    riskTier: riskTierChoiceSchema.optional(),
    accountability: accountabilitySchema.optional(),
    checklist: caseChecklistSchema.optional(),
  })
  .superRefine((governance, ctx) => {
    // The category is fixed law: a value other than the intake's needs a reason. (The tier depends
    // on the organisation's rules, so the API checks its override.)
    const stated = governance.euAiActCategory;
    if (!governance.intake || !stated || stated.overrideReason?.trim()) return;
    const derived = classifyEuAiAct(governance.intake);
    if (derived.value !== stated.value) {
      ctx.addIssue({
        code: 'custom',
        path: ['euAiActCategory', 'overrideReason'],
        message: `the intake answers give "${derived.value}" (${derived.because.join('; ')}); say why the category is "${stated.value}"`,
      });
    }
  });
export type Governance = z.infer<typeof governanceSchema>;
