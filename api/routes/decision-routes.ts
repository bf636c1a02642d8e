import { createRoute, z } from '@hono/zod-openapi';
import { REASON_CATEGORIES } from '../../models/contract/resources.ts';
import type { App } from '../server/app-env.ts';
import { requirePermission } from '../server/auth.ts';
import { ApiError } from '../server/problem.ts';
import { listAnalyses } from '../services/analysis-store.ts';
import { appendDecision, listDecisions, nameDecidedVersion } from '../services/decision-store.ts';
import { issuerChain, samePerson } from '../services/token-store.ts';
import { requireCase } from './require-resource.ts';
import { errorResponses, idParam, jsonResponse } from './openapi-common.ts';
import { runGovernance } from './run-governance.ts';
import { requireScaleAllowed } from './scale-approvals.ts';

const decisionBody = z
  .object({
    decision: z.enum(['scale', 'redesign', 'stop', 'keepAsResearch']),
    rationale: z.string().trim().min(1, 'say why').max(5000),
    runId: z.string(),
    reasonCategory: z.enum(REASON_CATEGORIES).optional(),
  })
  .strict();

/**
 * The append-only decision record: only approvers write, nobody edits or deletes.
 * Each decision pins the exact case version (and its hash) and the run it rests on, and names
 * that version ("decided: scale") when it has no name yet; a name it already has is kept.
 *
 * @example
 * registerDecisionRoutes(app);
 */
export function registerDecisionRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/decisions',
      tags: ['decisions'],
      summary: "A case's decisions, oldest first",
      request: { params: idParam },
      responses: { 200: jsonResponse('{ items: DecisionResource[] }'), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const record = await requireCase(db, c.req.valid('param').id);
      return c.json({ items: await listDecisions(db, record.id) }, 200);
    },
  );

  app.use('/api/cases/:id/decisions', async (c, next) => (c.req.method === 'POST' ? requirePermission('decide')(c, next) : next()));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/decisions',
      tags: ['decisions'],
      summary: 'Record a decision (approver role only); it rests on a succeeded run of this case',
      request: { params: idParam, body: { required: true, content: { 'application/json': { schema: decisionBody } } } },
      responses: { 201: jsonResponse('DecisionResource'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const services = c.get('services');
      const principal = c.get('principal');
      const record = await requireCase(services.db, c.req.valid('param').id);
      const body = c.req.valid('json');
      if (principal.tokenId) {
        const issuers = await issuerChain(services.db, principal.tokenId);
        if (issuers.some((who) => samePerson(who, principal.person))) {
          throw new ApiError(
            403,
            `separation of duties: this token was issued to ${principal.person} by ${principal.person} (or through a token they issued); a decision needs an approver token issued by someone else`,
          );
        }
      }
      if (body.decision === 'stop' && !body.reasonCategory) {
        throw new ApiError(422, `a stop needs a reason category: one of ${REASON_CATEGORIES.join(', ')}`, [
          { path: '/reasonCategory', message: `required for a stop: choose ${REASON_CATEGORIES.join(', ')}` },
        ]);
      }
      const { run, governance } = await runGovernance(services, record.id, body.runId);
      const approvals = body.decision === 'scale' ? await requireScaleAllowed(services.db, run.id, governance) : null;
      const [gate] = await listAnalyses(services.db, run.id, 'gate');
      // The decision and the naming of the version it rests on commit together.
      const decision = await services.db.transaction(async (tx) => {
        const appended = await appendDecision(tx, {
          caseId: record.id,
          caseVersion: run.caseVersion,
          caseHash: run.caseHash,
          runId: run.id,
          decision: body.decision,
          recommendation: gate ? ((gate.result as { recommendation?: string }).recommendation ?? null) : null,
          rationale: body.rationale,
          reasonCategory: body.reasonCategory ?? null,
          takenBy: principal.person,
          tokenId: principal.tokenId ?? null,
          tokenName: principal.tokenId ? principal.name : null,
          approvals,
        });
        await nameDecidedVersion(tx, appended);
        return appended;
      });
      return c.json(decision, 201);
    },
  );
}
