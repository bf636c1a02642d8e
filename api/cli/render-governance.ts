import type { BusinessCase } from '../../models/case/case-schema.ts';
import type { GateResult } from '../../models/gate/evaluate-gate.ts';
import { APPROVAL_ROLE_LABELS } from '../../models/governance/approval-roles.ts';
import { resolveGovernance } from '../../models/governance/case-governance.ts';
import type { RiskTier } from '../../models/governance/risk-tiers.ts';

/**
 * The governance block of `valuegate gate`: EU AI Act category and risk tier with the answers
 * behind them, the path the tier sets, and the approvals a scale decision needs. A file has no
 * recorded approvals (they live on the server), so all are listed as missing.
 *
 * @example
 * console.log(renderGovernance(bc, result));
 */
export function renderGovernance(bc: BusinessCase, result: GateResult, tiers?: readonly RiskTier[]): string {
  const resolved = resolveGovernance(bc, tiers);
  const category = resolved.euAiActCategory;
  const tier = resolved.riskTier;
  const override = (overridden: boolean, reason: string | null, derived: string) => (overridden ? ` (overridden from ${derived}: ${reason})` : '');
  const lines = [
    'Governance',
    `  EU AI Act category: ${category.value}${override(category.overridden, category.overrideReason, category.derived)}, ${category.article}`,
    `    because ${category.because.join('; ')}`,
    `  Risk tier: ${tier.value} (${tier.label})${override(tier.overridden, tier.overrideReason, tier.derived)}`,
    `    because ${tier.because.join('; ')}`,
    `  Post-launch review every ${result.governance.reviewEveryMonths} month${result.governance.reviewEveryMonths === 1 ? '' : 's'}`,
  ];
  if (result.governance.mandatoryItems.length) lines.push(`  Mandatory checklist items: ${result.governance.mandatoryItems.join(', ')}`);
  const expected: Record<string, string | null> = {
    businessOwner: resolved.accountability.businessOwner,
    sponsor: resolved.accountability.sponsor,
    riskOwner: resolved.accountability.riskOwner,
    monitoringOwner: resolved.accountability.monitoringOwner,
    approver: null,
  };
  const approvals = result.governance.requiredApprovals.map((role) => `${APPROVAL_ROLE_LABELS[role]}${expected[role] ? ` (${expected[role]})` : ''}`);
  lines.push(
    approvals.length
      ? `  Missing approvals for a scale decision: ${approvals.join(', ')} (none are recorded in a file; record them with POST /api/cases/{id}/approvals)`
      : '  Approvals for a scale decision: none beyond the approver’s decision',
  );
  if (resolved.accountability.missing.length && bc.governance) lines.push(`  Accountability not named: ${resolved.accountability.missing.join(', ')}`);
  for (const issue of resolved.issues) lines.push(`  ! ${issue.path}: ${issue.message}`);
  return lines.join('\n');
}
