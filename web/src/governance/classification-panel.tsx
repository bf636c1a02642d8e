import { createSignal, For, Show, type Component } from 'solid-js';
import { classifyEuAiAct } from '../../../models/case/eu-ai-act.ts';
import { EU_AI_ACT_CATEGORIES, type EuAiActCategory, type Intake } from '../../../models/case/intake-schema.ts';
import { classifyRiskTier, type RiskTier } from '../../../models/governance/risk-tiers.ts';
import { EU_AI_ACT_CATEGORY_LABELS, explainBecause } from '../lib/intake-questions.ts';

/** What the document stores for a classification. */
export interface StoredClassification {
  value: string;
  overrideReason?: string;
}

export type ClassificationKind = 'euAiActCategory' | 'riskTier';

export interface ClassificationPanelProps {
  intake: Intake;
  tiers: readonly RiskTier[];
  category: StoredClassification | undefined;
  tier: StoredClassification | undefined;
  /** Sets an override (value differs from the derived one, with its reason), or removes it (null). */
  onOverride: (kind: ClassificationKind, override: { value: string; reason: string } | null) => void;
  disabled?: boolean;
  /** Messages the case's validation holds for a classification (e.g. a missing override reason). */
  issuesOf?: (kind: ClassificationKind) => string[];
}

/** Says to give a reason before an override is applied. */
export const OVERRIDE_REASON_REQUIRED = 'Give the reason for the override: it is kept with the case and shown at the gate.';

interface OverrideProps {
  kind: ClassificationKind;
  title: string;
  derived: { value: string; label: string; detail?: string; because: string[] };
  stored: StoredClassification | undefined;
  options: { value: string; label: string }[];
  onOverride: ClassificationPanelProps['onOverride'];
  disabled?: boolean;
  issues: string[];
}

/** One classification: the derived value with the answers behind it, and its override. */
const ClassificationCard: Component<OverrideProps> = (props) => {
  const overridden = () => props.stored?.overrideReason !== undefined && props.stored.value !== props.derived.value;
  const labelOf = (value: string) => props.options.find((entry) => entry.value === value)?.label ?? value;
  const [editing, setEditing] = createSignal(false);
  const [value, setValue] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal('');
  const open = () => {
    setValue(
      props.stored?.value !== props.derived.value
        ? (props.stored?.value ?? '')
        : (props.options.find((entry) => entry.value !== props.derived.value)?.value ?? ''),
    );
    setReason(props.stored?.overrideReason ?? '');
    setError('');
    setEditing(true);
  };
  const apply = () => {
    if (!reason().trim()) return void setError(OVERRIDE_REASON_REQUIRED);
    if (value() === props.derived.value) return void setError('Choose a value other than the derived one, or cancel.');
    props.onOverride(props.kind, { value: value(), reason: reason().trim() });
    setEditing(false);
  };
  return (
    <div class="classification-card" data-testid={`classification-${props.kind}`}>
      <h4>{props.title}</h4>
      <p class="classification-value">
        <strong data-testid={`${props.kind}-value`}>{overridden() ? labelOf(props.stored?.value ?? '') : props.derived.label}</strong>
        <Show when={overridden()}>
          <span class="badge badge-warning">overridden</span>
        </Show>
      </p>
      <Show when={props.derived.detail}>
        <p class="muted">{props.derived.detail}</p>
      </Show>
      <p class="classification-because-title">{overridden() ? `Derived from the answers: ${props.derived.label}, because` : 'Because'}</p>
      <ul class="classification-because" data-testid={`${props.kind}-because`}>
        <For each={props.derived.because}>{(line) => <li>{explainBecause(line)}</li>}</For>
      </ul>
      <Show when={overridden()}>
        <p data-testid={`${props.kind}-override-reason`}>
          <strong>Override reason:</strong> {props.stored?.overrideReason}
        </p>
      </Show>
      <For each={props.issues}>
        {(issue) => (
          <p class="field-error" role="alert">
            {issue}
          </p>
        )}
      </For>
      <Show when={!props.disabled}>
        <Show
          when={editing()}
          fallback={
            <div class="classification-actions">
              <button type="button" class="button-secondary" onClick={open}>
                {overridden() ? 'Change override' : 'Override…'}
              </button>
              <Show when={overridden()}>
                <button type="button" class="button-quiet" onClick={() => props.onOverride(props.kind, null)}>
                  Use the derived value
                </button>
              </Show>
            </div>
          }
        >
          <div class="classification-override">
            <label>
              {props.title} (override)
              <select value={value()} onChange={(event) => setValue(event.currentTarget.value)}>
                <For each={props.options}>{(entry) => <option value={entry.value}>{entry.label}</option>}</For>
              </select>
            </label>
            <label>
              Reason for the override (required)
              <textarea rows={2} value={reason()} onInput={(event) => setReason(event.currentTarget.value)} />
            </label>
            <Show when={error()}>
              <p class="field-error" role="alert">
                {error()}
              </p>
            </Show>
            <div class="classification-actions">
              <button type="button" class="button-primary" onClick={apply}>
                Apply override
              </button>
              <button type="button" class="button-quiet" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </div>
          </div>
        </Show>
      </Show>
    </div>
  );
};

/**
 * The EU AI Act category and the organisation's risk tier the intake derives, each with the
 * answers that led to it; either may be overridden, never without a reason.
 */
export const ClassificationPanel: Component<ClassificationPanelProps> = (props) => {
  const category = () => classifyEuAiAct(props.intake);
  // The tier follows the effective category, an overridden one included, as the server derives it.
  const effectiveCategory = () => (props.category?.overrideReason && props.category.value !== category().value ? props.category.value : category().value);
  const tier = () => classifyRiskTier(props.intake, effectiveCategory() as EuAiActCategory, props.tiers);
  const tierLabel = (id: string) => props.tiers.find((entry) => entry.id === id)?.label ?? id;
  return (
    <div class="classification" data-testid="classification">
      <ClassificationCard
        kind="euAiActCategory"
        title="EU AI Act category"
        derived={{ value: category().value, label: EU_AI_ACT_CATEGORY_LABELS[category().value], detail: category().article, because: category().because }}
        stored={props.category}
        options={EU_AI_ACT_CATEGORIES.map((value) => ({ value, label: EU_AI_ACT_CATEGORY_LABELS[value] }))}
        onOverride={props.onOverride}
        disabled={props.disabled}
        issues={props.issuesOf?.('euAiActCategory') ?? []}
      />
      <ClassificationCard
        kind="riskTier"
        title="Risk tier"
        derived={{
          value: tier().value,
          label: tierLabel(tier().value),
          detail: props.tiers.find((entry) => entry.id === tier().value)?.description,
          because: tier().because,
        }}
        stored={props.tier}
        options={props.tiers.map((entry) => ({ value: entry.id, label: entry.label }))}
        onOverride={props.onOverride}
        disabled={props.disabled}
        issues={props.issuesOf?.('riskTier') ?? []}
      />
    </div>
  );
};
