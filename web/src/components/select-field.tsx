import { createUniqueId, For, type Component } from 'solid-js';
import type { CaseIssue } from '../../../models/case/case-error.ts';
import { FieldErrors } from './field-errors.tsx';

export interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  issues?: readonly (CaseIssue | string)[];
  class?: string;
}

/** A labelled select with inline errors; the chosen option's full text is its tooltip, and CSS never lets it be cut mid-word unseen. */
export const SelectField: Component<SelectFieldProps> = (props) => {
  const id = createUniqueId();
  const invalid = (): boolean => (props.issues?.length ?? 0) > 0;
  // A narrow column may clip the chosen option: its full text stays available as a tooltip.
  const chosen = (): string | undefined => props.options.find((option) => option.value === props.value)?.label;
  return (
    <div class={`field ${props.class ?? ''}`} classList={{ 'field-invalid': invalid() }}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        title={chosen()}
        aria-invalid={invalid()}
        aria-describedby={invalid() ? `${id}-error` : undefined}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
      <FieldErrors id={`${id}-error`} issues={props.issues ?? []} label={props.label} />
    </div>
  );
};
