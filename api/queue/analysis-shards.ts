import type PgBoss from 'pg-boss';
import { partitionUnits, type AnalysisPart } from '../../models/analysis/analysis-parts.ts';
import type { JobRequest } from '../jobs/job-types.ts';
import type { Database } from '../storage/database.ts';
import type { WorkerPool } from '../workers/worker-pool.ts';
import { QUEUES } from './open-boss.ts';
import type { QueueConfig } from './queue-config.ts';
import { decodeQueued, encodeQueued } from './queued-json.ts';
import { failQueuedResult, storeQueuedResult } from './queue-results.ts';
import { floats } from './shard-store.ts';

/** What the analysis shard and combine handlers need of their worker. */
export interface AnalysisShardContext {
  db: Database;
  boss: PgBoss;
  config: QueueConfig;
  pool: Pick<WorkerPool, 'submit'>;
  workerId: string;
  /** Wakes this process's combine consumers (it just queued a combine). */
  onCombineQueued?: () => void;
}

/** One shard of a split analysis: its result row and its place. */
export interface AnalysisShardJobData {
  resultId: string;
  shard: number;
}

/** A split analysis whose shards are all in. */
export interface AnalysisCombineJobData {
  resultId: string;
}

/** What became of an analysis shard or combine job (pg-boss keeps it as the job's output). */
export type AnalysisShardOutcome = { stored: true; combine: boolean; worker: string } | { succeeded: true } | { dropped: string } | { failed: string };

/**
 * Splits a queued analysis into shards when it is worth it: prices its units on a worker
 * thread, cuts them into about `analysisShardRows` model rows each (at most
 * `analysisMaxShards`), records the plan and queues one job per shard. Returns false when
 * the analysis is one shard (it then runs whole, as before). A second delivery of the same
 * job finds the plan made and queues the shards not yet in again (a shard is idempotent).
 *
 * @example
 * if (!(await planAnalysisShards(context, resultId, requestText, request))) await runWhole();
 */
export async function planAnalysisShards(context: AnalysisShardContext, resultId: string, requestText: string, request: JobRequest): Promise<boolean> {
  const { db, config } = context;
  const { units } = await context.pool.submit<{ units: number[] }>({ type: 'analysisPlan', request }).result;
  const ranges = partitionUnits(units, { targetCost: config.analysisShardRows, maxShards: config.analysisMaxShards });
  if (ranges.length < 2) return false;
  await db.transaction(async (tx) => {
    const { rows } = await tx.query(
      `UPDATE queue_results SET request = $2, shard_count = $3 WHERE id = $1 AND status = 'queued' AND shard_count IS NULL RETURNING id`,
      [resultId, requestText, ranges.length],
    );
    if (!rows.length) return;
    await tx.query(
      `INSERT INTO queue_result_shards (result_id, shard, first_unit, last_unit)
       SELECT $1, s.i - 1, s.first, s.last FROM unnest($2::int[], $3::int[]) WITH ORDINALITY AS s(first, last, i)`,
      [resultId, ranges.map((range) => range.first), ranges.map((range) => range.last)],
    );
  });
  const { rows } = await db.query<{ shard: number }>('SELECT shard FROM queue_result_shards WHERE result_id = $1 AND finished_at IS NULL ORDER BY shard', [
    resultId,
  ]);
  if (rows.length) {
    await context.boss.insert(
      rows.map((row) => ({
        name: QUEUES.analysisShard,
        data: { resultId, shard: row.shard } satisfies AnalysisShardJobData,
        expireInSeconds: config.shardExpireSeconds,
        retryLimit: config.retries,
        retryDelay: 1,
      })),
    );
  } else await queueCombine(context, resultId);
  return true;
}

/**
 * Runs one shard of a split analysis on a worker thread and stores its part (a retried
 * shard overwrites its own row with the same values); the shard that completes the set
 * queues the combine. A case error fails the analysis once; a machine error throws, so
 * pg-boss retries the shard.
 *
 * @example
 * await runAnalysisShard(context, job.data);
 */
