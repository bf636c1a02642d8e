import { createRoute, z } from '@hono/zod-openapi';
import { caseSchema, type BusinessCase } from '../../models/case/case-schema.ts';
import { closestName } from '../../models/case/closest-name.ts';
import type { App } from '../server/app-env.ts';
import { requirePermission } from '../server/auth.ts';
import { ApiError } from '../server/problem.ts';
import { actualMetricNames, insertActual, listActuals, resolveActualMetric, scoreActual, type ActualRecord } from '../services/actuals-store.ts';
import type { CaseRecord } from '../services/case-store.ts';
import { requireCase } from './require-resource.ts';
import { requireComplete } from './draft-helpers.ts';
import { errorResponses, idParam, jsonResponse } from './openapi-common.ts';

/** numeric(20, 4) holds magnitudes below 10^16. */
const LARGEST_VALUE = 1e16;

/** A real calendar date as YYYY-MM-DD (2027-02-30 is refused, not rolled over). */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  }, 'is not a calendar date');

const actualBody = z
  .object({
    metric: z.string().trim().min(1).max(100),
    value: z
      .number()
      .finite()
      .refine((value) => Math.abs(value) < LARGEST_VALUE, `must be smaller than ${LARGEST_VALUE.toExponential()} in magnitude`),
    measuredOn: calendarDate,
    note: z.string().max(2000).optional(),
  })
  .strict();

/** The case's current document with defaults applied, or null when it no longer validates. */
function currentCase(record: CaseRecord): BusinessCase | null {
  const parsed = caseSchema.safeParse(record.document);
  return parsed.success ? parsed.data : null;
}

/** An actual with its score against the current forecast. */
function scored(actual: ActualRecord, bc: BusinessCase | null, caseVersion: number) {
  const score = bc
    ? scoreActual(bc, actual.metric, actual.value)
    : { input: null, unit: null, percentile: null, regate: false, assessment: 'not scored: the current case version does not validate' };
  return { ...actual, ...score, scoredAgainstVersion: caseVersion };
}

/**
 * Post-launch actuals: measured values recorded against a case and scored against the
 * forecast of its current version (the percentile of the input distribution, and a
 * re-gate flag outside P10–P90). Scores are computed on read, so after a re-forecast
 * every actual is judged against the forecast now in force.
 *
 * @example
 * registerActualsRoutes(app);
 */
export function registerActualsRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/actuals',
      tags: ['actuals'],
      summary: "A case's measured values, oldest measurement first, each scored against the current forecast",
      request: { params: idParam },
      responses: { 200: jsonResponse('{ items: ActualResource[] }'), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const record = await requireCase(db, c.req.valid('param').id);
      const bc = currentCase(record);
      const items = (await listActuals(db, record.id)).map((actual) => scored(actual, bc, record.currentVersion));
      return c.json({ items }, 200);
    },
  );

  app.use('/api/cases/:id/actuals', async (c, next) => (c.req.method === 'POST' ? requirePermission('write')(c, next) : next()));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/actuals',
      tags: ['actuals'],
      summary: 'Record a measured value of an input (or of a baseline metric the value hypothesis maps to an input) and score it against the forecast',
      request: { params: idParam, body: { required: true, content: { 'application/json': { schema: actualBody } } } },
      responses: { 201: jsonResponse('ActualResource with percentile, regate and assessment'), ...errorResponses(400, 401, 403, 404, 415, 422) },
    }),
    async (c) => {
      const services = c.get('services');
      const record = await requireCase(services.db, c.req.valid('param').id);
      const body = c.req.valid('json');
      const bc = currentCase(record);
      if (!bc) {
        // A draft: 422 listing, in words, what it still needs.
        requireComplete(record.document, `the current version (${record.currentVersion}) of the case`);
        throw new ApiError(422, `the current version (${record.currentVersion}) of case ${record.id} does not validate; fix it before recording actuals`);
      }
      if (!resolveActualMetric(bc, body.metric)) {
        const names = actualMetricNames(bc);
        const closest = closestName(body.metric, names);
        throw new ApiError(
          422,
          `"${body.metric}" is neither an input of case version ${record.currentVersion} nor a baseline metric the value hypothesis maps to an input`,
          [
            {
              path: '/metric',
              message: 'unknown metric',
              hint: closest ? `did you mean "${closest}"?` : `use an input name or a mapped baseline metric: ${names.join(', ')}`,
            },
          ],
        );
      }
      // Dates are compared in UTC with a day of slack, so a measurement taken today anywhere on Earth is accepted.
      const latestAllowed = new Date(services.now().getTime() + 86_400_000).toISOString().slice(0, 10);
      if (body.measuredOn > latestAllowed) {
        throw new ApiError(422, `measuredOn ${body.measuredOn} is in the future`, [{ path: '/measuredOn', message: 'must not be in the future' }]);
      }
      const actual = await insertActual(services.db, {
        caseId: record.id,
        metric: body.metric,
        value: body.value,
        measuredOn: body.measuredOn,
        note: body.note?.trim() || null,
        createdBy: c.get('principal').name,
      });
      c.header('Location', `/api/cases/${record.id}/actuals`);
      return c.json(scored(actual, bc, record.currentVersion), 201);
    },
  );
}
