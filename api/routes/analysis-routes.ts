import { resolveSettings, type CaseWithSettings } from '../../models/pipeline/index.ts';
import { createRoute, z } from '@hono/zod-openapi';
import { applyVariant, VariantError } from '../../models/case/apply-variant.ts';
import { JobError } from '../workers/worker-pool.ts';
import { analysisCost, requireAffordable } from '../jobs/job-cost.ts';
import { decisionRulesSchema } from '../../models/gate/decision-rules.ts';
import { ANALYSIS_KINDS } from '../jobs/job-types.ts';
import type { App } from '../server/app-env.ts';
import { requirePermission } from '../server/auth.ts';
import { ApiError } from '../server/problem.ts';
import { insertAnalysis, listAnalyses } from '../services/analysis-store.ts';
import { getVersion } from '../services/case-store.ts';
import { portfolioFactors } from '../services/portfolio-rules.ts';
import { runSettings } from '../services/run-store.ts';
import { getRiskTiers } from '../services/governance-settings.ts';
import { requireCase } from './require-resource.ts';
import { errorResponses, idParam, jsonResponse, seedNumber, versionNumber } from './openapi-common.ts';
import { requireRun } from './require-resource.ts';
import { jsonWithNonFinite } from './route-helpers.ts';
import { requireComplete } from './draft-helpers.ts';

const analysisBody = z
  .object({
    kind: z.enum(ANALYSIS_KINDS),
    output: z.string().max(100).optional(),
    lowPercentile: z.number().gt(0).lt(1).optional(),
    highPercentile: z.number().gt(0).lt(1).optional(),
    baseSamples: z.number().int().min(64).max(262_144).optional(),
    /** Portfolio-level decision rules for kind "gate", over the case's own rules and the defaults. */
    rules: decisionRulesSchema.optional(),
  })
  .strict();

/** The most trials one comparison runs (each case runs them). */
const COMPARE_MAX_TRIALS = 200_000;

const compareBody = z
  .object({
    a: z.object({ caseId: z.string(), version: versionNumber.optional() }).strict(),
    b: z.object({ caseId: z.string(), version: versionNumber.optional(), variant: z.string().optional() }).strict(),
    trials: z.number().int().min(100).max(COMPARE_MAX_TRIALS).optional(),
    seed: seedNumber.optional(),
    sampling: z.enum(['mc', 'lhs']).optional(),
    output: z.string().max(100).optional(),
    /** 1 unit of B's currency = exchangeRate units of A's; required to compare money across currencies. */
    exchangeRate: z.number().positive().finite().optional(),
  })
  .strict();

/** The settings each kind reads; any other setting is a mistake worth naming, not a silent no-op. */
const KIND_SETTINGS: Record<(typeof ANALYSIS_KINDS)[number], readonly string[]> = {
  tornado: ['output', 'lowPercentile', 'highPercentile'],
  spider: ['output'],
  rank: ['output'],
  sobol: ['output', 'baseSamples'],
  breakeven: ['output'],
  voi: ['output'],
  gate: ['output', 'rules'],
};

/** Kinds that always analyse NPV: break-even finds NPV = 0, VOI and the gate judge NPV. */
const NPV_ONLY = new Set<string>(['breakeven', 'voi', 'gate']);

/** 422 naming a setting the kind does not read, or an output a NPV-only kind cannot analyse. */
function checkKindSettings(kind: (typeof ANALYSIS_KINDS)[number], params: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (!KIND_SETTINGS[kind].includes(key)) {
      const users = Object.entries(KIND_SETTINGS)
        .filter(([, keys]) => keys.includes(key))
        .map(([name]) => name);
      throw new ApiError(422, `${key} does not apply to the ${kind} analysis`, [{ path: `/${key}`, message: `applies only to ${users.join(', ')}` }]);
    }
    if (key === 'output' && NPV_ONLY.has(kind) && value !== 'npv') {
      throw new ApiError(422, `unknown output ${JSON.stringify(value)} for the ${kind} analysis; valid outputs: npv`, [
        { path: '/output', message: `the ${kind} analysis works on npv only; valid outputs: npv (or leave output out)` },
      ]);
    }
  }
}

/** A failed analysis job is the caller's problem when it names a bad setting. */
/** A stored document's currency (validated documents always have one; the job re-validates). */
function currencyOf(document: unknown): string {
  const currency = (document as { currency?: unknown } | null)?.currency;
  return typeof currency === 'string' ? currency : '';
}

function toApiError(error: unknown): never {
  if (error instanceof JobError) {
    if (error.name === 'AnalysisError')
      throw new ApiError(422, error.message, [{ path: `/${error.field ?? 'output'}`, message: error.message, ...(error.hint ? { hint: error.hint } : {}) }]);
    if (error.name === 'InvalidCase') throw new ApiError(422, 'the case version is invalid', error.issues as never);
  }
  throw error;
}

/**
 * Analyses stored with the run they rest on (tornado, spider, rank, Sobol,
 * break-even, value of information, gate), and case comparisons.
 *
 * @example
 * registerAnalysisRoutes(app);
 */
