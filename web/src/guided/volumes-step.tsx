import { For, Show, type Component } from 'solid-js';
import { TextField } from '../components/text-field.tsx';
import { emptyDriver, type ValueDriverAnswer } from '../lib/guided-answers.ts';
import { GUIDED_LABELS as L } from '../lib/guided-steps.ts';
import { GuidedNumber } from './guided-number.tsx';
import type { StepProps } from './guided-state.ts';
import { RangeFields } from './range-fields.tsx';

const KINDS = [
  ['time', 'Hours saved × cost per hour'],
  ['money', 'A money amount per unit'],
] as const;

/** Step 6: the value: how many units a month, and what each is worth, as ranges. */
export const VolumesStep: Component<StepProps> = (props) => (
  <>
    <p class="section-description">
      The value is a volume times a value per unit. Give each as a range you are 90 % sure of; each range becomes an input of the simulation, and each source of
      value a benefit line.
    </p>
    <For each={props.state.answers.drivers}>{(driver, index) => <DriverCard state={props.state} driver={driver} index={index()} />}</For>
    <button type="button" onClick={() => props.state.set('drivers', (list) => [...list, emptyDriver()])}>
      + Add another source of value
    </button>
  </>
);

const DriverCard: Component<StepProps & { driver: ValueDriverAnswer; index: number }> = (props) => {
  const set = <K extends keyof ValueDriverAnswer>(key: K, value: ValueDriverAnswer[K]): void => props.state.set('drivers', props.index, key, value);
  const currency = () => props.state.answers.currency;
  return (
    <fieldset class="row-card">
      <legend>Source of value {props.index + 1}</legend>
      <TextField label={L.driverLabel} value={props.driver.label} onChange={(v) => set('label', v)} placeholder="e.g. Invoices matched" />
      <RangeFields label={L.volume} value={props.driver.volume} onChange={(v) => set('volume', v)} />
      <div class="field-grid">
        <TextField label={L.volumeUnit} value={props.driver.volumeUnit} onChange={(v) => set('volumeUnit', v)} placeholder="e.g. invoices/month" />
        <TextField label={L.volumeSource} value={props.driver.volumeSource} onChange={(v) => set('volumeSource', v)} placeholder="e.g. ERP, last 12 months" />
      </div>
      <div class="guided-choice" role="radiogroup" aria-label={`Value per unit of source ${props.index + 1}`}>
        <For each={KINDS}>
          {([kind, label]) => (
            <label class="checkbox">
              <input type="radio" name={`kind-${props.index}`} checked={props.driver.valueKind === kind} onChange={() => set('valueKind', kind)} />
              {label}
            </label>
          )}
        </For>
      </div>
      <Show
        when={props.driver.valueKind === 'time'}
        fallback={<RangeFields label={L.valuePerUnit} unit={currency()} value={props.driver.valuePerUnit} onChange={(v) => set('valuePerUnit', v)} />}
      >
        <RangeFields
          label={L.hoursPerUnit}
          unit="hours"
          value={props.driver.hoursPerUnit}
          onChange={(v) => set('hoursPerUnit', v)}
          hint="e.g. 0.05 to 0.08 (3 to 5 minutes)"
        />
        <RangeFields label={L.costPerHour} unit={currency()} value={props.driver.costPerHour} onChange={(v) => set('costPerHour', v)} />
      </Show>
      <div class="field-grid">
        <TextField label={L.valueSource} value={props.driver.valueSource} onChange={(v) => set('valueSource', v)} placeholder="e.g. pilot time study" />
        <GuidedNumber
          label={L.realizationPercent}
          unit="%"
          value={props.driver.realizationPercent}
          onChange={(v) => set('realizationPercent', v)}
          hint="Saved time is money only if it is re-used or cut; 50–80 % is common."
        />
      </div>
      <Show when={props.state.answers.drivers.length > 1}>
        <button type="button" class="button-quiet" onClick={() => props.state.set('drivers', (list) => list.filter((_, i) => i !== props.index))}>
          Remove source of value {props.index + 1}
        </button>
      </Show>
    </fieldset>
  );
};
