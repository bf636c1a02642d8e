import type { AnalysisKind, AnalysisResource } from '../../models/contract/resources.ts';
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../storage/database.ts';
import { nonFiniteAsString } from '../../models/engine/json-numbers.ts';

/** An analysis stored with the run it rests on. */
export type AnalysisRecord = AnalysisResource;

function toRecord(row: Record<string, unknown>): AnalysisRecord {
  return {
    id: String(row.id),
    runId: String(row.run_id),
    kind: row.kind as AnalysisKind,
    params: row.params as Record<string, unknown>,
    result: row.result,
    createdAt: new Date(row.created_at as string).toISOString(),
    createdBy: String(row.created_by),
  };
}

/**
 * Stores an analysis result; a gate result also stores its recommendation for portfolio queries.
 *
 * @example
 * await insertAnalysis(db, runId, 'tornado', { output: 'npv' }, result, 'alice');
 */
export async function insertAnalysis(db: Queryable, runId: string, kind: string, params: object, result: unknown, createdBy: string): Promise<AnalysisRecord> {
  const id = randomUUID();
  const recommendation = kind === 'gate' ? ((result as { recommendation?: string }).recommendation ?? null) : null;
  await db.query('INSERT INTO analyses (id, run_id, kind, params, result, recommendation, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    id,
    runId,
    kind,
    JSON.stringify(params),
    JSON.stringify(result, nonFiniteAsString),
    recommendation,
    createdBy,
  ]);
  const { rows } = await db.query<Record<string, unknown>>('SELECT * FROM analyses WHERE id = $1', [id]);
  return toRecord(rows[0]);
}

/**
 * A run's analyses, newest first, optionally of one kind.
 *
 * @example
 * const gates = await listAnalyses(db, runId, 'gate');
 */
export async function listAnalyses(db: Queryable, runId: string, kind?: string): Promise<AnalysisRecord[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT * FROM analyses WHERE run_id = $1 ${kind ? 'AND kind = $2' : ''} ORDER BY created_at DESC, id`,
    kind ? [runId, kind] : [runId],
  );
  return rows.map(toRecord);
}
