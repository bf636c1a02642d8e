import { CaseError } from '../case/case-error.ts';
import { validateCase, type ValidatedCase } from '../compile/validate-case.ts';
import type { SimulationResult } from '../engine/assemble-result.ts';
import { pointEstimate, type PointEstimate } from '../engine/point-estimate.ts';
import { precisionSchedule, precisionStep, type PrecisionReport, type PrecisionTarget } from '../engine/precision-target.ts';
import { simulate } from '../engine/simulate.ts';
import type { SimulationEnv } from '../engine/simulation-env.ts';
import { summarizeRun, type RunSummary } from '../engine/summarize-run.ts';
import { resolveFactors } from '../evidence/representativeness-factors.ts';
import type { CompileOptions, CompiledModel } from '../formula/compile-case.ts';
import { resolvePrecisionTarget } from './resolve-precision.ts';
import { resolveSettings, type ResolvedSettings, type RunRequest } from './resolve-settings.ts';

/** Progress and cancellation, as every executor understands them. */
export interface RunControl {
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; a true `aborted` stops the run with an AbortError. */
  signal?: { readonly aborted: boolean };
}

/**
 * Where the trials run: the calling thread (the default), a pool of worker threads, a
 * browser worker. Every host gives the same bits for the same model and settings.
 */
export interface SimulationHost {
  simulate(
    model: CompiledModel,
    settings: Pick<SimulationEnv, 'trials' | 'seed' | 'sampling'>,
    control: RunControl,
  ): SimulationResult | Promise<SimulationResult>;
  summarize?(model: CompiledModel, result: SimulationResult): RunSummary | Promise<RunSummary>;
  /** Called once a result is summarised and no longer needed (pools recycle its memory). */
  release?(result: SimulationResult): void;
}

/** Runs on the calling thread. */
export const IN_THREAD: SimulationHost = {
  simulate: (model, settings, control) => simulate(model, settings, { onProgress: control.onProgress, signal: control.signal }),
};

/** Options of one pipeline run. */
export interface RunCaseOptions extends RunControl {
  /** Validates (and may cache) a document with the run's compile options; default `validateCase`. */
  validate?: (document: unknown, options: CompileOptions) => ReturnType<typeof validateCase>;
  /** The service's cap on trials, applied to the precision default. */
  maxTrials?: number;
  /** Compute the exact-decimal point estimate too (default true; the live preview skips it). */
  pointEstimate?: boolean;
  /** Told after each precision-controlled step that will double. */
  onPrecisionStep?: (report: PrecisionReport, nextTrials: number) => void;
}

/** A case run end to end. */
export interface CaseRun extends ValidatedCase {
  settings: ResolvedSettings;
  summary: RunSummary;
  pointEstimate?: PointEstimate;
  /** Milliseconds spent validating, simulating and summarising. */
  timings: { validate: number; simulate: number; summarize: number };
}

/**
 * The one pipeline every entry point uses (CLI, the server's jobs, the browser's live
 * preview): validate the case, resolve the settings once (request over case over
 * defaults), simulate on the given host, summarise, and apply precision control by
 * doubling. Throws a `CaseError` listing every issue of an invalid case, and the
 * analysis's `AnalysisError` for a precision output it cannot control.
 *
 * @example
 * const run = await runCase(JSON.parse(text), { trials: 20_000 });
 * run.summary.outputs.npv.mean
 */
export async function runCase(document: unknown, request: RunRequest = {}, host: SimulationHost = IN_THREAD, options: RunCaseOptions = {}): Promise<CaseRun> {
  const timings = { validate: 0, simulate: 0, summarize: 0 };
  let started = performance.now();
  const representativenessFactors = resolveFactors(request.representativenessFactors);
  const validated = (options.validate ?? validateCase)(document, { representativenessFactors });
  timings.validate = performance.now() - started;
  if (!validated.ok) throw new CaseError(validated.issues);
  const { model } = validated;
  const settings = resolveSettings(validated.case, request, options.maxTrials);
  const target: PrecisionTarget | undefined = resolvePrecisionTarget(model, settings.precision);
  const schedule = target ? precisionSchedule(settings.trials) : [settings.trials];
  let summary: RunSummary | undefined;
  for (let trials: number | null = schedule[0]; trials !== null; ) {
    const previous = summary?.precision;
    started = performance.now();
    const result = await host.simulate(model, { trials, seed: settings.seed, sampling: settings.sampling }, options);
    timings.simulate += performance.now() - started;
    started = performance.now();
    summary = await (host.summarize ? host.summarize(model, result) : summarizeRun(model, result));
    timings.summarize += performance.now() - started;
    host.release?.(result);
    if (!target) break;
    const step = precisionStep(summary, target, schedule, previous);
    summary.precision = step.report;
    if (step.next !== null) options.onPrecisionStep?.(step.report, step.next);
    trials = step.next;
  }
  return {
    ...validated,
    settings,
    summary: summary!,
    ...(options.pointEstimate === false ? {} : { pointEstimate: pointEstimate(validated.case, representativenessFactors) }),
    timings,
  };
}
