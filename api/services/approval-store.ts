import { randomUUID } from 'node:crypto';
import type { ApprovalResource } from '../../models/contract/governance-resources.ts';
import type { ApprovalRole } from '../../models/governance/approval-roles.ts';
import type { Queryable } from '../storage/database.ts';

interface ApprovalRow {
  id: string;
  case_id: string;
  run_id: string;
  role: ApprovalRole;
  person: string;
  token_id: string | null;
  token_name: string | null;
  note: string | null;
  approved_at: Date;
}

const toApproval = (row: ApprovalRow): ApprovalResource => ({
  id: String(row.id),
  caseId: String(row.case_id),
  runId: String(row.run_id),
  role: row.role,
  person: row.person,
  token: row.token_id ? { id: String(row.token_id), name: String(row.token_name) } : null,
  note: row.note,
  approvedAt: new Date(row.approved_at).toISOString(),
});

/** The same person approving one run twice (the unique index decides a race). */
export class DuplicateApprover extends Error {
  constructor(readonly person: string) {
    super(`${person} has already approved this run; each approval must come from a different person`);
    this.name = 'DuplicateApprover';
  }
}

/**
 * Appends an approval of a run; a person approves a run once.
 *
 * @example
 * await appendApproval(db, { caseId, runId, role: 'riskOwner', person: 'Rita Risk', token: null, note: null });
 */
export async function appendApproval(db: Queryable, approval: Omit<ApprovalResource, 'id' | 'approvedAt'>): Promise<ApprovalResource> {
  try {
    const { rows } = await db.query<ApprovalRow>(
      `INSERT INTO case_approvals (id, case_id, run_id, role, person, token_id, token_name, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [randomUUID(), approval.caseId, approval.runId, approval.role, approval.person, approval.token?.id ?? null, approval.token?.name ?? null, approval.note],
    );
    return toApproval(rows[0]);
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new DuplicateApprover(approval.person);
    throw error;
  }
}

/**
 * The approvals of one run, oldest first.
 *
 * @example
 * const approvals = await listApprovals(db, runId);
 */
export async function listApprovals(db: Queryable, runId: string): Promise<ApprovalResource[]> {
  const { rows } = await db.query<ApprovalRow>('SELECT * FROM case_approvals WHERE run_id = $1 ORDER BY approved_at, id', [runId]);
  return rows.map(toApproval);
}
