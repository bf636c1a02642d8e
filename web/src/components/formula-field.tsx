import { createEffect, createMemo, createSignal, createUniqueId, For, Show, type Component } from 'solid-js';
import type { CaseIssue } from '../../../models/case/case-error.ts';
import { parseRangeText } from '../../../models/case/range-text.ts';
import type { DistributionSpec } from '../../../models/distributions/spec.ts';
import { EMPTY_ISSUES, issueText, type IssueIndex } from '../lib/case-issues.ts';
import { parseNumber } from './number-field.tsx';
import { RangeProposal } from './range-proposal.tsx';

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
  /**
   * Offers to turn a range typed here ("5 to 10", "~8 ±20%", "3, 5, 9") into a named input:
   * `name` proposes its name (from the line's label), `nameProblem` checks an edited one,
   * `create` makes the input and puts its name in the field.
   */
  rangeInput?: {
    name: () => string;
    nameProblem: (name: string) => string | null;
    create: (name: string, spec: DistributionSpec) => void;
  };
}

const UNKNOWN_NAME = /unknown name "([^"]+)"/;

/** Opens an input's card in the editor and puts the cursor in its first field to fill (unit or source). */
function openInput(name: string): void {
  const card = document.querySelector<HTMLDetailsElement>(`details[data-input="${CSS.escape(name)}"]`);
  if (!card) return;
  card.open = true;
  card.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
  card.querySelector<HTMLElement>('[aria-invalid="true"], textarea')?.focus();
}

/**
 * A formula input (mathjs syntax, or a plain number). Shows the engine's error for this
 * formula inline, named by the field's label, e.g. 'Amount: unknown name "contactz" — did
 * you mean "contacts"?', and offers the suggested name as a one-click fix. With
 * `rangeInput`, a range typed here ("5 to 10") is offered as a new named input.
 */
export const FormulaField: Component<FormulaFieldProps> = (props) => {
  const id = createUniqueId();
  const listId = `${id}-names`;
  const [text, setText] = createSignal(props.value === undefined ? '' : String(props.value));
  createEffect(() => {
    const value = props.value === undefined ? '' : String(props.value);
    if (value !== text() && String(toFormula(text())) !== value) setText(value);
  });

  const [blurred, setBlurred] = createSignal(false);
  // The text the user chose to keep as a formula although it reads as a range.
  const [kept, setKept] = createSignal<string | null>(null);
  const range = createMemo(() => (props.rangeInput && kept() !== text() ? parseRangeText(text()) : null));
  const [created, setCreated] = createSignal<string | null>(null);

  // While a range is offered, the offer explains the text: the formula's errors about it would only repeat it.
  const issues = (): CaseIssue[] => (range() ? [] : (props.issues ?? EMPTY_ISSUES).at(props.pointer));
  const invalid = (): boolean => issues().length > 0;

  function toFormula(raw: string): string | number {
    // "3, 5, 9" is three points, not the number 359 with grouping commas.
    if (parseRangeText(raw)) return raw;
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
        onInput={(event) => {
          setBlurred(false);
          setCreated(null);
          commit(event.currentTarget.value);
        }}
        onBlur={() => setBlurred(true)}
      />
      <Show when={props.rangeInput && range()}>
        {(parsed) => (
          <RangeProposal
            range={parsed()}
            proposedName={props.rangeInput!.name()}
            nameProblem={props.rangeInput!.nameProblem}
            blurred={blurred()}
            onCreate={(name, spec) => {
              props.rangeInput!.create(name, spec);
              setText(name);
              setCreated(name);
            }}
            onKeep={() => setKept(text())}
          />
        )}
      </Show>
      <Show when={created()}>
        {(name) => (
          <p class="field-hint range-created" role="status">
            Created input <code>{name()}</code>.{' '}
            <button type="button" class="link-button" onClick={() => openInput(name())}>
              Add its unit and source
            </button>
          </p>
        )}
      </Show>
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
                {issueText(issue, props.label)}
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
