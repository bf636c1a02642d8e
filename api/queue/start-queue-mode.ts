import { RunRegistry } from '../services/run-registry.ts';
import type { Database } from '../storage/database.ts';
import { openBoss, QUEUES } from './open-boss.ts';
import type { QueueConfig } from './queue-config.ts';
import { QueueClient } from './queue-client.ts';
import { QueuedWorkerPool } from './queued-pool.ts';

/**
 * The API's services for queue mode: pg-boss for sending, the queue client, and a job pool
 * that sends analyses to the workers. Loaded with a dynamic import only when
 * VALUEGATE_QUEUE=pgboss, so the embedded default loads no pg-boss code.
 *
 * @example
 * const { jobs, runs, queue } = await startQueueMode(db, databaseUrl, config.queue, { workers: 2 });
 */
export async function startQueueMode(
  db: Database,
  databaseUrl: string,
  config: QueueConfig,
  pool: { workers: number; maxConcurrent: number },
): Promise<{ jobs: QueuedWorkerPool; runs: RunRegistry; queue: QueueClient }> {
  const boss = await openBoss(databaseUrl, config, { supervise: false, schedule: false });
  if (config.regateCron) await boss.schedule(QUEUES.regate, config.regateCron, { reason: 'schedule' });
  const runs = new RunRegistry();
  const queue = new QueueClient(db, boss, config, runs);
  return { jobs: new QueuedWorkerPool(queue, pool), runs, queue };
}
