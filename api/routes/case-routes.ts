import { createRoute, z } from '@hono/zod-openapi';
import { diffDocuments } from '../../models/case/diff-documents.ts';
import type { App } from '../server/app-env.ts';
import { requirePermission } from '../server/auth.ts';
import { requireCase } from './require-resource.ts';
import { ApiError } from '../server/problem.ts';
import { caseOverview, type CaseListItem } from '../services/case-overview.ts';
import { filterByStage } from './stage-filter.ts';
import { requireGovernanceRules } from './governance-guard.ts';
import { LIFECYCLE_STAGES } from '../../models/governance/lifecycle.ts';
import { archiveCase, createCase, getVersion, listVersions, updateCase } from '../services/case-store.ts';
import { requireDraft, storedForm, storedWithTodo, withTodo } from './draft-helpers.ts';
import { caseBody, errorResponses, idParam, jsonResponse } from './openapi-common.ts';
import { ifMatchVersion, integerParam, readJson, versionTag } from './route-helpers.ts';
import { registerNameVersion, requireSaveKind } from './version-routes.ts';

const listQuery = z.object({
  owner: z.string().optional(),
  decision: z.enum(['scale', 'redesign', 'stop', 'keepAsResearch', 'none']).optional(),
  recommendation: z.enum(['scale', 'redesign', 'stop', 'keepAsResearch', 'none']).optional(),
  gateStatus: z.enum(['met', 'partly', 'notMet', 'notStarted']).optional(),
  q: z.string().max(200).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
  stage: z
    .string()
    .max(300)
    .optional()
    .openapi({ description: `Lifecycle stages, comma-separated: ${LIFECYCLE_STAGES.join(', ')}; drifting cases come first` }),
  drifting: z.enum(['true', 'false']).optional().openapi({ description: 'true: only drifting cases; drifting cases come first' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/**
 * Case routes: create, read, list with filters and paging, update with
 * ETag/If-Match optimistic concurrency, archive, versions and diffs.
 *
 * @example
 * registerCaseRoutes(app);
 */
export function registerCaseRoutes(app: App): void {
  registerListCases(app);
  registerCreateCase(app);
  registerGetCase(app);
  registerUpdateCase(app);
  registerArchiveCase(app);
  registerListVersions(app);
  registerNameVersion(app);
  registerGetVersion(app);
  registerDiff(app);
}

/** GET /api/cases: list with filters and paging. */
function registerListCases(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases',
      tags: ['cases'],
      summary: 'List cases with their latest run, recommendation, readiness and decision',
      request: { query: listQuery },
      responses: { 200: jsonResponse('A page of CaseListItem'), ...errorResponses(400, 401) },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { db } = c.get('services');
      let items: CaseListItem[] = await caseOverview(db, { includeArchived: query.includeArchived === 'true', now: c.get('services').now() });
      if (query.owner) items = items.filter((item) => (item.businessOwner ?? '').toLowerCase().includes(query.owner!.toLowerCase()));
      if (query.q) items = items.filter((item) => item.name.toLowerCase().includes(query.q!.toLowerCase()));
      if (query.decision) items = items.filter((item) => (item.latestDecision?.decision ?? 'none') === query.decision);
      if (query.recommendation) items = items.filter((item) => (item.recommendation ?? 'none') === query.recommendation);
      if (query.gateStatus) items = items.filter((item) => item.gateStatus === query.gateStatus);
      items = filterByStage(items, query.stage, query.drifting);
      return c.json({ items: items.slice(query.offset, query.offset + query.limit), total: items.length, limit: query.limit, offset: query.offset }, 200);
    },
  );
}

/** POST /api/cases: create version 1. */
function registerCreateCase(app: App): void {
  app.use('/api/cases', async (c, next) => (c.req.method === 'POST' ? requirePermission('write')(c, next) : next()));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases',
      tags: ['cases'],
      summary: 'Create a case (version 1) from a case document or a draft with at least a name; the response lists what is still to do',
      request: { body: caseBody },
      responses: { 201: jsonResponse('The created case, with ETag'), ...errorResponses(400, 401, 403, 413, 415, 422) },
    }),
    async (c) => {
      const document = await readJson(c);
      const draft = requireDraft(document);
      await requireGovernanceRules(c.get('services').db, draft);
      const record = await createCase(c.get('services').db, document, storedForm(draft), c.get('principal').name);
      c.header('ETag', versionTag(record.currentVersion));
      c.header('Location', `/api/cases/${record.id}`);
      return c.json(withTodo(record, draft), 201);
    },
  );
}

/** GET /api/cases/{id}: the case with its current document and ETag. */
function registerGetCase(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}',
      tags: ['cases'],
      summary: 'Read a case with its current document',
      request: { params: idParam },
      responses: { 200: jsonResponse('The case, with ETag "v<version>"'), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const record = await requireCase(c.get('services').db, c.req.valid('param').id);
      c.header('ETag', versionTag(record.currentVersion));
      return c.json(storedWithTodo(record), 200);
    },
  );
}

