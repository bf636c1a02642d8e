import type { BusinessCase } from '../../models/case/case-schema.ts';
import type { ObservationError } from '../../models/actuals/observation-error.ts';
import { validateCase } from '../../models/compile/validate-case.ts';
import type { ActualInfluence, ActualsReport } from '../../models/contract/resources.ts';
import type { CompiledModel } from '../../models/formula/compile-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { buildActualsReport, placedActuals } from '../../models/pipeline/actuals-report.ts';
import { captureSeries, type SeriesCapture } from '../../models/pipeline/capture-series.ts';
import type { GateResult } from '../../models/gate/evaluate-gate.ts';
import { actualInfluences, regateOnActuals, type RegateResult } from '../../models/pipeline/regate-on-actuals.ts';
import { getRiskTiers } from './governance-settings.ts';
import { updateForecast } from '../../models/pipeline/updated-forecast.ts';
import { ApiError } from '../server/problem.ts';
import type { Queryable } from '../storage/database.ts';
import { getVersion } from './case-store.ts';
import { getPortfolioRules, withPortfolioRules } from './portfolio-rules.ts';
import { listActualValues } from './actuals-values-store.ts';
import { getRun, listRuns, runSettings, type RunRecord } from './run-store.ts';

/** The stored run's forecast, rebuilt for actuals. */
export interface ActualsForecast {
  run: RunRecord;
  bc: BusinessCase;
  model: CompiledModel;
  capture: SeriesCapture;
}

/** Captures are recomputed from the run's seed; the last few are kept (a capture of 20,480 trials × 36 months × 16 series is 47 MB). */
const CACHE_SIZE = 3;
const cache = new Map<string, ActualsForecast>();

/**
 * The run actuals are scored against: `runId` when given (404 unless a succeeded run of the
 * case), else the case's latest succeeded run (409 when it has none).
 *
 * @example
 * const run = await scoringRun(db, caseId);
 */
export async function scoringRun(db: Queryable, caseId: string, runId?: string): Promise<RunRecord> {
  if (runId) {
    const run = await getRun(db, runId, false);
    if (!run || run.caseId !== caseId) throw new ApiError(404, `case ${caseId} has no run ${runId}`);
    if (run.status !== 'succeeded') throw new ApiError(409, `run ${runId} has not succeeded (${run.status}); pick a finished run or run the case again`);
    return run;
  }
  const run = (await listRuns(db, caseId)).find((r) => r.status === 'succeeded');
  if (!run) throw new ApiError(409, 'this case has no finished forecast run yet: run the case first, then its actuals are scored against that run');
  return run;
}

/**
 * The forecast of a stored run with every observable series per trial (`captureSeries`),
 * recomputed from the run's case version, seed and sampling (same bits), cached by run.
 *
 * @example
 * const { capture } = await actualsForecast(db, caseId);
 */
export async function actualsForecast(db: Queryable, caseId: string, runId?: string): Promise<ActualsForecast> {
  const run = await scoringRun(db, caseId, runId);
  const cached = cache.get(run.id);
  if (cached) return cached;
  const version = await getVersion(db, caseId, run.caseVersion);
  // The run's own factors: its forecast is rebuilt as it ran, whatever the portfolio's are now.
  const validated = validateCase(version?.document, { representativenessFactors: run.representativenessFactors });
  if (!validated.ok)
    throw new ApiError(409, `version ${run.caseVersion} of the case no longer validates, so its run cannot be rebuilt; run the current version`);
  // One series at a time, yielding to the event loop between them, so requests keep being served.
  const yielding = async (model: CompiledModel, env: Parameters<typeof simulate>[1]) => {
    await new Promise((resolve) => setImmediate(resolve));
    return simulate(model, env);
  };
  const capture = await captureSeries(validated.case, validated.model, runSettings(run), yielding);
  const forecast = { run, bc: validated.case, model: validated.model, capture };
  cache.set(run.id, forecast);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return forecast;
}

/**
 * The actuals report of a case against its latest (or the given) run.
 *
 * @example
 * const report = await actualsReport(db, caseId);
 */
export async function actualsReport(db: Queryable, caseId: string, runId?: string): Promise<ActualsReport> {
  const { run, bc: own, capture } = await actualsForecast(db, caseId, runId);
  const bc = withPortfolioRules(own, (await getPortfolioRules(db)).postLaunch);
  const rows = await listActualValues(db, caseId);
  return buildActualsReport(bc, capture, rows, { runId: run.id, caseVersion: run.caseVersion });
}

/** The gate on the updated forecast, and the actuals that moved it. */
export interface RegateResponse extends RegateResult, GateResult {
  runId: string;
  caseVersion: number;
  effectiveSampleSize: number | null;
  movedBy: ActualInfluence[];
}

/** Influences below these are not named as having moved the forecast. */
const MOVED_PROBABILITY = 0.01;

/**
 * Re-runs the gate on the forecast updated by the case's actuals (422 when there are none
 * with a forecast, or no trial fits them), naming the actuals that moved it.
 *
 * @example
 * const result = await regateCase(db, caseId, undefined, '2027-06-30');
 */
export async function regateCase(db: Queryable, caseId: string, runId: string | undefined, today: string): Promise<RegateResponse> {
  const { run, bc: own, model, capture } = await actualsForecast(db, caseId, runId);
  const bc = withPortfolioRules(own, (await getPortfolioRules(db)).postLaunch);
  const actuals = placedActuals(bc, capture, await listActualValues(db, caseId));
  if (actuals.length === 0) throw new ApiError(422, 'there are no actuals with a forecast to re-gate on: record actuals first');
  const errors = (bc.postLaunch?.observationErrors ?? {}) as Record<string, ObservationError>;
  const { forecast, weights } = updateForecast(capture, actuals, errors, null);
  if (!weights) throw new ApiError(422, forecast.message);
  const result = regateOnActuals(bc, model, run, weights, today, await getRiskTiers(db));
  const influences = actualInfluences(capture, actuals, errors);
  const moved = influences.filter((i) => Math.abs(i.shiftInProbabilityPositive) >= MOVED_PROBABILITY);
  return {
    // The gate result on the updated forecast at the top level, as POST …/analyses with kind gate returns it.
    ...result.updated,
    runId: run.id,
    caseVersion: run.caseVersion,
    ...result,
    effectiveSampleSize: forecast.effectiveSampleSize,
    movedBy: moved.length > 0 ? moved : influences.slice(0, 3),
  };
}
