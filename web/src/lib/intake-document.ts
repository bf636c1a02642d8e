import { classifyEuAiAct } from '../../../models/case/eu-ai-act.ts';
import type { Governance } from '../../../models/case/governance-schema.ts';
import type { Intake } from '../../../models/case/intake-schema.ts';
import { classifyRiskTier, type RiskTier } from '../../../models/governance/risk-tiers.ts';

/*
 * How the intake, its classification and overrides are written into a case document's
 * `governance` section (docs/governance.md §1): the derived values with the answers behind
 * them, an override only with its reason.
 */

type Stored = { value: string; because?: string[]; overrideReason?: string };

/** Keeps an override (a different value with a reason) and refreshes the answers behind the derivation. */
function classified(derived: { value: string; because: string[] }, stored: Stored | undefined): Stored {
  if (stored?.overrideReason?.trim() && stored.value !== derived.value) {
    return { value: stored.value, because: derived.because, overrideReason: stored.overrideReason };
  }
  return { value: derived.value, because: derived.because };
}

/**
 * The governance section with a complete intake and its classification. The tier is written
 * only when the organisation's tiers are known (else the server derives it on save; an override stays).
 *
 * @example
 * governanceWithIntake(undefined, intake, DEFAULT_RISK_TIERS).riskTier?.value // 'medium'
 */
export function governanceWithIntake(governance: Governance | undefined, intake: Intake, tiers: readonly RiskTier[] | null): Governance {
  const category = classified(classifyEuAiAct(intake), governance?.euAiActCategory) as NonNullable<Governance['euAiActCategory']>;
  const next: Governance = { ...governance, intake, euAiActCategory: category };
  // The tier follows the effective category (an overridden one included), as the server derives it.
  if (tiers) next.riskTier = classified(classifyRiskTier(intake, category.value, tiers), governance?.riskTier);
  // Without the tiers an override is kept as it is; a derived tier is left to the server.
  else if (!governance?.riskTier?.overrideReason) delete next.riskTier;
  return next;
}

/**
 * The governance section with an override set (value and reason) or removed (null: the derived value).
 *
 * @example
 * withOverride(governance, 'riskTier', { value: 'high', reason: 'Board asked for formal approval' }, tiers).riskTier?.overrideReason
 */
export function withOverride(
  governance: Governance & { intake: Intake },
  kind: 'euAiActCategory' | 'riskTier',
  override: { value: string; reason: string } | null,
  tiers: readonly RiskTier[],
): Governance {
  const stored: Stored | undefined = override ? { value: override.value, overrideReason: override.reason } : undefined;
  // Re-derived whole: the answers behind each value, and the tier of an overridden category.
  return governanceWithIntake({ ...governance, [kind]: stored } as Governance, governance.intake, tiers);
}

/**
 * Sets one accountability field (blank removes it) and drops the section again when nothing is left,
 * so clearing the fields leaves the document as it was.
 *
 * @example
 * withAccountability(undefined, 'riskOwner', 'Rita Risk').accountability?.riskOwner // 'Rita Risk'
 */
export function withAccountability(
  governance: Governance | undefined,
  field: 'riskOwner' | 'monitoringOwner' | 'mayStop',
  value: string | string[],
): Governance | undefined {
  const accountability = { ...governance?.accountability };
  const blank = Array.isArray(value) ? value.length === 0 : value.trim() === '';
  if (blank) delete accountability[field];
  else (accountability as Record<string, unknown>)[field] = value;
  const next: Governance = { ...governance, accountability };
  if (Object.keys(accountability).length === 0) delete next.accountability;
  return Object.keys(next).length === 0 ? undefined : next;
}
