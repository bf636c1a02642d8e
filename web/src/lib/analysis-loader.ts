import { api, type AnalysisRequest } from './api.ts';
import type { AnalysisResource } from './api-types.ts';

/**
 * The stored analysis of a run for these settings, or a new one when none matches:
 * analyses are stored with the run, so a second visit reads instead of recomputing.
 *
 * @example
 * const tornado = await loadAnalysis<TornadoResult>(runId, { kind: 'tornado' });
 */
export async function loadAnalysis<Result>(runId: string, request: AnalysisRequest): Promise<AnalysisResource<Result>> {
  const { items } = await api.listAnalyses<Result>(runId, request.kind);
  // An analysis stored without an output targets NPV: an ROI tornado is not the NPV one.
  const wanted = Object.entries({ output: 'npv', ...request }).filter(([key, value]) => key !== 'kind' && value !== undefined);
  const match = items.find((item) => wanted.every(([key, value]) => (item.params?.[key] ?? (key === 'output' ? 'npv' : undefined)) === value));
  if (match) return match;
  return api.createAnalysis<Result>(runId, request);
}
