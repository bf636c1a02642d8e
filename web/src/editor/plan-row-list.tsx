import { For, Show, type Component } from 'solid-js';
import { NumberField } from '../components/number-field.tsx';
import { TextField } from '../components/text-field.tsx';
import { appendAt } from '../lib/json-pointer.ts';
import type { CaseDraft } from '../stores/case-draft.ts';

/** One column of a plan list: a text, a date or a number, required or optional. */
export interface PlanField {
  key: string;
  label: string;
  kind: 'text' | 'date' | 'number';
  optional?: boolean;
  hint?: string;
  class?: string;
}

/**
 * An editable list of plan rows (systems, milestones, rollout steps, who measures what):
 * one card per row with its fields and a Remove button, and an Add button that creates the
 * list and its parents when they are missing.
 */
export const PlanRowList: Component<{
  draft: CaseDraft;
  pointer: string;
  rows: readonly Record<string, unknown>[];
  fields: readonly PlanField[];
  itemName: string;
  template: Record<string, unknown>;
}> = (props) => {
  const issues = () => props.draft.validation().issues;
  const add = () => props.draft.mutate((doc) => void appendAt(doc as never, props.pointer, structuredClone(props.template)));
  return (
    <div class="plan-rows" data-plan-list={props.pointer}>
      <For each={props.rows}>
        {(row, index) => {
          const at = (key: string) => `${props.pointer}/${index()}/${key}`;
          return (
            <fieldset class="row-card">
              <legend>
                {props.itemName} {index() + 1}
              </legend>
              <div class="field-grid field-grid-6">
                <For each={props.fields}>
                  {(field) => (
                    <Show
                      when={field.kind === 'number'}
                      fallback={
                        <TextField
                          class={field.class}
                          label={field.label}
                          type={field.kind === 'date' ? 'date' : 'text'}
                          optional={field.optional}
                          hint={field.hint}
                          value={row[field.key] as string | undefined}
                          onChange={(v) => props.draft.update(at(field.key), v === '' && field.optional ? undefined : v)}
                          issues={issues().at(at(field.key))}
                        />
                      }
                    >
                      <NumberField
                        class={field.class}
                        label={field.label}
                        hint={field.hint}
                        value={row[field.key] as number | undefined}
                        onChange={(v) => props.draft.update(at(field.key), v)}
                        issues={issues().at(at(field.key))}
                      />
                    </Show>
                  )}
                </For>
                <div class="row-actions">
                  <button
                    type="button"
                    class="button-quiet"
                    onClick={() => props.draft.update(`${props.pointer}/${index()}`, undefined)}
                    aria-label={`Remove ${props.itemName.toLowerCase()} ${index() + 1}`}
                  >
                    Remove
                  </button>
                </div>
              </div>
            </fieldset>
          );
        }}
      </For>
      <button type="button" class="button-secondary" onClick={add}>
        + Add {props.itemName.toLowerCase()}
      </button>
    </div>
  );
};
