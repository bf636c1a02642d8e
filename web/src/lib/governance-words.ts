/**
 * Governance in words, for the gate page and the registry: what an EU AI Act category and a
 * risk tier require, the checklist statuses, and the approvals a scale decision still needs.
 */
import type { ChecklistStatus, EuAiActCategory } from '../../../models/case/governance-schema.ts';
import { READINESS_GATE_LABELS } from '../../../models/case/readiness.ts';
import type { ApprovalsResource, CaseGovernanceResource } from '../../../models/contract/governance-resources.ts';
import { APPROVAL_ROLE_LABELS, type ApprovalRole } from '../../../models/governance/approval-roles.ts';

/** The categories as a reader names them. */
export const CATEGORY_LABELS: Record<EuAiActCategory, string> = {
  prohibited: 'Prohibited',
  highRisk: 'High-risk',
  transparency: 'Transparency obligations',
  minimal: 'Minimal risk',
};

/** What each EU AI Act category requires before the system runs in production. */
export const CATEGORY_REQUIRES: Record<EuAiActCategory, string> = {
  prohibited: 'A prohibited practice (Art. 5): it can never be recommended or decided scale.',
  highRisk:
    'High-risk obligations (Art. 8–15, 26): risk management, data governance, technical documentation, logging, human oversight, accuracy and robustness, and a conformity assessment before use.',
  transparency: 'People must be told they deal with AI or receive AI-generated content (Art. 50): a disclosure item must be met before scaling.',
  minimal: 'Beyond AI literacy for the staff using it (Art. 4), no specific obligations under the Act; the organisation’s own tier rules apply.',
};

/** The checklist statuses, as the sign-off control offers them. */
export const STATUS_LABELS: Record<ChecklistStatus, string> = {
  notMet: 'Not met',
  partly: 'Partly met',
  met: 'Met',
  notApplicable: 'Not applicable',
};

/** "Ada Lovelace (business owner)" style words for one role. */
export function roleWithPerson(role: ApprovalRole, expected: ApprovalsResource['expected']): string {
  const who = expected[role];
  const label = APPROVAL_ROLE_LABELS[role];
  return who ? `${label} (${who})` : label;
}

/**
 * The approvals still missing, in words.
 *
 * @example
 * missingInWords(['approver'], {}) // 'an approver'
 */
export function missingInWords(missing: readonly ApprovalRole[], expected: ApprovalsResource['expected']): string {
  return missing.map((role) => roleWithPerson(role, expected)).join(', ');
}

/** What the case's tier sets: required gates and level, mandatory items, approvals, review cadence. */
export function tierRequires(rules: CaseGovernanceResource['riskTier']['rules'], itemName: (id: string) => string = (id) => id): string[] {
  const lines: string[] = [];
  const gates = rules.requiredGates ?? [];
  lines.push(
    gates.length
      ? `Readiness gates ${rules.requiredGateLevel === 'partly' ? 'at least partly met' : 'met'}: ${gates.map((gate) => READINESS_GATE_LABELS[gate]).join(', ')}.`
      : 'Readiness gates as the case’s own decision rules require.',
  );
  lines.push(rules.mandatoryItems.length ? `Mandatory checklist items: ${rules.mandatoryItems.map(itemName).join('; ')}.` : 'No mandatory checklist items.');
  lines.push(
    rules.approvals.length
      ? `A scale decision needs the approval of: ${rules.approvals.map((role) => APPROVAL_ROLE_LABELS[role]).join(', ')}, each a different person.`
      : 'A scale decision needs no approvals beyond the approver’s decision.',
  );
  lines.push(`Post-launch review every ${rules.reviewEveryMonths === 1 ? 'month' : `${rules.reviewEveryMonths} months`}.`);
  return lines;
}

/**
 * A refused scale decision in words: the 409 naming the missing approvals, read from its
 * field errors (`/approvals/<role>`) so the people expected are named. Null for other errors.
 *
 * @example
 * decisionRefusal(409, { title: 'Conflict', status: 409, errors: [{ path: '/approvals/approver', message: 'missing' }] }, {})
 * // 'The scale decision was refused: it still needs the approval of an approver. Record the approvals above, then decide again.'
 */
export function decisionRefusal(status: number, problem: { errors?: { path: string }[] }, expected: ApprovalsResource['expected']): string | null {
  if (status !== 409) return null;
  const missing = (problem.errors ?? [])
    .map((error) => /^\/approvals\/(\w+)$/.exec(error.path)?.[1])
    .filter((role): role is ApprovalRole => Boolean(role && role in APPROVAL_ROLE_LABELS));
  if (!missing.length) return null;
  return `The scale decision was refused: it still needs the approval of ${missingInWords(missing, expected)}. Record the approvals above, then decide again.`;
}

/** The intake questions as a reader names them, for the "because" lines of a classification. */
const QUESTION_WORDS: Record<string, string> = {
  decisions: 'Decisions it touches',
  affected: 'Who is affected',
  personalData: 'Personal data',
  autonomy: 'Autonomy',
  euAiActArea: 'EU AI Act area',
  prohibitedPractice: 'Prohibited practice',
  interactsWithPeople: 'People interact with it',
  generatesContent: 'Generates content',
  euAiActCategory: 'EU AI Act category',
};

/** "emotionRecognitionAtWorkOrSchool" → "emotion recognition at work or school". */
const words = (value: string) => value.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * A classifier's "question: answer" line in words; other lines unchanged.
 *
 * @example
 * becauseInWords('prohibitedPractice: emotionRecognitionAtWorkOrSchool') // 'Prohibited practice: emotion recognition at work or school'
 */
export function becauseInWords(line: string): string {
  const match = /^(\w+): (.+)$/.exec(line);
  if (!match || !(match[1] in QUESTION_WORDS)) return line;
  return `${QUESTION_WORDS[match[1]]}: ${match[2].split(', ').map(words).join(', ')}`;
}
