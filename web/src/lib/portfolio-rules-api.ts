/** The portfolio's rules (issues 17 and 20; docs/api.md): post-launch thresholds and representativeness factors. */
import { createResource } from 'solid-js';
import type { PortfolioRulesChange, PortfolioRulesResource } from '../../../models/contract/portfolio-rules-resources.ts';
import { REPRESENTATIVENESS_FACTORS, type RepresentativenessFactors } from '../../../models/evidence/representativeness-factors.ts';
import { json } from './api.ts';

/**
 * @example
 * const { representativenessFactors } = await portfolioRulesApi.get();
 */
export const portfolioRulesApi = {
  get: () => json<PortfolioRulesResource>('GET', '/portfolio/rules'),
  /** Admin only: 403 for anyone else, 422 naming a bad field. */
  put: (change: PortfolioRulesChange) => json<PortfolioRulesResource>('PUT', '/portfolio/rules', { body: change }),
};

let shared: ReturnType<typeof createResource<PortfolioRulesResource | null>> | undefined;

/**
 * The portfolio's rules, read once per page load and shared by the editor's evidence forms
 * and the live preview (null when they cannot be read). `refetch` after an admin saves.
 *
 * @example
 * const [rules] = sharedPortfolioRules();
 */
export function sharedPortfolioRules(): ReturnType<typeof createResource<PortfolioRulesResource | null>> {
  shared ??= createResource(() => portfolioRulesApi.get().catch(() => null));
  return shared;
}

/**
 * Drops the shared rules, so the next `sharedPortfolioRules()` reads them again, as after a page load
 * (test files that share one window start from here).
 *
 * @example
 * resetSharedPortfolioRules();
 */
export function resetSharedPortfolioRules(): void {
  shared = undefined;
}

/**
 * The factors the browser weighs evidence with: the portfolio's, as the server's runs do,
 * or the defaults (1, ½, ¼) until they are read.
 *
 * @example
 * evidenceComparison(inputs, portfolioFactors());
 */
export function portfolioFactors(): RepresentativenessFactors {
  return sharedPortfolioRules()[0]()?.representativenessFactors ?? REPRESENTATIVENESS_FACTORS;
}
