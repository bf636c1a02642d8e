/**
 * Who can approve a scale decision: the case's named business owner, sponsor, risk owner or
 * monitoring owner (matched by person), or any holder of an approver token.
 *
 * @example
 * APPROVAL_ROLES.includes('riskOwner') // true
 */
export const APPROVAL_ROLES = ['businessOwner', 'sponsor', 'riskOwner', 'monitoringOwner', 'approver'] as const;
export type ApprovalRole = (typeof APPROVAL_ROLES)[number];

/** Human labels for the approval roles. */
export const APPROVAL_ROLE_LABELS = {
  businessOwner: 'business owner',
  sponsor: 'sponsor',
  riskOwner: 'risk owner',
  monitoringOwner: 'monitoring owner',
  approver: 'an approver',
} as const satisfies Record<ApprovalRole, string>;

/** One recorded approval, as the missing-approval check reads it. */
export interface ApprovalEntry {
  role: ApprovalRole;
  person: string;
}

/**
 * The roles still missing from `required`, given the approvals recorded. An approval counts
 * once, and every counted approval must come from a different person: the same person
 * approving twice in two roles fills only the first.
 *
 * @example
 * missingApprovals(['businessOwner', 'approver'], [{ role: 'businessOwner', person: 'Ada' }]) // ['approver']
 */
export function missingApprovals(required: readonly ApprovalRole[], approvals: readonly ApprovalEntry[]): ApprovalRole[] {
  const used = new Set<string>();
  const key = (person: string) => person.trim().replace(/\s+/g, ' ').toLowerCase();
  const missing: ApprovalRole[] = [];
  for (const role of required) {
    const found = approvals.find((approval) => approval.role === role && !used.has(key(approval.person)));
    if (found) used.add(key(found.person));
    else missing.push(role);
  }
  return missing;
}
