import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../server/app-env.ts';
import { requirePermission } from '../server/auth.ts';
import { ApiError } from '../server/problem.ts';
import type { SaveKind } from '../services/case-store.ts';
import { nameVersion } from '../services/version-store.ts';
import { errorResponses, idParam, jsonResponse } from './openapi-common.ts';
import { requireCase } from './require-resource.ts';
import { ifMatchVersion, versionTag } from './route-helpers.ts';

const nameBody = z
  .object({
    message: z.string().trim().min(1, 'say what marks this version, e.g. "sent to the CFO"').max(500),
  })
  .strict();

/**
 * The save kind a PUT's query asks for (`message`, `named`, `autosave`), or 400 naming the field:
 * a named save needs a message, and an autosave cannot also be named.
 *
 * @example
 * requireSaveKind({ message: 'sent to the CFO', named: 'true' }) // { message: 'sent to the CFO', named: true, autosave: false }
 */
export function requireSaveKind(query: { message?: string; named?: string; autosave?: string }): SaveKind & { message?: string } {
  const named = query.named === 'true';
  const autosave = query.autosave === 'true';
  const message = query.message?.trim() || undefined;
  if (named && !message) {
    throw new ApiError(400, 'to name the version, give it a message (?message=sent%20to%20the%20CFO&named=true)', [
      { path: 'message', message: 'a named version needs a message' },
    ]);
  }
  if (named && autosave)
    throw new ApiError(400, 'a save is either named or an autosave, not both', [{ path: 'autosave', message: 'drop autosave=true to name' }]);
  return { message, named, autosave };
}

/**
 * POST /api/cases/{id}/versions: names the current version (the one If-Match gives) with a
 * message. It creates no new version: save first, then name what was saved.
 *
 * @example
 * registerNameVersion(app);
 */
export function registerNameVersion(app: App): void {
  app.use('/api/cases/:id/versions', async (c, next) => (c.req.method === 'POST' ? requirePermission('write')(c, next) : next()));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/versions',
      tags: ['cases'],
      summary: 'Name the current version with a message (requires If-Match with that version); no new version is created',
      request: {
        params: idParam,
        headers: z.object({ 'if-match': z.string().optional().openapi({ example: '"v7"' }) }),
        body: { required: true, content: { 'application/json': { schema: nameBody } } },
      },
      responses: { 200: jsonResponse('The named VersionResource'), ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const record = await requireCase(db, c.req.valid('param').id);
      const ifMatch = c.req.header('if-match');
      if (!ifMatch) throw new ApiError(428, `send If-Match: ${versionTag(record.currentVersion)} with the version you mean to name`);
      const version = ifMatchVersion(ifMatch);
      if (record.archived) throw new ApiError(409, 'the case is archived; archived cases cannot change');
      const { message } = c.req.valid('json');
      const outcome = await nameVersion(db, record.id, version, message, c.get('principal').name, { onlyIfCurrent: true });
      c.header('ETag', versionTag(record.currentVersion));
      if (outcome.kind === 'named') return c.json(outcome.version, 200);
      if (outcome.kind === 'alreadyNamed') {
        if (outcome.version.message === message) return c.json(outcome.version, 200);
        throw new ApiError(
          409,
          `version ${version} is already named "${outcome.version.message}"; a named version keeps its name. Save a change to make a new version, then name it`,
          [{ path: '/message', message: 'the version is already named' }],
          { version: outcome.version },
        );
      }
      const current = await requireCase(db, record.id);
      throw new ApiError(
        412,
        `the case changed: it is now at version ${current.currentVersion}, not ${version}; look at that version, then name it with If-Match ${versionTag(current.currentVersion)}`,
        undefined,
        { current },
        { ETag: versionTag(current.currentVersion) },
      );
    },
  );
}
