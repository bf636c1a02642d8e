import {
  AnalysisError,
  evidenceAnalysis,
  evsiAnalysis,
  gateAnalysis,
  measurementCosts,
  portfolioValue,
  sampleSensitivity,
  valueOfInformation,
} from '../../models/analysis/index.ts';
import { validateCase, type ValidatedCase } from '../../models/compile/validate-case.ts';
import { pointEstimate } from '../../models/engine/point-estimate.ts';
import { resolveFactors } from '../../models/evidence/representativeness-factors.ts';
import type { CompileOptions } from '../../models/formula/compile-case.ts';
import { runShard } from '../../models/engine/run-shard.ts';
import { simulationEnv } from '../../models/engine/simulation-env.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { summarizeRun } from '../../models/engine/summarize-run.ts';
import { IN_THREAD, runCase } from '../../models/pipeline/index.ts';
import type { JobAssignment, JobMessage } from '../workers/pool-messages.ts';
import type { JobRequest } from './job-types.ts';
import { partedJob } from './parted-jobs.ts';
import { analysisStage, runWhole, type AnalysisStage } from '../../models/analysis/analysis-parts.ts';

/** Set by the pool: non-zero cancels the job running in this worker. */
let cancelFlag: Int32Array | null = null;
/** Where this worker's messages go (the pool worker sets it to parentPort.postMessage). */
type Post = (message: JobMessage, transfer?: ArrayBuffer[]) => void;
const compiled = new Map<string, ValidatedCase & { ok: true }>();

class JobFailure extends Error {
  constructor(
    message: string,
    readonly issues?: unknown,
  ) {
    super(message);
    this.name = 'InvalidCase';
  }
}

/** Compiles (or reuses) a case with the factors its job's settings recorded: the same document weighs its evidence by them. */
function load(document: unknown, options: CompileOptions = {}): ValidatedCase & { ok: true } {
  const factors = resolveFactors(options.representativenessFactors);
  const key = `${JSON.stringify(factors)}\n${JSON.stringify(document)}`;
  let entry = compiled.get(key);
  if (!entry) {
    const result = validateCase(document, { representativenessFactors: factors });
    if (!result.ok) throw new JobFailure('the case is invalid', result.issues);
    entry = result;
    if (compiled.size > 16) compiled.clear();
    compiled.set(key, entry);
  }
  return entry;
}

const signal = {
  get aborted() {
    return cancelFlag !== null && Atomics.load(cancelFlag, 0) !== 0;
  },
};

/** A stage of a parted job's analysis, which the caller knows it is. */
function stageOf(request: Extract<JobRequest, { stage: number }>): AnalysisStage {
  const found = partedJob(request.request, load);
  if (!found) throw new Error(`a ${request.request.type} job does not split into parts`);
  return analysisStage(found.parted, found.subject, request.stage, request.previous);
}

async function run(jobId: number, request: JobRequest, post: Post): Promise<unknown> {
  const progress = (done: number, total: number): void => post({ jobId, type: 'progress', done, total });
  const whole = partedJob(request, load);
  // Tornado, spider, Sobol, break-even and compare: one code path with their parts in queue mode (api/queue/analysis-shards.ts).
  if (whole) return runWhole(whole.parted, whole.subject as never);
  switch (request.type) {
    case 'analysisPlan': {
      const { analysis, subject } = stageOf(request);
      return { units: analysis.units(subject as never) };
    }
    case 'analysisPart': {
      const { analysis, subject } = stageOf(request);
      return analysis.part(subject as never, { first: request.first, last: request.last });
    }
    case 'analysisCombine': {
      const { analysis, subject, last } = stageOf(request);
      return { value: analysis.combine(subject as never, request.parts), last };
    }
    case 'simulate': {
      // The one pipeline (models/pipeline): the same validate → simulate → summarise → precision loop as the CLI and the browser.
      const run = await runCase(request.document, request.settings, IN_THREAD, { validate: load, signal, onProgress: progress });
      return { summary: run.summary, pointEstimate: run.pointEstimate };
    }
    case 'trials': {
      const validated = load(request.document, request.settings);
      const result = simulate(validated.model, { ...request.settings, fanTrials: 0, keepLineTotals: true }, { signal, onProgress: progress });
      return { outputs: result.outputs };
    }
    case 'shard': {
      // A shard of a queued run (api/queue): its chunks, packed; cancel is checked between chunks.
      const { model } = load(request.document, { representativenessFactors: request.representativenessFactors });
      const range = { firstChunk: request.firstChunk, lastChunk: request.lastChunk };
      return { data: runShard(model, simulationEnv(request.env), range, { signal, onProgress: progress }) };
    }
    case 'portfolio': {
      const cases = request.documents.map((document) => {
        const validated = load(document, request);
        return { case: validated.case, model: validated.model };
      });
      return portfolioValue(cases, { trials: request.trials, seed: request.seed });
    }
    case 'evidence': {
      const { representativenessFactors } = request.settings;
      return evidenceAnalysis(load(request.document, request.settings).case, request.settings, request.today, {
        signal,
        onProgress: progress,
        representativenessFactors,
      });
    }
    case 'evsi': {
      const validated = load(request.document, request.settings);
      return evsiAnalysis(validated.case, validated.model, request.settings, request.plan);
    }
    case 'analysis': {
      const validated = load(request.document, request.settings);
      const { model } = validated;
      const params = request.params;
      switch (request.kind) {
        case 'rank': {
          const sample = simulate(model, { ...request.settings, keepInputs: true, fanTrials: 0 }, { signal, onProgress: progress });
          return sampleSensitivity(model, sample, params.output);
        }
        case 'voi': {
          const sample = simulate(model, { ...request.settings, keepInputs: true, fanTrials: 0 }, { signal, onProgress: progress });
          return valueOfInformation(model, measurementCosts(validated.case), sample);
        }
        case 'gate':
          return gateAnalysis(validated.case, model, request.settings, request.today, {
            signal,
            onProgress: progress,
            rules: params.rules as never,
            representativenessFactors: request.settings.representativenessFactors,
            tiers: request.tiers,
          });
      }
    }
  }
  throw new Error('unknown job');
}

