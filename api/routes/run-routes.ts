import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { App } from '../server/app-env.ts';
import { requirePermission } from '../server/auth.ts';
import { ApiError } from '../server/problem.ts';
import { startRun } from '../services/run-executor.ts';
import { requireCsvWithinBound } from '../services/csv-bound.ts';
import type { TrialColumns } from '../services/shared-columns.ts';
import { trialsCsvStream } from '../services/trials-csv.ts';
import { getRun, listRuns, runSettings, type RunRecord } from '../services/run-store.ts';
import { portfolioFactors } from '../services/portfolio-rules.ts';
import type { RunEvent } from '../services/run-registry.ts';
import type { Services } from '../server/services.ts';
import { requireCase, requireRun } from './require-resource.ts';
import { requireValidCase } from './route-helpers.ts';
import { requireComplete } from './draft-helpers.ts';
import { getVersion } from '../services/case-store.ts';
import { AnalysisError } from '../../models/analysis/analysis-error.ts';
import { resolvePrecisionTarget, resolveSettings, type CaseWithSettings } from '../../models/pipeline/index.ts';
import { errorResponses, idParam, jsonResponse, MAX_INT32, seedNumber, versionNumber } from './openapi-common.ts';

const runBody = z
  .object({
    trials: z.number().int().min(1).max(MAX_INT32).optional(),
    seed: seedNumber.optional(),
    sampling: z.enum(['mc', 'lhs']).optional(),
    version: versionNumber.optional(),
    /** Precision control: `trials` becomes the most the run may use (default 1,000,000, or the server's limit). */
    precision: z
      .object({
        relativeHalfWidth: z.number().gt(0).lt(1).describe('half-width of the 95 % CI of the mean ÷ |mean|, e.g. 0.01 for ±1 %'),
        output: z.string().min(1).max(100).optional().describe('npv (default), roi, pvCosts, a metric id, …; not the paybacks or the IRR'),
      })
      .strict()
      .optional(),
  })
  .strict();

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

function withProgress(services: Services, run: RunRecord): RunRecord {
  const live = services.runs.progressOf(run.id);
  return live ? { ...run, progress: live } : run;
}

/**
 * Runs: start (queued in the worker pool, or awaited with ?wait=true), read, list,
 * follow progress as Server-Sent Events, cancel, and export per-trial outputs as CSV.
 *
 * @example
 * registerRunRoutes(app);
 */
export function registerRunRoutes(app: App): void {
  registerStartRun(app);
  registerListRuns(app);
  registerGetRun(app);
  registerRunEvents(app);
  registerCancelRun(app);
  registerTrialsCsv(app);
}

/** POST /api/cases/{id}/runs: simulate a case version, queued or awaited (?wait=true). */
function registerStartRun(app: App): void {
  app.use('/api/cases/:id/runs', async (c, next) => (c.req.method === 'POST' ? requirePermission('write')(c, next) : next()));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/runs',
      tags: ['runs'],
      summary: 'Simulate a case version (defaults: current version, the case simulation settings, else 10,000 trials, seed 1, LHS)',
      request: {
        params: idParam,
        query: z.object({ wait: z.enum(['true', 'false']).optional() }),
        body: { required: false, content: { 'application/json': { schema: runBody } } },
      },
      responses: {
        201: jsonResponse('The finished run (wait=true)'),
        202: jsonResponse('The queued run; follow /api/runs/{id}/events'),
        ...errorResponses(400, 401, 403, 404, 422, 429),
      },
    }),
    async (c) => {
      const services = c.get('services');
      const record = await requireCase(services.db, c.req.valid('param').id);
      const body = c.req.valid('json') ?? {};
      const version = body.version ?? record.currentVersion;
      if (version > record.currentVersion) throw new ApiError(404, `case ${record.id} has no version ${version}`);
      const document = await versionDocument(services, record, version);
      // A draft does not run: 422 listing, in words, what is missing.
      requireComplete(document, version === record.currentVersion ? 'the case' : `version ${version} of the case`);
      // Request over case over defaults, resolved once by the pipeline; the precision output is checked as the run will check it.
      // The portfolio's representativeness factors now are recorded with the run, which replays with them.
      const representativenessFactors = await portfolioFactors(services.db);
      const settings = resolveSettings(document as CaseWithSettings, { ...body, representativenessFactors }, services.config.maxTrials);
      if (settings.precision) requirePrecisionTarget(document, settings.precision);
      if (settings.trials > services.config.maxTrials) {
        throw new ApiError(422, `trials must be at most ${services.config.maxTrials.toLocaleString('en')} on this server`, [
          { path: '/trials', message: `must be at most ${services.config.maxTrials}` },
        ]);
      }
      const { run, finished } = await startRun(services, record, version, settings, c.get('principal').name);
      c.header('Location', `/api/runs/${run.id}`);
      if (c.req.valid('query').wait === 'true') {
        await finished;
        return c.json((await getRun(services.db, run.id))!, 201);
      }
      return c.json(run, 202);
    },
  );
}

/** GET /api/cases/{id}/runs: a case's runs, newest first. */
function registerListRuns(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/runs',
      tags: ['runs'],
      summary: "A case's runs, newest first (without summaries)",
      request: { params: idParam },
      responses: { 200: jsonResponse('{ items: RunResource[] }'), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const services = c.get('services');
      const record = await requireCase(services.db, c.req.valid('param').id);
      const runs = await listRuns(services.db, record.id);
      return c.json({ items: runs.map((run) => withProgress(services, run)) }, 200);
    },
  );
}

