import { For, Show, type Component } from 'solid-js';
import type { CaseGovernanceResource } from '../../../models/contract/governance-resources.ts';
import { LIFECYCLE_STAGE_LABELS } from '../../../models/governance/lifecycle.ts';
import { becauseInWords, CATEGORY_LABELS, CATEGORY_REQUIRES, tierRequires } from '../lib/governance-words.ts';

const ACCOUNTABILITY_LABELS = {
  businessOwner: 'business owner',
  sponsor: 'sponsor',
  riskOwner: 'risk owner',
  mayStop: 'who may stop the project',
  monitoringOwner: 'monitoring owner',
} as const;

/**
 * The case's EU AI Act category and risk tier, what each requires and why the case has them,
 * the lifecycle stage, and a prohibited case's reason in a notice of its own.
 *
 * @example
 * <GovernanceSummary governance={governance} />
 */
export const GovernanceSummary: Component<{ governance: CaseGovernanceResource; itemName?: (id: string) => string }> = (props) => {
  const category = () => props.governance.euAiActCategory;
  const tier = () => props.governance.riskTier;
  return (
    <section class="panel governance-summary" aria-labelledby="governance-summary-title" data-testid="governance-summary">
      <h3 id="governance-summary-title">Risk classification</h3>
      <Show when={category().value === 'prohibited'}>
        <p class="notice notice-error" role="alert" data-testid="prohibited-reason">
          <strong>Prohibited under the EU AI Act, {category().article}.</strong> This case can never be recommended or decided scale. Because:{' '}
          {category().because.map(becauseInWords).join('; ') || 'the intake names a prohibited practice'}.
        </p>
      </Show>
      <div class="two-columns">
        <div>
          <p class="eyebrow">EU AI Act category</p>
          <p class="classification" data-testid="eu-ai-act-category">
            <span class={`badge badge-category-${category().value}`}>{CATEGORY_LABELS[category().value]}</span> <span class="muted">{category().article}</span>
          </p>
          <p>{CATEGORY_REQUIRES[category().value]}</p>
          <Because lines={category().because} overrideReason={category().overrideReason} derived={CATEGORY_LABELS[category().derived]} />
        </div>
        <div>
          <p class="eyebrow">Risk tier (organisation)</p>
          <p class="classification" data-testid="risk-tier">
            <span class={`badge badge-tier-${tier().value}`}>{tier().label}</span>
          </p>
          <ul class="tier-requires" data-testid="tier-requires">
            <For each={tierRequires(tier().rules, props.itemName)}>{(line) => <li>{line}</li>}</For>
          </ul>
          <Because lines={tier().because} overrideReason={tier().overrideReason} derived={tier().derived} />
        </div>
      </div>
      <p class="row-sub" data-testid="lifecycle-stage">
        Lifecycle: <strong>{LIFECYCLE_STAGE_LABELS[props.governance.lifecycle.stage]}</strong> for {props.governance.lifecycle.daysInStage} days (
        {props.governance.lifecycle.because})
        <Show when={props.governance.lifecycle.drifting}>
          {' '}
          <span class="badge badge-warning">⚠ drifting</span>
        </Show>
      </p>
      <Show when={props.governance.accountability.missing.length}>
        <p class="notice notice-warning" data-testid="accountability-missing">
          Accountability not yet named: {props.governance.accountability.missing.map((role) => ACCOUNTABILITY_LABELS[role]).join(', ')}.
        </p>
      </Show>
    </section>
  );
};

const Because: Component<{ lines: string[]; overrideReason: string | null; derived: string }> = (props) => (
  <p class="row-sub">
    <Show when={props.overrideReason} fallback={<>Because {props.lines.length ? props.lines.map(becauseInWords).join('; ') : 'no intake answered yet'}.</>}>
      Overridden (the intake gives {props.derived}): {props.overrideReason}
    </Show>
  </p>
);
