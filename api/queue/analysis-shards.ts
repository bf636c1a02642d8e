import type PgBoss from 'pg-boss';
import { partitionUnits, type AnalysisPart } from '../../models/analysis/analysis-parts.ts';
import type { JobRequest } from '../jobs/job-types.ts';
import type { Database } from '../storage/database.ts';
import type { WorkerPool } from '../workers/worker-pool.ts';
import { QUEUES } from './open-boss.ts';
import type { QueueConfig } from './queue-config.ts';
import { decodeQueued, encodeQueued } from './queued-json.ts';
import { failQueuedResult, storeQueuedResult } from './queue-results.ts';
import { bytesOf, floats } from './shard-store.ts';

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

/** One shard of one stage of a split analysis. */
export interface AnalysisShardJobData {
  resultId: string;
  stage: number;
  shard: number;
}

/** A stage of a split analysis whose shards are all in. */
export interface AnalysisCombineJobData {
  resultId: string;
  stage: number;
}

/** What became of an analysis shard or combine job (pg-boss keeps it as the job's output). */
export type AnalysisShardOutcome =
  | { stored: true; combine: boolean; worker: string }
  | { succeeded: true }
  | { advanced: number }
  | { dropped: string }
  | { failed: string };

type StageRequest = { request: JobRequest; stage: number; previous?: AnalysisPart };

/**
 * Splits a queued analysis into shards when it is worth it: prices its units on a worker
 * thread, cuts them into about `analysisShardRows` model rows each (at most
 * `analysisMaxShards`), records the plan and queues one job per shard. Returns `whole` when
 * the analysis is one shard (it then runs whole, as before), `failed` when the case is at
 * fault (stored as the analysis's error). A second delivery of the same job finds the plan
 * made and queues the shards not yet in again (a shard is idempotent).
 *
 * @example
 * if ((await planAnalysisShards(context, resultId, requestText, request)) === 'whole') await runWhole();
 */
export async function planAnalysisShards(
  context: AnalysisShardContext,
  resultId: string,
  requestText: string,
  request: JobRequest,
): Promise<'whole' | 'split' | 'failed'> {
  const priced = await onThread<{ units: number[] }>(context, resultId, { type: 'analysisPlan', request, stage: 0 });
  if (!priced) return 'failed';
  const ranges = await shardsOf(context, priced.units);
  if (ranges.length < 2) return 'whole';
  // Not recorded: the analysis was cancelled meanwhile, or is already past its first stage.
  if (await recordStage(context.db, resultId, { stage: 0, ranges, request: requestText })) await queueMissingShards(context, resultId, 0);
  return 'split';
}

/**
 * Runs one shard of a split analysis on a worker thread and stores its part (a shard found
 * stored is not run again; a retried shard overwrites its own row with the same values);
 * the shard that completes its stage queues the combine. A case error fails the analysis
 * once; a machine error throws, so pg-boss retries the shard.
 *
 * @example
 * await runAnalysisShard(context, job.data);
 */
export async function runAnalysisShard(context: AnalysisShardContext, job: AnalysisShardJobData): Promise<AnalysisShardOutcome> {
  const { db } = context;
  const { rows } = await db.query<{ status: string; current: number; request: string; first_unit: number; last_unit: number; finished: boolean }>(
    `UPDATE queue_result_shards s SET attempts = attempts + 1, worker = $4
     FROM queue_results r WHERE r.id = s.result_id AND s.result_id = $1 AND s.stage = $2 AND s.shard = $3
     RETURNING r.status, r.stage AS current, r.request, s.first_unit, s.last_unit, s.finished_at IS NOT NULL AS finished`,
    [job.resultId, job.stage, job.shard, context.workerId],
  );
  const row = rows[0];
  if (!row) return { dropped: 'no such analysis' };
  if (row.status !== 'queued') return { dropped: `the analysis is ${row.status}` };
  if (row.current !== job.stage) return { dropped: `the analysis is at stage ${row.current}` };
  if (!row.finished) {
    const stage = { request: decodeQueued(row.request) as JobRequest, stage: job.stage, previous: await previousOf(db, job.resultId, job.stage) };
    const part = await onThread<AnalysisPart>(context, job.resultId, { type: 'analysisPart', ...stage, first: row.first_unit, last: row.last_unit });
    if (!part) return { failed: 'the case' };
    await db.query(`UPDATE queue_result_shards SET meta = $4, data = $5, finished_at = now() WHERE result_id = $1 AND stage = $2 AND shard = $3`, [
      job.resultId,
      job.stage,
      job.shard,
      encodeQueued(part.meta),
      bytesOf(part.data),
    ]);
  }
  const missing = await db.query<{ missing: string }>(
    'SELECT count(*) AS missing FROM queue_result_shards WHERE result_id = $1 AND stage = $2 AND finished_at IS NULL',
    [job.resultId, job.stage],
  );
  if (Number(missing.rows[0].missing) > 0) return { stored: true, combine: false, worker: context.workerId };
  await queueCombine(context, job.resultId, job.stage);
  return { stored: true, combine: true, worker: context.workerId };
}

