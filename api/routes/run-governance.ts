import type { ApprovalRole } from '../../models/governance/approval-roles.ts';
import { resolveGovernance, type ResolvedGovernance } from '../../models/governance/case-governance.ts';
import { ApiError } from '../server/problem.ts';
import type { Services } from '../server/services.ts';
import { governedDocument } from '../services/case-governance.ts';
import { getVersion } from '../services/case-store.ts';
import { getRiskTiers } from '../services/governance-settings.ts';
import type { RunRecord } from '../services/run-store.ts';
import { requireRun } from './require-resource.ts';

const norm = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Whether a name in the case ("Katrin Brandt, Head of Customer Service Operations") names the
 * person a token was issued to ("Katrin Brandt"): the same, or followed by a comma or a bracket.
 *
 * @example
 * namesPerson('Katrin Brandt, Head of CS Operations', 'katrin brandt') // true
 */
export function namesPerson(named: string, person: string): boolean {
  const a = norm(named);
  const b = norm(person);
  return b.length > 0 && (a === b || a.startsWith(`${b},`) || a.startsWith(`${b} (`));
}

/**
 * Who the case names for each approval role (null for the approver, who is anyone with the role).
 *
 * @example
 * expectedApprovers(governance).riskOwner // 'Rita Risk'
 */
export function expectedApprovers(governance: ResolvedGovernance): Partial<Record<ApprovalRole, string | null>> {
  const a = governance.accountability;
  return { businessOwner: a.businessOwner, sponsor: a.sponsor, riskOwner: a.riskOwner, monitoringOwner: a.monitoringOwner, approver: null };
}

/**
 * A succeeded run of the case and the governance of the case version it rests on: approvals and
 * decisions are judged on that version, not on later edits. 422 when the run is unknown or another
 * case's, 409 when it has not succeeded.
 *
 * @example
 * const { governance, run } = await runGovernance(services, caseId, runId);
 */
export async function runGovernance(services: Services, caseId: string, runId: string): Promise<{ governance: ResolvedGovernance; run: RunRecord }> {
  const run = await requireRun(services, runId, false).catch(() => {
    throw new ApiError(422, `no run ${runId}`, [{ path: '/runId', message: 'no such run' }]);
  });
  if (run.caseId !== caseId) throw new ApiError(422, 'the run belongs to another case', [{ path: '/runId', message: 'belongs to another case' }]);
  if (run.status !== 'succeeded') throw new ApiError(409, `the run is ${run.status}; approvals and decisions rest on a succeeded run`);
  const version = await getVersion(services.db, caseId, run.caseVersion);
  return { governance: resolveGovernance(governedDocument(version?.document), await getRiskTiers(services.db)), run };
}
