import { randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import type { JobRequest } from '../jobs/job-types.ts';
import type { Release } from '../jobs/job-admission.ts';
import { ENGINE_VERSION } from '../../models/formula/compile-case.ts';
import type { RunRegistry } from '../services/run-registry.ts';
import { getRun, insertRun, markEnded } from '../services/run-store.ts';
import type { Database } from '../storage/database.ts';
import { JobError, type JobHandle, type SubmitHooks } from '../workers/job-handle.ts';
import { QUEUES, queueCounts } from './open-boss.ts';
import { enqueueStep, firstStepTrials, planRun } from './plan-run.ts';
import type { QueueConfig } from './queue-config.ts';
import type { QueueHealth, QueuedRunRequest, QueueService } from './queue-service.ts';
import { decodeQueued, encodeQueued } from './queued-json.ts';
import type { QueuedJobData } from './job-handler.ts';
import { cancelRunJobs } from './shard-handler.ts';

/** How often the API reads the runs and results it waits for. */
const POLL_MS = 200;
const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

interface Followed {
  status: string;
  done: number;
  followers: number;
  ended: Array<() => void>;
}

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The API's side of queue mode: queues runs as shards and whole jobs (analyses,
 * comparisons) on pg-boss, and turns the rows workers write (run status and progress,
 * job results) back into the registry's live events and the jobs' promises, by polling.
 *
 * @example
 * services.queue = new QueueClient(db, boss, config, services.runs);
 */
export class QueueClient implements QueueService {
  private readonly followed = new Map<string, Followed>();
  private readonly waiting = new Map<string, Waiting>();
  private timer: NodeJS.Timeout | null = null;
  private polling = false;

  constructor(
    private readonly db: Database,
    private readonly boss: PgBoss,
    private readonly config: QueueConfig,
    private readonly runs: RunRegistry,
  ) {}

  async startRun(request: QueuedRunRequest): Promise<{ run: Awaited<ReturnType<typeof getRun>> & {}; finished: Promise<void> }> {
    const { record, version, stored, settings, createdBy, admitted } = request;
    let runId: string;
    try {
      runId = await this.db.transaction(async (tx) => {
        const inserted = await insertRun(tx, {
          caseId: record.id,
          caseVersion: version,
          caseHash: stored.hash,
          settings,
          engineVersion: ENGINE_VERSION,
          createdBy,
        });
        await planRun(tx, { runId: inserted.id, caseId: record.id, caseVersion: version, settings }, this.config);
        return inserted.id;
      });
      await enqueueStep(this.boss, this.db, { runId, caseId: record.id, caseVersion: version, settings }, 0, firstStepTrials(settings), this.config);
    } catch (error) {
      admitted();
      throw error;
    }
    const run = (await getRun(this.db, runId, false))!;
    const finished = new Promise<void>((resolve) => {
      const unfollow = this.follow(runId, () => {
        unfollow();
        resolve();
      });
    });
    finished.then(admitted, admitted);
    const handle: JobHandle<unknown> = { result: finished, cancel: () => void this.cancelRun(runId), state: () => 'queued' };
    this.runs.track(runId, handle, settings.trials);
    return { run, finished };
  }

  async cancelRun(runId: string): Promise<void> {
    await markEnded(this.db, runId, 'cancelled', 'cancelled');
    await cancelRunJobs(this.db, this.boss, runId);
  }

  follow(runId: string, onEnd?: () => void): () => void {
    const entry = this.followed.get(runId) ?? { status: 'queued', done: -1, followers: 0, ended: [] };
    entry.followers++;
    if (onEnd) entry.ended.push(onEnd);
    this.followed.set(runId, entry);
    this.schedule();
    let left = false;
    return () => {
      if (left) return;
      left = true;
      if (--entry.followers <= 0) this.followed.delete(runId);
    };
  }

