import { createSignal, For, Show, type Component } from 'solid-js';
import { EditorSection } from '../components/editor-section.tsx';
import { FormulaField } from '../components/formula-field.tsx';
import type { CaseDraft } from '../stores/case-draft.ts';
import { formulaNames } from './formula-names.ts';

/** Named intermediate formulas (e.g. contacts = contactsPerMonth * grow(volumeGrowthAnnual)). */
export const VariablesSection: Component<{ draft: CaseDraft }> = (props) => {
  const entries = () => Object.entries(props.draft.document.variables ?? {});
  const [name, setName] = createSignal('');
  const [nameError, setNameError] = createSignal<string | null>(null);
  // An existing name would overwrite that variable's formula with 0: refuse it in words instead.
  const add = (): void => {
    const wanted = name().trim();
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(wanted)) return void setNameError('New variable name: start with a letter and use only letters, digits and _');
    const document = props.draft.document;
    if (wanted in (document.variables ?? {}) || wanted in (document.inputs ?? {})) {
      return void setNameError(`New variable name: "${wanted}" is already an input or a variable; choose another name`);
    }
    setNameError(null);
    props.draft.update(`/variables/${wanted}`, '0');
    setName('');
  };
  return (
    <EditorSection
      id="variables"
      title="Variables"
      problems={props.draft.validation().issues.under('/variables').length}
      description="Formulas evaluated every month of every trial; lines can use them by name."
    >
      <div class="formula-list">
        <For each={entries()}>
          {([variable, formula]) => (
            <div class="formula-row">
              <FormulaField
                label={variable}
                value={formula}
                pointer={`/variables/${variable}`}
                issues={props.draft.validation().issues}
                names={formulaNames(props.draft.document)}
                onChange={(value) => props.draft.update(`/variables/${variable}`, value)}
              />
              <button
                type="button"
                class="button-quiet"
                onClick={() => props.draft.update(`/variables/${variable}`, undefined)}
                aria-label={`Remove variable ${variable}`}
              >
                Remove
              </button>
            </div>
          )}
        </For>
      </div>
      <div class="inline-form">
        <label for="new-variable-name">New variable name</label>
        <input
          id="new-variable-name"
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          aria-invalid={Boolean(nameError())}
          aria-describedby={nameError() ? 'new-variable-error' : undefined}
        />
        <button type="button" class="button-secondary" onClick={add}>
          + Add variable
        </button>
        <Show when={nameError()}>
          <span id="new-variable-error" class="field-error" role="alert">
            {nameError()}
          </span>
        </Show>
      </div>
    </EditorSection>
  );
};
