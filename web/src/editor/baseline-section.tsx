import { For, Show, type Component } from 'solid-js';
import { EditorSection } from '../components/editor-section.tsx';
import { NumberField } from '../components/number-field.tsx';
import { TextField } from '../components/text-field.tsx';
import type { CaseDraft } from '../stores/case-draft.ts';

/**
 * Baseline metrics, the value hypothesis with its expected changes, the measurement plan
 * and the decision criteria agreed before the results: what the gate's prerequisites and
 * value-measurement checks read.
 */
export const BaselineSection: Component<{ draft: CaseDraft }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const d = () => props.draft.document;
  const metrics = () => d().baseline?.metrics ?? [];
  const changes = () => d().valueHypothesis?.expectedChanges ?? [];
  const optional = (pointer: string) => (value: string) => props.draft.update(pointer, value === '' ? undefined : value);
  const problems = () =>
    issues().under('/baseline').length +
    issues().under('/valueHypothesis').length +
    issues().under('/measurementPlan').length +
    issues().under('/decisionCriteria').length;

  // Required sub-objects are created on the first field typed into, with the others empty.
  const setPlan = (field: 'metric' | 'method' | 'when', value: string) =>
    props.draft.mutate((doc) => void (doc.measurementPlan = Object.assign({ metric: '', method: '', when: '' }, doc.measurementPlan, { [field]: value })));
  const setCriteria = (field: 'setOn' | 'scale' | 'stop', value: string) =>
    props.draft.mutate((doc) => void (doc.decisionCriteria = Object.assign({ setOn: '', scale: '', stop: '' }, doc.decisionCriteria, { [field]: value })));

  const addMetric = () =>
    props.draft.mutate((doc) => {
      doc.baseline ??= { metrics: [] };
      doc.baseline.metrics.push({
        id: `metric${doc.baseline.metrics.length + 1}`,
        label: 'New metric',
        value: 0,
        unit: 'unit',
        source: 'where it was measured',
      });
    });
  const addChange = () =>
    props.draft.mutate((doc) => {
      doc.valueHypothesis ??= { statement: 'What will change, for whom, and why', expectedChanges: [] };
      doc.valueHypothesis.expectedChanges.push({ metric: doc.baseline?.metrics[0]?.id ?? 'metric1', expected: 0 });
    });

  return (
    <EditorSection
      id="baseline"
      title="Baseline and value hypothesis"
      problems={problems()}
      description="What is measured today, what should change, and how it will be measured after launch."
    >
      <TextField label="Baseline description" optional multiline value={d().baseline?.description} onChange={optional('/baseline/description')} />
      <h3>Baseline metrics</h3>
      <Show when={metrics().length === 0}>
        <p class="notice notice-warning">No baseline metric: the gate recommends "keep as research" until at least one is quantified.</p>
      </Show>
      <For each={metrics()}>
        {(metric, index) => {
          const at = (field: string) => `/baseline/metrics/${index()}/${field}`;
          return (
            <fieldset class="row-card">
              <legend>
                Baseline metric {index() + 1}: {metric.label}
              </legend>
              <div class="field-grid field-grid-6">
                <TextField label="Id (used in formulas)" value={metric.id} onChange={(v) => props.draft.update(at('id'), v)} issues={issues().at(at('id'))} />
                <TextField
                  class="span-2"
                  label="Label"
                  value={metric.label}
                  onChange={(v) => props.draft.update(at('label'), v)}
                  issues={issues().at(at('label'))}
                />
                <NumberField
                  label="Value"
                  value={metric.value}
                  onChange={(v) => props.draft.update(at('value'), v)}
                  issues={issues().at(at('value'))}
                  unit={metric.unit}
                />
                <TextField label="Unit" value={metric.unit} onChange={(v) => props.draft.update(at('unit'), v)} issues={issues().at(at('unit'))} />
                <TextField
                  label="Measured on"
                  type="date"
                  optional
                  value={metric.measuredOn}
                  onChange={optional(at('measuredOn'))}
                  issues={issues().at(at('measuredOn'))}
                />
                <TextField
                  class="span-5"
                  label="Source"
                  value={metric.source}
                  onChange={(v) => props.draft.update(at('source'), v)}
                  issues={issues().at(at('source'))}
                />
                <div class="row-actions">
                  <button
                    type="button"
                    class="button-quiet"
                    onClick={() => props.draft.update(`/baseline/metrics/${index()}`, undefined)}
                    aria-label={`Remove baseline metric ${metric.label}`}
                  >
                    Remove
                  </button>
                </div>
              </div>
            </fieldset>
          );
        }}
      </For>
      <button type="button" class="button-secondary" onClick={addMetric}>
        + Add baseline metric
      </button>

      <h3>Value hypothesis</h3>
      <TextField
        label="Statement"
        multiline
        value={d().valueHypothesis?.statement}
        onChange={(v) => props.draft.mutate((doc) => (doc.valueHypothesis = { expectedChanges: [], ...doc.valueHypothesis, statement: v }))}
        issues={issues().at('/valueHypothesis/statement')}
      />
      <Show when={changes().length > 0}>
        <table class="data-table">
          <caption>Expected changes after launch</caption>
          <thead>
            <tr>
              <th scope="col">Baseline metric</th>
              <th scope="col">Expected after launch</th>
              <th scope="col">Carried by input</th>
              <th scope="col">Note</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={changes()}>
              {(change, index) => {
                const at = (field: string) => `/valueHypothesis/expectedChanges/${index()}/${field}`;
                const unit = () => metrics().find((m) => m.id === change.metric)?.unit;
                return (
                  <tr>
                    <td>
                      <TextField
                        label={`Metric of change ${index() + 1}`}
                        class="label-hidden"
                        value={change.metric}
                        onChange={(v) => props.draft.update(at('metric'), v)}
                        issues={issues().at(at('metric'))}
                      />
                    </td>
                    <td>
                      <NumberField
                        label={`Expected value of change ${index() + 1}`}
                        class="label-hidden"
                        unit={unit()}
                        value={change.expected}
                        onChange={(v) => props.draft.update(at('expected'), v)}
                        issues={issues().at(at('expected'))}
                      />
                    </td>
                    <td>
                      <TextField
                        label={`Input of change ${index() + 1}`}
                        class="label-hidden"
                        optional
                        value={change.input}
                        onChange={optional(at('input'))}
                        issues={issues().at(at('input'))}
                      />
                    </td>
                    <td>
                      <TextField label={`Note of change ${index() + 1}`} class="label-hidden" optional value={change.note} onChange={optional(at('note'))} />
                    </td>
                    <td>
                      <button type="button" class="button-quiet" onClick={() => props.draft.update(`/valueHypothesis/expectedChanges/${index()}`, undefined)}>
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </Show>
      <button type="button" class="button-secondary" onClick={addChange}>
        + Add expected change
      </button>

      <h3>Measurement plan</h3>
      <div class="field-grid">
        <TextField
          label="What is measured"
          value={d().measurementPlan?.metric}
          onChange={(v) => setPlan('metric', v)}
          issues={issues().at('/measurementPlan/metric')}
        />
        <TextField
          label="Method (control group, data source)"
          value={d().measurementPlan?.method}
          onChange={(v) => setPlan('method', v)}
          issues={issues().at('/measurementPlan/method')}
        />
        <TextField label="When" value={d().measurementPlan?.when} onChange={(v) => setPlan('when', v)} issues={issues().at('/measurementPlan/when')} />
        <TextField label="Owner" optional value={d().measurementPlan?.owner} onChange={optional('/measurementPlan/owner')} />
      </div>

      <h3>Decision criteria (agreed before the results)</h3>
      <div class="field-grid">
        <TextField
          label="Agreed on"
          type="date"
          value={d().decisionCriteria?.setOn}
          onChange={(v) => setCriteria('setOn', v)}
          issues={issues().at('/decisionCriteria/setOn')}
        />
        <TextField
          label="First results on"
          type="date"
          optional
          value={d().decisionCriteria?.firstResultsOn}
          onChange={optional('/decisionCriteria/firstResultsOn')}
          issues={issues().at('/decisionCriteria/firstResultsOn')}
        />
        <TextField
          label="We scale if"
          multiline
          value={d().decisionCriteria?.scale}
          onChange={(v) => setCriteria('scale', v)}
          issues={issues().at('/decisionCriteria/scale')}
        />
        <TextField
          label="We stop if"
          multiline
          value={d().decisionCriteria?.stop}
          onChange={(v) => setCriteria('stop', v)}
          issues={issues().at('/decisionCriteria/stop')}
        />
      </div>
    </EditorSection>
  );
};
