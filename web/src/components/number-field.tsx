import { createEffect, createSignal, createUniqueId, Show, type Component } from 'solid-js';
import type { CaseIssue } from '../../../models/case/case-error.ts';
import { FieldErrors } from './field-errors.tsx';

export interface NumberFieldProps {
  label: string;
  value: number | undefined;
  /** Called with each parsable value as the user types, and with undefined when cleared. */
  onChange: (value: number | undefined) => void;
  issues?: readonly (CaseIssue | string)[];
  unit?: string;
  optional?: boolean;
  placeholder?: string;
  hint?: string;
  step?: string;
  id?: string;
  class?: string;
}

/**
 * Parses a number as people type it: grouping spaces and a decimal comma are accepted
 * (German and French users type "0,5"), "%" divides by 100.
 *
 * @example
 * parseNumber('1 250,5') // 1250.5
 */
export function parseNumber(text: string): number | undefined | null {
  const trimmed = text.trim().replace(/[\s\u00a0\u202f_']/g, '');
  if (trimmed === '') return undefined;
  const percent = trimmed.endsWith('%');
  let body = percent ? trimmed.slice(0, -1) : trimmed;
  // A single comma with no dot is a decimal comma; commas with a dot are grouping.
  if (body.includes(',') && !body.includes('.') && (body.match(/,/g) ?? []).length === 1) body = body.replace(',', '.');
  else body = body.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(body)) return null;
  const value = Number(body);
  if (!Number.isFinite(value)) return null;
  return percent ? value / 100 : value;
}

/** A labelled number input that keeps what is being typed and reports only numbers. */
export const NumberField: Component<NumberFieldProps> = (props) => {
  const id = props.id ?? createUniqueId();
  const errorId = `${id}-error`;
  const [text, setText] = createSignal(props.value === undefined ? '' : String(props.value));
  const [parseError, setParseError] = createSignal<string | null>(null);

  // Follow outside changes (conflict resolution, mode switch) unless they are what we typed.
  createEffect(() => {
    const value = props.value;
    const typed = parseNumber(text());
    if (typed !== value) setText(value === undefined ? '' : String(value));
  });

  const onInput = (raw: string): void => {
    setText(raw);
    const parsed = parseNumber(raw);
    if (parsed === null) {
      setParseError(`${props.label}: enter a number, e.g. 1250 or 0.5`);
      return;
    }
    if (parsed === undefined && !props.optional) {
      setParseError(`${props.label} is required`);
      return;
    }
    setParseError(null);
    props.onChange(parsed);
  };

  const allIssues = (): (CaseIssue | string)[] => [...(parseError() ? [parseError()!] : []), ...(props.issues ?? [])];

  return (
    <div class={`field ${props.class ?? ''}`} classList={{ 'field-invalid': allIssues().length > 0 }}>
      <label for={id}>
        {props.label}
        <Show when={props.optional}>
          <span class="field-optional"> (optional)</span>
        </Show>
      </label>
      <div class="field-control">
        <input
          id={id}
          type="text"
          inputmode="decimal"
          autocomplete="off"
          value={text()}
          placeholder={props.placeholder}
          aria-invalid={allIssues().length > 0}
          aria-describedby={allIssues().length > 0 ? errorId : props.hint ? `${id}-hint` : undefined}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
        <Show when={props.unit}>
          <span class="field-unit">{props.unit}</span>
        </Show>
      </div>
      <Show when={props.hint && allIssues().length === 0}>
        <span id={`${id}-hint`} class="field-hint">
          {props.hint}
        </span>
      </Show>
      <FieldErrors id={errorId} issues={allIssues()} />
    </div>
  );
};
