import { createRoute, z } from '@hono/zod-openapi';
import { z as zod } from 'zod';
import { checklistItemDefinitionShape, type CaseChecklistItem } from '../../models/case/governance-schema.ts';
import { READINESS_GATES } from '../../models/case/readiness.ts';
import type { CaseChecklistResource } from '../../models/contract/governance-resources.ts';
import { instantiateChecklist, migrateChecklist, diffTemplateItems, definitionOf } from '../../models/governance/template-diff.ts';
import type { App } from '../server/app-env.ts';
import { requirePermission } from '../server/auth.ts';
import { ApiError } from '../server/problem.ts';
import { governanceOfCase } from '../services/case-governance.ts';
import type { CaseRecord } from '../services/case-store.ts';
import { caseGovernanceRow, listChecklistChanges } from '../services/checklist-store.ts';
import { currentTemplateVersion, getTemplate } from '../services/checklist-templates.ts';
import type { Queryable } from '../storage/database.ts';
import { requireChecklist, requireNotArchived, saveGovernanceChange, withChecklist } from './checklist-helpers.ts';
import { errorResponses, idParam, jsonResponse } from './openapi-common.ts';
import { parseBody } from './parse-body.ts';
import { requireCase } from './require-resource.ts';
import { integerParam, readJson } from './route-helpers.ts';
import { registerSignOff } from './sign-off-route.ts';

const { id: _id, ...newItemShape } = checklistItemDefinitionShape;
const newItemBody = zod.strictObject({ ...newItemShape, disclosure: zod.boolean().optional() });
const migrateBody = zod.strictObject({ toVersion: zod.number().int().min(1) });

/**
 * The checklist of a case as the API shows it: items in gate order with `mandatory` from the
 * case's tier, and the whole change history.
 *
 * @example
 * return c.json(await checklistResource(db, record), 200);
 */
export async function checklistResource(db: Queryable, record: CaseRecord): Promise<CaseChecklistResource> {
  const checklist = (record.document as { governance?: { checklist?: { templateVersion: number; items: CaseChecklistItem[] } } }).governance?.checklist;
  const governance = await governanceOfCase(db, record);
  const mandatory = new Set(governance.riskTier.rules.mandatoryItems);
  const order = (item: CaseChecklistItem) => READINESS_GATES.indexOf(item.gate);
  const items = (checklist?.items ?? []).map((item, index) => ({ item, index })).sort((a, b) => order(a.item) - order(b.item) || a.index - b.index);
  return {
    caseId: record.id,
    caseVersion: record.currentVersion,
    templateVersion: checklist?.templateVersion ?? null,
    pinnedTemplateVersion: (await caseGovernanceRow(db, record.id)).pinnedTemplateVersion,
    currentTemplateVersion: await currentTemplateVersion(db),
    items: items.map(({ item }) => ({ ...item, mandatory: mandatory.has(item.id) })),
    history: await listChecklistChanges(db, record.id),
  };
}

/**
 * A case's readiness checklist (issue 18): read it with its history, start it from the template
 * version pinned at the case's creation, add case items, sign items off (by function), and
 * migrate to a newer template version with the item diff.
 *
 * @example
 * registerChecklistRoutes(app);
 */
