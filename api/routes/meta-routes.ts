import { createRoute } from '@hono/zod-openapi';
import { ENGINE_VERSION } from '../../models/formula/compile-case.ts';
import type { App } from '../server/app-env.ts';
import { errorResponses, jsonResponse } from './openapi-common.ts';

/**
 * Health and identity.
 *
 * @example
 * registerMetaRoutes(app);
 */
export function registerMetaRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      tags: ['meta'],
      summary: 'Liveness, storage kind, engine version and the job queue',
      responses: { 200: jsonResponse('{ status, storage, engineVersion, jobs, queue }') },
    }),
    async (c) => {
      const { db, jobs, queue } = c.get('services');
      // In-process threads by default; in queue mode pg-boss's queued and active jobs and the workers seen in the last minute.
      const queueState = queue
        ? await queue.health()
        : { kind: 'in-process', queued: jobs.load.queued, active: jobs.load.running, threads: jobs.options.workers };
      return c.json({ status: 'ok', storage: db.kind, engineVersion: ENGINE_VERSION, jobs: jobs.load, queue: queueState }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/me',
      tags: ['meta'],
      summary: 'Who the token belongs to and what it may do',
      responses: { 200: jsonResponse('{ name, role, roles, mode }'), ...errorResponses(401) },
    }),
    (c) => {
      const principal = c.get('principal');
      return c.json(
        {
          name: principal.name,
          role: principal.role,
          permissions: [...principal.permissions],
          functions: principal.functions,
          mode: principal.role === 'local' ? 'local' : 'token',
        },
        200,
      );
    },
  );
}
