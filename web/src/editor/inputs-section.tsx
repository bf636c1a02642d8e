import { createSignal, For, Show, type Component } from 'solid-js';
import { EditorSection } from '../components/editor-section.tsx';
import { currentRoute } from '../lib/router.ts';
import type { CaseDraft } from '../stores/case-draft.ts';
import { InputCard } from './input-card.tsx';

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Every uncertain input, each with its distribution, unit and source. */
export const InputsSection: Component<{ draft: CaseDraft }> = (props) => {
  const names = () => Object.keys(props.draft.document.inputs ?? {});
  const [newName, setNewName] = createSignal('');
  const [nameError, setNameError] = createSignal<string | null>(null);
  const add = (): void => {
    const name = newName().trim();
    if (!IDENTIFIER.test(name)) return void setNameError('New input name: start with a letter and use only letters, digits and _');
    if (names().includes(name) || name in (props.draft.document.variables ?? {})) {
      return void setNameError(`New input name: "${name}" is already an input or a variable; choose another name`);
    }
    setNameError(null);
    props.draft.update(`/inputs/${name}`, { label: name, unit: 'unit', source: 'to be documented', distribution: { type: 'pert', min: 1, mode: 2, max: 4 } });
    setNewName('');
  };
  return (
    <EditorSection
      id="inputs"
      title={`Inputs (${names().length})`}
      problems={props.draft.validation().issues.under('/inputs').length}
      description="Each estimate as a distribution: give a range you are 90% sure of, or three points. Open an input to edit it and see its shape."
    >
      <div class="input-list">
        <For each={names()}>{(name) => <InputCard draft={props.draft} name={name} open={currentRoute().query.get('input') === name} />}</For>
      </div>
      <div class="inline-form">
        <label for="new-input-name">New input name</label>
        <input
          id="new-input-name"
          value={newName()}
          onInput={(e) => setNewName(e.currentTarget.value)}
          aria-invalid={Boolean(nameError())}
          aria-describedby={nameError() ? 'new-input-error' : undefined}
        />
        <button type="button" class="button-secondary" onClick={add}>
          + Add input
        </button>
        <Show when={nameError()}>
          <span id="new-input-error" class="field-error" role="alert">
            {nameError()}
          </span>
        </Show>
      </div>
    </EditorSection>
  );
};
