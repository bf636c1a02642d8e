import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../server/app-env.ts';
import { requirePermission } from '../server/auth.ts';
import { ApiError } from '../server/problem.ts';
import { getPortfolioRules, portfolioPostLaunchSchema, setPortfolioRules } from '../services/portfolio-rules.ts';
import { representativenessFactorsSchema } from '../../models/evidence/representativeness-factors.ts';
import { errorResponses, jsonResponse } from './openapi-common.ts';
import { readJson } from './route-helpers.ts';

/** A part left out keeps its stored value; at least one part must be given. */
const rulesBody = z
  .strictObject({ postLaunch: portfolioPostLaunchSchema.optional(), representativenessFactors: representativenessFactorsSchema.optional() })
  .refine((body) => body.postLaunch !== undefined || body.representativenessFactors !== undefined, {
    message: 'give postLaunch, representativenessFactors or both',
  });

/**
 * The portfolio's rules: post-launch thresholds (issue 17) and the representativeness
 * factors evidence is weighed with (issue 20). `GET /api/portfolio/rules` for anyone who can
 * read, `PUT /api/portfolio/rules` for an admin. A case's own `postLaunch` fields override them;
 * a stored run keeps the factors it ran with.
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
      summary: 'The post-launch rules every case follows unless it sets its own, and the representativeness factors new runs use',
      responses: { 200: jsonResponse('{ postLaunch, representativenessFactors, updatedBy, updatedAt }'), ...errorResponses(401) },
    }),
    async (c) => c.json(await getPortfolioRules(c.get('services').db), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/portfolio/rules',
      tags: ['portfolio'],
      summary:
        'Set the portfolio’s post-launch rules (regateAfterMonths, durableMonths, durableShare, reviewEveryMonths) and representativeness factors (production, similar, curated, each in (0, 1]) (admin)',
      responses: { 200: jsonResponse('{ postLaunch, representativenessFactors, updatedBy, updatedAt }'), ...errorResponses(400, 401, 403, 415, 422) },
    }),
    async (c) => {
      const parsed = rulesBody.safeParse(await readJson(c));
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => ({ path: `/${issue.path.join('/')}`, message: issue.message }));
        throw new ApiError(422, `the portfolio rules are not valid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues);
      }
      return c.json(await setPortfolioRules(c.get('services').db, parsed.data, c.get('principal').name), 200);
    },
  );
}
