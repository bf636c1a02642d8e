import type { QueueService } from '../queue/queue-service.ts';
import type { WorkerPool } from '../workers/worker-pool.ts';
import type { RunRegistry } from '../services/run-registry.ts';
import type { Database } from '../storage/database.ts';
import type { ServiceConfig } from './config.ts';

/** What route handlers use: storage, the job pool, live run state, settings and the clock. */
export interface Services {
  db: Database;
  jobs: WorkerPool;
  runs: RunRegistry;
  config: ServiceConfig;
  /** Queue mode (VALUEGATE_QUEUE=pgboss): runs and analyses go to `valuegate worker` processes; absent by default. */
  queue?: QueueService;
  /** The current time (injected so tests can fix it). */
  now: () => Date;
}
