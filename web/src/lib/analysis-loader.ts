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
  const wanted = Object.entries(request).filter(([key, value]) => key !== 'kind' && value !== undefined);
  const match = items.find((item) => wanted.every(([key, value]) => item.params?.[key] === value));
  if (match) return match;
  return api.createAnalysis<Result>(runId, request);
}
