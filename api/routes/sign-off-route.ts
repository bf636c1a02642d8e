import { createRoute, z } from '@hono/zod-openapi';
import { z as zod } from 'zod';
import { CHECKLIST_STATUSES, FUNCTION_LABELS, checklistEvidenceSchema, type CaseChecklistItem } from '../../models/case/governance-schema.ts';
import type { ChecklistChangeResource } from '../../models/contract/governance-resources.ts';
import { sameJson } from '../../models/governance/same-json.ts';
import type { App } from '../server/app-env.ts';
import { ApiError } from '../server/problem.ts';
import { governanceOfCase } from '../services/case-governance.ts';
import { appendChecklistChange } from '../services/checklist-store.ts';
import type { Principal } from '../services/token-store.ts';
import { requireChecklist, requireNotArchived, saveGovernanceChange, withChecklist } from './checklist-helpers.ts';
import { errorResponses, jsonResponse } from './openapi-common.ts';
import { parseBody } from './parse-body.ts';
import { requireCase } from './require-resource.ts';
import { readJson } from './route-helpers.ts';

const statusBody = zod.strictObject({
  status: zod.enum(CHECKLIST_STATUSES),
  evidence: checklistEvidenceSchema.optional(),
  /** Why the item does not apply (required for notApplicable). */
  reason: zod.string().max(5000).optional(),
});

/** Messages of the sign-off checks, as constants. */
export const SIGN_OFF_ERRORS = {
  evidence: 'a met item needs evidence: text and/or a link',
  reason: '"not applicable" needs a reason',
  mandatory: 'is mandatory for the case’s risk tier and cannot be marked not applicable',
  unchanged: 'nothing changes: the item already has this status and evidence',
} as const;

/** How the principal may sign an item: as its function, as an admin, or not at all (403 naming the function). */
function signingCapacity(principal: Principal, item: CaseChecklistItem): 'function' | 'admin' {
  if (principal.functions.includes(item.function)) return 'function';
  if (principal.permissions.has('admin')) return 'admin';
  const carries = principal.functions.length ? principal.functions.map((fn) => FUNCTION_LABELS[fn]).join(', ') : 'no function';
  throw new ApiError(
    403,
    `item ${item.id} belongs to the ${FUNCTION_LABELS[item.function]} function (${item.function}); your token carries ${carries}. Ask someone of the ${FUNCTION_LABELS[item.function]} function, or an admin, to sign it`,
  );
}

const blank = (text: string | undefined) => !text?.trim();

/**
 * POST /api/cases/{id}/checklist/items/{itemId}/status: a sign-off by the item's function (or an
 * admin, recorded as such). `met` needs evidence, `notApplicable` a reason; the change is kept.
 *
 * @example
 * registerSignOff(app);
 */
export function registerSignOff(app: App): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/checklist/items/{itemId}/status',
      tags: ['governance'],
      summary: 'Set an item’s status (its function or an admin): met needs evidence, not applicable a reason; every change is kept',
      request: { params: z.object({ id: z.string(), itemId: z.string() }) },
      responses: { 200: jsonResponse('{ item, change, caseVersion }'), ...errorResponses(401, 403, 404, 409, 415, 422) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const principal = c.get('principal');
      const { id, itemId } = c.req.valid('param');
      const record = await requireCase(db, id);
      requireNotArchived(record);
      const checklist = requireChecklist(record);
      const index = checklist.items.findIndex((entry) => entry.id === itemId);
      if (index < 0) throw new ApiError(404, `the checklist of case ${id} has no item ${JSON.stringify(itemId.slice(0, 80))}`);
      const item = checklist.items[index];
      const signedAs = signingCapacity(principal, item);
      const body = parseBody(statusBody, await readJson(c), 'the sign-off');
      const evidence = body.evidence && (!blank(body.evidence.text) || !blank(body.evidence.link)) ? body.evidence : undefined;
      if (body.status === 'met' && !evidence) throw new ApiError(422, SIGN_OFF_ERRORS.evidence, [{ path: '/evidence', message: SIGN_OFF_ERRORS.evidence }]);
      if (body.status === 'notApplicable') {
        if (blank(body.reason)) throw new ApiError(422, SIGN_OFF_ERRORS.reason, [{ path: '/reason', message: SIGN_OFF_ERRORS.reason }]);
        const governance = await governanceOfCase(db, record);
        if (governance.riskTier.rules.mandatoryItems.includes(item.id)) {
          const message = `${item.id} ${SIGN_OFF_ERRORS.mandatory} (${governance.riskTier.label})`;
          throw new ApiError(422, message, [{ path: '/status', message }]);
        }
      }
      const nextEvidence = evidence ?? (body.status === 'notApplicable' ? undefined : item.evidence);
      if (body.status === item.status && sameJson(nextEvidence, item.evidence) && body.status !== 'notApplicable') {
        throw new ApiError(422, SIGN_OFF_ERRORS.unchanged, [{ path: '/status', message: SIGN_OFF_ERRORS.unchanged }]);
      }
      const signedAt = c.get('services').now().toISOString();
      const { evidence: _e, notApplicableReason: _r, ...rest } = item;
      const updated: CaseChecklistItem = {
        ...rest,
        status: body.status,
        ...(nextEvidence && { evidence: nextEvidence }),
        ...(body.status === 'notApplicable' && { notApplicableReason: body.reason!.trim() }),
        signedBy: principal.person,
        signedAt,
        signedAs,
      };
      const items = checklist.items.map((entry, k) => (k === index ? updated : entry));
      let change: ChecklistChangeResource | undefined;
      const saved = await saveGovernanceChange(
        db,
        record,
        withChecklist(record.document, { ...checklist, items }),
        principal.person,
        `checklist: ${item.id} ${item.status} → ${body.status}${signedAs === 'admin' ? ' (signed as admin)' : ''}`,
        async (tx, version) => {
          change = await appendChecklistChange(tx, {
            caseId: record.id,
            caseVersion: version,
            itemId: item.id,
            from: item.status,
            to: body.status,
            evidence: nextEvidence ?? null,
            reason: body.status === 'notApplicable' ? body.reason!.trim() : null,
            changedBy: principal.person,
            token: principal.tokenId ? { id: principal.tokenId, name: principal.name } : null,
            signedAs,
            function: item.function,
          });
        },
      );
      return c.json({ item: updated, change: change!, caseVersion: saved.currentVersion }, 200);
    },
  );
}
