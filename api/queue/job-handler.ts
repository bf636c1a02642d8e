import type { JobRequest } from '../jobs/job-types.ts';
import type { Database } from '../storage/database.ts';
import type { WorkerPool } from '../workers/worker-pool.ts';
import { decodeQueued, encodeQueued } from './queued-json.ts';

/** A whole job queued by the API (an analysis, a comparison, a portfolio fan): its request and where its result goes. */
export interface QueuedJobData {
  resultId: string;
  /** The request as `encodeQueued` text (jsonb would reorder the case document's keys). */
  request: string;
}

/** Errors of the machine: thrown so pg-boss retries the job. */
const MACHINE_ERRORS = new Set(['WorkerError']);

/**
 * Runs a whole job on one worker thread and stores its result or its error in
 * queue_results, where the API that queued it is waiting. The same code as in-process
 * (api/jobs/job-worker.ts), so the same numbers. Skips a job whose result exists (a
 * second delivery) or was cancelled.
 *
 * @example
 * await runQueuedJob(db, pool, job.data);
 */
export async function runQueuedJob(db: Database, pool: WorkerPool, job: QueuedJobData): Promise<{ status: string }> {
  const { rows } = await db.query<{ status: string }>('SELECT status FROM queue_results WHERE id = $1', [job.resultId]);
  if (rows[0]?.status !== 'queued') return { status: rows[0]?.status ?? 'missing' };
  try {
    const result = await pool.submit(decodeQueued(job.request) as JobRequest).result;
    await db.query(`UPDATE queue_results SET status = 'succeeded', result = $2, finished_at = now() WHERE id = $1 AND status = 'queued'`, [
      job.resultId,
      encodeQueued(result),
    ]);
    return { status: 'succeeded' };
  } catch (error) {
    const failure = error as Error & { field?: string; hint?: string; issues?: unknown };
    if (MACHINE_ERRORS.has(failure.name)) throw failure;
    const stored = { name: failure.name, message: failure.message, field: failure.field, hint: failure.hint, issues: failure.issues };
    await db.query(`UPDATE queue_results SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status = 'queued'`, [
      job.resultId,
      encodeQueued(stored),
    ]);
    return { status: 'failed' };
  }
}
