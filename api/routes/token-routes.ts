import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../server/app-env.ts';
import { requirePermission } from '../server/auth.ts';
import { ApiError } from '../server/problem.ts';
import { isUuid } from '../services/case-store.ts';
import { FUNCTIONS } from '../../models/case/governance-schema.ts';
import { createToken, DuplicateTokenName, issuerChain, listTokens, revokeToken, ROLES, samePerson, setTokenFunctions } from '../services/token-store.ts';
import { errorResponses, idParam, jsonResponse } from './openapi-common.ts';

const tokenBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    /** The person the token is for; required for approvers (default for other roles: the name). */
    person: z.string().trim().min(1).max(200).optional(),
    /** The functions the token signs checklist items for (issue 18). */
    functions: z.array(z.enum(FUNCTIONS)).max(FUNCTIONS.length).optional(),
  })
  .strict();

const functionsBody = z.object({ functions: z.array(z.enum(FUNCTIONS)).max(FUNCTIONS.length) }).strict();

/**
 * Token administration (admin role): issue a token for a role (shown once), list
 * tokens without their secrets, revoke one.
 *
 * @example
 * registerTokenRoutes(app);
 */
export function registerTokenRoutes(app: App): void {
  app.use('/api/tokens', requirePermission('admin'));
  app.use('/api/tokens/*', requirePermission('admin'));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tokens',
      tags: ['tokens'],
      summary: 'Issue a token for a role; the token is in this response only',
      request: { body: { required: true, content: { 'application/json': { schema: tokenBody } } } },
      responses: { 201: jsonResponse('{ id, name, person, role, issuedBy, token }'), ...errorResponses(400, 401, 403, 409, 422) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const { name, role, person: named, functions: requested } = c.req.valid('json');
      const functions = [...new Set(requested ?? [])];
      const issuer = c.get('principal');
      if (role === 'approver' && !named) {
        throw new ApiError(422, 'an approver token must name the person it is for', [
          { path: '/person', message: 'is required for the approver role (who will record decisions with it)' },
        ]);
      }
      const person = named ?? name;
      // Separation of duties: nobody decides with a token they (or a token they issued) handed to themselves.
      const issuers = [issuer.person, ...(issuer.tokenId ? await issuerChain(db, issuer.tokenId) : [])];
      if (role === 'approver' && issuers.some((who) => samePerson(who, person))) {
        throw new ApiError(422, `${person} issued this token (or the token that issues it); an approver token must come from someone else`, [
          { path: '/person', message: 'is the issuer: nobody may approve with a token they issued to themselves' },
        ]);
      }
      try {
        const created = await createToken(db, name, role, undefined, { person, issuedBy: issuer.tokenId, issuedByPerson: issuer.person, functions });
        return c.json({ id: created.id, name, person, role, functions, issuedBy: issuer.person, token: created.token }, 201);
      } catch (error) {
        if (error instanceof DuplicateTokenName) throw new ApiError(409, error.message, [{ path: '/name', message: 'is already in use' }]);
        throw error;
      }
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tokens',
      tags: ['tokens'],
      summary: 'List tokens (never their secrets)',
      responses: { 200: jsonResponse('{ items }'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json({ items: await listTokens(c.get('services').db) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tokens/{id}/revoke',
      tags: ['tokens'],
      summary: 'Revoke a token',
      request: { params: idParam },
      responses: { 200: jsonResponse('{ revoked: true }'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      if (!isUuid(id) || !(await revokeToken(c.get('services').db, id))) throw new ApiError(404, `no token ${id}`);
      return c.json({ revoked: true }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/tokens/{id}/functions',
      tags: ['tokens'],
      summary: 'Set the functions a token signs checklist items for (business, it, data, risk, legal, hr, operations)',
      request: { params: idParam, body: { required: true, content: { 'application/json': { schema: functionsBody } } } },
      responses: { 200: jsonResponse('{ id, functions }'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const functions = [...new Set(c.req.valid('json').functions)];
      if (!isUuid(id) || !(await setTokenFunctions(c.get('services').db, id, functions))) throw new ApiError(404, `no token ${id}`);
      return c.json({ id, functions }, 200);
    },
  );
}
