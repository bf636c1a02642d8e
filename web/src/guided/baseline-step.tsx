import { For, Show, type Component } from 'solid-js';
import { TextField } from '../components/text-field.tsx';
import { emptyMetric } from '../lib/guided-answers.ts';
import { GUIDED_LABELS as L } from '../lib/guided-steps.ts';
import { GuidedNumber } from './guided-number.tsx';
import type { StepProps } from './guided-state.ts';

/** Step 4: today's numbers, each with its unit and source, that the change will be measured against. */
export const BaselineStep: Component<StepProps> = (props) => {
  const metrics = () => props.state.answers.metrics;
  const remove = (index: number): void => {
    props.state.set('metrics', (list) => list.filter((_, i) => i !== index));
    props.state.set('changes', (list) =>
      list.filter((change) => change.metric !== index).map((c) => ({ ...c, metric: c.metric > index ? c.metric - 1 : c.metric })),
    );
  };
  return (
    <>
      <p class="section-description">
        At least one number measured today, in the process the tool changes (e.g. minutes per invoice, error rate). Without a quantified baseline the value
        cannot be shown later.
      </p>
      <For each={metrics()}>
        {(metric, index) => (
          <fieldset class="row-card">
            <legend>Baseline metric {index() + 1}</legend>
            <div class="field-grid">
              <TextField
                label={L.metricLabel}
                value={metric.label}
                onChange={(v) => props.state.set('metrics', index(), 'label', v)}
                placeholder="e.g. Minutes per invoice"
              />
              <GuidedNumber label={L.metricValue} value={metric.value} onChange={(v) => props.state.set('metrics', index(), 'value', v)} />
              <TextField label={L.metricUnit} value={metric.unit} onChange={(v) => props.state.set('metrics', index(), 'unit', v)} placeholder="e.g. minutes" />
              <TextField
                label={L.metricSource}
                value={metric.source}
                onChange={(v) => props.state.set('metrics', index(), 'source', v)}
                placeholder="e.g. AP time study, Oct 2026"
              />
            </div>
            <Show when={metrics().length > 1}>
              <button type="button" class="button-quiet" onClick={() => remove(index())}>
                Remove metric {index() + 1}
              </button>
            </Show>
          </fieldset>
        )}
      </For>
      <button type="button" onClick={() => props.state.set('metrics', (list) => [...list, emptyMetric()])}>
        + Add baseline metric
      </button>
    </>
  );
};