/**
 * Puts a stage of a split analysis together from its stored parts, in shard order, on a
 * worker thread. The last stage's combine is the result, stored where the API waits; an
 * earlier stage's (Sobol's centred outputs) is kept on the result row and the next stage
 * is planned and queued (or run here, when it is one shard). A second request finds the
 * stage done and only makes sure the next stage's shards are queued.
 *
 * @example
 * await runAnalysisCombine(context, job.data);
 */
export async function runAnalysisCombine(context: AnalysisShardContext, job: AnalysisCombineJobData): Promise<AnalysisShardOutcome> {
  const { db } = context;
  const { rows: results } = await db.query<{ status: string; request: string; stage: number }>(
    'SELECT status, request, stage FROM queue_results WHERE id = $1',
    [job.resultId],
  );
  const result = results[0];
  if (!result) return { dropped: 'no such analysis' };
  if (result.status !== 'queued') return { dropped: `the analysis is ${result.status}` };
  if (result.stage > job.stage) {
    await queueMissingShards(context, job.resultId, result.stage);
    return { dropped: `the analysis is at stage ${result.stage}` };
  }
  const { rows } = await db.query<{ meta: string | null; data: Buffer | null }>(
    'SELECT meta, data FROM queue_result_shards WHERE result_id = $1 AND stage = $2 ORDER BY shard',
    [job.resultId, job.stage],
  );
  if (!rows.length || rows.some((row) => row.meta === null)) return { dropped: 'a shard is not in yet' };
  const parts = rows.map((row): AnalysisPart => ({ meta: decodeQueued(row.meta as string), ...(row.data ? { data: floats(row.data) } : {}) }));
  const stage: StageRequest = {
    request: decodeQueued(result.request) as JobRequest,
    stage: job.stage,
    previous: await previousOf(db, job.resultId, job.stage),
  };
  const combined = await onThread<{ value: unknown; last: boolean }>(context, job.resultId, { type: 'analysisCombine', ...stage, parts });
  if (!combined) return { failed: 'the case' };
  return advance(context, job.resultId, stage, combined);
}

/** After a stage's combine: the result stored, or the next stage planned (and run at once when it is one shard). */
async function advance(
  context: AnalysisShardContext,
  resultId: string,
  done: StageRequest,
  combined: { value: unknown; last: boolean },
): Promise<AnalysisShardOutcome> {
  let { value, last } = combined;
  let stage = done.stage;
  while (!last) {
    const next: StageRequest = { request: done.request, stage: stage + 1, previous: value as AnalysisPart };
    const priced = await onThread<{ units: number[] }>(context, resultId, { type: 'analysisPlan', ...next });
    if (!priced) return { failed: 'the case' };
    const ranges = await shardsOf(context, priced.units);
    if (ranges.length > 1) {
      if (await recordStage(context.db, resultId, { stage: next.stage, ranges, previous: next.previous }))
        await queueMissingShards(context, resultId, next.stage);
      return { advanced: next.stage };
    }
    const part = await onThread<AnalysisPart>(context, resultId, { type: 'analysisPart', ...next, first: 0, last: priced.units.length });
    const stageCombined = part && (await onThread<{ value: unknown; last: boolean }>(context, resultId, { type: 'analysisCombine', ...next, parts: [part] }));
    if (!stageCombined) return { failed: 'the case' };
    ({ value, last } = stageCombined);
    stage = next.stage;
  }
  await storeQueuedResult(context.db, resultId, value);
  // The parts' bytes are no longer needed; who ran which shard, how often, stays until the API collects the result.
  await context.db.query('UPDATE queue_result_shards SET data = NULL WHERE result_id = $1', [resultId]);
  await context.db.query('UPDATE queue_results SET previous_data = NULL WHERE id = $1', [resultId]);
  return { succeeded: true };
}

/**
 * The shards of a stage's units: about `analysisShardRows` model rows each, at most
 * `analysisMaxShards`, and no more than the worker threads seen in the last minute, since
 * every shard repeats some work (compiling the case, drawing what comes before its units)
 * and more shards than threads only add that.
 */
