import { createRoute, z } from '@hono/zod-openapi';
import { z as zod } from 'zod';
import type { ApprovalsResource, CaseGovernanceResource } from '../../models/contract/governance-resources.ts';
import { APPROVAL_ROLES, APPROVAL_ROLE_LABELS, missingApprovals, type ApprovalRole } from '../../models/governance/approval-roles.ts';
import type { ResolvedGovernance } from '../../models/governance/case-governance.ts';
import type { App } from '../server/app-env.ts';
import { requirePermission } from '../server/auth.ts';
import { ApiError } from '../server/problem.ts';
import { appendApproval, DuplicateApprover, listApprovals } from '../services/approval-store.ts';
import { governedDocument } from '../services/case-governance.ts';
import { retireCase } from '../services/checklist-store.ts';
import { governanceFacts } from '../services/governance-overview.ts';
import type { Principal } from '../services/token-store.ts';
import { errorResponses, idParam, jsonResponse } from './openapi-common.ts';
import { parseBody } from './parse-body.ts';
import { requireCase } from './require-resource.ts';
import { readJson } from './route-helpers.ts';
import { expectedApprovers, namesPerson, runGovernance } from './run-governance.ts';

const approvalBody = zod.strictObject({ runId: zod.string().max(100), role: zod.enum(APPROVAL_ROLES), note: zod.string().max(2000).optional() });
const retireBody = zod.strictObject({ reason: zod.string().max(5000).regex(/\S/, 'say why the system is retired') });

/** 403 unless the principal fills the role for this case. */
function requireRole(principal: Principal, role: ApprovalRole, governance: ResolvedGovernance): void {
  if (role === 'approver') {
    if (!principal.permissions.has('decide'))
      throw new ApiError(403, `an approval as ${APPROVAL_ROLE_LABELS.approver} needs the approver role; your token has the ${principal.role} role`);
    return;
  }
  const named = expectedApprovers(governance)[role];
  if (!named) throw new ApiError(409, `the case names no ${APPROVAL_ROLE_LABELS[role]}; name one in the case before approving in that role`);
  if (!namesPerson(named, principal.person)) {
    throw new ApiError(403, `only the case's ${APPROVAL_ROLE_LABELS[role]} (${named}) can approve in that role; this token is ${principal.person}'s`);
  }
}

/**
 * A case's governance (issue 18): its effective classification and accountability, approvals of
 * a scale decision (each by a different person), and retirement from production.
 *
 * @example
 * registerApprovalRoutes(app);
 */
export function registerApprovalRoutes(app: App): void {
  app.use('/api/cases/:id/retire', requirePermission('decide'));
  registerCaseGovernance(app);
  registerApprovals(app);
  registerRetire(app);
}

/** GET /api/cases/{id}/governance. */
function registerCaseGovernance(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/governance',
      tags: ['governance'],
      summary: 'The case’s EU AI Act category and risk tier (derived and effective, with overrides), accountability and lifecycle stage',
      request: { params: idParam },
      responses: { 200: jsonResponse('CaseGovernanceResource'), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const services = c.get('services');
      const record = await requireCase(services.db, c.req.valid('param').id);
      const facts = (await governanceFacts(services.db, [record], services.now())).get(record.id)!;
      const { governance } = facts;
      return c.json(
        {
          caseId: record.id,
          caseVersion: record.currentVersion,
          intake: governedDocument(record.document).governance?.intake ?? null,
          euAiActCategory: governance.euAiActCategory,
          riskTier: governance.riskTier,
          accountability: governance.accountability,
          lifecycle: facts.lifecycle,
          issues: governance.issues,
        } satisfies CaseGovernanceResource,
        200,
      );
    },
  );
}

