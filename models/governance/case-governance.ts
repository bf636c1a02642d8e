import { classifyEuAiAct } from '../case/eu-ai-act.ts';
import type { EuAiActCategory, Governance } from '../case/governance-schema.ts';
import { classifyRiskTier, DEFAULT_RISK_TIERS, type RiskTier } from './risk-tiers.ts';

/** What the governance resolver reads from a case: its ownership and governance section. */
export interface GovernedCase {
  ownership?: { businessOwner?: string; sponsor?: string };
  governance?: Governance;
}

/** The accountability roles the business-ownership gate checks. */
export const ACCOUNTABILITY_ROLES = ['businessOwner', 'sponsor', 'riskOwner', 'mayStop', 'monitoringOwner'] as const;
export type AccountabilityRole = (typeof ACCOUNTABILITY_ROLES)[number];

/** A case's effective governance: derived and stated classifications, the tier's rules, accountability. */
export interface ResolvedGovernance {
  euAiActCategory: {
    value: EuAiActCategory;
    derived: EuAiActCategory;
    article: string;
    because: string[];
    overridden: boolean;
    overrideReason: string | null;
  };
  riskTier: { value: string; label: string; derived: string; because: string[]; overridden: boolean; overrideReason: string | null; rules: RiskTier };
  accountability: {
    businessOwner: string | null;
    sponsor: string | null;
    riskOwner: string | null;
    mayStop: string[];
    monitoringOwner: string | null;
    missing: AccountabilityRole[];
  };
  /** Document problems: a tier override without a reason, an unknown tier. The derived value applies meanwhile. */
  issues: { path: string; message: string }[];
}

/** Messages of the governance checks, as constants. */
export const GOVERNANCE_ERRORS = {
  unknownTier: 'is not a tier of the organisation',
  tierOverride: 'the tier differs from the one the intake answers give; say why in overrideReason',
} as const;

const named = (value: string | undefined): string | null => (value?.trim() ? value.trim() : null);

/**
 * The effective EU AI Act category and risk tier of a case, with what the intake derives and
 * whether (and why) the case overrides it. A stated value that differs from the derived one
 * counts only with an override reason; otherwise the derived value applies and `issues` says why.
 *
 * @example
 * resolveGovernance({ governance: { intake } }, DEFAULT_RISK_TIERS).riskTier.value // 'medium'
 */
export function resolveGovernance(bc: GovernedCase, tiers: readonly RiskTier[] = DEFAULT_RISK_TIERS): ResolvedGovernance {
  const governance = bc.governance ?? {};
  const issues: ResolvedGovernance['issues'] = [];
  const intake = governance.intake;
  const category = intake ? classifyEuAiAct(intake) : { value: 'minimal' as const, article: 'no intake answers yet', because: ['no intake answers'] };
  const statedCategory = governance.euAiActCategory;
  const categoryReason = named(statedCategory?.overrideReason);
  const categoryOverridden = Boolean(statedCategory && statedCategory.value !== category.value && categoryReason);
  const effectiveCategory = categoryOverridden ? statedCategory!.value : category.value;

  const tier = classifyRiskTier(intake, effectiveCategory, tiers);
  const stated = governance.riskTier;
  const tierReason = named(stated?.overrideReason);
  let effectiveTier = tier.value;
  let tierOverridden = false;
  if (stated && stated.value !== tier.value) {
    if (!tiers.some((entry) => entry.id === stated.value)) {
      issues.push({
        path: '/governance/riskTier/value',
        message: `"${stated.value}" ${GOVERNANCE_ERRORS.unknownTier} (${tiers.map((entry) => entry.id).join(', ')})`,
      });
    } else if (!tierReason) {
      issues.push({
        path: '/governance/riskTier/overrideReason',
        message: `${GOVERNANCE_ERRORS.tierOverride}: the intake gives "${tier.value}" (${tier.because.join('; ')}), the case states "${stated.value}"`,
      });
    } else {
      effectiveTier = stated.value;
      tierOverridden = true;
    }
  }
  const rules = tiers.find((entry) => entry.id === effectiveTier) ?? tiers[0];
  return {
    euAiActCategory: {
      value: effectiveCategory,
      derived: category.value,
      article: category.article,
      because: category.because,
      overridden: categoryOverridden,
      overrideReason: categoryOverridden ? categoryReason : null,
    },
    riskTier: {
      value: rules.id,
      label: rules.label,
      derived: tier.value,
      because: tier.because,
      overridden: tierOverridden,
      overrideReason: tierOverridden ? tierReason : null,
      rules,
    },
    accountability: accountabilityOf(bc),
    issues,
  };
}

function accountabilityOf(bc: GovernedCase): ResolvedGovernance['accountability'] {
  const model = bc.governance?.accountability ?? {};
  const result = {
    businessOwner: named(bc.ownership?.businessOwner),
    sponsor: named(bc.ownership?.sponsor),
    riskOwner: named(model.riskOwner),
    mayStop: (model.mayStop ?? []).map((who) => who.trim()).filter(Boolean),
    monitoringOwner: named(model.monitoringOwner),
  };
  const missing = ACCOUNTABILITY_ROLES.filter((role) => (role === 'mayStop' ? result.mayStop.length === 0 : result[role] === null));
  return { ...result, missing };
}
