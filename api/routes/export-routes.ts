import { createRoute, z } from '@hono/zod-openapi';
import type { SobolAnalysisResult } from '../../models/analysis/sobol-analysis.ts';
import type { TornadoResult } from '../../models/analysis/tornado-analysis.ts';
import type { VoiResult } from '../../models/analysis/value-of-information.ts';
import { caseSchema } from '../../models/case/case-schema.ts';
import type { GateResult } from '../../models/gate/evaluate-gate.ts';
import type { App } from '../server/app-env.ts';
import { requirePermission } from '../server/auth.ts';
import { ApiError } from '../server/problem.ts';
import type { Services } from '../server/services.ts';
import { listAnalyses } from '../services/analysis-store.ts';
import { createCase, getVersion } from '../services/case-store.ts';
import { latestSucceededRun, runAnalysisJob, runDocument } from '../services/latest-run.ts';
import type { RunRecord } from '../services/run-store.ts';
import { buildCaseWorkbook, XLSX_CONTENT_TYPE, type CaseWorkbookInput } from '../services/xlsx/index.ts';
import { requireCase } from './require-resource.ts';
import { caseBody, errorResponses, idParam, jsonResponse, MAX_INT32 } from './openapi-common.ts';
import { readJson, versionTag } from './route-helpers.ts';
import { requireDraft, storedForm, withTodo } from './draft-helpers.ts';

/**
 * A file name from a case name: lower-case ASCII words joined by dashes (safe inside a
 * quoted Content-Disposition filename).
 *
 * @example
 * downloadSlug('Claims intake: IDP!') // 'claims-intake-idp'
 */
export function downloadSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'case'
  );
}

/**
 * The analyses a workbook shows besides the run: the NPV tornado (computed), the gate
 * (the run's stored one, else computed and not stored: a viewer's download must not
 * write), and the stored Sobol and value-of-information analyses when there are any.
 */
async function workbookAnalyses(
  services: Services,
  document: unknown,
  run: RunRecord,
  owner: string,
): Promise<Pick<CaseWorkbookInput, 'tornado' | 'gate' | 'sobol' | 'voi'>> {
  const [storedGate] = await listAnalyses(services.db, run.id, 'gate');
  const [storedSobol] = await listAnalyses(services.db, run.id, 'sobol');
  const [storedVoi] = await listAnalyses(services.db, run.id, 'voi');
  const stored = (analysis: { id: string; createdAt: string; createdBy: string }): string =>
    `stored analysis ${analysis.id} (${analysis.createdAt}, ${analysis.createdBy})`;
  const [tornado, gate] = await Promise.all([
    runAnalysisJob<TornadoResult>(services, document, run, 'tornado', owner),
    storedGate
      ? { result: storedGate.result as GateResult, source: `stored gate analysis ${storedGate.id} (${storedGate.createdAt}, ${storedGate.createdBy})` }
      : runAnalysisJob<GateResult>(services, document, run, 'gate', owner).then((result) => ({
          result,
          source: 'computed for this export from the run; not stored',
        })),
  ]);
  return {
    tornado,
    gate,
    ...(storedSobol ? { sobol: { result: storedSobol.result as SobolAnalysisResult, source: stored(storedSobol) } } : {}),
    ...(storedVoi ? { voi: { result: storedVoi.result as VoiResult, source: stored(storedVoi) } } : {}),
  };
}

/**
 * Case JSON out (any version) and in, and the Excel workbook of the case's latest
 * succeeded run (assumptions, costs, benefits, results, tornado, gate).
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
      request: { params: idParam, query: z.object({ version: z.coerce.number().int().min(1).max(MAX_INT32).optional() }) },
      responses: { 200: jsonResponse('The case document'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const record = await requireCase(db, c.req.valid('param').id);
      const version = c.req.valid('query').version ?? record.currentVersion;
      const stored = version === record.currentVersion ? record : await getVersion(db, record.id, version);
      if (!stored) throw new ApiError(404, `case ${record.id} has no version ${version}`);
      c.header('Content-Disposition', `attachment; filename="${downloadSlug(record.name)}-v${version}.json"`);
      c.header('ETag', versionTag(version));
      return c.json(stored.document as object, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/export.xlsx',
      tags: ['export'],
      summary:
        "Excel workbook of the case's latest succeeded run: assumptions, the live model, results, distributions, costs, benefits, tornado, Sobol and EVPPI when stored, and the gate",
      request: { params: idParam },
      responses: {
        200: {
          description:
            "The workbook: Assumptions (named point values), a live Model sheet (formulas; NPV, ROI, IRR and PaybackMonth named), and the run's simulated results as values",
          content: { [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errorResponses(401, 404, 409, 422, 429),
      },
    }),
    async (c) => {
      const services = c.get('services');
      const record = await requireCase(services.db, c.req.valid('param').id);
      const run = await latestSucceededRun(services.db, record.id);
      if (!run?.summary) throw new ApiError(409, `case ${record.id} has no succeeded run yet; run it first (POST /api/cases/${record.id}/runs)`);
      const document = await runDocument(services.db, record, run);
      const parsed = caseSchema.safeParse(document);
      if (!parsed.success) throw new ApiError(422, `case version ${run.caseVersion} no longer validates; export it as JSON instead`);
      const analyses = await workbookAnalyses(services, document, run, c.get('principal').name);
      const bytes = await buildCaseWorkbook({
        caseId: record.id,
        case: parsed.data,
        currentVersion: record.currentVersion,
        run,
        ...analyses,
        exportedAt: services.now(),
      });
      return c.body(bytes, 200, {
        'Content-Type': XLSX_CONTENT_TYPE,
        'Content-Disposition': `attachment; filename="${downloadSlug(record.name)}-v${run.caseVersion}-run-${run.id.slice(0, 8)}.xlsx"`,
        'Cache-Control': 'no-store',
      });
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
      const draft = requireDraft(document);
      const record = await createCase(c.get('services').db, document, storedForm(draft), c.get('principal').name, 'imported');
      c.header('ETag', versionTag(record.currentVersion));
      c.header('Location', `/api/cases/${record.id}`);
      return c.json(withTodo(record, draft), 201);
    },
  );
}
