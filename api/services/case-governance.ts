import type { Governance } from '../../models/case/governance-schema.ts';
import { draftSchema } from '../../models/case/draft-schema.ts';
import { resolveGovernance, type ResolvedGovernance } from '../../models/governance/case-governance.ts';
import type { RiskTier } from '../../models/governance/risk-tiers.ts';
import type { Queryable } from '../storage/database.ts';
import type { CaseRecord } from './case-store.ts';
import { getRiskTiers } from './governance-settings.ts';

/** The governance-relevant parts of a stored document (a complete case or a draft). */
export interface GovernedDocument {
  ownership?: { businessOwner?: string; sponsor?: string };
  governance?: Governance;
  decisionRules?: { driftDays?: number };
}

/**
 * The parts of a stored document governance reads; a document that no longer parses has none.
 *
 * @example
 * governedDocument(record.document).governance?.checklist
 */
export function governedDocument(document: unknown): GovernedDocument {
  const parsed = draftSchema.safeParse(document);
  return parsed.success ? (parsed.data as GovernedDocument) : {};
}

/**
 * A case's effective governance under the organisation's tiers (read when not given).
 *
 * @example
 * const governance = await governanceOfCase(db, record);
 */
export async function governanceOfCase(db: Queryable, record: CaseRecord, tiers?: RiskTier[]): Promise<ResolvedGovernance> {
  return resolveGovernance(governedDocument(record.document), tiers ?? (await getRiskTiers(db)));
}
