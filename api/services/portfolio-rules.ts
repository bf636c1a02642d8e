import type { z } from 'zod';
import { postLaunchSchema, type BusinessCase } from '../../models/case/case-schema.ts';
import type { Queryable } from '../storage/database.ts';

/**
 * The post-launch rules an admin sets for the whole portfolio: the same thresholds as a
 * case's `postLaunch` (re-gate after k months outside P10–P90, durable change over the last
 * N months reaching a share of the hypothesised change, review cadence), without the
 * per-series observation errors, which belong to a case.
 */
export const portfolioPostLaunchSchema = postLaunchSchema.omit({ observationErrors: true });
export type PortfolioPostLaunchRules = z.infer<typeof portfolioPostLaunchSchema>;

/** The stored rules with who set them and when; empty rules (the built-in defaults) when none were set. */
export interface PortfolioRules {
  postLaunch: PortfolioPostLaunchRules;
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * Reads the portfolio's post-launch rules.
 *
 * @example
 * const { postLaunch } = await getPortfolioRules(db); // { durableMonths: 4 }
 */
export async function getPortfolioRules(db: Queryable): Promise<PortfolioRules> {
  const { rows } = await db.query<{ post_launch: PortfolioPostLaunchRules; updated_by: string; updated_at: Date }>(
    'SELECT post_launch, updated_by, updated_at FROM portfolio_rules WHERE id = 1',
  );
  if (!rows[0]) return { postLaunch: {}, updatedBy: null, updatedAt: null };
  return { postLaunch: rows[0].post_launch, updatedBy: rows[0].updated_by, updatedAt: new Date(rows[0].updated_at).toISOString() };
}

/**
 * Replaces the portfolio's post-launch rules (validated by the caller).
 *
 * @example
 * await setPortfolioRules(db, { durableMonths: 4, durableShare: 0.6 }, 'Ada');
 */
export async function setPortfolioRules(db: Queryable, postLaunch: PortfolioPostLaunchRules, who: string): Promise<PortfolioRules> {
  await db.query(
    `INSERT INTO portfolio_rules (id, post_launch, updated_by, updated_at) VALUES (1, $1, $2, now())
     ON CONFLICT (id) DO UPDATE SET post_launch = EXCLUDED.post_launch, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(postLaunch), who],
  );
  return getPortfolioRules(db);
}

/**
 * The case with the portfolio's rules filled in where the case sets none: a case's own
 * `postLaunch` field wins, then the portfolio's, then the built-in default.
 *
 * @example
 * withPortfolioRules(bc, { durableMonths: 4 }).postLaunch?.durableMonths // 4 unless the case sets its own
 */
export function withPortfolioRules(bc: BusinessCase, rules: PortfolioPostLaunchRules): BusinessCase {
  const own = Object.fromEntries(Object.entries(bc.postLaunch ?? {}).filter(([, value]) => value !== undefined));
  return { ...bc, postLaunch: { ...rules, ...own } };
}
