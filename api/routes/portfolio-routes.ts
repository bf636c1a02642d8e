import { createRoute, z } from '@hono/zod-openapi';
import type { PortfolioValue } from '../../models/analysis/portfolio-value.ts';
import type { PortfolioResource } from '../../models/contract/resources.ts';
import type { App } from '../server/app-env.ts';
import { boardFacts, boardQuestions, stoppedCases } from '../services/board-questions.ts';
import { caseOverview } from '../services/case-overview.ts';
import { postLaunchReviews } from '../services/post-launch-reviews.ts';
import { listCases } from '../services/case-store.ts';
import { portfolioFactors } from '../services/portfolio-rules.ts';
import { validateCase } from '../../models/compile/validate-case.ts';
import { errorResponses, jsonResponse } from './openapi-common.ts';
import { filterByStage } from './stage-filter.ts';

const query = z.object({
  driftDays: z.coerce.number().int().min(1).max(3650).default(90),
  trials: z.coerce.number().int().min(200).max(20_000).default(2000),
  stage: z.string().max(300).optional().openapi({ description: 'Lifecycle stages, comma-separated, for `items`; drifting cases come first' }),
});

/**
 * The board view across cases: counts per recommended and taken decision and per
 * gate status, expected value against full cost (per currency: never summed across
 * currencies), pilots drifting without a decision, measured post-launch value, and
 * the portfolio value fan chart, the board's four questions (`boardQuestions`), stopped cases with
 * their reason, evidence and cost avoided, and post-launch reviews of scaled cases (`reviews`).
 *
 * @example
 * registerPortfolioRoutes(app);
 */
export function registerPortfolioRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/portfolio',
      tags: ['portfolio'],
      summary: 'Board view: decisions, gates, value against full cost, drift, measured value and the value fan',
      request: { query },
      responses: { 200: jsonResponse('Portfolio'), ...errorResponses(400, 401) },
    }),
    async (c) => {
      const services = c.get('services');
      const { driftDays, trials, stage } = c.req.valid('query');
      const items = await caseOverview(services.db, { includeArchived: false, now: services.now() });
      const count = (values: string[]): Record<string, number> => {
        const counts: Record<string, number> = {};
        for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
        return counts;
      };
      const totals = new Map<string, { currency: string; cases: number; casesWithRuns: number; expectedValue: number; fullCost: number }>();
      for (const item of items) {
        const entry = totals.get(item.currency) ?? { currency: item.currency, cases: 0, casesWithRuns: 0, expectedValue: 0, fullCost: 0 };
        entry.cases++;
        if (item.latestRun?.status === 'succeeded' && item.latestRun.npvMean !== null) {
          entry.casesWithRuns++;
          entry.expectedValue += item.latestRun.npvMean;
          entry.fullCost += item.latestRun.totalCostMean ?? 0;
        }
        totals.set(item.currency, entry);
      }
      // Drafts that cannot run yet are counted in the lists but have no value fan.
      const documents = (await listCases(services.db, { includeArchived: false }))
        .map((record) => record.document)
        .filter((document) => validateCase(document).ok);
      const facts = await boardFacts(services.db, items);
      const stopped = await stoppedCases(services.db, facts);
      let valueFan: PortfolioValue[] = [];
      if (documents.length) {
        const representativenessFactors = await portfolioFactors(services.db);
        valueFan = await services.jobs.submit<PortfolioValue[]>({ type: 'portfolio', documents, trials, seed: 1, representativenessFactors }).result;
      }
      return c.json(
        {
          cases: items.length,
          byRecommendation: count(items.map((item) => item.recommendation ?? 'none')),
          byDecision: count(items.map((item) => item.latestDecision?.decision ?? 'none')),
          byGateStatus: count(items.map((item) => item.gateStatus)),
          passedGates: items.filter((item) => item.gateStatus === 'met').length,
          totals: [...totals.values()],
          driftDays,
          drifting: items
            // Scale and stop are final; a pilot without a decision, or kept open (redesign, research), drifts.
            .filter((item) => item.daysSinceLastDecision > driftDays && !['scale', 'stop'].includes(item.latestDecision?.decision ?? ''))
            .map((item) => ({ id: item.id, name: item.name, businessOwner: item.businessOwner, daysSinceLastDecision: item.daysSinceLastDecision })),
          withMeasuredValue: items.filter((item) => item.hasMeasuredValue).length,
          stopped,
          boardQuestions: boardQuestions(facts, stopped),
          reviews: postLaunchReviews(facts, services.now()),
          valueFan,
          byStage: count(items.map((item) => item.stage)),
          items: filterByStage(items, stage, undefined),
        } satisfies PortfolioResource,
        200,
      );
    },
  );
}
