import { EventEmitter } from 'node:events';
import type { JobHandle } from '../jobs/job-pool.ts';

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

  constructor() {
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
