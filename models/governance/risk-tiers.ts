import { z } from 'zod';
import {
  EU_AI_ACT_CATEGORIES,
  INTAKE_AFFECTED,
  INTAKE_AUTONOMY,
  INTAKE_DECISIONS,
  INTAKE_PERSONAL_DATA,
  checklistItemId,
  type EuAiActCategory,
  type Intake,
} from '../case/governance-schema.ts';
import { READINESS_GATES } from '../case/readiness.ts';
import { READINESS_LEVELS } from '../case/decision-rules-schema.ts';
import { APPROVAL_ROLES } from './approval-roles.ts';

/**
 * One condition of a tier: every field given must match (lists match when they share a value).
 *
 * @example
 * { euAiActCategory: ['highRisk'] } // matches a high-risk case
 */
export const tierConditionSchema = z.strictObject({
  euAiActCategory: z.array(z.enum(EU_AI_ACT_CATEGORIES)).min(1).optional(),
  decisions: z.array(z.enum(INTAKE_DECISIONS)).min(1).optional(),
  affected: z.array(z.enum(INTAKE_AFFECTED)).min(1).optional(),
  personalData: z.array(z.enum(INTAKE_PERSONAL_DATA)).min(1).optional(),
  autonomy: z.array(z.enum(INTAKE_AUTONOMY)).min(1).optional(),
});
export type TierCondition = z.infer<typeof tierConditionSchema>;

/** A risk tier and the path it sets. */
export const riskTierSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-zA-Z0-9-]{0,39}$/, 'must be a tier id such as "low"'),
  label: z.string().min(1).max(100),
  description: z.string().max(2000).optional(),
  /** The tier applies when any condition matches; the last (highest) matching tier wins, the first tier is the fallback. */
  assignWhen: z.array(tierConditionSchema).max(50),
  /**
   * Gates required before scaling, as a floor over the case's own decision rules: these are
   * added to the case's `requiredGates`. Leave out to follow the case's rules (the defaults: all six, met).
   */
  requiredGates: z.array(z.enum(READINESS_GATES)).optional(),
  /** The least level for the required gates; the stricter of this and the case's wins ('met' over 'partly'). */
  requiredGateLevel: z.enum(READINESS_LEVELS).optional(),
  /** Checklist items (template ids) that must be met before scaling; never "not applicable". */
  mandatoryItems: z.array(checklistItemId).max(200),
  /** Approvals a scale decision needs, each by a different person. */
  approvals: z.array(z.enum(APPROVAL_ROLES)).max(10),
  /** Months between post-launch reviews of a scaled case (a case's own postLaunch.reviewEveryMonths wins). */
  reviewEveryMonths: z.number().int().min(1).max(120),
});
export type RiskTier = z.infer<typeof riskTierSchema>;

/** The tiers as an admin sets them: at least one, ids unique, ordered lowest to highest. */
export const riskTiersSchema = z
  .array(riskTierSchema)
  .min(1, 'set at least one tier')
  .max(10)
  .superRefine((tiers, ctx) => {
    const seen = new Set<string>();
    tiers.forEach((tier, index) => {
      if (seen.has(tier.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `tier id "${tier.id}" appears twice` });
      seen.add(tier.id);
    });
  });

/**
 * The default tiers. `low` is today's path (the case's decision rules, no mandatory items, no
 * approvals beyond the approver's decision, reviews every 3 months), so a case without intake keeps
 * its results. `medium`: personal data, financial or customer-facing use, or a transparency case;
 * risk assessment, data protection and legal classification mandatory, business owner and an approver approve. `high`: a
 * high-risk (or prohibited) use, special-category data, or a system acting on customers by itself;
 * business owner, risk owner and an approver approve; reviews every month.
 *
 * @example
 * DEFAULT_RISK_TIERS.map((tier) => tier.id) // ['low', 'medium', 'high']
 */
export const DEFAULT_RISK_TIERS: RiskTier[] = [
  {
    id: 'low',
    label: 'Low',
    description: 'Internal use, no personal data, a person decides: moves fast on the case’s own decision rules.',
    assignWhen: [],
    mandatoryItems: [],
    approvals: [],
    reviewEveryMonths: 3,
  },
  {
    id: 'medium',
    label: 'Medium',
    description: 'Personal data, financial decisions or customer-facing output: added controls and two approvals.',
    assignWhen: [
      { personalData: ['personal'] },
      { decisions: ['financial', 'customerService'] },
      { affected: ['customers', 'public'] },
      { euAiActCategory: ['transparency'] },
    ],
    requiredGates: [...READINESS_GATES],
    requiredGateLevel: 'met',
    mandatoryItems: ['gr-risk-assessment', 'pd-data-protection', 'gr-legal-classification'],
    approvals: ['businessOwner', 'approver'],
    reviewEveryMonths: 3,
  },
  {
    id: 'high',
    label: 'High',
    description: 'High-risk under the EU AI Act, special-category data or autonomous action on people: formal approval.',
    assignWhen: [
      { euAiActCategory: ['highRisk', 'prohibited'] },
      { personalData: ['special'] },
      { autonomy: ['acts'], affected: ['customers', 'public', 'vulnerableGroups'] },
      { affected: ['vulnerableGroups'] },
    ],
    requiredGates: [...READINESS_GATES],
    requiredGateLevel: 'met',
    mandatoryItems: ['gr-risk-assessment', 'pd-data-protection', 'gr-legal-classification', 'gr-impact-assessment', 'gr-human-oversight', 'ac-stop-authority'],
    approvals: ['businessOwner', 'riskOwner', 'approver'],
    reviewEveryMonths: 1,
  },
];

/** The tier the intake derives, with the answers that led to it. */
export interface TierClassification {
  value: string;
  because: string[];
}

const overlaps = (have: readonly string[], want: readonly string[] | undefined) => !want || want.some((value) => have.includes(value));

/** The "question: answer" lines of a matching condition. */
function conditionMatch(condition: TierCondition, intake: Intake, category: EuAiActCategory): string[] | null {
  const lines: string[] = [];
  const check = (key: string, have: readonly string[], want: readonly string[] | undefined) => {
    if (!want) return true;
    const hit = have.filter((value) => want.includes(value));
    if (!overlaps(have, want)) return false;
    lines.push(`${key}: ${hit.join(', ')}`);
    return true;
  };
  const ok =
    check('euAiActCategory', [category], condition.euAiActCategory) &&
    check('decisions', intake.decisions, condition.decisions) &&
    check('affected', intake.affected, condition.affected) &&
    check('personalData', [intake.personalData], condition.personalData) &&
    check('autonomy', [intake.autonomy], condition.autonomy);
  return ok && lines.length > 0 ? lines : null;
}

/**
 * The risk tier of an intake: the highest tier (last in the list) with a matching condition,
 * else the first tier. Without an intake, the first tier.
 *
 * @example
 * classifyRiskTier({ ...intake, decisions: ['financial'] }, 'minimal', DEFAULT_RISK_TIERS).value // 'medium'
 */
export function classifyRiskTier(intake: Intake | undefined, category: EuAiActCategory, tiers: readonly RiskTier[]): TierClassification {
  if (!intake) return { value: tiers[0].id, because: ['no intake answers: the first tier applies'] };
  for (let index = tiers.length - 1; index > 0; index--) {
    for (const condition of tiers[index].assignWhen) {
      const lines = conditionMatch(condition, intake, category);
      if (lines) return { value: tiers[index].id, because: lines };
    }
  }
  return { value: tiers[0].id, because: ['no condition of a higher tier matches'] };
}
