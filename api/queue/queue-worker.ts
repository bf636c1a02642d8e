import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import { getVersion } from '../services/case-store.ts';
import type { Database } from '../storage/database.ts';
import { WorkerPool } from '../workers/worker-pool.ts';
import { runAnalysisCombine, runAnalysisShard, type AnalysisCombineJobData, type AnalysisShardContext, type AnalysisShardJobData } from './analysis-shards.ts';
import { runQueuedJob, type QueuedJobData } from './job-handler.ts';
import { QUEUES } from './open-boss.ts';
import type { QueueConfig } from './queue-config.ts';
import { registerRegateHandlers } from './regate-handlers.ts';
import { runShardJob, type ShardContext } from './shard-handler.ts';
import type { ShardJobData } from './plan-run.ts';
import { summariseStep, type SummariseJobData } from './summarise-step.ts';

/** A started `valuegate worker`. */
export interface QueueWorker {
  id: string;
  /** Stops taking jobs, waits for the ones in hand, stops the threads. */
  stop(): Promise<void>;
}

/** How often a worker says it is alive (GET /api/health counts workers seen in the last minute). */
const HEARTBEAT_MS = 10_000;

/** pg-boss's poll interval: how long an idle consumer waits before it looks again. */
const POLL_SECONDS = 0.5;

/**
 * Consumes one job at a time from a queue. pg-boss 10 waits out the poll interval after
 * every job that took less than it; a consumer that just finished a job looks again at once
 * instead (notifyWorker), so short shards do not queue behind a half-second sleep each.
 *
 * @example
 * await drain(boss, QUEUES.shard, (job) => runShardJob(context, job));
 */
export async function drain<T extends object>(boss: PgBoss, name: string, handler: (data: T) => Promise<unknown>): Promise<string> {
  let workId = '';
  workId = await boss.work<T>(name, { pollingIntervalSeconds: POLL_SECONDS, batchSize: 1 }, async ([job]) => {
    try {
      return await handler(job.data);
    } finally {
      boss.notifyWorker(workId);
    }
  });
  return workId;
}

/**
 * Starts a queue worker: `concurrency` worker threads, and as many pg-boss consumers of
 * run shards, analyses, analysis shards and re-gates; summarising a run happens on this
 * process's main thread, combining a split analysis on one of its threads.
 *
 * @example
 * const worker = await startQueueWorker({ db, boss, config, concurrency: 2 });
 */
export async function startQueueWorker(options: {
  db: Database;
  boss: PgBoss;
  config: QueueConfig;
  concurrency: number;
  log?: (line: string) => void;
}): Promise<QueueWorker> {
  const { db, boss, config, concurrency } = options;
  const id = `${hostname()}:${process.pid}:${Date.now().toString(36)}`;
  const pool = new WorkerPool({ workers: concurrency, maxConcurrent: concurrency, limits: { global: 1_000_000, perToken: 1_000_000 } });
  const documents = new Map<string, Promise<unknown>>();
  const documentOf = (caseId: string, version: number): Promise<unknown> => {
    const key = `${caseId}:${version}`;
    let found = documents.get(key);
    if (!found) {
      // Case versions never change: cached for the process (bounded).
      if (documents.size > 256) documents.clear();
      found = getVersion(db, caseId, version).then((stored) => {
        if (!stored) throw Object.assign(new Error(`case ${caseId} has no version ${version}`), { name: 'InvalidCase' });
        return stored.document;
      });
      documents.set(key, found);
      found.catch(() => documents.delete(key));
    }
    return found;
  };
  const context: ShardContext = { db, boss, config, pool, workerId: id, documentOf };
  await db.query(
    `INSERT INTO queue_workers (id, host, pid, concurrency) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET seen_at = now()`,
    [id, hostname(), process.pid, concurrency],
  );
  const heartbeat = setInterval(() => {
    void db.query('UPDATE queue_workers SET seen_at = now() WHERE id = $1', [id]).catch(() => undefined);
  }, HEARTBEAT_MS);
  const workIds: string[] = [];
  const summarisers: string[] = [];
  const combiners: string[] = [];
  context.onSummariseQueued = () => {
    for (const workId of summarisers) boss.notifyWorker(workId);
  };
  const analysisContext: AnalysisShardContext = {
    db,
    boss,
    config,
    pool,
    workerId: id,
    onCombineQueued: () => {
      for (const workId of combiners) boss.notifyWorker(workId);
    },
  };
  // One consumer per thread: each takes one shard at a time, so a shard waits in the queue (where
  // another machine can take it) rather than in this process.
  for (let i = 0; i < concurrency; i++) {
    workIds.push(await drain<ShardJobData>(boss, QUEUES.shard, (job) => runShardJob(context, job)));
    workIds.push(await drain<QueuedJobData>(boss, QUEUES.job, (job) => runQueuedJob(analysisContext, job)));
    workIds.push(await drain<AnalysisShardJobData>(boss, QUEUES.analysisShard, (job) => runAnalysisShard(analysisContext, job)));
  }
  summarisers.push(await drain<SummariseJobData>(boss, QUEUES.summarise, (job) => summariseStep(db, boss, config, job)));
  combiners.push(await drain<AnalysisCombineJobData>(boss, QUEUES.analysisCombine, (job) => runAnalysisCombine(analysisContext, job)));
  workIds.push(...summarisers, ...combiners);
  workIds.push(...(await registerRegateHandlers({ db, boss, config, pool, concurrency, drain: (name, handler) => drain(boss, name, handler) })));
  options.log?.(`valuegate worker ${id}: ${concurrency} threads, shards of ${config.shardTrials.toLocaleString('en')} trials`);
  return {
    id,
    async stop() {
      clearInterval(heartbeat);
      for (const workId of workIds) await boss.offWork({ id: workId } as never).catch(() => undefined);
      await pool.close();
      // Gone, not just quiet: health and the analysis planner count only the threads still there.
      await db.query('DELETE FROM queue_workers WHERE id = $1', [id]).catch(() => undefined);
    },
  };
}
