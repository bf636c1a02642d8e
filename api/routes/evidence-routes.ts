import { createRoute, z } from '@hono/zod-openapi';
import { resolveSettings, type CaseWithSettings } from '../../models/pipeline/index.ts';
import { JobError } from '../workers/worker-pool.ts';
import { requireAffordable, runCost } from '../jobs/job-cost.ts';
import type { EvsiPlan, RunSettings } from '../jobs/job-types.ts';
import type { App } from '../server/app-env.ts';
import { requirePermission } from '../server/auth.ts';
import { ApiError } from '../server/problem.ts';
import { portfolioFactors } from '../services/portfolio-rules.ts';
import type { Queryable } from '../storage/database.ts';
import { requireComplete } from './draft-helpers.ts';
import { errorResponses, idParam, jsonResponse, seedNumber } from './openapi-common.ts';
import { requireCase } from './require-resource.ts';
import { jsonWithNonFinite } from './route-helpers.ts';

/** Trials of the evidence and EVSI analyses when the request gives none: the view is a comparison, not a forecast. */
export const EVIDENCE_DEFAULT_TRIALS = 20_000;
/** The most trials one request may ask for (the evidence view simulates the case twice). */
export const EVIDENCE_MAX_TRIALS = 200_000;
/** The most sample sizes one EVSI request prices. */
const MAX_SIZES = 20;

const trialsNumber = z.number().int().min(1000).max(EVIDENCE_MAX_TRIALS);

const evidenceQuery = z.object({
  trials: z.coerce.number().int().min(1000).max(EVIDENCE_MAX_TRIALS).optional(),
  seed: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

const evsiBody = z
  .object({
    input: z.string().min(1).max(100),
    n: z.array(z.number()),
    sd: z.number().positive().finite().optional(),
    costFixed: z.number().min(0).finite().optional(),
    costPerObservation: z.number().min(0).finite().optional(),
    trials: trialsNumber.optional(),
    seed: seedNumber.optional(),
  })
  .strict();

/** The largest planned sample one request prices. */
const MAX_N = 1_000_000;

/** 422 naming the first bad sample size (checked here, not by the schema, so the answer is 422 like every other bad setting). */
function checkSizes(sizes: readonly number[]): void {
  if (sizes.length === 0 || sizes.length > MAX_SIZES)
    throw new ApiError(422, `give 1 to ${MAX_SIZES} sample sizes`, [{ path: '/n', message: `give 1 to ${MAX_SIZES} sample sizes, e.g. [10, 30, 100, 300]` }]);
  const bad = sizes.findIndex((n) => !Number.isInteger(n) || n < 1 || n > MAX_N);
  if (bad >= 0) {
    const message = `sample sizes must be whole numbers from 1 to ${MAX_N.toLocaleString('en-US')}, got ${sizes[bad]}`;
    throw new ApiError(422, message, [{ path: `/n/${bad}`, message }]);
  }
}

/** A failed job names the field it failed on: 422 with that field, never a 500. */
function toApiError(error: unknown): never {
  if (error instanceof JobError) {
    if (error.name === 'AnalysisError')
      throw new ApiError(422, error.message, [{ path: `/${error.field ?? 'input'}`, message: error.message, ...(error.hint ? { hint: error.hint } : {}) }]);
    if (error.name === 'EvidenceError') throw new ApiError(422, error.message, [{ path: error.field ?? '', message: error.message }]);
    if (error.name === 'InvalidCase') throw new ApiError(422, 'the case is invalid', error.issues as never);
  }
  throw error;
}

/**
 * The settings of an evidence or EVSI request: the request's seed over the case's, modest
 * trials by default, and the portfolio's representativeness factors now.
 */
async function settingsFor(db: Queryable, document: unknown, trials: number | undefined, seed: number | undefined): Promise<RunSettings> {
  const representativenessFactors = await portfolioFactors(db);
  const resolved = resolveSettings(document as CaseWithSettings, { trials: trials ?? EVIDENCE_DEFAULT_TRIALS, seed, representativenessFactors });
  return { trials: resolved.trials, seed: resolved.seed, sampling: resolved.sampling, representativenessFactors };
}

/**
 * What measurements changed and what the next one is worth: GET /api/cases/{id}/evidence
 * (per input with evidence, its stated and updated distribution and EVPPI, and the gate
 * before and after) and POST /api/cases/{id}/evsi (EVSI of planned sample sizes). Both
 * run in the worker pool on the case's current version.
 *
 * @example
 * registerEvidenceRoutes(app);
 */
export function registerEvidenceRoutes(app: App): void {
  registerEvidenceView(app);
  registerEvsi(app);
}

function registerEvidenceView(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/evidence',
      tags: ['analyses'],
      summary: "Each input's stated and updated distribution, its EVPPI and the gate's recommendation before and after the evidence",
      request: { params: idParam, query: evidenceQuery },
      responses: { 200: jsonResponse('EvidenceAnalysis (models/analysis/evidence-analysis.ts)'), ...errorResponses(400, 401, 404, 422, 429) },
    }),
    async (c) => {
      const services = c.get('services');
      const record = await requireCase(services.db, c.req.valid('param').id);
      const { case: bc } = requireComplete(record.document, 'the case');
      const { trials, seed } = c.req.valid('query');
      const settings = await settingsFor(services.db, bc, trials, seed);
      if (!Object.values(bc.inputs).some((input) => input.evidence))
        return c.json({ caseId: record.id, version: record.currentVersion, settings, inputs: [], before: null, after: null }, 200);
      // Two gate analyses (with and without the evidence), each a simulation and its VOI.
      requireAffordable(runCost(record.document, 2 * settings.trials), services.jobs.costLimits.modelRunMonths, '/trials');
      const today = services.now().toISOString().slice(0, 10);
      const result = await services.jobs
        .submit({ type: 'evidence', document: record.document, settings, today }, { owner: c.get('principal').name })
        .result.catch(toApiError);
      return jsonWithNonFinite(c, { caseId: record.id, version: record.currentVersion, settings, ...(result as object) }) as never;
    },
  );
}