export async function runAnalysisShard(context: AnalysisShardContext, job: AnalysisShardJobData): Promise<AnalysisShardOutcome> {
  const { db } = context;
  const { rows } = await db.query<{ status: string; request: string; first_unit: number; last_unit: number; finished: boolean }>(
    `UPDATE queue_result_shards s SET attempts = attempts + 1, worker = $3
     FROM queue_results r WHERE r.id = s.result_id AND s.result_id = $1 AND s.shard = $2
     RETURNING r.status, r.request, s.first_unit, s.last_unit, s.finished_at IS NOT NULL AS finished`,
    [job.resultId, job.shard, context.workerId],
  );
  const row = rows[0];
  if (!row) return { dropped: 'no such analysis' };
  if (row.status !== 'queued') return { dropped: `the analysis is ${row.status}` };
  if (!row.finished) {
    const request = decodeQueued(row.request) as JobRequest;
    let part: AnalysisPart;
    try {
      part = await context.pool.submit<AnalysisPart>({ type: 'analysisPart', request, first: row.first_unit, last: row.last_unit }).result;
    } catch (error) {
      return failQueuedResult(db, job.resultId, error as Error);
    }
    await db.query(`UPDATE queue_result_shards SET meta = $3, data = $4, finished_at = now() WHERE result_id = $1 AND shard = $2`, [
      job.resultId,
      job.shard,
      encodeQueued(part.meta),
      part.data ? Buffer.from(part.data.buffer, part.data.byteOffset, part.data.byteLength) : null,
    ]);
  }
  const missing = await db.query<{ missing: string }>('SELECT count(*) AS missing FROM queue_result_shards WHERE result_id = $1 AND finished_at IS NULL', [
    job.resultId,
  ]);
  if (Number(missing.rows[0].missing) > 0) return { stored: true, combine: false, worker: context.workerId };
  await queueCombine(context, job.resultId);
  return { stored: true, combine: true, worker: context.workerId };
}

/**
 * Puts a split analysis together from its stored parts, in shard order, on a worker thread,
 * and stores the result where the API that queued it is waiting. A second request (every
 * shard that saw the set complete may ask) finds the result stored and does nothing.
 *
 * @example
 * await runAnalysisCombine(context, job.data);
 */
export async function runAnalysisCombine(context: AnalysisShardContext, job: AnalysisCombineJobData): Promise<AnalysisShardOutcome> {
  const { db } = context;
  const { rows: results } = await db.query<{ status: string; request: string }>('SELECT status, request FROM queue_results WHERE id = $1', [job.resultId]);
  if (results[0]?.status !== 'queued') return { dropped: results[0] ? `the analysis is ${results[0].status}` : 'no such analysis' };
  const { rows } = await db.query<{ meta: string | null; data: Buffer | null }>(
    'SELECT meta, data FROM queue_result_shards WHERE result_id = $1 ORDER BY shard',
    [job.resultId],
  );
  if (rows.some((row) => row.meta === null)) return { dropped: 'a shard is not in yet' };
  const parts = rows.map((row): AnalysisPart => ({ meta: decodeQueued(row.meta as string), ...(row.data ? { data: floats(row.data) } : {}) }));
  const request = decodeQueued(results[0].request) as JobRequest;
  let result: unknown;
  try {
    result = await context.pool.submit({ type: 'analysisCombine', request, parts }).result;
  } catch (error) {
    return failQueuedResult(db, job.resultId, error as Error);
  }
  await storeQueuedResult(db, job.resultId, result);
  // The parts' bytes are no longer needed; who ran which shard, how often, stays until the API collects the result.
  await db.query('UPDATE queue_result_shards SET data = NULL WHERE result_id = $1', [job.resultId]);
  return { succeeded: true };
}

/** Queues the combine once: the queue keeps one waiting request per analysis. */
async function queueCombine(context: AnalysisShardContext, resultId: string): Promise<void> {
  await context.boss.send(QUEUES.analysisCombine, { resultId } satisfies AnalysisCombineJobData, {
    singletonKey: resultId,
    retryLimit: context.config.retries,
    retryDelay: 1,
  });
  context.onCombineQueued?.();
}
