import type { RepresentativenessFactors } from '../../../models/evidence/representativeness-factors.ts';
import type { EvidenceAnalysis } from '../../../models/analysis/evidence-analysis.ts';
import type { EvsiAnalysis } from '../../../models/analysis/evsi-analysis.ts';
import { json } from './api.ts';

/** The settings the server ran the view with. */
export interface EvidenceSettings {
  trials: number;
  seed: number;
  sampling: string;
  /** The portfolio's factors the evidence was weighed with. */
  representativenessFactors: RepresentativenessFactors;
}

/** GET /api/cases/{id}/evidence: before and after are null when no input has evidence. */
export type EvidenceView = { caseId: string; version: number; settings: EvidenceSettings } & (EvidenceAnalysis | { inputs: []; before: null; after: null });

/** POST /api/cases/{id}/evsi body. */
export interface EvsiRequest {
  input: string;
  n: number[];
  sd?: number;
  costFixed?: number;
  costPerObservation?: number;
  trials?: number;
  seed?: number;
}

/** The EVSI answer with the settings it ran on. */
export type EvsiView = EvsiAnalysis & { caseId: string; version: number; settings: EvidenceSettings };

/**
 * What the case's evidence changed, on its current saved version.
 *
 * @example
 * const view = await evidenceView(caseId); view.inputs[0]?.updated.p50
 */
export function evidenceView(caseId: string, query: { trials?: number; seed?: number } = {}): Promise<EvidenceView> {
  return json<EvidenceView>('GET', `/cases/${encodeURIComponent(caseId)}/evidence`, { query: { ...query } });
}

/**
 * EVSI of planned sample sizes of one input, against their cost.
 *
 * @example
 * const result = await evsiOf(caseId, { input: 'minutesSaved', n: [10, 30, 100], sd: 1.2 }); result.bestN
 */
export function evsiOf(caseId: string, request: EvsiRequest): Promise<EvsiView> {
  return json<EvsiView>('POST', `/cases/${encodeURIComponent(caseId)}/evsi`, { body: request });
}

/**
 * The editor link that opens an input's evidence form.
 *
 * @example
 * evidenceFormHref('abc', 'minutesSaved') // '#/cases/abc/edit?input=minutesSaved'
 */
export function evidenceFormHref(caseId: string, input: string): string {
  return `#/cases/${encodeURIComponent(caseId)}/edit?input=${encodeURIComponent(input)}`;
}