/** Per-trial columns move to the main thread instead of being copied (a 1M-trial run has 8 MB per column). */
function transferables(request: JobRequest, result: unknown): ArrayBuffer[] {
  if (request.type === 'shard' || request.type === 'analysisPart' || request.type === 'analysisCombine') {
    const data = ((result as { value?: { data?: Float64Array } }).value ?? (result as { data?: Float64Array })).data;
    return data?.buffer instanceof ArrayBuffer ? [data.buffer] : [];
  }
  if (request.type !== 'trials') return [];
  const outputs = (result as { outputs: Record<string, Float64Array> }).outputs;
  const buffers = new Set<ArrayBuffer>();
  for (const values of Object.values(outputs)) if (values.buffer instanceof ArrayBuffer) buffers.add(values.buffer);
  return [...buffers];
}

/**
 * Runs one whole job in this worker thread and posts its progress and its result or
 * error. The pool sends a worker one job at a time; simulations stop between chunks
 * once the job's `cancel` flag is set.
 *
 * @example
 * await runJob({ jobId: 1, request: { type: 'simulate', document, settings }, cancel }, (message) => parentPort.postMessage(message));
 */
export async function runJob(message: JobAssignment, post: Post): Promise<void> {
  cancelFlag = message.cancel;
  try {
    const result = await run(message.jobId, message.request, post);
    post({ jobId: message.jobId, type: 'result', result }, transferables(message.request, result));
  } catch (error) {
    const failure = error as Error & { field?: string; path?: string; hint?: string; issues?: unknown };
    post({
      jobId: message.jobId,
      type: 'error',
      name: failure instanceof AnalysisError ? 'AnalysisError' : failure.name,
      message: failure.message,
      field: failure.field ?? failure.path,
      hint: failure.hint,
      issues: failure.issues,
    });
  } finally {
    cancelFlag = null;
  }
}

/**
 * Warms the JIT and the formula compiler once at start-up, so a user's first run is as
 * fast as later ones.
 *
 * @example
 * warmUpJobs();
 */
export function warmUpJobs(): void {
  const warmUp = validateCase({
    formatVersion: 1,
    name: 'warm-up',
    ownership: { sponsor: 'warm-up' },
    currency: 'EUR',
    startDate: '2027-01-01',
    horizonMonths: 24,
    discountRateAnnual: 0.1,
    inputs: { x: { unit: 'EUR', source: 'warm-up', distribution: { type: 'pert', min: 1, mode: 2, max: 4 } } },
    adoption: { type: 'logistic', startMonth: 1, monthsToHalf: 3, ceiling: 1 },
    benefits: [{ id: 'b', label: 'b', amount: 'x * 100' }],
    costs: [{ id: 'c', label: 'c', category: 'other', kind: 'oneTime', month: 1, amount: 500 }],
  });
  if (warmUp.ok) {
    const result = simulate(warmUp.model, { trials: 8192, seed: 1 });
    summarizeRun(warmUp.model, result);
    pointEstimate(warmUp.case);
  }
}