/** GET and POST /api/cases/{id}/approvals. */
function registerApprovals(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/approvals',
      tags: ['governance'],
      summary: 'The approvals a scale decision on a run needs, those recorded and those missing',
      request: { params: idParam, query: z.object({ runId: z.string().max(100).optional() }) },
      responses: { 200: jsonResponse('ApprovalsResource'), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const services = c.get('services');
      const record = await requireCase(services.db, c.req.valid('param').id);
      const runId = c.req.valid('query').runId ?? (await newestSucceededRun(services.db, record.id));
      const { governance } = runId
        ? await runGovernance(services, record.id, runId)
        : { governance: (await governanceFacts(services.db, [record], services.now())).get(record.id)!.governance };
      const items = runId ? await listApprovals(services.db, runId) : [];
      const required = governance.riskTier.rules.approvals;
      return c.json(
        {
          caseId: record.id,
          runId,
          riskTier: governance.riskTier.value,
          required,
          expected: expectedApprovers(governance),
          items,
          missing: missingApprovals(required, items),
        } satisfies ApprovalsResource,
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/approvals',
      tags: ['governance'],
      summary:
        'Approve a scale decision on a run in a role (business owner, sponsor, risk owner, monitoring owner: the named person; approver: the approver role)',
      request: { params: idParam },
      responses: { 201: jsonResponse('ApprovalResource'), ...errorResponses(401, 403, 404, 409, 415, 422) },
    }),
    async (c) => {
      const services = c.get('services');
      const principal = c.get('principal');
      const record = await requireCase(services.db, c.req.valid('param').id);
      const body = parseBody(approvalBody, await readJson(c), 'the approval');
      const { governance, run } = await runGovernance(services, record.id, body.runId);
      requireRole(principal, body.role, governance);
      const existing = await listApprovals(services.db, run.id);
      const mine = existing.find((approval) => namesPerson(approval.person, principal.person) || namesPerson(principal.person, approval.person));
      if (mine)
        throw new ApiError(
          409,
          `${principal.person} already approved this run as ${APPROVAL_ROLE_LABELS[mine.role]}; each approval must come from a different person`,
        );
      const needed = governance.riskTier.rules.approvals.filter((role) => role === body.role).length || 1;
      if (existing.filter((approval) => approval.role === body.role).length >= needed) {
        throw new ApiError(409, `the ${APPROVAL_ROLE_LABELS[body.role]} approval of this run is already recorded`);
      }
      try {
        const approval = await appendApproval(services.db, {
          caseId: record.id,
          runId: run.id,
          role: body.role,
          person: principal.person,
          token: principal.tokenId ? { id: principal.tokenId, name: principal.name } : null,
          note: body.note?.trim() || null,
        });
        return c.json(approval, 201);
      } catch (error) {
        if (error instanceof DuplicateApprover) throw new ApiError(409, error.message);
        throw error;
      }
    },
  );
}

/** POST /api/cases/{id}/retire. */
function registerRetire(app: App): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/retire',
      tags: ['governance'],
      summary: 'Retire a scaled case from production (approver); it leaves the registry',
      request: { params: idParam },
      responses: { 200: jsonResponse('{ retiredAt, retiredBy, reason }'), ...errorResponses(401, 403, 404, 409, 415, 422) },
    }),
    async (c) => {
      const services = c.get('services');
      const record = await requireCase(services.db, c.req.valid('param').id);
      const { reason } = parseBody(retireBody, await readJson(c), 'the retirement');
      const facts = (await governanceFacts(services.db, [record], services.now())).get(record.id)!;
      if (facts.retired) throw new ApiError(409, 'the case is already retired');
      if (facts.latestDecision?.decision !== 'scale') throw new ApiError(409, 'only a case decided scale runs in production and can be retired');
      const who = c.get('principal').person;
      if (!(await retireCase(services.db, record.id, who, reason.trim()))) throw new ApiError(409, 'the case is already retired');
      return c.json({ retiredAt: services.now().toISOString(), retiredBy: who, reason: reason.trim() }, 200);
    },
  );
}

async function newestSucceededRun(db: Parameters<typeof listApprovals>[0], caseId: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM runs WHERE case_id = $1 AND status = 'succeeded' ORDER BY created_at DESC LIMIT 1`, [caseId]);
  return rows[0] ? String(rows[0].id) : null;
}
