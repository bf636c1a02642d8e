import { createEffect, createSignal, createUniqueId, For, Show, type Component } from 'solid-js';
import type { CaseIssue } from '../../../models/case/case-error.ts';
import { EMPTY_ISSUES, issueText, type IssueIndex } from '../lib/case-issues.ts';
import { parseNumber } from './number-field.tsx';

export interface FormulaFieldProps {
  label: string;
  value: string | number | undefined;
  onChange: (value: string | number) => void;
  /** JSON pointer of the formula, e.g. /benefits/0/amount. */
  pointer: string;
  issues?: IssueIndex;
  /** Names the formula may use, offered as completions. */
  names?: readonly string[];
  unit?: string;
  hint?: string;
}

const UNKNOWN_NAME = /unknown name "([^"]+)"/;

/**
 * A formula input (mathjs syntax, or a plain number). Shows the engine's error for this
 * formula inline, e.g. 'unknown name "contactz" — did you mean "contacts"?', and offers
 * the suggested name as a one-click fix.
 */
export const FormulaField: Component<FormulaFieldProps> = (props) => {
  const id = createUniqueId();
  const listId = `${id}-names`;
  const [text, setText] = createSignal(props.value === undefined ? '' : String(props.value));
  createEffect(() => {
    const value = props.value === undefined ? '' : String(props.value);
    if (value !== text() && String(toFormula(text())) !== value) setText(value);
  });

  const issues = (): CaseIssue[] => (props.issues ?? EMPTY_ISSUES).at(props.pointer);
  const invalid = (): boolean => issues().length > 0;

  function toFormula(raw: string): string | number {
    const number = parseNumber(raw);
    return typeof number === 'number' && /^[\d\s.,+-]+$/.test(raw.trim()) ? number : raw;
  }

  const commit = (raw: string): void => {
    setText(raw);
    props.onChange(toFormula(raw));
  };

  const fix = (issue: CaseIssue): (() => void) | null => {
    const unknown = issue.message.match(UNKNOWN_NAME)?.[1];
    if (!unknown || !issue.hint) return null;
    return () => commit(text().replace(new RegExp(`\\b${unknown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g'), issue.hint!));
  };

  return (
    <div class="field field-formula" classList={{ 'field-invalid': invalid() }}>
      <label for={id}>
        {props.label}
        <Show when={props.unit}>
          <span class="field-optional"> ({props.unit})</span>
        </Show>
      </label>
      <input
        id={id}
        class="formula-input"
        type="text"
        spellcheck={false}
        autocomplete="off"
        list={props.names?.length ? listId : undefined}
        value={text()}
        aria-invalid={invalid()}
        aria-describedby={invalid() ? `${id}-error` : props.hint ? `${id}-hint` : undefined}
        onInput={(event) => commit(event.currentTarget.value)}
      />
      <Show when={props.names?.length}>
        <datalist id={listId}>
          <For each={props.names}>{(name) => <option value={name} />}</For>
        </datalist>
      </Show>
      <Show when={props.hint && !invalid()}>
        <span id={`${id}-hint`} class="field-hint">
          {props.hint}
        </span>
      </Show>
      <Show when={invalid()}>
        <div id={`${id}-error`} class="field-error" role="alert">
          <For each={issues()}>
            {(issue) => (
              <span>
                {issueText(issue)}
                <Show when={fix(issue)}>
                  {(apply) => (
                    <button type="button" class="link-button" onClick={() => apply()()}>
                      Use "{issue.hint}"
                    </button>
                  )}
                </Show>
              </span>
            )}
          </For>
        </div>
      </Show>
    </div>
  );
};
