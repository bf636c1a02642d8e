import { For, Show, type Component } from 'solid-js';
import { SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import { GUIDED_LABELS as L } from '../lib/guided-steps.ts';
import { GuidedNumber } from './guided-number.tsx';
import type { StepProps } from './guided-state.ts';

/** Step 5: what should change, by how much, as a new value of a baseline metric. */
export const HypothesisStep: Component<StepProps> = (props) => {
  const a = () => props.state.answers;
  const metricOptions = () => a().metrics.map((metric, index) => ({ value: String(index), label: metric.label || `Metric ${index + 1}` }));
  return (
    <>
      <p class="section-description">Say what the tool changes and by how much, as the value a baseline metric should reach after launch.</p>
      <TextField
        label={L.hypothesis}
        multiline
        rows={2}
        value={a().hypothesis}
        onChange={(v) => props.state.set('hypothesis', v)}
        placeholder="e.g. Matching time falls from 6 to 2 minutes per invoice"
      />
      <For each={a().changes}>
        {(change, index) => {
          const metric = () => a().metrics[change.metric];
          return (
            <fieldset class="row-card">
              <legend>Expected change {index() + 1}</legend>
              <div class="field-grid">
                <SelectField
                  label="Baseline metric it changes"
                  value={String(change.metric)}
                  options={metricOptions()}
                  onChange={(v) => props.state.set('changes', index(), 'metric', Number(v))}
                />
                <GuidedNumber
                  label={L.expected}
                  unit={metric()?.unit}
                  value={change.expected}
                  onChange={(v) => props.state.set('changes', index(), 'expected', v)}
                  hint={metric()?.value === undefined ? undefined : `Today: ${metric()!.value} ${metric()!.unit}`}
                />
              </div>
              <Show when={a().changes.length > 1}>
                <button type="button" class="button-quiet" onClick={() => props.state.set('changes', (list) => list.filter((_, i) => i !== index()))}>
                  Remove change {index() + 1}
                </button>
              </Show>
            </fieldset>
          );
        }}
      </For>
      <button type="button" onClick={() => props.state.set('changes', (list) => [...list, { metric: 0 }])}>
        + Add expected change
      </button>
    </>
  );
};
