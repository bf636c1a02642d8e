import { createRoute, z } from '@hono/zod-openapi';
import { z as zod } from 'zod';
import { classifyEuAiAct } from '../../models/case/eu-ai-act.ts';
import { intakeSchema } from '../../models/case/governance-schema.ts';
import type { ClassificationResource } from '../../models/contract/governance-resources.ts';
import { templateItemsSchema } from '../../models/governance/checklist-template.ts';
import { classifyRiskTier, riskTiersSchema } from '../../models/governance/risk-tiers.ts';
import { diffTemplateItems, removedTemplateItems } from '../../models/governance/template-diff.ts';
import type { App } from '../server/app-env.ts';
import { requirePermission } from '../server/auth.ts';
import { ApiError } from '../server/problem.ts';
import { createTemplate, currentTemplateVersion, getTemplate, listTemplates } from '../services/checklist-templates.ts';
import { getGovernanceSettings, getRiskTiers, setRiskTiers } from '../services/governance-settings.ts';
import { errorResponses, jsonResponse } from './openapi-common.ts';
import { parseBody } from './parse-body.ts';
import { integerParam, readJson } from './route-helpers.ts';

const settingsBody = zod.strictObject({ tiers: riskTiersSchema });
const classifyBody = zod.strictObject({ intake: intakeSchema });
const templateBody = zod.strictObject({ note: zod.string().max(500).optional(), items: templateItemsSchema });

/**
 * Organisation governance (issue 18): risk tiers (admin), intake classification, and the
 * versioned readiness-checklist template (admin saves, everyone reads and diffs).
 *
 * @example
 * registerGovernanceRoutes(app);
 */
export function registerGovernanceRoutes(app: App): void {
  app.use('/api/governance/settings', async (c, next) => (c.req.method === 'PUT' ? requirePermission('admin')(c, next) : next()));
  app.use('/api/governance/checklist-templates', async (c, next) => (c.req.method === 'POST' ? requirePermission('admin')(c, next) : next()));
  registerSettings(app);
  registerClassify(app);
  registerTemplates(app);
}

function registerSettings(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/governance/settings',
      tags: ['governance'],
      summary: 'The risk tiers and the current checklist template version',
      responses: { 200: jsonResponse('GovernanceSettingsResource'), ...errorResponses(401) },
    }),
    async (c) => c.json(await getGovernanceSettings(c.get('services').db), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/governance/settings',
      tags: ['governance'],
      summary: 'Set the risk tiers and their rules (admin)',
      responses: { 200: jsonResponse('GovernanceSettingsResource'), ...errorResponses(401, 403, 415, 422) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const { tiers } = parseBody(settingsBody, await readJson(c), 'the governance settings');
      const template = (await getTemplate(db, await currentTemplateVersion(db)))!;
      const known = new Set(template.items.map((item) => item.id));
      const unknown = tiers.flatMap((tier, index) =>
        tier.mandatoryItems.map((id, k) => ({ id, path: `/tiers/${index}/mandatoryItems/${k}` })).filter((entry) => !known.has(entry.id)),
      );
      if (unknown.length) {
        throw new ApiError(
          422,
          `mandatory items must be items of the current checklist template (version ${template.version}): ${unknown.map((entry) => entry.id).join(', ')}`,
          unknown.map((entry) => ({ path: entry.path, message: `no item "${entry.id}" in template version ${template.version}` })),
        );
      }
      return c.json(await setRiskTiers(db, tiers, c.get('principal').person), 200);
    },
  );
}

function registerClassify(app: App): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/governance/classify',
      tags: ['governance'],
      summary: 'The EU AI Act category and risk tier an intake gives, with the answers that led to them',
      responses: { 200: jsonResponse('ClassificationResource'), ...errorResponses(401, 415, 422) },
    }),
    async (c) => {
      const { intake } = parseBody(classifyBody, await readJson(c), 'the intake');
      const tiers = await getRiskTiers(c.get('services').db);
      const category = classifyEuAiAct(intake);
      const tier = classifyRiskTier(intake, category.value, tiers);
      const label = tiers.find((entry) => entry.id === tier.value)?.label ?? tier.value;
      return c.json({ euAiActCategory: category, riskTier: { ...tier, label } } satisfies ClassificationResource, 200);
    },
  );
}

function registerTemplates(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/governance/checklist-templates',
      tags: ['governance'],
      summary: 'The checklist template versions, newest first',
      responses: { 200: jsonResponse('{ items: TemplateVersionSummary[] }'), ...errorResponses(401) },
    }),
    async (c) => c.json({ items: await listTemplates(c.get('services').db) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/governance/checklist-templates/diff',
      tags: ['governance'],
      summary: 'The item diff between two template versions',
      request: { query: z.object({ from: z.string(), to: z.string() }) },
      responses: { 200: jsonResponse('TemplateDiffResource'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const query = c.req.valid('query');
      const from = integerParam(query.from, 'from');
      const to = integerParam(query.to, 'to');
      const [before, after] = await Promise.all([getTemplate(db, from), getTemplate(db, to)]);
      if (!before || !after) throw new ApiError(404, `no checklist template version ${!before ? from : to}`);
      return c.json(diffTemplateItems(from, before.items, to, after.items), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/governance/checklist-templates/{version}',
      tags: ['governance'],
      summary: 'One checklist template version with its items',
      request: { params: z.object({ version: z.string() }) },
      responses: { 200: jsonResponse('ChecklistTemplateResource'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const version = integerParam(c.req.valid('param').version, 'version');
      const template = await getTemplate(c.get('services').db, version);
      if (!template) throw new ApiError(404, `no checklist template version ${version}`);
      return c.json(template, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/governance/checklist-templates',
      tags: ['governance'],
      summary: 'Save the next checklist template version (admin); every item of the current version must stay',
      responses: { 201: jsonResponse('ChecklistTemplateResource'), ...errorResponses(401, 403, 409, 415, 422) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const body = parseBody(templateBody, await readJson(c), 'the checklist template');
      const current = (await getTemplate(db, await currentTemplateVersion(db)))!;
      const removed = removedTemplateItems(current.items, body.items);
      if (removed.length) {
        throw new ApiError(
          422,
          `template items are never deleted: ${removed.join(', ')} ${removed.length === 1 ? 'is' : 'are'} missing from the new version (keep them; change their text instead)`,
          removed.map((id) => ({ path: '/items', message: `item "${id}" of version ${current.version} is missing` })),
        );
      }
      const created = await createTemplate(db, body.items, body.note ?? '', c.get('principal').person);
      return c.json(created, 201);
    },
  );
}