/** PUT /api/cases/{id}: save a new version under If-Match. */
function registerUpdateCase(app: App): void {
  app.use('/api/cases/:id', async (c, next) => (c.req.method === 'PUT' ? requirePermission('write')(c, next) : next()));
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/cases/{id}',
      tags: ['cases'],
      summary: 'Save a new version, complete or a draft that parses (requires If-Match with the version you edited)',
      request: {
        params: idParam,
        query: z.object({
          message: z.string().max(500).optional(),
          named: z.enum(['true', 'false']).optional().openapi({ description: 'true: name the new version with `message`' }),
          autosave: z.enum(['true', 'false']).optional().openapi({ description: 'true: a working save that may replace the previous autosave' }),
        }),
        headers: z.object({ 'if-match': z.string().optional().openapi({ example: '"v3"' }) }),
        body: caseBody,
      },
      responses: { 200: jsonResponse('The case at its new version'), ...errorResponses(400, 401, 403, 404, 412, 413, 415, 422, 428) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const id = c.req.valid('param').id;
      const existing = await requireCase(db, id);
      const ifMatch = c.req.header('if-match');
      if (!ifMatch) throw new ApiError(428, `send If-Match: ${versionTag(existing.currentVersion)} with the version you edited, so no one's update is lost`);
      const expected = ifMatchVersion(ifMatch);
      if (existing.archived) throw new ApiError(409, 'the case is archived; archived cases cannot change');
      const saveKind = requireSaveKind(c.req.valid('query'));
      const document = await readJson(c);
      const draft = requireDraft(document);
      // A stale If-Match is a 412 from the save below, not a checklist complaint against a version the editor never saw.
      if (expected === existing.currentVersion) await requireGovernanceRules(db, draft, existing.document);
      const outcome = await updateCase(db, id, expected, document, storedForm(draft), c.get('principal').name, saveKind.message, saveKind);
      if (outcome.kind === 'missing') throw new ApiError(404, `no case ${id}`);
      if (outcome.kind === 'conflict') {
        throw new ApiError(
          412,
          `the case changed since version ${expected}: it is now at version ${outcome.current.currentVersion}; merge your edits into it and retry with If-Match ${versionTag(outcome.current.currentVersion)}`,
          undefined,
          { current: outcome.current },
          { ETag: versionTag(outcome.current.currentVersion) },
        );
      }
      c.header('ETag', versionTag(outcome.record.currentVersion));
      return c.json(withTodo(outcome.record, draft), 200);
    },
  );
}

/** POST /api/cases/{id}/archive: archive (it stays readable). */
function registerArchiveCase(app: App): void {
  app.use('/api/cases/:id/archive', requirePermission('write'));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/archive',
      tags: ['cases'],
      summary: 'Archive a case (it stays readable)',
      request: { params: idParam },
      responses: { 200: jsonResponse('The archived case'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const record = await archiveCase(c.get('services').db, c.req.valid('param').id);
      if (!record) throw new ApiError(404, `no case ${c.req.valid('param').id}`);
      return c.json(record, 200);
    },
  );
}

/** GET /api/cases/{id}/versions: named versions first, then working versions. */
function registerListVersions(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/versions',
      tags: ['cases'],
      summary: 'List the versions of a case: named versions first (with their messages), then working versions, each oldest first',
      request: { params: idParam, query: z.object({ named: z.enum(['true', 'false']).optional() }) },
      responses: { 200: jsonResponse('{ items: VersionResource[] }'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const record = await requireCase(db, c.req.valid('param').id);
      const named = c.req.valid('query').named;
      return c.json({ items: await listVersions(db, record.id, { named: named === undefined ? undefined : named === 'true' }) }, 200);
    },
  );
}

/** GET /api/cases/{id}/versions/{version}: one version with its document. */
function registerGetVersion(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/versions/{version}',
      tags: ['cases'],
      summary: 'Read one version with its document',
      request: { params: z.object({ id: z.string(), version: z.string() }) },
      responses: { 200: jsonResponse('The version with its document'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const { id, version: raw } = c.req.valid('param');
      const version = integerParam(raw, 'version');
      const found = await getVersion(db, id, version);
      if (!found) throw new ApiError(404, `case ${id} has no version ${version}`);
      return c.json(found, 200);
    },
  );
}

/** GET /api/cases/{id}/diff: field-by-field diff between two versions. */
function registerDiff(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/diff',
      tags: ['cases'],
      summary: 'Field-by-field diff between two versions',
      request: { params: idParam, query: z.object({ from: z.string(), to: z.string() }) },
      responses: { 200: jsonResponse('{ from, to, changes }'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const id = c.req.valid('param').id;
      const query = c.req.valid('query');
      const from = integerParam(query.from, 'from');
      const to = integerParam(query.to, 'to');
      const [before, after] = await Promise.all([getVersion(db, id, from), getVersion(db, id, to)]);
      if (!before || !after) throw new ApiError(404, `case ${id} has no version ${!before ? from : to}`);
      return c.json({ from, to, changes: diffDocuments(before.document, after.document) }, 200);
    },
  );
}
