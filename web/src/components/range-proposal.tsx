import { createSignal, createUniqueId, Show, type Component } from 'solid-js';
import type { RangeText } from '../../../models/case/range-text.ts';
import type { DistributionSpec } from '../../../models/distributions/spec.ts';

export interface RangeProposalProps {
  /** The parsed range typed in the field. */
  range: RangeText;
  /** The proposed name (from the line's label); the user may edit it. */
  proposedName: string;
  /** Why a name cannot be used, or null. */
  nameProblem: (name: string) => string | null;
  /** Whether the field has lost focus: a range that cannot be used is only flagged then. */
  blurred: boolean;
  onCreate: (name: string, spec: DistributionSpec) => void;
  onKeep: () => void;
}

/**
 * The offer under a formula field in which a range was typed ("5 to 10"): create a named
 * input with that distribution, under an editable name, or keep the text as a formula.
 * A range that cannot be used says why once the field is left.
 */
export const RangeProposal: Component<RangeProposalProps> = (props) => {
  const id = createUniqueId();
  const [edited, setEdited] = createSignal<string | null>(null);
  const name = (): string => edited() ?? props.proposedName;
  const problem = (): string | null => props.nameProblem(name());
  const create = (spec: DistributionSpec): void => {
    if (problem()) return;
    props.onCreate(name(), spec);
    setEdited(null);
  };
  return (
    <Show
      when={props.range.ok && props.range}
      fallback={
        <Show when={props.blurred && !props.range.ok && props.range}>
          {(failed) => (
            <p class="range-proposal range-proposal-invalid" role="status" data-testid="range-proposal">
              Not a usable range yet: {failed().message}.{' '}
              <button type="button" class="link-button" onClick={() => props.onKeep()}>
                Keep as formula
              </button>
            </p>
          )}
        </Show>
      }
    >
      {(range) => (
        <fieldset class="range-proposal" data-testid="range-proposal">
          <legend class="range-proposal-title">
            A range: create an input for it? <span class="range-proposal-summary">{range().summary}</span>
          </legend>
          <div class="range-proposal-row">
            <label for={`${id}-name`}>Create input</label>
            <input
              id={`${id}-name`}
              class="range-proposal-name"
              value={name()}
              spellcheck={false}
              autocomplete="off"
              aria-invalid={Boolean(problem())}
              aria-describedby={problem() ? `${id}-error` : undefined}
              onInput={(event) => setEdited(event.currentTarget.value.trim())}
              onKeyDown={(event) => event.key === 'Enter' && create(range().spec)}
            />
            <button type="button" class="button-primary button-small" disabled={Boolean(problem())} onClick={() => create(range().spec)}>
              Create
            </button>
            <button type="button" class="button-quiet button-small" onClick={() => props.onKeep()}>
              Keep as formula
            </button>
          </div>
          <Show when={problem()}>
            <span id={`${id}-error`} class="field-error" role="alert">
              {problem()}
            </span>
          </Show>
        </fieldset>
      )}
    </Show>
  );
};
