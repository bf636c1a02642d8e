import { createResource, createSignal, type Accessor } from 'solid-js';
import { api, followRun, type RunRequest } from '../lib/api.ts';
import type { RunResource, RunStatus } from '../lib/api-types.ts';

export interface RunProgress {
  runId: string;
  done: number;
  total: number;
  status: RunStatus;
  startedAt: number;
}

export interface RunsStore {
  runs: Accessor<RunResource[]>;
  loading: Accessor<boolean>;
  /** The newest succeeded run, with its summary loaded. */
  latest: Accessor<RunResource | null>;
  /** A server run in progress, with its progress from SSE. */
  progress: Accessor<RunProgress | null>;
  error: Accessor<string | null>;
  start(request: RunRequest): Promise<RunResource | null>;
  cancel(): Promise<void>;
  refresh(): Promise<void>;
}

/**
 * The case's stored runs, and the one being run now. A finished run becomes `latest`,
 * which Results, Sensitivity, Value of information, Gate and Board pack read.
 *
 * @example
 * const runs = createRunsStore(caseId);
 * await runs.start({ trials: 100_000, seed: 1, sampling: 'lhs' });
 */
export function createRunsStore(caseId: string): RunsStore {
  const [list, { refetch }] = createResource(() => api.listRuns(caseId).then((page) => page.items));
  const [latestFull, { refetch: refetchLatest, mutate: setLatest }] = createResource(
    () => list()?.find((run) => run.status === 'succeeded')?.id ?? null,
    (runId) => (runId ? api.getRun(runId) : Promise.resolve(null)),
  );
  const [progress, setProgress] = createSignal<RunProgress | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  return {
    runs: () => list() ?? [],
    loading: () => list.loading,
    latest: () => latestFull() ?? null,
    progress,
    error,
    async start(request) {
      setError(null);
      try {
        const queued = await api.startRun(caseId, request);
        setProgress({
          runId: queued.id,
          done: queued.progress.done,
          total: queued.progress.total || queued.trials,
          status: queued.status,
          startedAt: performance.now(),
        });
        const finished =
          queued.status === 'succeeded'
            ? await api.getRun(queued.id)
            : await followRun(
                queued.id,
                (done, total) => setProgress((p) => (p ? { ...p, done, total } : p)),
                (status) => setProgress((p) => (p ? { ...p, status } : p)),
              );
        setProgress((p) => (p ? { ...p, status: finished.status, done: finished.status === 'succeeded' ? p.total : p.done } : p));
        if (finished.status === 'succeeded') setLatest(finished);
        else setError(finished.error ?? `run ${finished.status}`);
        await refetch();
        return finished;
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
        setProgress(null);
        return null;
      }
    },
    async cancel() {
      const current = progress();
      if (current) await api.cancelRun(current.runId);
    },
    async refresh() {
      await refetch();
      await refetchLatest();
    },
  };
}
