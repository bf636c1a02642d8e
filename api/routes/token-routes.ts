import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../server/create-app.ts';
import { requirePermission } from '../server/auth.ts';
import { ApiError } from '../server/problem.ts';
import { isUuid } from '../services/case-store.ts';
import { createToken, listTokens, revokeToken, ROLES } from '../services/token-store.ts';
import { errorResponses, idParam, jsonResponse } from './openapi-common.ts';

const tokenBody = z.object({ name: z.string().trim().min(1).max(200), role: z.enum(ROLES) }).strict();

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
      responses: { 201: jsonResponse('{ id, name, role, token }'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { name, role } = c.req.valid('json');
      const created = await createToken(c.get('services').db, name, role);
      return c.json({ id: created.id, name, role, token: created.token }, 201);
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/tokens', tags: ['tokens'], summary: 'List tokens (never their secrets)', responses: { 200: jsonResponse('{ items }'), ...errorResponses(401, 403) } }),
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
}
