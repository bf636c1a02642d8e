import { For, Show, type Component } from 'solid-js';
import type { CaseInput } from '../../../models/case/case-schema.ts';
import { EditorSection } from '../components/editor-section.tsx';
import { NumberField } from '../components/number-field.tsx';
import { TextField } from '../components/text-field.tsx';
import { appendAt, ensureAt } from '../lib/json-pointer.ts';
import type { CaseDraft } from '../stores/case-draft.ts';

type BaselineMetric = NonNullable<CaseInput['baseline']>['metrics'][number];
type ExpectedChange = NonNullable<CaseInput['valueHypothesis']>['expectedChanges'][number];

/** A setter for an optional text field: the emptied field removes the value. */
const optionalSetter = (draft: CaseDraft, pointer: string) => (value: string) => draft.update(pointer, value === '' ? undefined : value);

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
  const problems = () =>
    issues().under('/baseline').length +
    issues().under('/valueHypothesis').length +
    issues().under('/measurementPlan').length +
    issues().under('/decisionCriteria').length;

  // The parents may be missing (only the description typed, an imported draft): appendAt creates them.
  const addMetric = () =>
    props.draft.mutate((doc) => {
      const taken = new Set((doc.baseline?.metrics ?? []).map((metric) => metric.id));
      let n = taken.size + 1;
      while (taken.has(`metric${n}`)) n++;
      appendAt(doc as never, '/baseline/metrics', { id: `metric${n}`, label: 'New metric', value: 0, unit: 'unit', source: 'where it was measured' });
    });
  const addChange = () =>
    props.draft.mutate((doc) => {
      if (!doc.valueHypothesis?.statement) ensureAt(doc as never, '/valueHypothesis', 'object').statement = 'What will change, for whom, and why';
      appendAt(doc as never, '/valueHypothesis/expectedChanges', { metric: doc.baseline?.metrics?.[0]?.id ?? 'metric1', expected: 0 });
    });

  return (
    <EditorSection
      id="baseline"
      title="Baseline and value hypothesis"
      problems={problems()}
      description="What is measured today, what should change, and how it will be measured after launch."
    >
      <TextField
        label="Baseline description"
        optional
        multiline
        value={d().baseline?.description}
        onChange={optionalSetter(props.draft, '/baseline/description')}
      />
      <h3>Baseline metrics</h3>
      <Show when={metrics().length === 0}>
        <p class="notice notice-warning">No baseline metric: the gate recommends "keep as research" until at least one is quantified.</p>
      </Show>
      <For each={metrics()}>{(metric, index) => <BaselineMetricCard draft={props.draft} metric={metric} index={index()} />}</For>
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
      <ExpectedChangesTable draft={props.draft} changes={changes()} metrics={metrics()} />
      <button type="button" class="button-secondary" onClick={addChange}>
        + Add expected change
      </button>

      <h3>Measurement plan</h3>
      <MeasurementPlanFields draft={props.draft} />

      <h3>Decision criteria (agreed before the results)</h3>
      <DecisionCriteriaFields draft={props.draft} />
    </EditorSection>
  );
};

/** One baseline metric: its id, label, value, unit, date and source, with a remove button. */
const BaselineMetricCard: Component<{ draft: CaseDraft; metric: BaselineMetric; index: number }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const at = (field: string) => `/baseline/metrics/${props.index}/${field}`;
  return (
    <fieldset class="row-card">
      <legend>
        Baseline metric {props.index + 1}: {props.metric.label}
      </legend>
      <div class="field-grid field-grid-6">
        <TextField label="Id (used in formulas)" value={props.metric.id} onChange={(v) => props.draft.update(at('id'), v)} issues={issues().at(at('id'))} />
        <TextField
          class="span-2"
          label="Label"
          value={props.metric.label}
          onChange={(v) => props.draft.update(at('label'), v)}
          issues={issues().at(at('label'))}
        />
        <NumberField
          label="Value"
          value={props.metric.value}
          onChange={(v) => props.draft.update(at('value'), v)}
          issues={issues().at(at('value'))}
          unit={props.metric.unit}
        />
        <TextField label="Unit" value={props.metric.unit} onChange={(v) => props.draft.update(at('unit'), v)} issues={issues().at(at('unit'))} />
        <TextField
          label="Measured on"
          type="date"
          optional
          value={props.metric.measuredOn}
          onChange={optionalSetter(props.draft, at('measuredOn'))}
          issues={issues().at(at('measuredOn'))}
        />
        <TextField
          class="span-5"
          label="Source"
          value={props.metric.source}
          onChange={(v) => props.draft.update(at('source'), v)}
          issues={issues().at(at('source'))}
        />
        <div class="row-actions">
          <button
            type="button"
            class="button-quiet"
            onClick={() => props.draft.update(`/baseline/metrics/${props.index}`, undefined)}
            aria-label={`Remove baseline metric ${props.metric.label}`}
          >
            Remove
          </button>
        </div>
      </div>
    </fieldset>
  );
};

