import type { ApprovalResource } from '../../models/contract/governance-resources.ts';
import type { DecisionResource, ReasonCategory } from '../../models/contract/resources.ts';
import type { Recommendation } from '../../models/gate/recommendation.ts';
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../storage/database.ts';
import { nameVersion } from './version-store.ts';

/** An append-only decision with the exact case version and run it rests on. */
export type DecisionRecordRow = DecisionResource;

const SELECT = `SELECT d.*, r.seed, r.trials, r.sampling, r.engine_version FROM decisions d JOIN runs r ON r.id = d.run_id`;

function toRecord(row: Record<string, unknown>): DecisionRecordRow {
  return {
    id: String(row.id),
    caseId: String(row.case_id),
    decision: row.decision as Recommendation,
    recommendation: (row.recommendation as Recommendation | null) ?? null,
    rationale: String(row.rationale),
    reasonCategory: (row.reason_category as ReasonCategory | null) ?? null,
    takenBy: String(row.taken_by),
    token: row.token_id ? { id: String(row.token_id), name: String(row.token_name) } : null,
    takenAt: new Date(row.taken_at as string).toISOString(),
    caseVersion: Number(row.case_version),
    caseHash: String(row.case_hash),
    runId: String(row.run_id),
    run: { seed: Number(row.seed), trials: Number(row.trials), sampling: String(row.sampling), engineVersion: String(row.engine_version) },
    approvals: (row.approvals as ApprovalResource[] | null) ?? null,
  };
}

/**
 * Appends a decision. There is no update or delete, and a database trigger refuses both.
 *
 * @example
 * await appendDecision(db, { caseId, caseVersion, caseHash, runId, decision: 'scale', recommendation: 'scale', rationale, takenBy: 'Ada Lovelace' });
 */
export async function appendDecision(
  db: Queryable,
  decision: {
    caseId: string;
    caseVersion: number;
    caseHash: string;
    runId: string;
    decision: string;
    recommendation: string | null;
    rationale: string;
    reasonCategory?: ReasonCategory | null;
    /** When; the database's now() unless given (fixtures record past decisions). */
    takenAt?: Date;
    /** The person who decided (the token's person, not only its name). */
    takenBy: string;
    tokenId?: string | null;
    tokenName?: string | null;
    /** The approvals a scale decision rests on (issue 18). */
    approvals?: ApprovalResource[] | null;
  },
): Promise<DecisionRecordRow> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO decisions (id, case_id, case_version, case_hash, run_id, decision, recommendation, rationale, taken_by, token_id, token_name, reason_category, taken_at, approvals)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, coalesce($13::timestamptz, now()), $14)`,
    [
      id,
      decision.caseId,
      decision.caseVersion,
      decision.caseHash,
      decision.runId,
      decision.decision,
      decision.recommendation,
      decision.rationale,
      decision.takenBy,
      decision.tokenId ?? null,
      decision.tokenName ?? null,
      decision.reasonCategory ?? null,
      decision.takenAt?.toISOString() ?? null,
      decision.approvals ? JSON.stringify(decision.approvals) : null,
    ],
  );
  const { rows } = await db.query<Record<string, unknown>>(`${SELECT} WHERE d.id = $1`, [id]);
  return toRecord(rows[0]);
}

/**
 * A case's decisions, oldest first.
 *
 * @example
 * const history = await listDecisions(db, caseId);
 */
export async function listDecisions(db: Queryable, caseId: string): Promise<DecisionRecordRow[]> {
  const { rows } = await db.query<Record<string, unknown>>(`${SELECT} WHERE d.case_id = $1 ORDER BY d.taken_at, d.id`, [caseId]);
  return rows.map(toRecord);
}

/** How a decision reads in a version's name. */
const DECIDED: Record<string, string> = { scale: 'scale', redesign: 'redesign', stop: 'stop', keepAsResearch: 'keep as research' };

/**
 * Names the version a decision rests on ("decided: scale"), so every decision pins a named
 * version. A version that already has a name keeps it.
 *
 * @example
 * await nameDecidedVersion(tx, decision); // version 7 is now named "decided: scale"
 */
export async function nameDecidedVersion(db: Queryable, decision: DecisionRecordRow): Promise<void> {
  await nameVersion(db, decision.caseId, decision.caseVersion, `decided: ${DECIDED[decision.decision] ?? decision.decision}`, decision.takenBy, {
    onlyIfCurrent: false,
  });
}
