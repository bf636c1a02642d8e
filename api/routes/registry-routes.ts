import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../server/app-env.ts';
import { registryCsv, registryEntries } from '../services/registry.ts';
import { errorResponses, jsonResponse } from './openapi-common.ts';

/**
 * GET /api/registry: the systems in production (decided scale, not retired), as JSON or
 * `?format=csv`.
 *
 * @example
 * registerRegistryRoutes(app);
 */
export function registerRegistryRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/registry',
      tags: ['governance'],
      summary: 'The registry of AI systems in production: owner, monitoring owner, tier, EU AI Act category, go-live and next review',
      request: { query: z.object({ format: z.enum(['json', 'csv']).optional() }) },
      responses: {
        200: {
          ...jsonResponse('{ items: RegistryEntry[], generatedAt }'),
          content: { 'application/json': { schema: z.any() }, 'text/csv': { schema: z.string() } },
        },
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const services = c.get('services');
      const now = services.now();
      const items = await registryEntries(services.db, now);
      if (c.req.valid('query').format === 'csv') {
        return c.body(registryCsv(items), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="valuegate-registry-${now.toISOString().slice(0, 10)}.csv"`,
        }) as never;
      }
      return c.json({ items, generatedAt: now.toISOString() }, 200);
    },
  );
}
