import type PgBoss from 'pg-boss';
import { markEnded } from '../services/run-store.ts';
import type { Database } from '../storage/database.ts';
import type { WorkerPool } from '../workers/worker-pool.ts';
import { QUEUES } from './open-boss.ts';
import type { ShardJobData } from './plan-run.ts';
import type { QueueConfig } from './queue-config.ts';
import { claimShard, reportShardProgress, runStatus, storeShard } from './shard-store.ts';
import { summariseStep, type SummariseJobData } from './summarise-step.ts';
import { CHUNK_SIZE, chunkCount } from '../../models/engine/simulation-env.ts';

/** What a shard job needs of its worker. */
export interface ShardContext {
  db: Database;
  boss: PgBoss;
  config: QueueConfig;
  /** Where the shard runs: the worker's threads (a test may run it on the calling thread). */
  pool: Pick<WorkerPool, 'submit'>;
  workerId: string;
  documentOf(caseId: string, version: number): Promise<unknown>;
  /** Wakes this process's summarise consumers (it just queued a summary). */
  onSummariseQueued?: () => void;
}

/** How often a running shard reads its run's state (cancel) and writes its progress. */
const WATCH_MS = 200;

/** Errors of the machine, not of the case: pg-boss retries the shard (elsewhere, after a delay). */
const MACHINE_ERRORS = new Set(['WorkerError']);

/** What became of a shard job (pg-boss stores it as the job's output). */
export type ShardOutcome = { stored: true; summarise: boolean } | { summarised: string } | { dropped: string } | { failedRun: string };

/**
 * Runs one shard of a queued run on a worker thread, and stores it. Between chunks the
 * thread checks a cancel flag this handler sets when the run is no longer running (cancel
 * does not stop a pg-boss handler: the worker has to look). A case error fails the run once
 * and completes the job (no retry storm); a machine error throws, so pg-boss retries.
 *
 * @example
 * await runShardJob(context, job.data);
 */
export async function runShardJob(context: ShardContext, job: ShardJobData): Promise<ShardOutcome> {
  const { db } = context;
  const live = (status: string | null): boolean => status === 'queued' || status === 'running';
  const refused = await claimShard(db, job.runId, job.step, job.shard, context.workerId);
  if (refused) return { dropped: refused };
  let document: unknown;
  try {
    document = await context.documentOf(job.caseId, job.caseVersion);
  } catch (error) {
    return failRun(context, job, (error as Error).message);
  }
  let done = 0;
  let written = 0;
  const handle = context.pool.submit<{ data: Float64Array }>(
    {
      type: 'shard',
      document,
      env: { trials: job.trials, seed: job.seed, sampling: job.sampling },
      firstChunk: job.firstChunk,
      lastChunk: job.lastChunk,
      representativenessFactors: job.representativenessFactors,
    },
    { onProgress: (trials) => (done = trials) },
  );
  // Reads the run's state (cancel) and writes progress every WATCH_MS while the thread runs.
  let watching = true;
  let wake: (() => void) | null = null;
  const watch = (async () => {
    while (watching) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, WATCH_MS);
      });
      if (!watching) break;
      const status = await runStatus(db, job.runId).catch(() => 'running');
      if (!live(status)) handle.cancel();
      else if (done !== written) {
        written = done;
        await reportShardProgress(db, job.runId, job.step, job.shard, done).catch(() => undefined);
      }
    }
  })();
  let packed: Float64Array;
  try {
    packed = (await handle.result).data;
  } catch (error) {
    const failure = error as Error;
    if (failure.name === 'AbortError') return { dropped: 'cancelled' };
    if (MACHINE_ERRORS.has(failure.name)) throw failure;
    return failRun(context, job, failure.message);
  } finally {
    watching = false;
    (wake as (() => void) | null)?.();
    await watch;
  }
  if (!live(await runStatus(db, job.runId))) return { dropped: 'the run ended while the shard ran' };
  const trials = Math.min(job.trials, job.lastChunk * CHUNK_SIZE) - job.firstChunk * CHUNK_SIZE;
  const summary: SummariseJobData = { runId: job.runId, caseId: job.caseId, caseVersion: job.caseVersion, step: job.step };
  if (job.firstChunk === 0 && job.lastChunk === chunkCount(job.trials)) {
    // The step's only shard: summarised here, from memory (no bytes stored and read back, no summarise job).
    // A worker that dies now leaves the shard's job to be retried, which runs and summarises it again.
    await reportShardProgress(db, job.runId, job.step, job.shard, trials);
    return { summarised: await summariseStep(db, context.boss, context.config, summary, packed) };
  }
  const { complete } = await storeShard(db, job.runId, job.step, job.shard, packed, trials);
  if (!complete) return { stored: true, summarise: false };
  // Every shard that sees the step complete asks; the summarise queue keeps one request per step waiting, and the summariser ignores stale ones.
  await context.boss.send(QUEUES.summarise, summary, { singletonKey: `${job.runId}:${job.step}`, retryLimit: context.config.retries, retryDelay: 1 });
  context.onSummariseQueued?.();
  return { stored: true, summarise: true };
}

/** A shard failed because of the case: the run fails with that reason, once; its other shards are dropped. */
async function failRun(context: ShardContext, job: ShardJobData, reason: string): Promise<ShardOutcome> {
  await markEnded(context.db, job.runId, 'failed', reason);
  await cancelRunJobs(context.db, context.boss, job.runId);
  return { failedRun: reason };
}

/**
 * Drops a run's shards still waiting in pg-boss (running ones see the run's state and stop).
 *
 * @example
 * await cancelRunJobs(db, boss, runId);
 */
export async function cancelRunJobs(db: Database, boss: PgBoss, runId: string): Promise<void> {
  const { rows } = await db.query<{ job_id: string }>('SELECT job_id FROM run_shards WHERE run_id = $1 AND job_id IS NOT NULL AND data IS NULL', [runId]);
  if (rows.length)
    await boss
      .cancel(
        QUEUES.shard,
        rows.map((row) => row.job_id),
      )
      .catch(() => undefined);
}
