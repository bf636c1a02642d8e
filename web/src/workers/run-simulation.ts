import { CaseError } from '../../../models/case/case-error.ts';
import { cachedRunnable } from '../../../models/engine/runnable-model.ts';
import { runCase } from '../../../models/pipeline/index.ts';
import type { SimulationRequest, SimulationResponse } from './simulation-protocol.ts';

/**
 * Validates, simulates and summarises a case through the same pipeline as the server
 * and the CLI (same engine, same settings resolution), so a browser preview with the
 * server's seed gives the server's numbers. Kept apart from the worker entry so it can
 * also run on the main thread and in tests.
 *
 * @example
 * (await runSimulation({ id: 1, document, trials: 10_000, seed: 1, sampling: 'lhs' })).ok
 */
export async function runSimulation(request: SimulationRequest): Promise<SimulationResponse> {
  const timings = { validate: 0, simulate: 0, summarize: 0 };
  try {
    const settings = { trials: request.trials, seed: request.seed, sampling: request.sampling, representativenessFactors: request.representativenessFactors };
    const run = await runCase(request.document, settings, undefined, {
      pointEstimate: false,
    });
    return { id: request.id, ok: true, summary: run.summary, warnings: run.warnings, timings: run.timings, kernel: cachedRunnable(run.model).backend };
  } catch (error) {
    if (error instanceof CaseError) return { id: request.id, ok: false, issues: error.issues, timings };
    return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error), timings };
  }
}