  submit<T>(request: JobRequest, hooks: SubmitHooks & { admitted: Release }): JobHandle<T> {
    const resultId = randomUUID();
    let state: 'queued' | 'running' | 'finished' = 'queued';
    const result = new Promise<T>((resolve, reject) => {
      this.waiting.set(resultId, { resolve: resolve as (value: unknown) => void, reject });
    });
    result.then(hooks.admitted, hooks.admitted);
    result.then(
      () => (state = 'finished'),
      () => (state = 'finished'),
    );
    void (async () => {
      await this.db.query(`INSERT INTO queue_results (id, kind, status) VALUES ($1, $2, 'queued')`, [resultId, request.type]);
      // As text: pg-boss keeps job data as jsonb, which reorders keys, and an input's place in the case's order matters (Sobol draws in it).
      await this.boss.send(QUEUES.job, { resultId, request: encodeQueued(request) } satisfies QueuedJobData, {
        retryLimit: this.config.retries,
        retryDelay: 1,
        expireInSeconds: 3600,
      });
      this.schedule();
    })().catch((error: Error) => this.settle(resultId, null, error));
    return {
      result,
      state: () => state,
      cancel: () => {
        void this.db.query(`UPDATE queue_results SET status = 'cancelled', finished_at = now() WHERE id = $1 AND status = 'queued'`, [resultId]);
        this.settle(resultId, null, new JobError('AbortError', 'cancelled'));
      },
    };
  }

  async health(): Promise<QueueHealth> {
    const counts = await queueCounts(this.boss, this.config.schema);
    const { rows } = await this.db.query<{ workers: string; threads: string | null }>(
      `SELECT count(*) AS workers, sum(concurrency) AS threads FROM queue_workers WHERE seen_at > now() - interval '1 minute'`,
    );
    return { kind: 'pgboss', ...counts, workers: Number(rows[0].workers), threads: Number(rows[0].threads ?? 0), shardTrials: this.config.shardTrials };
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const [id] of this.waiting) this.settle(id, null, new JobError('AbortError', 'the server is shutting down'));
    await this.boss.stop({ graceful: false, wait: false } as never).catch(() => undefined);
  }

  private settle(id: string, value: unknown, error?: Error): void {
    const waiter = this.waiting.get(id);
    if (!waiter) return;
    this.waiting.delete(id);
    if (error) waiter.reject(error);
    else waiter.resolve(value);
  }

  private schedule(): void {
    if (this.timer || (!this.followed.size && !this.waiting.size)) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.poll().finally(() => this.schedule());
    }, POLL_MS);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      await this.pollRuns();
      await this.pollResults();
    } catch {
      // The database may be away for a moment: the next poll tries again.
    } finally {
      this.polling = false;
    }
  }

  private async pollRuns(): Promise<void> {
    if (!this.followed.size) return;
    const { rows } = await this.db.query<{ id: string; status: string; done: string | null; total: number }>(
      `SELECT r.id, r.status, r.progress_done AS done, COALESCE(p.step_trials, r.trials) AS total
       FROM runs r LEFT JOIN run_plans p ON p.run_id = r.id WHERE r.id = ANY($1::uuid[])`,
      [[...this.followed.keys()]],
    );
    for (const row of rows) {
      const entry = this.followed.get(row.id);
      if (!entry) continue;
      const done = Number(row.done ?? 0);
      if (done !== entry.done && !FINAL.has(row.status)) {
        entry.done = done;
        this.runs.reportProgress(row.id, done, Number(row.total));
      }
      if (row.status !== entry.status) {
        entry.status = row.status;
        this.runs.reportStatus(row.id, row.status);
      }
      if (FINAL.has(row.status)) {
        this.followed.delete(row.id);
        for (const ended of entry.ended.splice(0)) ended();
      }
    }
  }

  private async pollResults(): Promise<void> {
    if (!this.waiting.size) return;
    const { rows } = await this.db.query<{ id: string; status: string; result: string | null; error: string | null }>(
      `SELECT id, status, result::text AS result, error::text AS error FROM queue_results WHERE id = ANY($1::uuid[]) AND status <> 'queued'`,
      [[...this.waiting.keys()]],
    );
    for (const row of rows) {
      if (row.status === 'succeeded') this.settle(row.id, decodeQueued(row.result ?? 'null'));
      else {
        const failure = (row.error ? decodeQueued(row.error) : { name: 'AbortError', message: 'cancelled' }) as Record<string, string | undefined>;
        this.settle(row.id, null, new JobError(failure.name ?? 'Error', failure.message ?? 'failed', failure.field, failure.hint, failure.issues));
      }
      void this.db.query('DELETE FROM queue_results WHERE id = $1', [row.id]).catch(() => undefined);
    }
  }
}
