import type { ApprovalResource } from '../../models/contract/governance-resources.ts';
import { APPROVAL_ROLE_LABELS, missingApprovals } from '../../models/governance/approval-roles.ts';
import type { ResolvedGovernance } from '../../models/governance/case-governance.ts';
import { ApiError } from '../server/problem.ts';
import { listApprovals } from '../services/approval-store.ts';
import type { Queryable } from '../storage/database.ts';
import { expectedApprovers } from './run-governance.ts';

/**
 * The approvals a scale decision on a run rests on, or 409: a prohibited practice under the EU AI
 * Act is never scaled, and the tier's approvals must all be recorded, each by a different person.
 *
 * @example
 * const approvals = await requireScaleAllowed(db, run.id, governance);
 */
export async function requireScaleAllowed(db: Queryable, runId: string, governance: ResolvedGovernance): Promise<ApprovalResource[]> {
  const category = governance.euAiActCategory;
  if (category.value === 'prohibited') {
    throw new ApiError(409, `the EU AI Act prohibits this practice (${category.article}): a prohibited case can never be decided scale`);
  }
  const approvals = await listApprovals(db, runId);
  const missing = missingApprovals(governance.riskTier.rules.approvals, approvals);
  if (missing.length) {
    const expected = expectedApprovers(governance);
    const names = missing.map((role) => `${APPROVAL_ROLE_LABELS[role]}${expected[role] ? ` (${expected[role]})` : ''}`);
    throw new ApiError(
      409,
      `missing approvals for a scale decision of this ${governance.riskTier.label}-tier case: ${names.join(', ')}; record them with POST /api/cases/{id}/approvals on this run`,
      missing.map((role) => ({ path: `/approvals/${role}`, message: `missing: ${APPROVAL_ROLE_LABELS[role]}` })),
      { missing },
    );
  }
  return approvals;
}
