import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../server/create-app.ts';
import { requirePermission } from '../server/auth.ts';
import { ApiError } from '../server/problem.ts';
import { createCase, getVersion } from '../services/case-store.ts';
import { requireCase } from './case-routes.ts';
import { caseBody, errorResponses, idParam, jsonResponse } from './openapi-common.ts';
import { readJson, requireValidCase, versionTag } from './route-helpers.ts';

/**
 * Case JSON out (any version) and in.
 *
 * @example
 * registerExportRoutes(app);
 */
export function registerExportRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/export.json',
      tags: ['export'],
      summary: 'The case document (current or ?version=) as a downloadable JSON file',
      request: { params: idParam, query: z.object({ version: z.coerce.number().int().min(1).optional() }) },
      responses: { 200: jsonResponse('The case document'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const record = await requireCase(db, c.req.valid('param').id);
      const version = c.req.valid('query').version ?? record.currentVersion;
      const stored = version === record.currentVersion ? record : await getVersion(db, record.id, version);
      if (!stored) throw new ApiError(404, `case ${record.id} has no version ${version}`);
      const slug = record.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'case';
      c.header('Content-Disposition', `attachment; filename="${slug}-v${version}.json"`);
      c.header('ETag', versionTag(version));
      return c.json(stored.document as object, 200);
    },
  );

  app.use('/api/import', requirePermission('write'));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/import',
      tags: ['export'],
      summary: 'Import a case document as a new case',
      request: { body: caseBody },
      responses: { 201: jsonResponse('The created case'), ...errorResponses(400, 401, 403, 413, 415, 422) },
    }),
    async (c) => {
      const document = await readJson(c);
      const validated = requireValidCase(document);
      const record = await createCase(c.get('services').db, document, validated.case, c.get('principal').name, 'imported');
      c.header('ETag', versionTag(record.currentVersion));
      c.header('Location', `/api/cases/${record.id}`);
      return c.json({ ...record, warnings: validated.warnings }, 201);
    },
  );
}
