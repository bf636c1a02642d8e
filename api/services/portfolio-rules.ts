import type { z } from 'zod';
import { postLaunchSchema, type BusinessCase } from '../../models/case/case-schema.ts';
import { type RepresentativenessFactors, type RepresentativenessFactorsInput, resolveFactors } from '../../models/evidence/representativeness-factors.ts';
import type { PortfolioRulesChange, PortfolioRulesResource } from '../../models/contract/portfolio-rules-resources.ts';
import type { Queryable } from '../storage/database.ts';

/**
 * The post-launch rules an admin sets for the whole portfolio: the same thresholds as a
 * case's `postLaunch` (re-gate after k months outside P10–P90, durable change over the last
 * N months reaching a share of the hypothesised change, review cadence), without the
 * per-series observation errors, which belong to a case.
 */
export const portfolioPostLaunchSchema = postLaunchSchema.omit({ observationErrors: true });
export type PortfolioPostLaunchRules = z.infer<typeof portfolioPostLaunchSchema>;

/**
 * The stored rules with who set them and when (the API's resource, `models/contract/`); empty
 * post-launch rules and the default representativeness factors (1, ½, ¼) when none were set.
 */
export type PortfolioRules = PortfolioRulesResource;

/** What an admin sets: each part given replaces that part; a part left out keeps its stored value. */
export type { PortfolioRulesChange };

interface RulesRow {
  post_launch: PortfolioPostLaunchRules;
  representativeness_factors: RepresentativenessFactorsInput | null;
  updated_by: string;
  updated_at: Date;
}

/**
 * Reads the portfolio's rules: post-launch thresholds and representativeness factors.
 *
 * @example
 * const { postLaunch, representativenessFactors } = await getPortfolioRules(db); // { durableMonths: 4 }, { production: 1, … }
 */
export async function getPortfolioRules(db: Queryable): Promise<PortfolioRules> {
  const { rows } = await db.query<RulesRow>('SELECT post_launch, representativeness_factors, updated_by, updated_at FROM portfolio_rules WHERE id = 1');
  if (!rows[0]) return { postLaunch: {}, representativenessFactors: resolveFactors(null), updatedBy: null, updatedAt: null };
  return {
    postLaunch: rows[0].post_launch,
    representativenessFactors: resolveFactors(rows[0].representativeness_factors),
    updatedBy: rows[0].updated_by,
    updatedAt: new Date(rows[0].updated_at).toISOString(),
  };
}

/**
 * The representativeness factors new runs, analyses, evidence views and exports use now.
 *
 * @example
 * const factors = await portfolioFactors(db); // { production: 1, similar: 0.5, curated: 0.25 } until an admin changes them
 */
export async function portfolioFactors(db: Queryable): Promise<RepresentativenessFactors> {
  return (await getPortfolioRules(db)).representativenessFactors;
}

/**
 * Changes the portfolio's rules (validated by the caller): the parts given replace the
 * stored ones; factors are stored complete (the given ones over the defaults).
 *
 * @example
 * await setPortfolioRules(db, { postLaunch: { durableMonths: 4, durableShare: 0.6 } }, 'Ada');
 * await setPortfolioRules(db, { representativenessFactors: { curated: 0.1 } }, 'Ada');
 */
export async function setPortfolioRules(db: Queryable, change: PortfolioRulesChange, who: string): Promise<PortfolioRules> {
  const postLaunch = change.postLaunch ? JSON.stringify(change.postLaunch) : null;
  const factors = change.representativenessFactors ? JSON.stringify(resolveFactors(change.representativenessFactors)) : null;
  // One statement: a part left out keeps its stored value, even when two admins save at once.
  await db.query(
    `INSERT INTO portfolio_rules (id, post_launch, representativeness_factors, updated_by, updated_at)
     VALUES (1, COALESCE($1::jsonb, '{}'::jsonb), $2::jsonb, $3, now())
     ON CONFLICT (id) DO UPDATE SET post_launch = COALESCE($1::jsonb, portfolio_rules.post_launch),
       representativeness_factors = COALESCE($2::jsonb, portfolio_rules.representativeness_factors),
       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [postLaunch, factors, who],
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
