import type { BusinessCase } from '../case/case-schema.ts';
import type { CaseChecklistItem } from '../case/governance-schema.ts';
import type { ChecklistItem, Readiness } from '../case/readiness.ts';
import type { ApprovalRole } from '../governance/approval-roles.ts';
import type { ResolvedGovernance } from '../governance/case-governance.ts';
import type { DecisionRules } from './decision-rules.ts';
import type { Criterion } from './gate-criteria.ts';

/** The governance part of a gate result: the path the case's tier sets. */
export interface GateGovernance {
  euAiActCategory: ResolvedGovernance['euAiActCategory']['value'];
  euAiActArticle: string;
  riskTier: string;
  riskTierLabel: string;
  /** Approvals a scale decision needs, each by a different person. */
  requiredApprovals: ApprovalRole[];
  mandatoryItems: string[];
  reviewEveryMonths: number;
  /** Problems with the case's governance section (e.g. a tier override without a reason). */
  issues: { path: string; message: string }[];
}

const LEVEL_ORDER = { partly: 0, met: 1 } as const;

/**
 * The decision rules with the tier's floor: its required gates added to the case's, and the
 * stricter of the two levels. A tier without required gates (the default `low`) changes nothing.
 *
 * @example
 * withTierFloor(rules, highTier).requiredGates.length // 6
 */
export function withTierFloor(rules: DecisionRules, tier: ResolvedGovernance['riskTier']['rules']): DecisionRules {
  if (!tier.requiredGates && !tier.requiredGateLevel) return rules;
  const gates = [...rules.requiredGates];
  for (const gate of tier.requiredGates ?? []) if (!gates.includes(gate)) gates.push(gate);
  const level =
    tier.requiredGateLevel && LEVEL_ORDER[tier.requiredGateLevel] > LEVEL_ORDER[rules.requiredGateLevel] ? tier.requiredGateLevel : rules.requiredGateLevel;
  return { ...rules, requiredGates: gates, requiredGateLevel: level };
}

/** How a signed checklist item reads in a readiness gate: its function and who signed it. */
function asReadinessItem(item: CaseChecklistItem): ChecklistItem {
  const signed = item.signedBy ? `; signed by ${item.signedBy}${item.signedAs === 'admin' ? ' (admin)' : ''} on ${(item.signedAt ?? '').slice(0, 10)}` : '';
  return {
    item: item.item,
    status: item.status === 'notApplicable' ? 'notMet' : item.status,
    ...(item.evidence && { evidence: { text: [item.evidence.text, item.evidence.link].filter(Boolean).join(' ') } }),
    owner: `${item.function}${signed}`,
  };
}

/**
 * The readiness lists with the case's checklist items added to their gates (not-applicable
 * items left out) and, when the case has a governance section, the automatic accountability
 * item in the business-ownership gate.
 *
 * @example
 * withGovernanceItems(bc.readiness, bc, resolved).businessOwnership?.at(-1)?.item // 'Accountability model named …'
 */
export function withGovernanceItems(readiness: Readiness | undefined, bc: BusinessCase, governance: ResolvedGovernance): Readiness {
  const result: Readiness = { ...(readiness ?? {}) };
  for (const item of bc.governance?.checklist?.items ?? []) {
    if (item.status === 'notApplicable') continue;
    result[item.gate] = [...(result[item.gate] ?? []), asReadinessItem(item)];
  }
  if (bc.governance) {
    const missing = governance.accountability.missing;
    const status = missing.length === 0 ? 'met' : missing.length === 5 ? 'notMet' : 'partly';
    result.businessOwnership = [
      ...(result.businessOwnership ?? []),
      {
        item: 'Accountability model named: business owner, sponsor, risk owner, who may stop, monitoring owner (checked automatically from the case)',
        status,
        evidence: { text: missing.length ? `not named: ${missing.join(', ')}` : 'all five named' },
        owner: 'valuegate',
      },
    ];
  }
  return result;
}

function flag(id: string, label: string, met: boolean, note: string): Criterion {
  return { id, label, group: 'scale', met, figure: met ? 1 : 0, threshold: 1, comparison: '>=', standardError: null, tooClose: false, note };
}

/**
 * The governance criteria of a case with a governance section: not prohibited under the EU
 * AI Act, the AI-use disclosure met for a transparency case, and each mandatory item of the tier met.
 *
 * @example
 * governanceCriteria(bc, resolved).map((criterion) => criterion.id) // ['euAiActNotProhibited', 'mandatory.gr-risk-assessment', …]
 */
export function governanceCriteria(bc: BusinessCase, governance: ResolvedGovernance): Criterion[] {
  if (!bc.governance) return [];
  const items = bc.governance.checklist?.items ?? [];
  const category = governance.euAiActCategory;
  const criteria: Criterion[] = [
    flag(
      'euAiActNotProhibited',
      'Not a prohibited practice under the EU AI Act (Art. 5)',
      category.value !== 'prohibited',
      category.value === 'prohibited' ? `a prohibited practice under ${category.article} can never be scaled` : `category: ${category.value}`,
    ),
  ];
  if (category.value === 'transparency') {
    const disclosures = items.filter((item) => item.disclosure);
    const met = disclosures.some((item) => item.status === 'met');
    criteria.push(
      flag(
        'transparencyDisclosure',
        'AI-use disclosure met (EU AI Act Art. 50)',
        met,
        met
          ? `met: ${disclosures.find((item) => item.status === 'met')!.id}`
          : disclosures.length
            ? `the disclosure item (${disclosures.map((item) => item.id).join(', ')}) is not met`
            : 'the checklist has no disclosure item: people must be told they deal with AI or AI-generated content',
      ),
    );
  }
  for (const id of governance.riskTier.rules.mandatoryItems) {
    const item = items.find((entry) => entry.id === id);
    const met = item?.status === 'met';
    criteria.push(
      flag(
        `mandatory.${id}`,
        `Mandatory for the ${governance.riskTier.label} tier: ${item?.item ?? id}`,
        met,
        !item
          ? 'not in the case’s checklist'
          : met
            ? `met, signed by ${item.signedBy ?? 'unknown'}`
            : `${item.status}; the ${item.function} function signs it off`,
      ),
    );
  }
  return criteria;
}

/**
 * The governance summary of a gate result.
 *
 * @example
 * gateGovernance(resolved).requiredApprovals // ['businessOwner', 'approver']
 */
export function gateGovernance(governance: ResolvedGovernance): GateGovernance {
  const tier = governance.riskTier;
  return {
    euAiActCategory: governance.euAiActCategory.value,
    euAiActArticle: governance.euAiActCategory.article,
    riskTier: tier.value,
    riskTierLabel: tier.label,
    requiredApprovals: [...tier.rules.approvals],
    mandatoryItems: [...tier.rules.mandatoryItems],
    reviewEveryMonths: tier.rules.reviewEveryMonths,
    issues: governance.issues,
  };
}
