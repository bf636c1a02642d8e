import { createEffect, createMemo, Show, type Component } from 'solid-js';
import type { CaseInput } from '../../../models/case/case-schema.ts';
import type { DistributionSpec } from '../../../models/distributions/spec.ts';
import { DistributionPicker } from '../components/distribution-picker.tsx';
import { NumberField } from '../components/number-field.tsx';
import { TextField } from '../components/text-field.tsx';
import { EstimateFields } from './estimate-fields.tsx';
import { buildDistribution, DISTRIBUTION_FORMS, formOf } from '../lib/distribution-forms.ts';
import { formatUnitValue } from '../lib/units.ts';
import type { CaseDraft } from '../stores/case-draft.ts';
import { EvidenceForm } from './evidence-form.tsx';

type InputDefinition = CaseInput['inputs'][string];

/**
 * One uncertain input: label, unit, the source of the estimate, what measuring it would
 * cost, and its distribution with a preview. Collapsed, it still shows the 90 % range in
 * its unit, so the whole list reads as a table of estimates.
 */
export const InputCard: Component<{ draft: CaseDraft; name: string; open?: boolean }> = (props) => {
  const input = (): InputDefinition => props.draft.document.inputs[props.name];
  const base = () => `/inputs/${props.name}`;
  const issues = () => props.draft.validation().issues;
  const problems = () => issues().under(base()).length;
  const built = createMemo(() => buildDistribution(input()?.distribution));
  const range = (): string => {
    const outcome = built();
    if (!outcome.ok) return 'invalid distribution';
    const d = outcome.distribution;
    if (input().distribution.type === 'fixed') return `fixed at ${formatUnitValue(props.draft.format(), d.inv(0.5), input().unit ?? '')}`;
    return `90%: ${formatUnitValue(props.draft.format(), d.inv(0.05), input().unit ?? '')} to ${formatUnitValue(props.draft.format(), d.inv(0.95), input().unit ?? '')}`;
  };
  let card: HTMLDetailsElement | undefined;
  // Opened by a link (the gate's "measure next"): scroll to it once it is open.
  createEffect(() => {
    if (props.open && card) queueMicrotask(() => card?.scrollIntoView?.({ block: 'start' }));
  });
  const formLabel = () => DISTRIBUTION_FORMS.find((form) => form.id === formOf(input()?.distribution as Partial<DistributionSpec>))?.label ?? '';

  return (
    <Show when={input()}>
      <details ref={card} class="input-card" open={props.open} data-input={props.name} classList={{ 'has-problems': problems() > 0 }}>
        <summary>
          <span class="input-name">{input().label ?? props.name}</span>
          <code class="input-id">{props.name}</code>
          <span class="input-range" data-testid={`range-${props.name}`}>
            {range()}
          </span>
          <span class="input-form">{formLabel()}</span>
          <Show when={problems() > 0}>
            <span class="badge badge-error">
              {problems()} problem{problems() === 1 ? '' : 's'}
            </span>
          </Show>
        </summary>
        <div class="input-card-body">
          <div class="input-meta">
            <TextField label="Label" optional value={input().label} onChange={(v) => props.draft.update(`${base()}/label`, v || undefined)} />
            <TextField
              label="Unit"
              value={input().unit}
              onChange={(v) => props.draft.update(`${base()}/unit`, v)}
              issues={issues().at(`${base()}/unit`)}
              hint="e.g. EUR/hour, contacts/month, share"
            />
            <TextField
              label="Source of the estimate"
              multiline
              rows={3}
              value={input().source}
              onChange={(v) => props.draft.update(`${base()}/source`, v)}
              issues={issues().at(`${base()}/source`)}
              hint="Where the range comes from: data, benchmark, expert and date."
            />
            <EstimateFields draft={props.draft} name={props.name} />
            <NumberField
              label="Cost to measure before deciding"
              unit={props.draft.document.currency}
              optional
              value={input().measurementCost}
              onChange={(v) => props.draft.update(`${base()}/measurementCost`, v)}
              issues={issues().at(`${base()}/measurementCost`)}
              hint="Used by value of information to rank what to measure next."
            />
            <button type="button" class="button-quiet" onClick={() => props.draft.update(base(), undefined)}>
              Remove input {props.name}
            </button>
          </div>
          <DistributionPicker
            value={input().distribution as Partial<DistributionSpec>}
            onChange={(spec) => props.draft.update(`${base()}/distribution`, spec)}
            unit={input().unit ?? ''}
            label={input().label ?? props.name}
            pointer={`${base()}/distribution`}
            issues={issues()}
            format={props.draft.format()}
          />
          <EvidenceForm draft={props.draft} name={props.name} />
        </div>
      </details>
    </Show>
  );
};
