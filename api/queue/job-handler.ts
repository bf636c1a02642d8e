import { isPartedRequest } from '../jobs/parted-jobs.ts';
import type { JobRequest } from '../jobs/job-types.ts';
import { planAnalysisShards, type AnalysisShardContext } from './analysis-shards.ts';
import { failQueuedResult, storeQueuedResult } from './queue-results.ts';
import { decodeQueued } from './queued-json.ts';

/** A whole job queued by the API (an analysis, a comparison, a portfolio fan): its request and where its result goes. */
export interface QueuedJobData {
  resultId: string;
  /** The request as `encodeQueued` text (jsonb would reorder the case document's keys). */
  request: string;
}

/**
 * Runs a job queued by the API and stores its result or its error in queue_results, where
 * the API that queued it is waiting. Tornado, spider, Sobol, break-even and compare jobs
 * big enough are split into shards across workers instead (analysis-shards.ts); the rest
 * run whole on one worker thread. Both use the same code as in-process
 * (api/jobs/job-worker.ts), so the same numbers. Skips a job whose result exists (a second
 * delivery) or was cancelled.
 *
 * @example
 * await runQueuedJob(context, job.data);
 */
export async function runQueuedJob(context: AnalysisShardContext, job: QueuedJobData): Promise<{ status: string }> {
  const { db, pool } = context;
  const { rows } = await db.query<{ status: string }>('SELECT status FROM queue_results WHERE id = $1', [job.resultId]);
  if (rows[0]?.status !== 'queued') return { status: rows[0]?.status ?? 'missing' };
  const request = decodeQueued(job.request) as JobRequest;
  if (isPartedRequest(request)) {
    const plan = await planAnalysisShards(context, job.resultId, job.request, request);
    if (plan !== 'whole') return { status: plan };
  }
  let result: unknown;
  try {
    result = await pool.submit(request).result;
  } catch (error) {
    await failQueuedResult(db, job.resultId, error as Error);
    return { status: 'failed' };
  }
  await storeQueuedResult(db, job.resultId, result);
  return { status: 'succeeded' };
}
