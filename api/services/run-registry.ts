import { EventEmitter } from 'node:events';
import { JobAdmission, limitFromEnv, type QueueLimits } from '../jobs/job-admission.ts';
import type { JobHandle } from '../workers/worker-pool.ts';
import { SharedColumns } from './shared-columns.ts';

/**
 * Open trials.csv downloads allowed: VALUEGATE_MAX_CSV_DOWNLOADS on the server (default 4)
 * and VALUEGATE_MAX_CSV_DOWNLOADS_PER_TOKEN per token (default 3).
 *
 * @example
 * csvDownloadLimitsFromEnv({}) // { global: 4, perToken: 3 }
 */
export function csvDownloadLimitsFromEnv(env: Record<string, string | undefined>): QueueLimits {
  return {
    global: limitFromEnv(env, 'VALUEGATE_MAX_CSV_DOWNLOADS', 4),
    perToken: limitFromEnv(env, 'VALUEGATE_MAX_CSV_DOWNLOADS_PER_TOKEN', 3),
  };
}

/** A live event of a run, as sent over Server-Sent Events. */
export type RunEvent = { type: 'progress'; done: number; total: number } | { type: 'status'; status: string };

/**
 * In-memory state of runs in flight: progress, cancel handles and subscribers for
 * Server-Sent Events. The database holds the durable record.
 *
 * @example
 * registry.subscribe(runId, (event) => stream.writeSSE({ event: event.type, data: JSON.stringify(event) }));
 */
export class RunRegistry {
  private readonly events = new EventEmitter();
  private readonly progress = new Map<string, { done: number; total: number }>();
  private readonly handles = new Map<string, JobHandle<unknown>>();
  /** Each trials.csv holds the run's columns in memory while it streams: at most this many at once (429 beyond). */
  readonly csvDownloads: JobAdmission;
  /** Per-trial columns of runs being downloaded, shared by concurrent downloads of the same run. */
  readonly trialColumns = new SharedColumns();

  constructor(csvLimits: QueueLimits = csvDownloadLimitsFromEnv(process.env)) {
    this.csvDownloads = new JobAdmission(csvLimits, {
      what: 'trials.csv downloads open',
      globalVariable: 'VALUEGATE_MAX_CSV_DOWNLOADS',
      tokenVariable: 'VALUEGATE_MAX_CSV_DOWNLOADS_PER_TOKEN',
      globalName: 'csvDownloads',
      tokenName: 'csvDownloadsPerToken',
    });
    this.events.setMaxListeners(0);
  }

  track(runId: string, handle: JobHandle<unknown>, total: number): void {
    this.handles.set(runId, handle);
    this.progress.set(runId, { done: 0, total });
  }

  reportProgress(runId: string, done: number, total: number): void {
    this.progress.set(runId, { done, total });
    this.events.emit(runId, { type: 'progress', done, total } satisfies RunEvent);
  }

  reportStatus(runId: string, status: string): void {
    this.events.emit(runId, { type: 'status', status } satisfies RunEvent);
    if (status !== 'queued' && status !== 'running') {
      this.handles.delete(runId);
      this.progress.delete(runId);
    }
  }

  progressOf(runId: string): { done: number; total: number } | undefined {
    return this.progress.get(runId);
  }

  /** Cancels a run in flight; false when it is not running here. */
  cancel(runId: string): boolean {
    const handle = this.handles.get(runId);
    if (!handle) return false;
    handle.cancel();
    return true;
  }

  subscribe(runId: string, listener: (event: RunEvent) => void): () => void {
    this.events.on(runId, listener);
    return () => this.events.off(runId, listener);
  }
}
