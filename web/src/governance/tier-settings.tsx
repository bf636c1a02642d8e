import { createSignal, For, Index, Show, type Component } from 'solid-js';
import { READINESS_GATE_LABELS, READINESS_GATES } from '../../../models/case/readiness.ts';
import { APPROVAL_ROLE_LABELS, APPROVAL_ROLES } from '../../../models/governance/approval-roles.ts';
import type { TemplateItem } from '../../../models/governance/checklist-template.ts';
import type { RiskTier, TierCondition } from '../../../models/governance/risk-tiers.ts';
import { saveGovernanceSettings } from '../lib/governance-api.ts';
import { explainBecause } from '../lib/intake-questions.ts';
import { TierSummary } from './tier-summary.tsx';
import { errorsUnder, problemErrors, type FieldError } from '../lib/problem-errors.ts';
import type { GovernanceSettingsResource } from '../../../models/contract/governance-resources.ts';

export interface TierSettingsProps {
  settings: GovernanceSettingsResource;
  /** The current template's items, to choose mandatory ones from. */
  templateItems: readonly TemplateItem[];
  admin: boolean;
  onSaved: (settings: GovernanceSettingsResource) => void;
}

/** A tier condition in words, e.g. "Personal data: Personal data and Autonomy: It acts by itself". */
function conditionText(condition: TierCondition): string {
  return Object.entries(condition)
    .map(([key, values]) => explainBecause(`${key}: ${(values as string[]).join(', ')}`))
    .join(' and ');
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const Errors: Component<{ messages: string[] }> = (props) => (
  <For each={props.messages}>
    {(message) => (
      <p class="field-error" role="alert">
        {message}
      </p>
    )}
  </For>
);

/** A list of toggles over fixed values. */
const Toggles: Component<{
  legend: string;
  values: readonly string[];
  chosen: readonly string[];
  label: (value: string) => string;
  disabled: boolean;
  onChange: (next: string[]) => void;
}> = (props) => (
  <fieldset class="tier-toggles">
    <legend>{props.legend}</legend>
    <div class="checkbox-grid">
      <For each={props.values}>
        {(value) => (
          <label class="checkbox" title={value}>
            <input
              type="checkbox"
              disabled={props.disabled}
              checked={props.chosen.includes(value)}
              onChange={(event) =>
                props.onChange(props.values.filter((entry) => (entry === value ? event.currentTarget.checked : props.chosen.includes(entry))))
              }
            />
            {props.label(value)}
          </label>
        )}
      </For>
    </div>
  </fieldset>
);

/**
 * The risk tiers and the path each sets: required gates and level, mandatory checklist items,
 * the approvals a scale decision needs and the post-launch review cadence. Admins edit and
 * save; the server's named errors appear beside the field they name.
 */
export const TierSettings: Component<TierSettingsProps> = (props) => {
  const [tiers, setTiers] = createSignal<RiskTier[]>(structuredClone(props.settings.tiers));
  const [savedTiers, setSavedTiers] = createSignal<RiskTier[]>(props.settings.tiers);
  const [errors, setErrors] = createSignal<FieldError[]>([]);
  const [saving, setSaving] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const edit = (index: number, change: Partial<RiskTier>) => {
    setSaved(false);
    setTiers((list) => list.map((tier, at) => (at === index ? { ...tier, ...change } : tier)));
  };
  const itemLabel = (id: string) => {
    const item = props.templateItems.find((entry) => entry.id === id);
    return item ? `${id}: ${item.item}` : id;
  };
  const save = async () => {
    setSaving(true);
    setErrors([]);
    try {
      const result = await saveGovernanceSettings(tiers());
      setTiers(structuredClone(result.tiers));
      setSavedTiers(result.tiers);
      setSaved(true);
      props.onSaved(result);
    } catch (failure) {
      setErrors(problemErrors(failure));
    } finally {
      setSaving(false);
    }
  };
  const at = (index: number, field: string) => errorsUnder(errors(), `/tiers/${index}/${field}`);
  const disabled = () => !props.admin;
  return (
    <section class="panel" aria-labelledby="tiers-title" data-testid="tier-settings">
      <h2 id="tiers-title">Risk tiers</h2>
      <p class="section-description">
        Ordered lowest to highest: a case gets the highest tier whose condition its intake matches; the first tier is the fallback. Drift: a case in pilot or
        gate review without a decision for longer than its decision rules' drift days (default 90) is listed first in the portfolio as drifting.
      </p>
      <TierSummary tiers={savedTiers()} />
      <Index each={tiers()}>
        {(tier, index) => (
          <article class="tier-card" data-testid={`tier-${tier().id}`}>
            <header class="tier-header">
              <h3>
                {tier().label} <code>{tier().id}</code>
              </h3>
              <Show when={props.admin && tiers().length > 1 && index > 0}>
                <button type="button" class="button-quiet" onClick={() => setTiers((list) => list.filter((_, at) => at !== index))}>
                  Remove tier
                </button>
              </Show>
            </header>
            <Errors
              messages={errors()
                .filter((entry) => entry.path === `/tiers/${index}` || entry.path === `/tiers/${index}/id`)
                .map((entry) => entry.message)}
            />
            <div class="field-grid">
              <label class="field">
                Label
                <input value={tier().label} disabled={disabled()} onInput={(event) => edit(index, { label: event.currentTarget.value })} />
                <Errors messages={at(index, 'label')} />
              </label>
              <label class="field">
                Post-launch review every (months)
                <input
                  type="number"
                  min="1"
                  max="120"
                  value={tier().reviewEveryMonths}
                  disabled={disabled()}
                  onInput={(event) => edit(index, { reviewEveryMonths: event.currentTarget.valueAsNumber })}
                />
                <Errors messages={at(index, 'reviewEveryMonths')} />
              </label>
              <label class="field span-2">
                Description
                <input
                  value={tier().description ?? ''}
                  disabled={disabled()}
                  onInput={(event) => edit(index, { description: event.currentTarget.value || undefined })}
                />
              </label>
            </div>
            <p class="muted">
              <strong>Assigned when:</strong>{' '}
              {index === 0 ? 'no higher tier matches (the fallback)' : tier().assignWhen.map(conditionText).join('; or ') || 'never (no condition)'}
            </p>
            <Toggles
              legend="Required readiness gates (added to the case's own)"
              values={READINESS_GATES}
              chosen={tier().requiredGates ?? []}
              label={(gate) => READINESS_GATE_LABELS[gate as keyof typeof READINESS_GATE_LABELS]}
              disabled={disabled()}
              onChange={(next) => edit(index, { requiredGates: next.length ? (next as RiskTier['requiredGates']) : undefined })}
            />
            <Errors messages={at(index, 'requiredGates')} />
            <label class="field">
              Required gate level
              <select
                value={tier().requiredGateLevel ?? ''}
                disabled={disabled()}
                onChange={(event) => edit(index, { requiredGateLevel: (event.currentTarget.value || undefined) as RiskTier['requiredGateLevel'] })}
              >
                <option value="">The case's own rule</option>
                <option value="met">Met</option>
                <option value="partly">At least partly met</option>
              </select>
            </label>
            <Toggles
              legend="Approvals a scale decision needs (each by a different person)"
              values={APPROVAL_ROLES}
              chosen={tier().approvals}
              label={(role) => capitalised(APPROVAL_ROLE_LABELS[role as keyof typeof APPROVAL_ROLE_LABELS])}
              disabled={disabled()}
              onChange={(next) => edit(index, { approvals: next as RiskTier['approvals'] })}
            />
            <Errors messages={at(index, 'approvals')} />
            <details class="tier-mandatory">
              <summary>
                Mandatory checklist items ({tier().mandatoryItems.length}): {tier().mandatoryItems.join(', ') || 'none'}
              </summary>
              <Toggles
                legend="Items that must be met before scaling (never “not applicable”)"
                values={props.templateItems.map((item) => item.id)}
                chosen={tier().mandatoryItems}
                label={itemLabel}
                disabled={disabled()}
                onChange={(next) => edit(index, { mandatoryItems: next })}
              />
            </details>
            <Errors messages={at(index, 'mandatoryItems')} />
          </article>
        )}
      </Index>
      <Errors
        messages={errors()
          .filter((entry) => !entry.path.startsWith('/tiers/'))
          .map((entry) => entry.message)}
      />
      <Show when={props.admin} fallback={<p class="notice notice-info">Read-only: only an admin changes the tiers.</p>}>
        <div class="panel-toolbar">
          <button type="button" class="button-primary" disabled={saving()} onClick={() => void save()}>
            {saving() ? 'Saving…' : 'Save tiers'}
          </button>
          <Show when={saved()}>
            <span class="notice-success" role="status">
              Saved. New classifications use these tiers.
            </span>
          </Show>
          <Show when={props.settings.updatedBy}>
            <span class="muted">
              Last saved by {props.settings.updatedBy} {props.settings.updatedAt ? `on ${props.settings.updatedAt.slice(0, 10)}` : ''}
            </span>
          </Show>
        </div>
      </Show>
    </section>
  );
};
