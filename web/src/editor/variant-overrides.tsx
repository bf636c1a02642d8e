import { createSignal, createUniqueId, For, Show, type Component } from 'solid-js';
import { DistributionPicker } from '../components/distribution-picker.tsx';
import { FormulaField } from '../components/formula-field.tsx';
import type { CaseDraft } from '../stores/case-draft.ts';
import { formulaNames } from './formula-names.ts';

/**
 * Inputs whose distribution differs in the variant. Overriding starts from a copy of the
 * case's input (unit, source and distribution), edited with the same picker as the case's.
 */
export const VariantInputOverrides: Component<{ draft: CaseDraft; id: string }> = (props) => {
  const base = () => `/variants/${props.id}/inputs`;
  const overridden = () => Object.entries(props.draft.document.variants?.[props.id]?.inputs ?? {});
  const available = () => Object.keys(props.draft.document.inputs ?? {}).filter((name) => !props.draft.document.variants?.[props.id]?.inputs?.[name]);
  const labelOf = (name: string) => props.draft.document.inputs?.[name]?.label ?? name;
  const add = (name: string): void =>
    props.draft.mutate((doc) => {
      const variant = doc.variants?.[props.id];
      const input = doc.inputs[name];
      if (!variant || !input) return;
      variant.inputs = { ...(variant.inputs ?? {}), [name]: JSON.parse(JSON.stringify(input)) };
    });
  const drop = (name: string): void =>
    props.draft.mutate((doc) => {
      const variant = doc.variants?.[props.id];
      if (!variant?.inputs) return;
      delete variant.inputs[name];
      if (Object.keys(variant.inputs).length === 0) delete variant.inputs;
    });
  return (
    <fieldset class="variant-part" data-testid="variant-inputs">
      <legend>Inputs that differ in this variant</legend>
      <For each={overridden()}>
        {([name, input]) => (
          <div class="variant-override" data-input={name}>
            <DistributionPicker
              value={input.distribution}
              unit={input.unit ?? ''}
              label={`${labelOf(name)} in this variant`}
              pointer={`${base()}/${name}/distribution`}
              issues={props.draft.validation().issues}
              format={props.draft.format()}
              noPreview
              onChange={(spec) => props.draft.update(`${base()}/${name}/distribution`, spec)}
            />
            <button type="button" class="button-quiet" onClick={() => drop(name)}>
              Use the case's value for {labelOf(name)}
            </button>
          </div>
        )}
      </For>
      <AddPicker label="Change an input" choices={available().map((name) => ({ value: name, label: labelOf(name) }))} onAdd={add} />
    </fieldset>
  );
};

/** Variables whose formula differs in the variant, starting from the case's formula. */
export const VariantVariableOverrides: Component<{ draft: CaseDraft; id: string }> = (props) => {
  const base = () => `/variants/${props.id}/variables`;
  const overridden = () => Object.entries(props.draft.document.variants?.[props.id]?.variables ?? {});
  const available = () =>
    Object.keys(props.draft.document.variables ?? {}).filter((name) => props.draft.document.variants?.[props.id]?.variables?.[name] === undefined);
  const add = (name: string): void =>
    props.draft.mutate((doc) => {
      const variant = doc.variants?.[props.id];
      const formula = doc.variables?.[name];
      if (!variant || formula === undefined) return;
      variant.variables = { ...(variant.variables ?? {}), [name]: formula };
    });
  const drop = (name: string): void =>
    props.draft.mutate((doc) => {
      const variant = doc.variants?.[props.id];
      if (!variant?.variables) return;
      delete variant.variables[name];
      if (Object.keys(variant.variables).length === 0) delete variant.variables;
    });
  return (
    <Show when={Object.keys(props.draft.document.variables ?? {}).length > 0}>
      <fieldset class="variant-part" data-testid="variant-variables">
        <legend>Variables that differ in this variant</legend>
        <For each={overridden()}>
          {([name, formula]) => (
            <div class="formula-row">
              <FormulaField
                label={`${name} in this variant`}
                value={formula}
                pointer={`${base()}/${name}`}
                issues={props.draft.validation().issues}
                names={formulaNames(props.draft.document)}
                onChange={(value) => props.draft.update(`${base()}/${name}`, value)}
              />
              <button type="button" class="button-quiet" onClick={() => drop(name)}>
                Use the case's formula for {name}
              </button>
            </div>
          )}
        </For>
        <AddPicker label="Change a variable" choices={available().map((name) => ({ value: name, label: name }))} onAdd={add} />
      </fieldset>
    </Show>
  );
};

/** A select of what can still be overridden and a button to override it. */
const AddPicker: Component<{ label: string; choices: { value: string; label: string }[]; onAdd: (value: string) => void }> = (props) => {
  const id = createUniqueId();
  const [chosen, setChosen] = createSignal('');
  const value = () => (props.choices.some((choice) => choice.value === chosen()) ? chosen() : (props.choices[0]?.value ?? ''));
  return (
    <Show when={props.choices.length > 0}>
      <div class="inline-form">
        <label for={id}>{props.label}</label>
        <select id={id} value={value()} onChange={(e) => setChosen(e.currentTarget.value)}>
          <For each={props.choices}>
            {(choice) => (
              <option value={choice.value} selected={choice.value === value()}>
                {choice.label}
              </option>
            )}
          </For>
        </select>
        <button type="button" class="button-secondary" aria-label={`+ ${props.label}`} onClick={() => value() && props.onAdd(value())}>
          + Change
        </button>
      </div>
    </Show>
  );
};
