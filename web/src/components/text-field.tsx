import { createUniqueId, Show, type Component } from 'solid-js';
import type { CaseIssue } from '../../../models/case/case-error.ts';
import { FieldErrors } from './field-errors.tsx';

export interface TextFieldProps {
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  issues?: readonly (CaseIssue | string)[];
  multiline?: boolean;
  optional?: boolean;
  placeholder?: string;
  hint?: string;
  type?: 'text' | 'date';
  class?: string;
  rows?: number;
}

/** A labelled text input or text area with inline errors. */
export const TextField: Component<TextFieldProps> = (props) => {
  const id = createUniqueId();
  const errorId = `${id}-error`;
  const invalid = (): boolean => (props.issues?.length ?? 0) > 0;
  return (
    <div class={`field ${props.class ?? ''}`} classList={{ 'field-invalid': invalid() }}>
      <label for={id}>
        {props.label}
        <Show when={props.optional}>
          <span class="field-optional"> (optional)</span>
        </Show>
      </label>
      <Show
        when={props.multiline}
        fallback={
          <input
            id={id}
            type={props.type ?? 'text'}
            value={props.value ?? ''}
            placeholder={props.placeholder}
            aria-invalid={invalid()}
            aria-describedby={invalid() ? errorId : props.hint ? `${id}-hint` : undefined}
            onInput={(event) => props.onChange(event.currentTarget.value)}
          />
        }
      >
        <textarea
          id={id}
          rows={props.rows ?? 3}
          value={props.value ?? ''}
          placeholder={props.placeholder}
          aria-invalid={invalid()}
          aria-describedby={invalid() ? errorId : props.hint ? `${id}-hint` : undefined}
          onInput={(event) => props.onChange(event.currentTarget.value)}
        />
      </Show>
      <Show when={props.hint && !invalid()}>
        <span id={`${id}-hint`} class="field-hint">
          {props.hint}
        </span>
      </Show>
      <FieldErrors id={errorId} issues={props.issues ?? []} label={props.label} />
    </div>
  );
};
