import { For, type Component } from 'solid-js';
import { READINESS_GATE_LABELS, READINESS_GATES } from '../../../models/case/readiness.ts';
import { APPROVAL_ROLE_LABELS } from '../../../models/governance/approval-roles.ts';
import type { RiskTier } from '../../../models/governance/risk-tiers.ts';

/** The required gates of a tier in words. */
function gatesText(tier: RiskTier): string {
  const gates = tier.requiredGates ?? [];
  if (gates.length === 0) return "The case's own rules";
  const which = gates.length === READINESS_GATES.length ? 'All six' : gates.map((gate) => READINESS_GATE_LABELS[gate]).join(', ');
  return tier.requiredGateLevel ? `${which}, ${tier.requiredGateLevel === 'met' ? 'met' : 'at least partly met'}` : which;
}

/**
 * The tiers at a glance, lowest first: what each requires before scaling and how often it is
 * reviewed, as a risk officer compares them (the saved settings, not unsaved edits).
 */
export const TierSummary: Component<{ tiers: readonly RiskTier[] }> = (props) => (
  <table class="data-table tier-summary" data-testid="tier-summary">
    <caption>The path each tier sets</caption>
    <thead>
      <tr>
        <th scope="col">Tier</th>
        <th scope="col">Required gates</th>
        <th scope="col">Mandatory items</th>
        <th scope="col">Approvals for scale</th>
        <th scope="col">Review after launch</th>
      </tr>
    </thead>
    <tbody>
      <For each={props.tiers}>
        {(tier) => (
          <tr>
            <th scope="row">{tier.label}</th>
            <td>{gatesText(tier)}</td>
            <td>{tier.mandatoryItems.length ? tier.mandatoryItems.join(', ') : 'None'}</td>
            <td>{tier.approvals.length ? tier.approvals.map((role) => APPROVAL_ROLE_LABELS[role]).join(', ') : "None beyond the approver's decision"}</td>
            <td>every {tier.reviewEveryMonths === 1 ? 'month' : `${tier.reviewEveryMonths} months`}</td>
          </tr>
        )}
      </For>
    </tbody>
  </table>
);