export function registerAnalysisRoutes(app: App): void {
  registerCreateAnalysis(app);
  registerListAnalyses(app);
  registerCompare(app);
}

/** POST /api/runs/{id}/analyses: run an analysis on a run and store it. */
function registerCreateAnalysis(app: App): void {
  app.use('/api/runs/:id/analyses', async (c, next) => (c.req.method === 'POST' ? requirePermission('write')(c, next) : next()));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/runs/{id}/analyses',
      tags: ['analyses'],
      summary: 'Run an analysis on the case version and settings of a run, and store it with the run',
      request: { params: idParam, body: { required: true, content: { 'application/json': { schema: analysisBody } } } },
      responses: { 201: jsonResponse('AnalysisResource'), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) => {
      const services = c.get('services');
      const run = await requireRun(services, c.req.valid('param').id, false);
      if (run.status !== 'succeeded') throw new ApiError(409, `the run is ${run.status}; analyses rest on a succeeded run`);
      const { kind, ...params } = c.req.valid('json');
      checkKindSettings(kind, params);
      const version = await getVersion(services.db, run.caseId, run.caseVersion);
      requireAffordable(
        analysisCost(version!.document, kind, params, run.trials),
        services.jobs.costLimits.modelRunMonths,
        kind === 'sobol' ? '/baseSamples' : '/kind',
      );
      const result = await services.jobs
        .submit(
          {
            type: 'analysis',
            document: version!.document,
            // The run's own settings, factors included: an analysis of a stored run replays it.
            settings: runSettings(run),
            kind,
            params,
            today: services.now().toISOString().slice(0, 10),
            ...(kind === 'gate' && { tiers: await getRiskTiers(services.db) }),
          },
          { owner: c.get('principal').name },
        )
        .result.catch(toApiError);
      const record = await insertAnalysis(services.db, run.id, kind, params, result, c.get('principal').name);
      return c.json(record, 201);
    },
  );
}

/** GET /api/runs/{id}/analyses: a run's stored analyses. */
function registerListAnalyses(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}/analyses',
      tags: ['analyses'],
      summary: "A run's stored analyses, newest first",
      request: { params: idParam, query: z.object({ kind: z.enum(ANALYSIS_KINDS).optional() }) },
      responses: { 200: jsonResponse('{ items: AnalysisResource[] }'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const services = c.get('services');
      const run = await requireRun(services, c.req.valid('param').id, false);
      return c.json({ items: await listAnalyses(services.db, run.id, c.req.valid('query').kind) }, 200);
    },
  );
}

/** POST /api/compare: two cases, or a case and a variant, with common random numbers. */
function registerCompare(app: App): void {
  app.use('/api/compare', requirePermission('write'));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/compare',
      tags: ['analyses'],
      summary: 'Compare two cases, or a case and one of its variants, with common random numbers',
      request: { body: { required: true, content: { 'application/json': { schema: compareBody } } } },
      responses: { 200: jsonResponse('CompareResult'), ...errorResponses(400, 401, 403, 404, 422, 429) },
    }),
    async (c) => {
      const services = c.get('services');
      const body = c.req.valid('json');
      const documentOf = async (side: { caseId: string; version?: number }): Promise<unknown> => {
        const record = await requireCase(services.db, side.caseId);
        if (!side.version || side.version === record.currentVersion) return record.document;
        const version = await getVersion(services.db, record.id, side.version);
        if (!version) throw new ApiError(404, `case ${record.id} has no version ${side.version}`);
        return version.document;
      };
      const a = await documentOf(body.a);
      let b = await documentOf(body.b);
      // A draft is not compared: 422 listing, in words, what is missing.
      requireComplete(a, 'case A');
      const completeB = requireComplete(b, 'case B');
      if (body.b.variant) {
        try {
          b = applyVariant(completeB.case, body.b.variant).document;
        } catch (error) {
          if (error instanceof VariantError)
            throw new ApiError(422, error.message, [{ path: '/b/variant', message: error.message, ...(error.hint ? { hint: error.hint } : {}) }]);
          throw error;
        }
      }
      // Request over case A's own settings over the defaults, as every run resolves them.
      const { trials, seed, sampling, representativenessFactors } = resolveSettings(a as CaseWithSettings, {
        trials: body.trials,
        seed: body.seed,
        sampling: body.sampling,
        representativenessFactors: await portfolioFactors(services.db),
      });
      // A comparison runs both cases in the request: a case's own 1M-trial setting is capped like the body's trials.
      const settings = { trials: body.trials ?? Math.min(trials, COMPARE_MAX_TRIALS), seed, sampling, representativenessFactors };
      const money = { currencyA: currencyOf(a), currencyB: currencyOf(b), exchangeRate: body.exchangeRate };
      const result = await services.jobs
        .submit({ type: 'compare', a, b, settings, output: body.output ?? 'npv', money }, { owner: c.get('principal').name })
        .result.catch(toApiError);
      return jsonWithNonFinite(c, result) as never;
    },
  );
}
