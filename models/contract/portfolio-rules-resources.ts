import type { RepresentativenessFactors } from '../evidence/representativeness-factors.ts';

/** The portfolio's post-launch thresholds (a case's own `postLaunch` fields override them). */
export interface PortfolioPostLaunch {
  regateAfterMonths?: number;
  durableMonths?: number;
  durableShare?: number;
  reviewEveryMonths?: number;
}

/**
 * GET /api/portfolio/rules (docs/api.md): the post-launch rules and the representativeness
 * factors new runs weigh evidence with, and who set them when (null: never set, the defaults).
 */
export interface PortfolioRulesResource {
  postLaunch: PortfolioPostLaunch;
  representativenessFactors: RepresentativenessFactors;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** PUT /api/portfolio/rules (admin): a part given replaces the stored one; a part left out keeps it. */
export interface PortfolioRulesChange {
  postLaunch?: PortfolioPostLaunch;
  representativenessFactors?: Partial<RepresentativenessFactors>;
}
