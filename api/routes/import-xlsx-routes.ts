import { createRoute, z } from '@hono/zod-openapi';
import { caseSchema, type BusinessCase } from '../../models/case/case-schema.ts';
import type { App } from '../server/app-env.ts';
import { requirePermission } from '../server/auth.ts';
import { ApiError } from '../server/problem.ts';
import type { Services } from '../server/services.ts';
import { getVersion, updateCase, type CaseRecord } from '../services/case-store.ts';
import { importWorkbook, WorkbookError, type AssumptionImport } from '../services/xlsx-import/index.ts';
import { XLSX_CONTENT_TYPE } from '../services/xlsx/index.ts';
import { requireDraft, storedForm, withTodo } from './draft-helpers.ts';
import { errorResponses, idParam, jsonResponse } from './openapi-common.ts';
import { requireCase } from './require-resource.ts';
import { ifMatchVersion, versionTag } from './route-helpers.ts';

/** Content types a workbook upload may come with (browsers send octet-stream for unknown files). */
const WORKBOOK_TYPES = new Set([XLSX_CONTENT_TYPE, 'application/octet-stream']);

/**
 * POST /api/cases/{id}/import.xlsx: an edited workbook exported by valuegate back in as
 * a new version of its case. `?dryRun=true` answers the field-by-field diff and saves
 * nothing; without it the new version is saved under If-Match, as every case write.
 * Problems name the sheet and cell (400, 413, 415, 422); nothing is saved half-way.
 *
 * @example
 * registerImportXlsxRoutes(app);
 */
export function registerImportXlsxRoutes(app: App): void {
  app.use('/api/cases/:id/import.xlsx', requirePermission('write'));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/import.xlsx',
      tags: ['export'],
      summary: "Import an edited workbook's Assumptions sheet as a new version (?dryRun=true: the diff only, nothing saved)",
      request: {
        params: idParam,
        query: z.object({
          dryRun: z.enum(['true', 'false']).optional().openapi({ description: 'true: answer the changes without saving' }),
          message: z.string().max(500).optional(),
        }),
        headers: z.object({ 'if-match': z.string().optional().openapi({ example: '"v3"', description: 'Required unless dryRun=true' }) }),
        body: { content: { [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } }, required: true },
      },
      responses: {
        200: jsonResponse('The changes (and, when saved, the case at its new version)'),
        ...errorResponses(400, 401, 403, 404, 409, 412, 413, 415, 422, 428),
      },
    }),
    async (c) => {
      const { db } = c.get('services');
      const record = await requireCase(db, c.req.valid('param').id);
      const { dryRun, message } = c.req.valid('query');
      const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
      if (!WORKBOOK_TYPES.has(type)) throw new ApiError(415, `send the workbook as the body with Content-Type: ${XLSX_CONTENT_TYPE}`);
      const ifMatch = c.req.header('if-match');
      const saving = dryRun !== 'true';
      if (saving && !ifMatch)
        throw new ApiError(428, `send If-Match: ${versionTag(record.currentVersion)} with the version you are updating, or ?dryRun=true to preview`);
      const expected = saving ? ifMatchVersion(ifMatch!) : record.currentVersion;
      if (saving && record.archived) throw new ApiError(409, 'the case is archived; archived cases cannot change');
      if (saving && expected !== record.currentVersion) throw conflict(expected, record);
      const imported = await readWorkbook(db, record, new Uint8Array(await c.req.arrayBuffer()));
      const draft = requireDraft(imported.document);
      const preview = {
        caseId: record.id,
        baseVersion: imported.baseVersion ?? record.currentVersion,
        currentVersion: record.currentVersion,
        changes: imported.changes,
      };
      if (!saving) return c.json({ ...preview, dryRun: true, complete: draft.complete, warnings: draft.warnings }, 200);
      if (imported.changes.length === 0) return c.json({ ...preview, saved: false }, 200);
      const note = message ?? `Imported from Excel: ${imported.changes.length} change${imported.changes.length === 1 ? '' : 's'}`;
      const outcome = await updateCase(db, record.id, expected, imported.document, storedForm(draft), c.get('principal').name, note, { named: false });
      if (outcome.kind === 'missing') throw new ApiError(404, `no case ${record.id}`);
      if (outcome.kind === 'conflict') throw conflict(expected, outcome.current);
      c.header('ETag', versionTag(outcome.record.currentVersion));
      return c.json({ ...withTodo(outcome.record, draft), changes: imported.changes, saved: true }, 200);
    },
  );
}

/** 412 for a save based on an older version: the workbook must be previewed against the current one. */
function conflict(expected: number, current: CaseRecord): ApiError {
  return new ApiError(
    412,
    `the case changed since version ${expected}: it is now at version ${current.currentVersion}; preview the workbook again and retry with If-Match ${versionTag(current.currentVersion)}`,
    undefined,
    { current },
    { ETag: versionTag(current.currentVersion) },
  );
}

/** The workbook applied to the case: edits found against the version it was exported from, applied to the current one. */
async function readWorkbook(db: Services['db'], record: CaseRecord, bytes: Uint8Array): Promise<AssumptionImport & { baseVersion?: number }> {
  try {
    return await importWorkbook(bytes, (footer) => baseCase(db, record, footer), record.document as Record<string, unknown>);
  } catch (error) {
    if (error instanceof WorkbookError) throw new ApiError(error.status, error.message, [{ path: error.where || 'workbook', message: error.problem }]);
    throw error;
  }
}

async function baseCase(db: Services['db'], record: CaseRecord, footer: { caseId?: string; version?: number }): Promise<BusinessCase> {
  if (footer.caseId && footer.caseId !== 'local' && footer.caseId !== record.id) {
    throw new WorkbookError(422, `this workbook was exported from case ${footer.caseId}, not ${record.id}`, 'Assumptions');
  }
  const version = footer.version && footer.version !== record.currentVersion ? await getVersion(db, record.id, footer.version) : null;
  const parsed = caseSchema.safeParse(version?.document ?? record.document);
  if (!parsed.success)
    throw new WorkbookError(
      422,
      `case version ${version ? footer.version : record.currentVersion} is a draft that does not validate; finish it in the editor first`,
    );
  return parsed.data;
}
