import type { GovernanceSettingsResource } from '../../models/contract/governance-resources.ts';
import { DEFAULT_RISK_TIERS, type RiskTier } from '../../models/governance/risk-tiers.ts';
import type { Queryable } from '../storage/database.ts';
import { currentTemplateVersion } from './checklist-templates.ts';

/**
 * The organisation's risk tiers: the admin's, or the built-in defaults while none are set.
 *
 * @example
 * const tiers = await getRiskTiers(db); // [{ id: 'low', … }, …]
 */
export async function getRiskTiers(db: Queryable): Promise<RiskTier[]> {
  const { rows } = await db.query<{ tiers: RiskTier[] }>('SELECT tiers FROM governance_settings WHERE id = 1');
  return rows[0]?.tiers ?? DEFAULT_RISK_TIERS;
}

/**
 * The governance settings resource: tiers, current template version, who set them.
 *
 * @example
 * const settings = await getGovernanceSettings(db);
 */
export async function getGovernanceSettings(db: Queryable): Promise<GovernanceSettingsResource> {
  const { rows } = await db.query<{ tiers: RiskTier[]; updated_by: string; updated_at: Date }>(
    'SELECT tiers, updated_by, updated_at FROM governance_settings WHERE id = 1',
  );
  const row = rows[0];
  return {
    tiers: row?.tiers ?? DEFAULT_RISK_TIERS,
    currentTemplateVersion: await currentTemplateVersion(db),
    updatedBy: row?.updated_by ?? null,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
  };
}

/**
 * Replaces the risk tiers (validated by the caller).
 *
 * @example
 * await setRiskTiers(db, tiers, 'Grace');
 */
export async function setRiskTiers(db: Queryable, tiers: RiskTier[], who: string): Promise<GovernanceSettingsResource> {
  await db.query(
    `INSERT INTO governance_settings (id, tiers, updated_by, updated_at) VALUES (1, $1, $2, now())
     ON CONFLICT (id) DO UPDATE SET tiers = EXCLUDED.tiers, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(tiers), who],
  );
  return getGovernanceSettings(db);
}
