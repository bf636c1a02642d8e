import { validateCase } from '../../../models/case/parse-case.ts';
import { cachedRunnable } from '../../../models/engine/runnable-model.ts';
import { simulate } from '../../../models/engine/simulate.ts';
import { summarizeRun } from '../../../models/engine/summarize-run.ts';
import type { SimulationRequest, SimulationResponse } from './simulation-protocol.ts';

/**
 * Validates, simulates and summarises a case exactly as the server does (same engine,
 * same settings), so a browser preview with the server's seed gives the server's numbers.
 * Kept apart from the worker entry so it can also run on the main thread and in tests.
 *
 * @example
 * runSimulation({ id: 1, document, trials: 10_000, seed: 1, sampling: 'lhs' }).ok
 */
export function runSimulation(request: SimulationRequest): SimulationResponse {
  const timings = { validate: 0, simulate: 0, summarize: 0 };
  let start = performance.now();
  try {
    const validated = validateCase(request.document);
    timings.validate = performance.now() - start;
    if (!validated.ok) return { id: request.id, ok: false, issues: validated.issues, timings };
    start = performance.now();
    const result = simulate(validated.model, { trials: request.trials, seed: request.seed, sampling: request.sampling });
    timings.simulate = performance.now() - start;
    start = performance.now();
    const summary = summarizeRun(validated.model, result);
    timings.summarize = performance.now() - start;
    return { id: request.id, ok: true, summary, warnings: validated.warnings, timings, kernel: cachedRunnable(validated.model).backend };
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error), timings };
  }
}
