import { createEffect, createSignal, createUniqueId, on, Show, untrack, type Component } from 'solid-js';
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

/**
 * A labelled number input that keeps what is being typed and reports only numbers. The
 * text is never rewritten while the user types (clearing "36" leaves it empty, so typing
 * 48 gives 48); an empty or unreadable entry is reported on blur, by label, and an error
 * goes as soon as the text becomes a valid number. Cleared, the field reports undefined,
 * so the draft holds what the user sees.
 */
export const NumberField: Component<NumberFieldProps> = (props) => {
  const id = props.id ?? createUniqueId();
  const errorId = `${id}-error`;
  const show = (value: number | undefined): string => (value === undefined ? '' : String(value));
  const [text, setText] = createSignal(show(props.value));
  const [focused, setFocused] = createSignal(false);
  const [blurred, setBlurred] = createSignal(false);
  // Only what the user typed is judged here; a value that came from the document gets the engine's issues.
  const [edited, setEdited] = createSignal(false);

  // Follow outside changes (conflict resolution, mode switch, undo) unless they are what we typed.
  createEffect(
    on(
      () => props.value,
      (value) => {
        if (parseNumber(untrack(text)) !== value) setText(show(value));
      },
      { defer: true },
    ),
  );

  /** What is wrong with the text itself, in words with the label; null when it is a number (or an allowed blank). */
  const textError = (): string | null => {
    if (!edited()) return null;
    const parsed = parseNumber(text());
    if (parsed === null) return `${props.label} must be a number: type it as e.g. 1250 or 0.5`;
    if (parsed === undefined && !props.optional) return `${props.label} is required: enter a number`;
    return null;
  };

  const onInput = (raw: string): void => {
    setText(raw);
    setEdited(true);
    const parsed = parseNumber(raw);
    if (parsed !== null) props.onChange(parsed);
  };

  // While the user is mid-edit (focused, the text not yet a number) nothing is flagged; on blur
  // the text's own problem is shown, and it replaces the engine's message about the same value.
  const allIssues = (): (CaseIssue | string)[] => {
    const local = textError();
    if (local) return blurred() && !focused() ? [local] : [];
    return [...(props.issues ?? [])];
  };

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
          aria-required={!props.optional}
          aria-describedby={allIssues().length > 0 ? errorId : props.hint ? `${id}-hint` : undefined}
          onInput={(event) => onInput(event.currentTarget.value)}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false);
            setBlurred(true);
          }}
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
      <FieldErrors id={errorId} issues={allIssues()} label={props.label} />
    </div>
  );
};
