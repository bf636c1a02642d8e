import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../server/app-env.ts';
import { businessCaseDocx, DOCX_CONTENT_TYPE } from '../services/business-case/business-case-docx.ts';
import { caseOutline } from '../services/business-case/business-case-outline-service.ts';
import { downloadSlug } from './export-routes.ts';
import { errorResponses, idParam, jsonResponse } from './openapi-common.ts';
import { requireCase } from './require-resource.ts';

/**
 * The production business case of a case's latest succeeded run: as an outline (JSON, for
 * the web page) and as an editable Word document with the charts as images.
 *
 * @example
 * registerBusinessCaseRoutes(app);
 */
export function registerBusinessCaseRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/business-case',
      tags: ['export'],
      summary: "The production business case of the case's latest succeeded run, as sections of blocks in board order",
      request: { params: idParam },
      responses: { 200: jsonResponse('The business case outline'), ...errorResponses(401, 404, 409, 422, 429) },
    }),
    async (c) => {
      const services = c.get('services');
      const record = await requireCase(services.db, c.req.valid('param').id);
      const { outline, run } = await caseOutline(services, record, c.get('principal').name);
      return c.json({ runId: run.id, caseVersion: run.caseVersion, ...outline }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/business-case.docx',
      tags: ['export'],
      summary: "The production business case of the case's latest succeeded run as an editable Word document (DOCX), charts as PNG images",
      request: { params: idParam },
      responses: {
        200: { description: 'The Word document', content: { [DOCX_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } },
        ...errorResponses(401, 404, 409, 422, 429),
      },
    }),
    async (c) => {
      const services = c.get('services');
      const record = await requireCase(services.db, c.req.valid('param').id);
      const { outline, run, locale } = await caseOutline(services, record, c.get('principal').name);
      const bytes = await businessCaseDocx(outline, locale);
      return c.body(bytes, 200, {
        'Content-Type': DOCX_CONTENT_TYPE,
        'Content-Disposition': `attachment; filename="${downloadSlug(record.name)}-business-case-v${run.caseVersion}.docx"`,
        'Cache-Control': 'no-store',
      });
    },
  );
}
