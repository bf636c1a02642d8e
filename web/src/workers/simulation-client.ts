import type { SimulationRequest, SimulationResponse, SimulationSettings } from './simulation-protocol.ts';
import { runSimulation } from './run-simulation.ts';

/** A browser simulation engine: a Web Worker, or the main thread where workers are missing (tests). */
export interface SimulationClient {
  /**
   * Queues a simulation. Only the newest pending request is kept: while one runs, older
   * queued edits are dropped, because only the latest draft matters for the preview.
   */
  request(document: unknown, settings: SimulationSettings): Promise<SimulationResponse | null>;
  /** Runs one simulation now, never dropped (for exact comparisons). */
  run(document: unknown, settings: SimulationSettings): Promise<SimulationResponse>;
  dispose(): void;
}

interface Pending {
  request: SimulationRequest;
  resolve: (response: SimulationResponse | null) => void;
}

/**
 * Creates the simulation client.
 *
 * @example
 * const client = createSimulationClient();
 * const response = await client.request(document, { trials: 10_000, seed: 1, sampling: 'lhs' });
 */
export function createSimulationClient(): SimulationClient {
  let nextId = 1;
  const waiting = new Map<number, (response: SimulationResponse) => void>();
  let worker: Worker | null = null;
  if (typeof Worker !== 'undefined' && typeof window !== 'undefined' && !('happyDOM' in window) && !navigator.userAgent.includes('jsdom')) {
    worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<SimulationResponse>) => {
      const resolve = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      resolve?.(event.data);
    };
  }

  const execute = (request: SimulationRequest): Promise<SimulationResponse> => {
    if (!worker) return new Promise((resolve) => setTimeout(() => resolve(runSimulation(request)), 0));
    return new Promise((resolve) => {
      waiting.set(request.id, resolve);
      worker!.postMessage(request);
    });
  };

  let busy = false;
  let pending: Pending | null = null;
  const pump = async (): Promise<void> => {
    if (busy || !pending) return;
    const current = pending;
    pending = null;
    busy = true;
    try {
      current.resolve(await execute(current.request));
    } finally {
      busy = false;
      void pump();
    }
  };

  return {
    request(document, settings) {
      // Serialise now: the caller's object may be a reactive proxy that changes later.
      const request: SimulationRequest = { id: nextId++, document: JSON.parse(JSON.stringify(document)), ...settings };
      pending?.resolve(null);
      return new Promise((resolve) => {
        pending = { request, resolve };
        void pump();
      });
    },
    run(document, settings) {
      return execute({ id: nextId++, document: JSON.parse(JSON.stringify(document)), ...settings });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      pending?.resolve(null);
      pending = null;
    },
  };
}