function registerEvsi(app: App): void {
  app.use('/api/cases/:id/evsi', requirePermission('write'));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/evsi',
      tags: ['analyses'],
      summary: 'Expected value of sample information of a planned measurement of one input, for each sample size, against its cost',
      request: { params: idParam, body: { required: true, content: { 'application/json': { schema: evsiBody } } } },
      responses: { 200: jsonResponse('EvsiAnalysis (models/analysis/evsi-analysis.ts)'), ...errorResponses(400, 401, 403, 404, 422, 429) },
    }),
    async (c) => {
      const services = c.get('services');
      const record = await requireCase(services.db, c.req.valid('param').id);
      const { case: bc } = requireComplete(record.document, 'the case');
      const body = c.req.valid('json');
      checkSizes(body.n);
      const priced = body.costFixed !== undefined || body.costPerObservation !== undefined;
      const plan: EvsiPlan = {
        input: body.input,
        sizes: body.n,
        ...(body.sd !== undefined ? { sd: body.sd } : {}),
        ...(priced ? { cost: { fixed: body.costFixed ?? 0, perObservation: body.costPerObservation ?? 0 } } : {}),
      };
      const settings = await settingsFor(services.db, bc, body.trials, body.seed);
      requireAffordable(runCost(record.document, settings.trials), services.jobs.costLimits.modelRunMonths, '/trials');
      const result = await services.jobs
        .submit({ type: 'evsi', document: record.document, settings, plan }, { owner: c.get('principal').name })
        .result.catch(toApiError);
      return jsonWithNonFinite(c, { caseId: record.id, version: record.currentVersion, settings, ...(result as object) }) as never;
    },
  );
}
