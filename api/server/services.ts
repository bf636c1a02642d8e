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
  /** The current time (injected so tests can fix it). */
  now: () => Date;
}