async function shardsOf(context: AnalysisShardContext, units: number[]) {
  const { rows } = await context.db.query<{ threads: string | null }>(
    `SELECT sum(concurrency) AS threads FROM queue_workers WHERE seen_at > now() - interval '1 minute'`,
  );
  const threads = Math.max(1, Number(rows[0]?.threads ?? 1));
  return partitionUnits(units, { targetCost: context.config.analysisShardRows, maxShards: Math.min(context.config.analysisMaxShards, threads) });
}

/**
 * Records a stage's plan, once: stage 0 with the request, a later stage with the previous
 * stage's combined part (moving the result row on from that stage). False when another
 * worker recorded it first.
 */
async function recordStage(
  db: Database,
  resultId: string,
  plan: { stage: number; ranges: { first: number; last: number }[]; request?: string; previous?: AnalysisPart },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const moved =
      plan.stage === 0
        ? await tx.query(`UPDATE queue_results SET request = $2 WHERE id = $1 AND status = 'queued' AND stage = 0 RETURNING id`, [resultId, plan.request])
        : await tx.query(
            `UPDATE queue_results SET stage = $2, previous_meta = $3, previous_data = $4 WHERE id = $1 AND status = 'queued' AND stage = $2 - 1 RETURNING id`,
            [resultId, plan.stage, encodeQueued(plan.previous?.meta ?? null), bytesOf(plan.previous?.data)],
          );
    if (!moved.rows.length) return false;
    // Only the first plan of a stage counts: a second delivery (perhaps on a worker with other settings) keeps it.
    const { rows } = await tx.query(
      `INSERT INTO queue_result_shards (result_id, stage, shard, first_unit, last_unit)
       SELECT $1, $2, s.i - 1, s.first, s.last FROM unnest($3::int[], $4::int[]) WITH ORDINALITY AS s(first, last, i)
       WHERE NOT EXISTS (SELECT 1 FROM queue_result_shards WHERE result_id = $1 AND stage = $2) RETURNING shard`,
      [resultId, plan.stage, plan.ranges.map((range) => range.first), plan.ranges.map((range) => range.last)],
    );
    return rows.length > 0 || plan.stage === 0;
  });
}

/** Queues a job for every shard of the stage not yet in; with all in, the combine. */
async function queueMissingShards(context: AnalysisShardContext, resultId: string, stage: number): Promise<void> {
  const { rows } = await context.db.query<{ shard: number }>(
    'SELECT shard FROM queue_result_shards WHERE result_id = $1 AND stage = $2 AND finished_at IS NULL ORDER BY shard',
    [resultId, stage],
  );
  if (!rows.length) return queueCombine(context, resultId, stage);
  await context.boss.insert(
    rows.map((row) => ({
      name: QUEUES.analysisShard,
      data: { resultId, stage, shard: row.shard } satisfies AnalysisShardJobData,
      expireInSeconds: context.config.shardExpireSeconds,
      retryLimit: context.config.retries,
      retryDelay: 1,
    })),
  );
}

/** Queues a stage's combine once: the queue keeps one waiting request per analysis and stage. */
async function queueCombine(context: AnalysisShardContext, resultId: string, stage: number): Promise<void> {
  await context.boss.send(QUEUES.analysisCombine, { resultId, stage } satisfies AnalysisCombineJobData, {
    singletonKey: `${resultId}:${stage}`,
    retryLimit: context.config.retries,
    retryDelay: 1,
  });
  context.onCombineQueued?.();
}

/** The previous stage's combined part a later stage starts from (none for stage 0). */
async function previousOf(db: Database, resultId: string, stage: number): Promise<AnalysisPart | undefined> {
  if (stage === 0) return undefined;
  const { rows } = await db.query<{ meta: string; data: Buffer | null }>(
    'SELECT previous_meta AS meta, previous_data AS data FROM queue_results WHERE id = $1',
    [resultId],
  );
  return { meta: decodeQueued(rows[0].meta), ...(rows[0].data ? { data: floats(rows[0].data) } : {}) };
}

/** Runs a request on a worker thread; a case error fails the analysis (null), a machine error throws for a retry. */
async function onThread<T>(context: AnalysisShardContext, resultId: string, request: JobRequest): Promise<T | null> {
  try {
    return await context.pool.submit<T>(request).result;
  } catch (error) {
    await failQueuedResult(context.db, resultId, error as Error);
    return null;
  }
}
