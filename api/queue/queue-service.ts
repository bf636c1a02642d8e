import type { JobRequest, RunSettings } from '../jobs/job-types.ts';
import type { Release } from '../jobs/job-admission.ts';
import type { CaseRecord } from '../services/case-store.ts';
import type { RunRecord } from '../services/run-store.ts';
import type { JobHandle, SubmitHooks } from '../workers/job-handle.ts';

/** What GET /api/health reports of the queue. */
export interface QueueHealth {
  kind: 'pgboss';
  /** Jobs waiting (created or waiting to retry) and running, over valuegate's pg-boss queues. */
  queued: number;
  active: number;
  /** `valuegate worker` processes that said they were alive in the last minute, and their threads. */
  workers: number;
  threads: number;
  shardTrials: number;
}

/** A run to queue: the case version's stored document and hash, settings resolved, its admission place taken. */
export interface QueuedRunRequest {
  record: CaseRecord;
  version: number;
  stored: { document: unknown; hash: string };
  settings: RunSettings;
  createdBy: string;
  admitted: Release;
}

/**
 * Queue mode as the API sees it (api/queue/queue-client.ts implements it; this file loads no
 * pg-boss code, so the embedded default never does).
 */
export interface QueueService {
  startRun(request: QueuedRunRequest): Promise<{ run: RunRecord; finished: Promise<void> }>;
  /** Marks a run cancelled and drops its queued shards; running shards stop between chunks. */
  cancelRun(runId: string): Promise<void>;
  /** Streams a run's progress and status into the run registry until it ends (for SSE clients of runs another API queued). */
  follow(runId: string): () => void;
  submit<T>(request: JobRequest, hooks: SubmitHooks & { admitted: Release }): JobHandle<T>;
  health(): Promise<QueueHealth>;
  close(): Promise<void>;
}
