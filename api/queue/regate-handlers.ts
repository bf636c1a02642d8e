import type PgBoss from 'pg-boss';
import { regateCase, staleCases, type RegateTarget } from '../services/regate-portfolio.ts';
import type { Database } from '../storage/database.ts';
import type { WorkerPool } from '../workers/worker-pool.ts';
import { QUEUES } from './open-boss.ts';
import type { QueueConfig } from './queue-config.ts';

/** The scheduled (or `valuegate regate --all`) portfolio re-gate: which run to make. */
export interface RegateJobData {
  reason: 'schedule' | 'cli';
  trials?: number;
}

/** One case's re-gate. */
export interface RegateCaseJobData {
  target: RegateTarget;
  trials?: number;
  today?: string;
}

/**
 * Queues one regate-case job per stale case (a case each: the portfolio spreads over every
 * worker). Returns the cases queued.
 *
 * @example
 * const targets = await queueRegate(db, boss, config, { reason: 'cli', trials: 20_000 });
 */
export async function queueRegate(db: Database, boss: PgBoss, config: QueueConfig, job: RegateJobData): Promise<RegateTarget[]> {
  const targets = await staleCases(db);
  if (targets.length) {
    await boss.insert(
      targets.map((target) => ({
        name: QUEUES.regateCase,
        data: { target, trials: job.trials } satisfies RegateCaseJobData,
        retryLimit: config.retries,
        retryDelay: 1,
        // One re-gate of a case version at a time.
        singletonKey: `${target.caseId}:${target.caseVersion}`,
      })),
    );
  }
  return targets;
}

/** Registers the re-gate's handlers on a worker; returns their work ids. */
export async function registerRegateHandlers(options: {
  db: Database;
  boss: PgBoss;
  config: QueueConfig;
  pool: WorkerPool;
  concurrency: number;
  drain: <T extends object>(name: string, handler: (data: T) => Promise<unknown>) => Promise<string>;
}): Promise<string[]> {
  const { db, boss, config, pool, drain } = options;
  const ids = [await drain<RegateJobData>(QUEUES.regate, async (data) => ({ queued: (await queueRegate(db, boss, config, data)).length }))];
  const runner = (request: Parameters<WorkerPool['submit']>[0]): Promise<unknown> => pool.submit(request).result;
  for (let i = 0; i < options.concurrency; i++) {
    ids.push(
      await drain<RegateCaseJobData>(QUEUES.regateCase, async (data) => {
        const today = data.today ?? new Date().toISOString().slice(0, 10);
        return regateCase(db, runner, data.target, today, data.trials);
      }),
    );
  }
  if (config.regateCron) await boss.schedule(QUEUES.regate, config.regateCron, { reason: 'schedule' } satisfies RegateJobData);
  return ids;
}
