import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { caseSchema, type BusinessCase } from '../../models/case/case-schema.ts';
import type { App, AppEnv } from '../server/app-env.ts';
import { requirePermission } from '../server/auth.ts';
import { ApiError, type FieldProblem } from '../server/problem.ts';
import { actualsReport, regateCase } from '../services/actuals-report-service.ts';
import { checkActualRows, MAX_ACTUAL_ROWS, parseActualsCsv, type RowProblem } from '../services/actuals-rows.ts';
import { listActualChanges, saveActualRows } from '../services/actuals-values-store.ts';
import type { CaseRecord } from '../services/case-store.ts';
import { jsonWithNonFinite } from './route-helpers.ts';
import { requireCase } from './require-resource.ts';
import { errorResponses, idParam, jsonResponse } from './openapi-common.ts';

const runQuery = z.object({
  run: z
    .string()
    .max(100)
    .optional()
    .openapi({ param: { name: 'run', in: 'query' } }),
});

/** The case's current document with defaults applied; 422 when it no longer validates. */
function currentCase(record: CaseRecord): BusinessCase {
  const parsed = caseSchema.safeParse(record.document);
  if (!parsed.success)
    throw new ApiError(422, `the current version (${record.currentVersion}) of case ${record.id} does not validate; fix it before recording actuals`);
  return parsed.data;
}

/** 422 listing every bad cell, each with row and column (and a pointer for JSON bodies). */
function rowError(problems: RowProblem[], csv: boolean): ApiError {
  const first = problems[0];
  const where = csv ? (first.row === 0 ? 'the header' : `row ${first.row}, column ${first.column}`) : `rows[${first.row}].${first.column}`;
  const errors = problems.slice(0, 200).map((p) => ({ ...p, path: csv ? `row ${p.row}/${p.column}` : `/rows/${p.row}/${p.column}` })) as FieldProblem[];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'})` : '';
  return new ApiError(422, `nothing was saved: ${where}: ${first.message}${more}`, errors);
}

/** The rows of a post: CSV text, `{ rows }`, or the single-actual form `{ metric, value, measuredOn, note? }`. */
async function postedRows(c: Context<AppEnv>): Promise<{ raw: unknown[]; csv: boolean; problems: RowProblem[] }> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const text = await c.req.text();
  if (type === 'text/csv') {
    const { rows, problems } = parseActualsCsv(text);
    return { raw: rows, csv: true, problems };
  }
  if (!text) throw new ApiError(400, 'send the actuals as JSON { "rows": [...] } or as text/csv with the header month,series,value[,note]');
  const body = JSON.parse(text) as unknown;
  if (body && typeof body === 'object' && Array.isArray((body as { rows?: unknown }).rows)) {
    const keys = Object.keys(body);
    if (keys.length > 1) throw new ApiError(400, `unknown field ${keys.find((k) => k !== 'rows')}; send { "rows": [...] }`);
    return { raw: (body as { rows: unknown[] }).rows, csv: false, problems: [] };
  }
  if (body && typeof body === 'object' && 'metric' in body && 'measuredOn' in body) {
    // The single-actual form of earlier versions: a baseline metric (or a series id) measured on a date.
    const { metric, value, measuredOn, note } = body as Record<string, unknown>;
    const series = typeof metric === 'string' && (metric.includes(':') || metric === 'net' || metric === 'adoption') ? metric : `metric:${String(metric)}`;
    const month = typeof measuredOn === 'string' ? measuredOn.slice(0, 7) : measuredOn;
    return { raw: [{ month, series, value, ...(note === undefined ? {} : { note }) }], csv: false, problems: [] };
  }
  throw new ApiError(400, 'send the actuals as JSON { "rows": [{ "month": "2027-03", "series": "net", "value": 1234.5 }] } or as text/csv');
}

/**
 * Post-launch actuals (issue 17): monthly values of the case's series, entered many at a
 * time (JSON or CSV, all or nothing, idempotent per month and series, every change kept),
 * scored against a stored run and used to update its forecast and re-run the gate.
 *
 * @example
 * registerActualsRoutes(app);
 */
export function registerActualsRoutes(app: App): void {
  app.use('/api/cases/:id/actuals', async (c, next) => (c.req.method === 'POST' ? requirePermission('write')(c, next) : next()));
  app.use('/api/cases/:id/actuals/regate', requirePermission('write'));
  registerReport(app);
  registerPost(app);
  registerHistory(app);
  registerRegate(app);
}

function registerReport(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/actuals',
      tags: ['actuals'],
      summary: "The case's actuals scored against its latest run (or ?run=), the forecast updated by them, re-gate flags and durable change",
      request: { params: idParam, query: runQuery },
      responses: { 200: jsonResponse('ActualsReport'), ...errorResponses(401, 404, 409, 422) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const record = await requireCase(db, c.req.valid('param').id);
      return jsonWithNonFinite(c, await actualsReport(db, record.id, c.req.valid('query').run)) as never;
    },
  );
}

function registerPost(app: App): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/actuals',
      tags: ['actuals'],
      summary:
        'Record actuals: JSON { rows: [{ month, series, value, note? }] } or text/csv month,series,value[,note]; all or nothing, idempotent per month and series',
      request: { params: idParam },
      responses: { 200: jsonResponse('{ accepted, created, updated, unchanged }'), ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
    }),
    async (c) => {
      const services = c.get('services');
      const record = await requireCase(services.db, c.req.valid('param').id);
      const bc = currentCase(record);
      const { raw, csv, problems } = await postedRows(c);
      if (problems.length) throw rowError(problems, csv);
      if (raw.length === 0) throw new ApiError(422, 'no rows: send at least one actual', [{ path: '/rows', message: 'is empty' }]);
      if (raw.length > MAX_ACTUAL_ROWS) throw new ApiError(413, `at most ${MAX_ACTUAL_ROWS} rows at a time; split the file`);
      const checked = checkActualRows(bc, raw, services.now().toISOString().slice(0, 10), csv ? 1 : 0);
      if (checked.problems.length) throw rowError(checked.problems, csv);
      const result = await saveActualRows(services.db, record.id, checked.rows, c.get('principal').name, services.now());
      return c.json(result, 200);
    },
  );
}

function registerHistory(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/actuals/history',
      tags: ['actuals'],
      summary: 'Every change of the case’s actuals, oldest first, with who and when',
      request: { params: idParam },
      responses: { 200: jsonResponse('{ changes: ActualChange[] }'), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const record = await requireCase(db, c.req.valid('param').id);
      return c.json({ changes: await listActualChanges(db, record.id) }, 200);
    },
  );
}

function registerRegate(app: App): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/actuals/regate',
      tags: ['actuals'],
      summary: 'Re-run the gate on the forecast updated by the actuals, naming the actuals that moved it',
      request: { params: idParam, query: runQuery },
      responses: { 200: jsonResponse('{ original, updated, changed, movedBy, effectiveSampleSize }'), ...errorResponses(401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const services = c.get('services');
      const record = await requireCase(services.db, c.req.valid('param').id);
      const today = services.now().toISOString().slice(0, 10);
      return jsonWithNonFinite(c, await regateCase(services.db, record.id, c.req.valid('query').run, today)) as never;
    },
  );
}
