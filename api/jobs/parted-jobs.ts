import type { PartedAnalysis } from '../../models/analysis/analysis-parts.ts';
import { breakEvenParts } from '../../models/analysis/break-even-analysis.ts';
import { compareParts } from '../../models/analysis/compare-cases.ts';
import { sobolParts } from '../../models/analysis/sobol-analysis.ts';
import { spiderParts } from '../../models/analysis/spider-analysis.ts';
import { tornadoParts } from '../../models/analysis/tornado-analysis.ts';
import type { CompiledModel, CompileOptions } from '../../models/formula/compile-case.ts';
import type { AnalysisParams, JobRequest, RunSettings } from './job-types.ts';

/** Compiles a job's case document with its settings' factors (job-worker.ts's cache). */
export type LoadModel = (document: unknown, options: CompileOptions) => { model: CompiledModel };

/** A job that splits into parts: the analysis and what it is asked. */
export interface PartedJob {
  parted: PartedAnalysis<never, unknown>;
  subject: object;
}

type AnalysisRow = (model: CompiledModel, params: AnalysisParams, settings: RunSettings) => PartedJob;

/** The analyses that split into parts, one row each: the analysis and its settings from the job's. */
const PARTED_ANALYSES: Partial<Record<string, AnalysisRow>> = {
  tornado: (model, params) =>
    job(tornadoParts, {
      model,
      settings: { output: params.output, lowPercentile: params.lowPercentile, highPercentile: params.highPercentile },
    }),
  spider: (model, params) => job(spiderParts, { model, settings: { output: params.output } }),
  sobol: (model, params, settings) => job(sobolParts, { model, settings: { output: params.output, baseSamples: params.baseSamples, seed: settings.seed } }),
  breakeven: (model, _params, settings) => job(breakEvenParts, { model, settings: { seed: settings.seed } }),
};

function job<Subject extends object>(parted: PartedAnalysis<Subject, unknown>, subject: Subject): PartedJob {
  return { parted: parted as unknown as PartedAnalysis<never, unknown>, subject };
}

/**
 * The parted analysis a job runs, or null for a job that runs whole (rank, VOI, the gate, a
 * simulation). In-process threads run it whole (`runWhole`); queue mode splits it across
 * workers. Either way the same table maps the job to the analysis, so the numbers agree.
 *
 * @example
 * const found = partedJob(request, load);
 * if (found) runWhole(found.parted, found.subject as never);
 */
export function partedJob(request: JobRequest, load: LoadModel): PartedJob | null {
  if (request.type === 'compare') {
    const a = load(request.a, request.settings).model;
    const b = load(request.b, request.settings).model;
    return job(compareParts, { a, b, settings: request.settings, output: request.output, money: request.money });
  }
  if (request.type !== 'analysis') return null;
  const row = PARTED_ANALYSES[request.kind];
  return row ? row(load(request.document, request.settings).model, request.params, request.settings) : null;
}

/**
 * Whether a job may split into parts, without compiling its case (the API's side).
 *
 * @example
 * isPartedRequest({ type: 'analysis', kind: 'sobol', … }) // true
 */
export function isPartedRequest(request: JobRequest): boolean {
  return request.type === 'compare' || (request.type === 'analysis' && PARTED_ANALYSES[request.kind] !== undefined);
}