/** The expected changes after launch, one row each, when there is any. */
const ExpectedChangesTable: Component<{ draft: CaseDraft; changes: ExpectedChange[]; metrics: BaselineMetric[] }> = (props) => (
  <Show when={props.changes.length > 0}>
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
        <For each={props.changes}>
          {(change, index) => (
            <ExpectedChangeRow draft={props.draft} change={change} index={index()} unit={props.metrics.find((m) => m.id === change.metric)?.unit} />
          )}
        </For>
      </tbody>
    </table>
  </Show>
);

/** One expected change: the baseline metric, its expected value, the input that carries it and a note. */
const ExpectedChangeRow: Component<{ draft: CaseDraft; change: ExpectedChange; index: number; unit: string | undefined }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const at = (field: string) => `/valueHypothesis/expectedChanges/${props.index}/${field}`;
  return (
    <tr>
      <td>
        <TextField
          label={`Metric of change ${props.index + 1}`}
          class="label-hidden"
          value={props.change.metric}
          onChange={(v) => props.draft.update(at('metric'), v)}
          issues={issues().at(at('metric'))}
        />
      </td>
      <td>
        <NumberField
          label={`Expected value of change ${props.index + 1}`}
          class="label-hidden"
          unit={props.unit}
          value={props.change.expected}
          onChange={(v) => props.draft.update(at('expected'), v)}
          issues={issues().at(at('expected'))}
        />
      </td>
      <td>
        <TextField
          label={`Input of change ${props.index + 1}`}
          class="label-hidden"
          optional
          value={props.change.input}
          onChange={optionalSetter(props.draft, at('input'))}
          issues={issues().at(at('input'))}
        />
      </td>
      <td>
        <TextField
          label={`Note of change ${props.index + 1}`}
          class="label-hidden"
          optional
          value={props.change.note}
          onChange={optionalSetter(props.draft, at('note'))}
        />
      </td>
      <td>
        <button type="button" class="button-quiet" onClick={() => props.draft.update(`/valueHypothesis/expectedChanges/${props.index}`, undefined)}>
          Remove
        </button>
      </td>
    </tr>
  );
};

/** What is measured after launch, how, when and by whom. */
const MeasurementPlanFields: Component<{ draft: CaseDraft }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const d = () => props.draft.document;
  // The plan is created on the first field typed into, with the others empty.
  const setPlan = (field: 'metric' | 'method' | 'when', value: string) =>
    props.draft.mutate((doc) => void (doc.measurementPlan = Object.assign({ metric: '', method: '', when: '' }, doc.measurementPlan, { [field]: value })));
  return (
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
      <TextField label="Owner" optional value={d().measurementPlan?.owner} onChange={optionalSetter(props.draft, '/measurementPlan/owner')} />
    </div>
  );
};

/** The criteria to scale or stop, agreed before the results. */
const DecisionCriteriaFields: Component<{ draft: CaseDraft }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const d = () => props.draft.document;
  // The criteria are created on the first field typed into, with the others empty.
  const setCriteria = (field: 'setOn' | 'scale' | 'stop', value: string) =>
    props.draft.mutate((doc) => void (doc.decisionCriteria = Object.assign({ setOn: '', scale: '', stop: '' }, doc.decisionCriteria, { [field]: value })));
  return (
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
        onChange={optionalSetter(props.draft, '/decisionCriteria/firstResultsOn')}
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
  );
};
