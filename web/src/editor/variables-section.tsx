import { createSignal, For, type Component } from 'solid-js';
import { EditorSection } from '../components/editor-section.tsx';
import { FormulaField } from '../components/formula-field.tsx';
import type { CaseDraft } from '../stores/case-draft.ts';
import { formulaNames } from './formula-names.ts';

/** Named intermediate formulas (e.g. contacts = contactsPerMonth * grow(volumeGrowthAnnual)). */
export const VariablesSection: Component<{ draft: CaseDraft }> = (props) => {
  const entries = () => Object.entries(props.draft.document.variables ?? {});
  const [name, setName] = createSignal('');
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
        <input id="new-variable-name" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        <button
          type="button"
          class="button-secondary"
          onClick={() => {
            if (!name().trim()) return;
            props.draft.update(`/variables/${name().trim()}`, '0');
            setName('');
          }}
        >
          + Add variable
        </button>
      </div>
    </EditorSection>
  );
};
