import { randomUUID } from 'node:crypto';
import type { ChecklistChangeResource } from '../../models/contract/governance-resources.ts';
import type { BusinessFunction, ChecklistStatus } from '../../models/case/governance-schema.ts';
import type { Queryable } from '../storage/database.ts';

interface ChangeRow {
  id: string;
  case_id: string;
  case_version: number;
  item_id: string;
  from_status: ChecklistStatus;
  to_status: ChecklistStatus;
  evidence: { text?: string; link?: string } | null;
  reason: string | null;
  changed_by: string;
  token_id: string | null;
  token_name: string | null;
  signed_as: 'function' | 'admin';
  item_function: BusinessFunction;
  changed_at: Date;
}

const toChange = (row: ChangeRow): ChecklistChangeResource => ({
  id: String(row.id),
  caseId: String(row.case_id),
  itemId: row.item_id,
  caseVersion: Number(row.case_version),
  from: row.from_status,
  to: row.to_status,
  evidence: row.evidence,
  reason: row.reason,
  changedBy: row.changed_by,
  token: row.token_id ? { id: String(row.token_id), name: String(row.token_name) } : null,
  signedAs: row.signed_as,
  function: row.item_function,
  changedAt: new Date(row.changed_at).toISOString(),
});

/** A status change to append. */
export type NewChecklistChange = Omit<ChecklistChangeResource, 'id' | 'changedAt'>;

/**
 * Appends one status change of a checklist item; a trigger refuses updates and deletes.
 *
 * @example
 * await appendChecklistChange(tx, { caseId, caseVersion: 5, itemId: 'gr-ai-disclosure', from: 'notMet', to: 'met', … });
 */
export async function appendChecklistChange(db: Queryable, change: NewChecklistChange): Promise<ChecklistChangeResource> {
  const { rows } = await db.query<ChangeRow>(
    `INSERT INTO checklist_changes (id, case_id, case_version, item_id, from_status, to_status, evidence, reason, changed_by, token_id, token_name, signed_as, item_function)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
    [
      randomUUID(),
      change.caseId,
      change.caseVersion,
      change.itemId,
      change.from,
      change.to,
      change.evidence ? JSON.stringify(change.evidence) : null,
      change.reason,
      change.changedBy,
      change.token?.id ?? null,
      change.token?.name ?? null,
      change.signedAs,
      change.function,
    ],
  );
  return toChange(rows[0]);
}

/**
 * Every status change of a case's checklist, oldest first.
 *
 * @example
 * const history = await listChecklistChanges(db, caseId);
 */
export async function listChecklistChanges(db: Queryable, caseId: string): Promise<ChecklistChangeResource[]> {
  const { rows } = await db.query<ChangeRow>('SELECT * FROM checklist_changes WHERE case_id = $1 ORDER BY changed_at, id', [caseId]);
  return rows.map(toChange);
}

/** The governance facts of a case row: the pinned template version and its retirement. */
export interface CaseGovernanceRow {
  pinnedTemplateVersion: number;
  retired: { at: string; by: string; reason: string } | null;
}

/**
 * The pinned template version and retirement of a case.
 *
 * @example
 * const { pinnedTemplateVersion } = await caseGovernanceRow(db, caseId);
 */
export async function caseGovernanceRow(db: Queryable, caseId: string): Promise<CaseGovernanceRow> {
  const { rows } = await db.query<{ checklist_template_version: number; retired_at: Date | null; retired_by: string | null; retire_reason: string | null }>(
    'SELECT checklist_template_version, retired_at, retired_by, retire_reason FROM cases WHERE id = $1',
    [caseId],
  );
  const row = rows[0];
  return {
    pinnedTemplateVersion: Number(row?.checklist_template_version ?? 1),
    retired: row?.retired_at ? { at: new Date(row.retired_at).toISOString(), by: String(row.retired_by), reason: String(row.retire_reason) } : null,
  };
}

/**
 * Records the retirement of a case, once; returns false when it was already retired.
 *
 * @example
 * await retireCase(db, caseId, 'Ada', 'replaced by the new CRM assistant');
 */
export async function retireCase(db: Queryable, caseId: string, who: string, reason: string): Promise<boolean> {
  const { rows } = await db.query(
    'UPDATE cases SET retired_at = now(), retired_by = $2, retire_reason = $3 WHERE id = $1 AND retired_at IS NULL RETURNING id',
    [caseId, who, reason],
  );
  return rows.length > 0;
}
