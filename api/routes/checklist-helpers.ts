import type { CaseChecklist } from '../../models/case/governance-schema.ts';
import type { Queryable } from '../storage/database.ts';
import { ApiError } from '../server/problem.ts';
import { updateCase, type CaseRecord, type TransactionalDb } from '../services/case-store.ts';
import { requireDraft, storedForm } from './draft-helpers.ts';

/** A document with its governance checklist replaced. */
export function withChecklist(document: unknown, checklist: CaseChecklist): Record<string, unknown> {
  const doc = structuredClone(document) as Record<string, unknown>;
  const governance = (doc.governance ?? {}) as Record<string, unknown>;
  doc.governance = { ...governance, checklist };
  return doc;
}

/** The case's checklist, or 409 saying how to start one. */
export function requireChecklist(record: CaseRecord): CaseChecklist {
  const checklist = (record.document as { governance?: { checklist?: CaseChecklist } }).governance?.checklist;
  if (!checklist) throw new ApiError(409, `case ${record.id} has no readiness checklist yet; start it with POST /api/cases/${record.id}/checklist`);
  return checklist;
}

/** 409 for an archived case: archived cases do not change. */
export function requireNotArchived(record: CaseRecord): void {
  if (record.archived) throw new ApiError(409, 'the case is archived; archived cases cannot change');
}

/**
 * Saves a governance change of a case as a new version on top of the one read, with work that
 * commits with it (a history row). A concurrent save in between is a 409: nothing is written.
 *
 * @example
 * const saved = await saveGovernanceChange(db, record, document, 'Ada', 'checklist: started from template v1');
 */
export async function saveGovernanceChange(
  db: TransactionalDb,
  record: CaseRecord,
  document: unknown,
  who: string,
  message: string,
  withSave?: (tx: Queryable, version: number) => Promise<void>,
): Promise<CaseRecord> {
  const draft = requireDraft(document);
  const outcome = await updateCase(db, record.id, record.currentVersion, document, storedForm(draft), who, message, { withSave });
  if (outcome.kind === 'missing') throw new ApiError(404, `no case ${record.id}`);
  if (outcome.kind === 'conflict') {
    throw new ApiError(409, `the case changed while this was saved (now version ${outcome.current.currentVersion}); nothing was written, try again`);
  }
  return outcome.record;
}
