import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../server/app-env.ts';
import { requirePermission } from '../server/auth.ts';
import { ApiError } from '../server/problem.ts';
import { getPortfolioRules, portfolioPostLaunchSchema, setPortfolioRules } from '../services/portfolio-rules.ts';
import { errorResponses, jsonResponse } from './openapi-common.ts';
import { readJson } from './route-helpers.ts';

const rulesBody = z.strictObject({ postLaunch: portfolioPostLaunchSchema });

/**
 * The portfolio's post-launch rules (issue 17): `GET /api/portfolio/rules` for anyone who can
 * read, `PUT /api/portfolio/rules` for an admin. A case's own `postLaunch` fields override them.
 *
 * @example
 * registerPortfolioRulesRoutes(app);
 */
export function registerPortfolioRulesRoutes(app: App): void {
  app.use('/api/portfolio/rules', async (c, next) => (c.req.method === 'PUT' ? requirePermission('admin')(c, next) : next()));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/portfolio/rules',
      tags: ['portfolio'],
      summary: 'The post-launch rules every case follows unless it sets its own',
      responses: { 200: jsonResponse('{ postLaunch, updatedBy, updatedAt }'), ...errorResponses(401) },
    }),
    async (c) => c.json(await getPortfolioRules(c.get('services').db), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/portfolio/rules',
      tags: ['portfolio'],
      summary: 'Set the portfolio’s post-launch rules: regateAfterMonths, durableMonths, durableShare, reviewEveryMonths (admin)',
      responses: { 200: jsonResponse('{ postLaunch, updatedBy, updatedAt }'), ...errorResponses(400, 401, 403, 415, 422) },
    }),
    async (c) => {
      const parsed = rulesBody.safeParse(await readJson(c));
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => ({ path: `/${issue.path.join('/')}`, message: issue.message }));
        throw new ApiError(422, `the portfolio rules are not valid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues);
      }
      return c.json(await setPortfolioRules(c.get('services').db, parsed.data.postLaunch, c.get('principal').name), 200);
    },
  );
}
