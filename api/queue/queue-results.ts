import type { Queryable } from '../storage/database.ts';
import { encodeQueued } from './queued-json.ts';

/** Errors of the machine (a worker thread died), not of the case: pg-boss retries the job. */
const MACHINE_ERRORS = new Set(['WorkerError']);

/**
 * Stores a queued job's result where the API that queued it is waiting (once: a second
 * delivery finds it stored).
 *
 * @example
 * await storeQueuedResult(db, resultId, result);
 */
export async function storeQueuedResult(db: Queryable, resultId: string, result: unknown): Promise<void> {
  await db.query(`UPDATE queue_results SET status = 'succeeded', result = $2, finished_at = now() WHERE id = $1 AND status = 'queued'`, [
    resultId,
    encodeQueued(result),
  ]);
}

/**
 * Fails a queued job with the error the in-process run gives (its name, message, field,
 * hint and issues), once; rethrows an error of the machine so pg-boss retries the job.
 *
 * @example
 * catch (error) { await failQueuedResult(db, resultId, error as Error); }
 */
export async function failQueuedResult(db: Queryable, resultId: string, error: Error): Promise<{ failed: string }> {
  const failure = error as Error & { field?: string; hint?: string; issues?: unknown };
  if (MACHINE_ERRORS.has(failure.name)) throw failure;
  const stored = { name: failure.name, message: failure.message, field: failure.field, hint: failure.hint, issues: failure.issues };
  await db.query(`UPDATE queue_results SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status = 'queued'`, [
    resultId,
    encodeQueued(stored),
  ]);
  return { failed: failure.message };
}