export function registerChecklistRoutes(app: App): void {
  for (const path of ['/api/cases/:id/checklist', '/api/cases/:id/checklist/items', '/api/cases/:id/checklist/migration']) {
    app.use(path, async (c, next) => (c.req.method === 'POST' ? requirePermission('write')(c, next) : next()));
  }
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/checklist',
      tags: ['governance'],
      summary: "A case's readiness checklist: items with their sign-offs, mandatory flags and the change history",
      request: { params: idParam },
      responses: { 200: jsonResponse('CaseChecklistResource'), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { db } = c.get('services');
      return c.json(await checklistResource(db, await requireCase(db, c.req.valid('param').id)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/checklist',
      tags: ['governance'],
      summary: 'Start the checklist from the template version pinned at the case’s creation',
      request: { params: idParam },
      responses: { 201: jsonResponse('CaseChecklistResource'), ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const record = await requireCase(db, c.req.valid('param').id);
      requireNotArchived(record);
      if ((record.document as { governance?: { checklist?: unknown } }).governance?.checklist) throw new ApiError(409, 'the case already has a checklist');
      const { pinnedTemplateVersion } = await caseGovernanceRow(db, record.id);
      const template = (await getTemplate(db, pinnedTemplateVersion))!;
      const checklist = instantiateChecklist(template);
      const saved = await saveGovernanceChange(
        db,
        record,
        withChecklist(record.document, checklist),
        c.get('principal').person,
        `checklist: started from template v${template.version}`,
      );
      return c.json(await checklistResource(db, saved), 201);
    },
  );
  registerAddItem(app);
  registerSignOff(app);
  registerMigration(app);
}

function registerAddItem(app: App): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/checklist/items',
      tags: ['governance'],
      summary: 'Add an item of the case’s own to its checklist (not met, unsigned)',
      request: { params: idParam },
      responses: { 201: jsonResponse('The new item'), ...errorResponses(401, 403, 404, 409, 415, 422) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const record = await requireCase(db, c.req.valid('param').id);
      requireNotArchived(record);
      const body = parseBody(newItemBody, await readJson(c), 'the checklist item');
      const checklist = requireChecklist(record);
      const taken = new Set(checklist.items.map((item) => item.id));
      let n = checklist.items.filter((item) => item.source === 'case').length + 1;
      while (taken.has(`case-${n}`)) n++;
      const item: CaseChecklistItem = { id: `case-${n}`, ...body, source: 'case', status: 'notMet' };
      await saveGovernanceChange(
        db,
        record,
        withChecklist(record.document, { ...checklist, items: [...checklist.items, item] }),
        c.get('principal').person,
        `checklist: added ${item.id}`,
      );
      return c.json(item, 201);
    },
  );
}

function registerMigration(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/checklist/migration',
      tags: ['governance'],
      summary: 'Preview a migration of the case’s checklist to a newer template version: the item diff',
      request: { params: idParam, query: z.object({ to: z.string().optional() }) },
      responses: { 200: jsonResponse('TemplateDiffResource'), ...errorResponses(400, 401, 404, 409) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const record = await requireCase(db, c.req.valid('param').id);
      const checklist = requireChecklist(record);
      const raw = c.req.valid('query').to;
      const to = raw === undefined ? await currentTemplateVersion(db) : integerParam(raw, 'to');
      const template = await getTemplate(db, to);
      if (!template) throw new ApiError(404, `no checklist template version ${to}`);
      const own = checklist.items.filter((item) => item.source === 'template').map(definitionOf);
      return c.json(diffTemplateItems(checklist.templateVersion, own, to, template.items), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/checklist/migration',
      tags: ['governance'],
      summary: 'Migrate the case’s checklist to a newer template version, keeping every status and signature',
      request: { params: idParam },
      responses: { 200: jsonResponse('{ diff, checklist }'), ...errorResponses(401, 403, 404, 409, 415, 422) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const record = await requireCase(db, c.req.valid('param').id);
      requireNotArchived(record);
      const { toVersion } = parseBody(migrateBody, await readJson(c), 'the migration');
      const checklist = requireChecklist(record);
      if (toVersion <= checklist.templateVersion) {
        throw new ApiError(409, `the checklist already follows template version ${checklist.templateVersion}; migrate to a newer version`);
      }
      const template = await getTemplate(db, toVersion);
      if (!template) throw new ApiError(404, `no checklist template version ${toVersion}`);
      const migrated = migrateChecklist(checklist, template);
      const saved = await saveGovernanceChange(
        db,
        record,
        withChecklist(record.document, migrated.checklist),
        c.get('principal').person,
        `checklist: template v${checklist.templateVersion} → v${toVersion} (${migrated.diff.added.length} added, ${migrated.diff.changed.length} changed)`,
      );
      return c.json({ diff: migrated.diff, checklist: await checklistResource(db, saved) }, 200);
    },
  );
}