/** GET /api/runs/{id}: one run with its summary. */
function registerGetRun(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}',
      tags: ['runs'],
      summary: 'A run with its summary and exact point estimate',
      request: { params: idParam },
      responses: { 200: jsonResponse('RunResource'), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const services = c.get('services');
      return c.json(withProgress(services, await requireRun(services, c.req.valid('param').id)), 200);
    },
  );
}

/** GET /api/runs/{id}/events: progress as Server-Sent Events until the run ends. */
function registerRunEvents(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}/events',
      tags: ['runs'],
      summary: 'Progress as Server-Sent Events (progress, then a final status)',
      request: { params: idParam },
      responses: { 200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } }, ...errorResponses(401, 404) },
    }),
    async (c) => {
      const services = c.get('services');
      const run = await requireRun(services, c.req.valid('param').id, false);
      return streamSSE(c, async (sse) => {
        const queue: RunEvent[] = [];
        let wake: (() => void) | null = null;
        const unsubscribe = services.runs.subscribe(run.id, (event) => {
          queue.push(event);
          wake?.();
        });
        // Queue mode: the run's row (written by workers) feeds the registry while someone listens.
        const unfollow = services.queue?.follow(run.id);
        try {
          const current = await getRun(services.db, run.id, false);
          const live = services.runs.progressOf(run.id);
          if (live) await sse.writeSSE({ event: 'progress', data: JSON.stringify(live) });
          await sse.writeSSE({ event: 'status', data: JSON.stringify({ status: current!.status }) });
          if (FINAL.has(current!.status)) return;
          for (;;) {
            while (queue.length) {
              const event = queue.shift()!;
              await sse.writeSSE({
                event: event.type,
                data: JSON.stringify(event.type === 'progress' ? { done: event.done, total: event.total } : { status: event.status }),
              });
              if (event.type === 'status' && FINAL.has(event.status)) return;
            }
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, 15_000);
            });
            wake = null;
            if (sse.aborted) return;
            if (!queue.length) await sse.writeSSE({ event: 'ping', data: '{}' });
          }
        } finally {
          unsubscribe();
          unfollow?.();
        }
      });
    },
  );
}

/** POST /api/runs/{id}/cancel: cancel a queued or running run. */
function registerCancelRun(app: App): void {
  app.use('/api/runs/:id/cancel', requirePermission('write'));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/runs/{id}/cancel',
      tags: ['runs'],
      summary: 'Cancel a queued or running run',
      request: { params: idParam },
      responses: { 202: jsonResponse('The run (its status becomes cancelled)'), ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      const services = c.get('services');
      const run = await requireRun(services, c.req.valid('param').id, false);
      if (FINAL.has(run.status))
        throw new ApiError(409, `the run already ${run.status === 'succeeded' ? 'finished' : run.status === 'failed' ? 'failed' : 'was cancelled'}`);
      if (services.queue) await services.queue.cancelRun(run.id);
      else services.runs.cancel(run.id);
      return c.json((await getRun(services.db, run.id, false))!, 202);
    },
  );
}

/** GET /api/runs/{id}/trials.csv: per-trial outputs, recomputed and streamed. */
function registerTrialsCsv(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}/trials.csv',
      tags: ['runs', 'export'],
      summary: 'Per-trial outputs as CSV, streamed as the client reads (recomputed exactly from the stored seed and case version)',
      request: { params: idParam },
      responses: { 200: { description: 'text/csv', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(401, 404, 409, 422, 429) },
    }),
    async (c) => {
      const services = c.get('services');
      const run = await requireRun(services, c.req.valid('param').id, false);
      if (run.status !== 'succeeded') throw new ApiError(409, `the run is ${run.status}; per-trial outputs exist for succeeded runs`);
      const { rows } = await services.db.query<{ document: unknown }>('SELECT document FROM case_versions WHERE case_id = $1 AND version = $2', [
        run.caseId,
        run.caseVersion,
      ]);
      const document = rows[0].document;
      requireCsvWithinBound(document, run.trials, services.jobs.costLimits.csvValues);
      const owner = c.get('principal').name;
      // The download holds the run's columns until it ends: a place is taken for its whole life.
      const place = services.runs.csvDownloads.acquire(owner);
      const shared = services.runs.trialColumns.acquire(run.id, () =>
        services.jobs
          .submit<{ outputs: TrialColumns }>({ type: 'trials', document, settings: runSettings(run) }, { owner })
          .result.then((result) => result.outputs),
      );
      const release = (): void => {
        shared.release();
        place();
      };
      let outputs: TrialColumns;
      try {
        outputs = await shared.columns;
      } catch (error) {
        release();
        throw error;
      }
      return c.body(trialsCsvStream(outputs, run.trials, release), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="run-${run.id}-trials.csv"`,
      });
    },
  );
}

/** The document of the version a run uses (the case's own simulation settings are that version's). */
async function versionDocument(services: Services, record: Awaited<ReturnType<typeof requireCase>>, version: number): Promise<unknown> {
  const document = version === record.currentVersion ? record.document : (await getVersion(services.db, record.id, version))?.document;
  if (document === undefined) throw new ApiError(404, `case ${record.id} has no version ${version}`);
  return document;
}

/** Checks the output a precision-controlled run watches against the version it runs: 422 names the field. */
function requirePrecisionTarget(document: unknown, precision: { relativeHalfWidth: number; output: string }): void {
  const { model } = requireValidCase(document);
  try {
    resolvePrecisionTarget(model, precision);
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    throw new ApiError(422, error.message, [{ path: '/precision/output', message: error.message, ...(error.hint ? { hint: error.hint } : {}) }]);
  }
}
