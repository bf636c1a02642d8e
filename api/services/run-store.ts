import { randomUUID } from 'node:crypto';
import type { PointEstimate } from '../../models/engine/point-estimate.ts';
import type { RunResource, RunStatus } from '../../models/contract/resources.ts';
import { nonFiniteAsString } from '../../models/engine/json-numbers.ts';
import { resolveFactors, type RepresentativenessFactorsInput } from '../../models/evidence/representativeness-factors.ts';
import type { RunSummary } from '../../models/engine/summarize-run.ts';
import type { RunSettings } from '../jobs/job-types.ts';
import type { Queryable } from '../storage/database.ts';
import { isUuid } from './case-store.ts';

/** A run as the API returns it. */
export type RunRecord = RunResource;
export type { RunStatus };

const iso = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null);

function toRecord(row: Record<string, unknown>, withSummary: boolean): RunRecord {
  const status = row.status as RunStatus;
  const trials = Number(row.trials);
  return {
    id: String(row.id),
    caseId: String(row.case_id),
    caseVersion: Number(row.case_version),
    caseHash: String(row.case_hash),
    status,
    trials,
    seed: Number(row.seed),
    sampling: row.sampling as 'mc' | 'lhs',
    // Runs stored before the factors were recorded ran with the defaults.
    representativenessFactors: resolveFactors(row.representativeness_factors as RepresentativenessFactorsInput | null),
    engineVersion: String(row.engine_version),
    // Queued runs (api/queue) keep their shards' progress in the row; in-process runs report it live.
    progress: { done: status === 'succeeded' ? trials : Number(row.progress_done ?? 0), total: trials },
    ...(withSummary && row.summary ? { summary: row.summary as RunSummary } : {}),
    ...(withSummary && row.point_estimate ? { pointEstimate: row.point_estimate as PointEstimate } : {}),
    ...(row.error ? { error: String(row.error) } : {}),
    createdAt: iso(row.created_at)!,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    createdBy: String(row.created_by),
  };
}

/**
 * The settings that replay a stored run: its trials (as run), seed, sampling and the
 * representativeness factors it recorded, not the portfolio's current ones.
 *
 * @example
 * services.jobs.submit({ type: 'trials', document, settings: runSettings(run) });
 */
export function runSettings(run: Pick<RunRecord, 'trials' | 'seed' | 'sampling' | 'representativenessFactors'>): RunSettings {
  return { trials: run.trials, seed: run.seed, sampling: run.sampling, representativenessFactors: run.representativenessFactors };
}

/**
 * Records a queued run of one case version.
 *
 * @example
 * const run = await insertRun(db, { caseId, caseVersion: 3, caseHash, settings, engineVersion, createdBy });
 */
export async function insertRun(
  db: Queryable,
  run: { caseId: string; caseVersion: number; caseHash: string; settings: RunSettings; engineVersion: string; createdBy: string },
): Promise<RunRecord> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO runs (id, case_id, case_version, case_hash, status, trials, seed, sampling, engine_version, created_by, representativeness_factors)
     VALUES ($1, $2, $3, $4, 'queued', $5, $6, $7, $8, $9, $10)`,
    [
      id,
      run.caseId,
      run.caseVersion,
      run.caseHash,
      run.settings.trials,
      run.settings.seed,
      run.settings.sampling,
      run.engineVersion,
      run.createdBy,
      JSON.stringify(run.settings.representativenessFactors),
    ],
  );
  return (await getRun(db, id))!;
}

/**
 * One run, or null.
 *
 * @example
 * const run = await getRun(db, id);
 */
export async function getRun(db: Queryable, id: string, withSummary = true): Promise<RunRecord | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<Record<string, unknown>>('SELECT * FROM runs WHERE id = $1', [id]);
  return rows[0] ? toRecord(rows[0], withSummary) : null;
}

/**
 * A case's runs, newest first, without their summaries.
 *
 * @example
 * const runs = await listRuns(db, caseId);
 */
export async function listRuns(db: Queryable, caseId: string): Promise<RunRecord[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT id, case_id, case_version, case_hash, status, trials, seed, sampling, representativeness_factors, engine_version, error,
       created_at, started_at, finished_at, created_by
     FROM runs WHERE case_id = $1 ORDER BY created_at DESC, id`,
    [caseId],
  );
  return rows.map((row) => toRecord(row, false));
}

/**
 * Marks a run started.
 *
 * @example
 * await markRunning(db, id);
 */
export async function markRunning(db: Queryable, id: string): Promise<void> {
  await db.query(`UPDATE runs SET status = 'running', started_at = now() WHERE id = $1 AND status = 'queued'`, [id]);
}

/**
 * Stores a finished run's results, with its key money figures in exact numeric columns.
 *
 * @example
 * await markSucceeded(db, id, summary, point);
 */
export async function markSucceeded(db: Queryable, id: string, summary: RunSummary, point: PointEstimate): Promise<void> {
  const npv = summary.outputs.npv;
  const money = (value: number): string | null => (Number.isFinite(value) ? value.toFixed(2) : null);
  await db.query(
    `UPDATE runs SET status = 'succeeded', finished_at = now(), summary = $2, point_estimate = $3,
       npv_mean = $4, npv_p50 = $5, probability_npv_positive = $6, pv_costs_mean = $7, total_cost_mean = $8, trials = $9
     WHERE id = $1 AND status IN ('queued', 'running')`,
    [
      id,
      JSON.stringify(summary, nonFiniteAsString),
      JSON.stringify(point),
      money(npv.mean),
      money(npv.percentiles.p50),
      Number.isFinite(npv.probabilityPositive.value) ? npv.probabilityPositive.value : null,
      money(summary.outputs.pvCosts.mean),
      money(summary.outputs.totalCosts.mean),
      // Precision control chooses the size: the record keeps the trials actually run, so the run repeats from its settings.
      summary.trials,
    ],
  );
}

/**
 * Marks a run failed or cancelled.
 *
 * @example
 * await markEnded(db, id, 'failed', 'the case is invalid');
 */
export async function markEnded(db: Queryable, id: string, status: 'failed' | 'cancelled', error?: string): Promise<void> {
  await db.query(`UPDATE runs SET status = $2, finished_at = now(), error = $3 WHERE id = $1 AND status IN ('queued', 'running')`, [id, status, error ?? null]);
}

/**
 * Runs left queued or running by a previous process cannot finish: mark them failed.
 *
 * @example
 * await failInterruptedRuns(db);
 */
export async function failInterruptedRuns(db: Queryable): Promise<void> {
  await db.query(
    `UPDATE runs SET status = 'failed', finished_at = now(), error = 'the server stopped before the run finished' WHERE status IN ('queued', 'running')`,
  );
}
