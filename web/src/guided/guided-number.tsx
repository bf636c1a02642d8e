import { createSignal, createUniqueId, Show, type Component } from 'solid-js';
import { parseNumber } from '../components/number-field.tsx';

export interface GuidedNumberProps {
  label: string;
  value: number | undefined;
  /** Each parsable value as typed; undefined when cleared, so a cleared field counts as blank. */
  onChange: (value: number | undefined) => void;
  unit?: string;
  hint?: string;
  optional?: boolean;
  class?: string;
}

/**
 * A labelled number box for the guided start. It keeps what is typed, accepts "1 250,5"
 * (and "8%" in a box whose unit is "%", as 8), and reports a cleared box as blank, so the
 * step's check names it by label.
 */
export const GuidedNumber: Component<GuidedNumberProps> = (props) => {
  const id = createUniqueId();
  const [text, setText] = createSignal(props.value === undefined ? '' : String(props.value));
  const [problem, setProblem] = createSignal<string | null>(null);
  const onInput = (raw: string): void => {
    setText(raw);
    // In a box already in percent ("%" unit), "8%" means 8, not 0.08.
    const parsed = parseNumber(props.unit?.startsWith('%') ? raw.replace(/%\s*$/, '') : raw);
    if (parsed === null) {
      setProblem(`${props.label}: enter a number, e.g. 1250 or 0.5`);
      props.onChange(undefined);
      return;
    }
    setProblem(null);
    props.onChange(parsed);
  };
  return (
    <div class={`field ${props.class ?? ''}`} classList={{ 'field-invalid': problem() !== null }}>
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
          aria-invalid={problem() !== null}
          aria-describedby={problem() ? `${id}-error` : props.hint ? `${id}-hint` : undefined}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
        <Show when={props.unit}>
          <span class="field-unit">{props.unit}</span>
        </Show>
      </div>
      <Show when={props.hint && !problem()}>
        <span id={`${id}-hint`} class="field-hint">
          {props.hint}
        </span>
      </Show>
      <Show when={problem()}>
        <div id={`${id}-error`} class="field-error" role="alert">
          <span>{problem()}</span>
        </div>
      </Show>
    </div>
  );
};
